"""Revision 0014 adds the satisfaction tables and takes them away again, on both engines."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from app.services.context import Actor
from app.store import migrate
from app.store.engine import Database

TABLES = {"satisfaction_surveys", "interview_rounds", "interview_samples"}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def _move(db: Database, revision: str) -> None:
    config = migrate.alembic_config(db.engine)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        if revision == "head":
            command.upgrade(config, revision)
        else:
            command.downgrade(config, revision)


def _tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names())


def test_the_tables_go_down_and_come_back(db: Database, admin: Actor) -> None:
    assert _tables(db) >= TABLES
    _move(db, "0013")
    assert not TABLES & _tables(db)
    assert migrate.current_revision(db.engine) == "0013"
    _move(db, "head")
    assert _tables(db) >= TABLES
    assert migrate.current_revision(db.engine) == migrate.head_revision(db.engine)
