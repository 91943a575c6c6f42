"""What the login window shows, read straight from a SQLite file before SQLAlchemy loads.

The window can then open at once while the database is opened and upgraded, and the
rest of the program imported, in the background. Anything out of the ordinary (no user
yet, a file marked as moved to the server, a file this cannot read) gives None, and the
start takes the long way through the services, which say what to do about it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.store.sqlite_files import read_only_uri

MOVED_KEY = "station.moved_to"
"""The whole file's setting that marks a station's file as moved to the county's server."""


@dataclass(frozen=True)
class LoginFacts:
    station_name: str
    """As `SetupService.station_name`: empty when the file holds several stations."""


def login_facts(path: Path) -> LoginFacts | None:
    """The login window's facts, if the file has users and has not moved; else None."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is None:
            return None
        moved = conn.execute(
            "SELECT 1 FROM settings WHERE key = ? AND station_id IS NULL LIMIT 1", (MOVED_KEY,)
        ).fetchone()
        if moved is not None:
            return None
        names = [row[0] for row in conn.execute("SELECT name FROM stations ORDER BY id LIMIT 2")]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return LoginFacts(names[0] if len(names) == 1 else "")
