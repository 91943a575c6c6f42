"""The demo station has a partner directory its records point to, so a new user sees
五社联动 in the monthly report and names left to match in 设置 → 合作方."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app.demo.builder import create_demo_database
from app.domain.clock import FixedClock
from app.domain.partners import Party
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.partners.service import PartnerService
from app.services.reports.service import ReportService
from app.store.engine import Database

NOW = dt.datetime(2026, 12, 3, 9, 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Actor]]:
    db = Database.open(tmp_path_factory.mktemp("partners") / "demo.sqlite3")
    timed = db.with_clock(FixedClock(NOW))
    made = create_demo_database(timed, seed=5)
    actor = AuthService(timed).login(login=made.admin_login, password=made.admin_password)
    yield timed, actor
    db.dispose()


def test_the_directory_covers_the_five_parties_and_is_used(demo: tuple[Database, Actor]) -> None:
    db, actor = demo
    partners = PartnerService(db, actor)
    rows = partners.list()
    assert len(rows) >= 12
    assert {r.party for r in rows} >= set(Party)
    assert len({r.department for r in rows if r.department is not None}) >= 5
    assert sum(r.uses for r in rows) > 50
    assert partners.unmatched()  # a few names are left for a person to match


def test_the_monthly_report_counts_by_party_and_department(
    demo: tuple[Database, Actor],
) -> None:
    db, actor = demo
    report = ReportService(db, actor).monthly(dt.date(2026, 11, 1))
    p = report.partnership
    assert p is not None
    by_party = {line.party: line for line in p.parties}
    assert by_party["社区"].activities > 0
    assert sum(line.resources for line in p.parties) == report.value("resources")
    assert sum(d.referrals for d in p.departments) == report.value("referrals")
