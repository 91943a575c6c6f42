"""Revision 0015 adds the worker assessments' table; a downgrade takes it away again."""

from __future__ import annotations

import pytest

from app.domain.assessment import parse_period
from app.services.assessment.service import AssessmentService
from app.services.assessment.types import ScoreInput
from app.services.context import Actor
from app.store.engine import Database
from tests.unit.services.assessment.assessment_records import TODAY, build
from tests.unit.store.migrating import move, tables


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def test_the_table_goes_down_and_comes_back_up(db: Database, admin: Actor) -> None:
    built = build(db, admin)
    head = AssessmentService(db, admin, today=TODAY)
    q3 = parse_period("2026Q3")
    head.save(built.a.user_id, q3, scores=(ScoreInput("skill", 4),), comment="好", version=None)
    move(db, "0014")
    assert "worker_assessments" not in tables(db)
    move(db, "head")
    assert "worker_assessments" in tables(db)
    head.save(built.a.user_id, q3, scores=(ScoreInput("skill", 3),), comment="", version=None)
    assert head.view(built.a.user_id, q3).sheet.scores[1].score == 3
