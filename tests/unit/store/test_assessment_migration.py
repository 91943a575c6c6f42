"""Revision 0015 adds the worker assessments' table; a downgrade takes it away again."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from app.domain.assessment import parse_period
from app.services.assessment.service import AssessmentService
from app.services.assessment.types import ScoreInput
from app.services.context import Actor
from app.store import migrate
from app.store.engine import Database
from tests.unit.services.assessment.assessment_records import TODAY, build


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
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_the_table_goes_down_and_comes_back_up(db: Database, admin: Actor) -> None:
    built = build(db, admin)
    head = AssessmentService(db, admin, today=TODAY)
    q3 = parse_period("2026Q3")
    head.save(built.a.user_id, q3, scores=(ScoreInput("skill", 4),), comment="好", version=None)
    _move(db, "0014")
    assert "worker_assessments" not in _tables(db)
    _move(db, "head")
    assert "worker_assessments" in _tables(db)
    head.save(built.a.user_id, q3, scores=(ScoreInput("skill", 3),), comment="", version=None)
    assert head.view(built.a.user_id, q3).sheet.scores[1].score == 3
