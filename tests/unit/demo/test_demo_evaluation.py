"""The demo station has an indicator system and two evaluation rounds with 整改 items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app.demo.builder import create_demo_database
from app.domain.clock import FixedClock
from app.domain.evaluation import RectificationStatus, RoundKind, Scorer
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rectifications import RectificationService
from app.services.evaluation.rounds import EvaluationService
from app.store.engine import Database

NOW = dt.datetime(2026, 12, 3, 9, 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Actor]]:
    db = Database.open(tmp_path_factory.mktemp("evaluation") / "demo.sqlite3")
    timed = db.with_clock(FixedClock(NOW))
    made = create_demo_database(timed, seed=5)
    yield timed, AuthService(timed).login(login=made.admin_login, password=made.admin_password)
    db.dispose()


def test_the_system_is_hunan_like_with_stars(demo: tuple[Database, Actor]) -> None:
    db, actor = demo
    (system,) = IndicatorService(db, actor).list()
    assert (system.total_points, system.bonus_points) == (130, 20)
    detail = IndicatorService(db, actor).get(system.id)
    assert [(g.min_points, g.stars) for g in detail.grades][:2] == [(110, 5), (100, 4)]


def test_two_rounds_improve_and_one_item_is_open(demo: tuple[Database, Actor]) -> None:
    db, actor = demo
    evaluations = EvaluationService(db, actor)
    first, second = evaluations.rounds()
    assert (first.kind, second.kind) == (RoundKind.MIDTERM, RoundKind.MONTHLY)
    assert first.finished and not second.finished
    assert first.stars == 3 and second.stars == 4 and first.total < second.total
    detail = evaluations.get(first.id)
    assert detail.scored == detail.leaves and Scorer.SELF in {s.scorer for s in detail.scores}
    assert all(r.status is RectificationStatus.CLOSED for r in detail.rectifications)
    (item,) = RectificationService(db, actor).open_items()
    assert item.round_id == second.id and not item.overdue
