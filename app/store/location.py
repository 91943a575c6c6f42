"""Where the data lives: `--db`, then `STATIONDESK_DB`, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "StationDesk"
ENV_DB = "STATIONDESK_DB"
ENV_DATA = "STATIONDESK_DATA"


def data_dir() -> Path:
    """The folder for the database, backups, photos and logs (created when missing).

    On Linux and macOS it is the user's alone (0700); on Windows it lies in the user's
    profile, which other users of the PC cannot read.
    """
    override = os.environ.get(ENV_DATA)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        mode = path.stat()
        if mode.st_uid == os.getuid() and mode.st_mode & 0o077:
            path.chmod(0o700)  # a folder made by an older version was open to everyone
    return path


def keep_files_private() -> None:
    """Every file the program creates from now on is readable by its user only (0600, and
    folders 0700): the database with its WAL, backups, logs, photos, exported PDFs and
    spreadsheets hold sensitive personal data, and office PCs are shared. No effect on
    Windows, where the files inherit the user's profile permissions."""
    if os.name == "posix":
        os.umask(0o077)


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(exist_ok=True)
    return path


def file_of(location: str | Path) -> Path | None:
    """The SQLite file a location names (`~` expanded, made absolute); None for a URL."""
    text = str(location)
    if "://" in text:
        return None
    return Path(text).expanduser().resolve()


def default_database() -> str:
    """The database location when none is given on the command line."""
    return os.environ.get(ENV_DB) or str(data_dir() / "stationdesk.sqlite3")


def shown_location(location: str) -> str:
    """A database location fit to print or log: a server URL's password becomes ***."""
    if "://" not in location:
        return location
    # SQLAlchemy loads only for a URL: a plain path's window starts without it.
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(location).render_as_string(hide_password=True)
    except ArgumentError:
        return location.split("://", 1)[0] + "://***"


def sqlite_file(location: str) -> Path | None:
    """The SQLite file a location names, or None for a server; as `engine.sqlite_path(
    engine.database_url(location))`, but a plain path is resolved without SQLAlchemy."""
    if "://" in location:
        from app.store.engine import database_url, sqlite_path

        return sqlite_path(database_url(location))
    return Path(location).expanduser().resolve()
