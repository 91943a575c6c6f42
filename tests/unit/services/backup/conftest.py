"""Backups copy the station's database file: SQLite only (a county server is backed up by
its own administrator, and the service says so)."""

from __future__ import annotations

import pytest

from app.store.engine import Database


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    return sqlite_db
