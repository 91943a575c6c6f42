"""Revision 0014 adds the satisfaction tables and takes them away again, on both engines."""

from __future__ import annotations

import pytest

from app.services.context import Actor
from app.store import migrate
from app.store.engine import Database
from tests.unit.store.migrating import move, tables

TABLES = {"satisfaction_surveys", "interview_rounds", "interview_samples"}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def test_the_tables_go_down_and_come_back(db: Database, admin: Actor) -> None:
    assert tables(db) >= TABLES
    move(db, "0013")
    assert not TABLES & tables(db)
    assert migrate.current_revision(db.engine) == "0013"
    move(db, "head")
    assert tables(db) >= TABLES
    assert migrate.current_revision(db.engine) == migrate.head_revision(db.engine)
