"""The satisfaction tests' station on a fixed day, and October 2026's surveys (the table
in test_surveys.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.clock import FixedClock
from app.domain.satisfaction import Respondent, Subject
from app.services.context import Actor
from app.services.satisfaction.surveys import SurveyService
from app.store.engine import Database
from tests.unit.services.satisfaction.records import Records, build, survey


@pytest.fixture
def clocked(db: Database) -> Database:
    return db.with_clock(FixedClock(dt.datetime(2026, 11, 5, 9, 0)))


@pytest.fixture
def records(clocked: Database, admin: Actor) -> Records:
    return build(clocked, admin)


@pytest.fixture
def october(clocked: Database, admin: Actor, records: Records) -> SurveyService:
    svc = SurveyService(clocked, admin)
    c1, c2 = records.cases
    a1, a2 = records.activities
    for data in (
        survey(Subject.CASE, c1, dt.date(2026, 10, 10), Respondent.CLIENT, 5, 5, 4, 5),
        survey(Subject.CASE, c2, dt.date(2026, 10, 15), Respondent.FAMILY, 4, 3, 3, 3),
        survey(Subject.GROUP, records.group, dt.date(2026, 10, 20), Respondent.PARTICIPANT,
               5, 4, 5, 4),
        survey(Subject.ACTIVITY, a1, dt.date(2026, 10, 12), Respondent.PARTICIPANT, 3, 4, 4, 4),
        survey(Subject.ACTIVITY, a1, dt.date(2026, 10, 12), Respondent.NONE,
               reason="服务对象失智"),
        survey(Subject.ACTIVITY, a2, dt.date(2026, 11, 2), Respondent.PARTICIPANT, 4, 4, 4, 4),
    ):  # fmt: skip
        svc.record(data)
    return svc
