"""The demo station has satisfaction surveys and one finished interview round (回访)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from app.demo.builder import create_demo_database
from app.domain.clock import FixedClock
from app.domain.satisfaction import Outcome
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.reports.service import ReportService
from app.services.satisfaction.interviews import InterviewService
from app.store.engine import Database
from app.store.models import SatisfactionSurvey

NOW = dt.datetime(2026, 12, 3, 9, 0)


@dataclass(frozen=True)
class Demo:
    db: Database
    actor: Actor


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    db = Database.open(tmp_path_factory.mktemp("satisfaction") / "demo.sqlite3")
    timed = db.with_clock(FixedClock(NOW))
    made = create_demo_database(timed, seed=5)
    yield Demo(
        timed, AuthService(timed).login(login=made.admin_login, password=made.admin_password)
    )
    db.dispose()


def test_closed_cases_groups_and_activities_have_surveys(demo: Demo) -> None:
    with demo.db.read() as session:
        counts = [
            session.scalar(select(func.count()).where(column.is_not(None)))
            for column in (
                SatisfactionSurvey.case_id,
                SatisfactionSurvey.group_id,
                SatisfactionSurvey.activity_id,
            )
        ]
    assert all(n and n >= 5 for n in counts), counts
    report = ReportService(demo.db, demo.actor).monthly(dt.date(2026, 10, 1))
    s = report.satisfaction
    assert s is not None and s.answered > 0 and s.rate is not None
    assert 60 < s.rate <= 100


def test_one_finished_round_with_its_summary(demo: Demo) -> None:
    svc = InterviewService(demo.db, demo.actor)
    (row,) = svc.rounds()
    assert row.finished_on is not None and row.answered > 0
    detail = svc.detail(row.id)
    assert len(detail.lines) == detail.phone_size + detail.onsite_size
    assert all(line.outcome is not Outcome.PENDING for line in detail.lines)
    s = detail.summary
    assert s.awareness_rate is not None and s.satisfaction_rate is not None
    assert len({line.stratum for line in detail.lines}) > 3
