"""Trainings, and each worker's hours (supervision + training) against the title's target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.staff.supervision import SupervisionService
from app.services.staff.supervision_types import SupervisionInput
from app.services.staff.training import TrainingService
from app.services.staff.training_hours import TrainingHoursService, default_period_start
from app.services.staff.training_types import HourTargets, Participant, TrainingInput, TrainingQuery
from app.store.engine import Database
from tests.unit.services.conftest import audit_actions
from tests.unit.services.staff_records import other_station_head, set_title

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def people(make_actor: Callable[..., Actor]) -> dict[str, Actor]:
    return {
        "sup": make_actor(Role.SUPERVISOR, "dudao", "赵督导"),
        "w1": make_actor(Role.WORKER, "w1", "张社工"),
        "w2": make_actor(Role.WORKER, "w2", "李社工"),
        "head": make_actor(Role.HEAD, "head", "周站长"),
    }


def training(*users: Actor, **change: Any) -> TrainingInput:
    default = TrainingInput(
        title="儿童保护专题培训",
        organiser="县社会工作部",
        held_on=dt.date(2026, 4, 2),
        hours="6",
        participants=tuple(Participant(u.user_id, certificate=i == 0) for i, u in enumerate(users)),
    )
    return replace(default, **change)


def test_worker_edits_own_head_all_supervisor_reads(db: Database, people: dict[str, Actor]) -> None:
    w1, w2 = people["w1"], people["w2"]
    (tid,) = TrainingService(db, w1).create(training(w1, w2)).ids
    (row,) = TrainingService(db, people["sup"]).rows([tid])
    assert (row.title, row.hours, row.participants, row.certificates) == (
        "儿童保护专题培训", Decimal("6.00"), 2, 1,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        TrainingService(db, people["sup"]).create(training(w1))
    version = TrainingService(db, w1).detail(tid).version
    assert not TrainingService(db, w2).detail(tid).can_edit
    with pytest.raises(PermissionDenied):
        TrainingService(db, w2).update(training_id=tid, version=version, data=training(w2))
    TrainingService(db, people["head"]).update(
        training_id=tid, version=version, data=training(w2, title="儿童保护培训")
    )
    detail = TrainingService(db, w1).detail(tid)
    assert detail.title == "儿童保护培训"
    assert detail.participants == (Participant(w2.user_id, True),)
    assert audit_actions(db, entity="training", entity_id=tid) == ["create", "refused", "update"]


def test_validation_and_search(db: Database, people: dict[str, Actor]) -> None:
    svc = TrainingService(db, people["head"])
    for change, field in (
        ({"title": " "}, "title"),
        ({"hours": "-1"}, "hours"),
        ({"participants": ()}, "participants"),
    ):
        with pytest.raises(InvalidInput) as caught:
            svc.create(training(people["w1"], **change))
        assert caught.value.field == field
    (a,) = svc.create(training(people["w1"])).ids
    (b,) = svc.create(training(people["w2"], title="督导技巧", held_on=dt.date(2025, 1, 5))).ids
    assert svc.search_ids(TrainingQuery()) == [a, b]
    assert svc.search_ids(TrainingQuery(text="督导")) == [b]
    assert svc.search_ids(TrainingQuery(year=2026)) == [a]
    assert svc.search_ids(TrainingQuery(participant_id=people["w2"].user_id)) == [b]
    other = TrainingService(db, other_station_head(db))
    assert other.search_ids(TrainingQuery()) == [] and other.rows([a]) == []
    with pytest.raises(NotFound):
        other.detail(a)


def test_hours_per_year_and_period_against_target(db: Database, people: dict[str, Actor]) -> None:
    w1, w2 = people["w1"], people["w2"]
    set_title(db, w1, "assistant")
    set_title(db, w2, "social_worker")
    TrainingService(db, w1).create(training(w1, w2))  # 2026: 6 h each
    TrainingService(db, w1).create(training(w1, held_on=dt.date(2025, 3, 1), hours="12.5"))
    TrainingService(db, w1).create(training(w1, held_on=dt.date(2024, 12, 31), hours="40"))
    SupervisionService(db, people["sup"]).create(
        SupervisionInput(
            held_on=dt.date(2026, 2, 1), form="group", hours="3",
            supervisor_id=people["sup"].user_id, supervisee_ids=(w1.user_id,),
        )
    )  # fmt: skip
    hours = TrainingHoursService(db, people["head"], today=TODAY)
    lines = {h.name: h for h in hours.worker_hours()}
    assert set(lines) == {"张社工", "李社工", "周站长", "王站长"}
    zhang = lines["张社工"]
    assert (zhang.year_hours, zhang.period_hours, zhang.target) == (
        Decimal("9"), Decimal("21.5"), 72,
    )  # fmt: skip
    assert zhang.title_label == "助理社会工作师"
    assert (zhang.period_start, zhang.period_end) == (dt.date(2025, 1, 1), dt.date(2027, 12, 31))
    assert zhang.percent == 29
    assert (lines["李社工"].target, lines["李社工"].percent) == (90, 6)
    assert lines["周站长"].percent is None
    # A worker sees their own line only.
    mine = TrainingHoursService(db, w2, today=TODAY).worker_hours()
    assert [m.name for m in mine] == ["李社工"]
    # The head moves the period and the targets; the worker may not.
    with pytest.raises(PermissionDenied):
        TrainingHoursService(db, w1, today=TODAY).set_targets(HourTargets(2024, {"assistant": 60}))
    hours.set_targets(HourTargets(2024, {"assistant": 60, "social_worker": 90}))
    zhang = next(h for h in hours.worker_hours() if h.name == "张社工")
    assert (zhang.period_hours, zhang.target, zhang.percent) == (Decimal("61.5"), 60, 102)
    with pytest.raises(InvalidInput):
        hours.set_targets(HourTargets(2024, {"assistant": -5}))


def test_default_period_is_the_current_three_year_window() -> None:
    assert default_period_start(dt.date(2025, 1, 1)) == 2025
    assert default_period_start(dt.date(2027, 12, 31)) == 2025
    assert default_period_start(dt.date(2028, 1, 1)) == 2028
