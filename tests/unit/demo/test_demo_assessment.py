"""The demo station has last quarter's worker assessments, one confirmed, so 考核 shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app.demo.builder import create_demo_database
from app.domain.assessment import parse_period
from app.domain.clock import FixedClock
from app.services.access.auth import AuthService
from app.services.assessment.service import AssessmentService
from app.services.assessment.types import AssessmentRow
from app.store.engine import Database

NOW = dt.datetime(2026, 12, 3, 9, 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AssessmentService]:
    db = Database.open(tmp_path_factory.mktemp("assessment") / "demo.sqlite3")
    timed = db.with_clock(FixedClock(NOW))
    made = create_demo_database(timed, seed=5)
    actor = AuthService(timed).login(login=made.admin_login, password=made.admin_password)
    yield AssessmentService(timed, actor)
    db.dispose()


@pytest.fixture(scope="module")
def rows(demo: AssessmentService) -> list[AssessmentRow]:
    return demo.rows(parse_period("2026Q3"))


def test_every_worker_of_last_quarter_is_scored_and_one_is_confirmed(
    demo: AssessmentService, rows: list[AssessmentRow]
) -> None:
    assert demo.default_period().code == "2026Q3"
    assert len(rows) >= 2
    assert all(r.total is not None and r.total <= r.scale_total for r in rows)
    assert [r.status_label for r in rows].count("已确认") == 1
    assert {r.status_label for r in rows} == {"已确认", "待确认"}


def test_the_demo_workers_have_work_to_show(rows: list[AssessmentRow]) -> None:
    assert all(r.figures.cases_handled > 0 and r.figures.service_records > 0 for r in rows)
    assert any(r.figures.records_late > 0 for r in rows)
    assert all(r.figures.consent_clients > 0 for r in rows)


def test_the_confirmed_one_keeps_its_stored_figures(
    demo: AssessmentService, rows: list[AssessmentRow]
) -> None:
    (confirmed,) = [r for r in rows if r.status == "confirmed"]
    view = demo.view(confirmed.worker_id, parse_period("2026Q3"))
    assert not view.can_edit and view.sheet.confirmed_by == "示范管理员"
    assert view.sheet.figures == confirmed.figures
