"""Revision 0012 adds the evaluation tables; a downgrade drops them, and upgrading again
brings them back empty, on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from app.domain.evaluation import RoundKind
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rounds import EvaluationService
from app.services.evaluation.types import RoundInput
from app.store import migrate
from app.store.engine import Database
from tests.unit.services.evaluation import sheets

TABLES = {"evaluation_systems", "evaluation_indicators", "evaluation_rounds",
          "evaluation_scores", "rectifications", "rectification_files"}  # fmt: skip


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


def tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names()) & TABLES


def test_the_tables_go_with_a_downgrade_and_come_back(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    system = IndicatorService(db, admin).import_file(sheets.small(tmp_path / "s.xlsx"))
    EvaluationService(db, admin).add_round(
        RoundInput(system_id=system.system_id, kind=RoundKind.FINAL, held_on=dt.date(2020, 1, 2))
    )
    assert tables(db) == TABLES
    _move(db, "0011")
    db.engine.dispose()
    assert tables(db) == set()
    _move(db, "head")
    db.engine.dispose()
    assert tables(db) == TABLES
    assert IndicatorService(db, admin).list() == []
