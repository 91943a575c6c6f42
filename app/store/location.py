"""Where the data lives: `--db`, then `STATIONDESK_DB`, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "StationDesk"
ENV_DB = "STATIONDESK_DB"
ENV_DATA = "STATIONDESK_DATA"


def data_dir() -> Path:
    """The folder for the database, backups, photos and logs (created when missing)."""
    override = os.environ.get(ENV_DATA)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(exist_ok=True)
    return path


def default_database() -> str:
    """The database location when none is given on the command line."""
    return os.environ.get(ENV_DB) or str(data_dir() / "stationdesk.sqlite3")
