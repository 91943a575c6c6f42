"""The demo station has a project with targets, so a new user sees 项目进度 filled in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app.demo.builder import create_demo_database
from app.domain.clock import FixedClock
from app.services.access.auth import AuthService
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectProgress
from app.store.engine import Database

NOW = dt.datetime(2026, 12, 3, 9, 0)


@pytest.fixture(scope="module")
def progress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProjectProgress]:
    db = Database.open(tmp_path_factory.mktemp("project") / "demo.sqlite3")
    timed = db.with_clock(FixedClock(NOW))
    made = create_demo_database(timed, seed=5)
    actor = AuthService(timed).login(login=made.admin_login, password=made.admin_password)
    projects = ProjectService(timed, actor)
    (project,) = projects.list()
    yield projects.progress(project.id, dt.date(2026, 11, 1))
    db.dispose()


def test_the_project_crosses_a_year_and_is_under_way(progress: ProjectProgress) -> None:
    project = progress.project
    assert (project.starts_on, project.ends_on) == (dt.date(2026, 5, 1), dt.date(2027, 4, 30))
    assert project.buyer and project.agency and project.contract_no and project.lead
    assert len(progress.months) == 7
    assert 50 < progress.expected < 70


def test_every_target_has_records_and_a_few_are_behind(progress: ProjectProgress) -> None:
    assert len(progress.lines) >= 10
    assert all(
        line.actual is not None and line.actual > 0 and line.target > 0 for line in progress.lines
    )
    behind = {line.rule for line in progress.behind}
    assert {"service_hours", "visit_households"} <= behind
    assert len(behind) < len(progress.lines) / 2
    assert sum(line.weight for line in progress.lines) == 100
    assert progress.score is not None
