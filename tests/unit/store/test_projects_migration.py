"""Revision 0006 moves each station's yearly targets into a project per station and year,
and a downgrade writes them back."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.project_rules import YEARLY_TARGETS_KEY
from app.services.context import Actor
from app.services.projects.service import ProjectService
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.store.models import Setting, Station
from tests.unit.store.migrating import move

STORED = {
    "2025": {"cases_new": 40, "group_sessions": 0},
    "2026": {"cases_new": 60, "volunteer_hours": "120.50", "cases_open": 3},
    "2027": {},
}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    """The move runs on both engines (the statements differ: RETURNING, numerics)."""
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def test_yearly_targets_become_annual_projects_and_come_back(db: Database, admin: Actor) -> None:
    move(db, "0005")
    with db.write() as session:
        other = Station(code="JX0427", name="东岗镇社工站")
        session.add(other)
        session.flush()
        for station_id, stored in ((admin.station_id, STORED), (other.id, {"2026": {}})):
            session.add(
                Setting(
                    station_id=station_id, key=YEARLY_TARGETS_KEY, value=json.dumps(stored),
                    created_by_id=admin.user_id, updated_by_id=admin.user_id,
                )
            )  # fmt: skip
    move(db, "head")

    made = ProjectService(db, admin).list()
    assert [(p.code, p.name, p.annual_year, p.starts_on, p.ends_on, p.targets) for p in made] == [
        ("JX0426-2026", "梅林镇社工站2026年度合同目标", 2026, dt.date(2026, 1, 1),
         dt.date(2026, 12, 31), 2),
        ("JX0426-2025", "梅林镇社工站2025年度合同目标", 2025, dt.date(2025, 1, 1),
         dt.date(2025, 12, 31), 1),
    ]  # fmt: skip
    reports = ReportService(db, admin)
    assert reports.targets(2026) == {"cases_new": 60, "volunteer_hours": Decimal("120.50")}
    assert reports.targets(2025) == {"cases_new": 40}
    with db.read() as session:
        assert session.scalars(select(Setting).where(Setting.key == YEARLY_TARGETS_KEY)).all() == []
    # The report reads them as before: the monthly report's 年度目标 column.
    row = next(f for f in reports.monthly(dt.date(2026, 10, 1)).figures if f.key == "cases_new")
    assert row.target == 60

    move(db, "0005")
    with db.read() as session:
        (text,) = session.scalars(select(Setting.value).where(Setting.key == YEARLY_TARGETS_KEY))
    assert json.loads(text) == {
        "2025": {"cases_new": 40},
        "2026": {"cases_new": 60, "volunteer_hours": "120.50"},
    }
