"""Moving a test database along the migrations, for the tests of one revision each."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from app.store import migrate
from app.store.engine import Database


def move(db: Database, revision: str) -> None:
    """Upgrade to "head" or downgrade to `revision`, in one transaction."""
    config = migrate.alembic_config(db.engine)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        if revision == "head":
            command.upgrade(config, revision)
        else:
            command.downgrade(config, revision)


def tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())
