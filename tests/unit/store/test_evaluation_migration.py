"""Revision 0012 adds the evaluation tables; a downgrade drops them, and upgrading again
brings them back empty, on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.domain.evaluation import RoundKind
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rounds import EvaluationService
from app.services.evaluation.types import RoundInput
from app.store.engine import Database
from tests.unit.services.evaluation import sheets
from tests.unit.store.migrating import move, tables

TABLES = {"evaluation_systems", "evaluation_indicators", "evaluation_rounds",
          "evaluation_scores", "rectifications", "rectification_files"}  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def evaluation_tables(db: Database) -> set[str]:
    return tables(db) & TABLES


def test_the_tables_go_with_a_downgrade_and_come_back(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    system = IndicatorService(db, admin).import_file(sheets.small(tmp_path / "s.xlsx"))
    EvaluationService(db, admin).add_round(
        RoundInput(system_id=system.system_id, kind=RoundKind.FINAL, held_on=dt.date(2020, 1, 2))
    )
    assert evaluation_tables(db) == TABLES
    move(db, "0011")
    db.engine.dispose()
    assert evaluation_tables(db) == set()
    move(db, "head")
    db.engine.dispose()
    assert evaluation_tables(db) == TABLES
    assert IndicatorService(db, admin).list() == []
