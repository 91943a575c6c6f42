"""Supervision records: who writes and reads them, validation, linked cases, stations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from app.domain.errors import ConflictError, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.staff.supervision import SupervisionService
from app.services.staff.supervision_types import SupervisionInput, SupervisionQuery
from app.store.engine import Database
from tests.unit.services.conftest import audit_actions
from tests.unit.services.staff_records import open_case, other_station_head

DAY = dt.date(2025, 5, 12)


@pytest.fixture
def people(make_actor: Callable[..., Actor]) -> dict[str, Actor]:
    return {
        "sup": make_actor(Role.SUPERVISOR, "dudao", "赵督导"),
        "sup2": make_actor(Role.SUPERVISOR, "dudao2", "钱督导"),
        "w1": make_actor(Role.WORKER, "w1", "张社工"),
        "w2": make_actor(Role.WORKER, "w2", "李社工"),
        "head": make_actor(Role.HEAD, "head", "周站长"),
    }


def record(p: dict[str, Actor], **change: Any) -> SupervisionInput:
    default = SupervisionInput(
        held_on=DAY,
        form="individual",
        hours="2",
        supervisor_id=p["sup"].user_id,
        supervisee_ids=(p["w1"].user_id,),
        topics="高风险个案的介入策略",
        advice="加强家访频次",
    )
    return replace(default, **change)


def test_supervisor_writes_and_the_supervisee_reads(db: Database, people: dict[str, Actor]) -> None:
    case_no = open_case(db, people["w1"])
    changes = SupervisionService(db, people["sup"]).create(
        record(people, case_nos=(case_no.lower(),), hours=Decimal("1.5"))
    )
    (sid,) = changes.ids
    w1, w2 = SupervisionService(db, people["w1"]), SupervisionService(db, people["w2"])
    assert w1.search_ids(SupervisionQuery()) == [sid]
    (row,) = w1.rows([sid])
    assert (row.supervisor, row.form, row.hours, row.supervisees, row.cases) == (
        "赵督导", "个别", Decimal("1.5"), "张社工", 1,
    )  # fmt: skip
    detail = w1.detail(sid)
    assert detail.case_nos == (case_no,) and not detail.can_edit
    # A worker who did not attend never sees it.
    assert w2.search_ids(SupervisionQuery()) == []
    assert w2.rows([sid]) == []
    with pytest.raises(PermissionDenied):
        w2.detail(sid)
    with pytest.raises(PermissionDenied):
        w1.create(record(people))
    assert audit_actions(db, entity="supervision", entity_id=sid) == ["create", "refused"]


def test_only_the_author_and_the_head_edit(db: Database, people: dict[str, Actor]) -> None:
    (sid,) = SupervisionService(db, people["sup"]).create(record(people)).ids
    version = SupervisionService(db, people["sup"]).detail(sid).version
    with pytest.raises(PermissionDenied, match="记录人和站长"):
        SupervisionService(db, people["sup2"]).update(
            supervision_id=sid, version=version, data=record(people)
        )
    # Adding a supervisee alone changes the version, so a stale copy is refused later.
    SupervisionService(db, people["head"]).update(
        supervision_id=sid,
        version=version,
        data=record(people, supervisee_ids=(people["w1"].user_id, people["w2"].user_id)),
    )
    detail = SupervisionService(db, people["w2"]).detail(sid)
    assert detail.version > version
    assert set(detail.supervisee_ids) == {people["w1"].user_id, people["w2"].user_id}
    with pytest.raises(ConflictError):
        SupervisionService(db, people["sup"]).update(
            supervision_id=sid, version=version, data=record(people)
        )
    assert audit_actions(db, entity="supervision", entity_id=sid) == [
        "create", "refused", "update",
    ]  # fmt: skip


def test_external_supervisor_and_validation(db: Database, people: dict[str, Actor]) -> None:
    svc = SupervisionService(db, people["head"])
    (sid,) = svc.create(record(people, supervisor_id=None, supervisor_name="市社工协会 孙老师")).ids
    assert svc.rows([sid])[0].supervisor == "市社工协会 孙老师"
    bad: dict[str, tuple[dict[str, object], str]] = {
        "form": ({"form": ""}, "督导形式"),
        "hours": ({"hours": "0"}, "时长"),
        "supervisor": ({"supervisor_id": None}, "外部督导"),
        "supervisees": ({"supervisee_ids": ()}, "至少选择"),
        "cases": ({"case_nos": ("GA-0000-999",)}, "没有个案编号"),
    }
    for field, (change, message) in bad.items():
        with pytest.raises(InvalidInput, match=message) as caught:
            svc.create(record(people, **change))
        assert caught.value.field == field
    with pytest.raises(InvalidInput, match="数字"):
        svc.create(record(people, hours="两小时"))


def test_search_and_filters(db: Database, people: dict[str, Actor]) -> None:
    svc = SupervisionService(db, people["head"])
    (a,) = svc.create(record(people)).ids
    (b,) = svc.create(
        record(people, form="group", held_on=dt.date(2024, 12, 1), topics="小组带领技巧",
               supervisee_ids=(people["w2"].user_id,))
    ).ids  # fmt: skip
    assert svc.search_ids(SupervisionQuery()) == [a, b]
    assert svc.search_ids(SupervisionQuery(form="group")) == [b]
    assert svc.search_ids(SupervisionQuery(year=2025)) == [a]
    assert svc.search_ids(SupervisionQuery(text="李社工")) == [b]
    assert svc.search_ids(SupervisionQuery(text="赵督导")) == [a, b]
    assert svc.search_ids(SupervisionQuery(supervisee_id=people["w1"].user_id)) == [a]


def test_another_station_sees_nothing(db: Database, people: dict[str, Actor]) -> None:
    (sid,) = SupervisionService(db, people["sup"]).create(record(people)).ids
    other = SupervisionService(db, other_station_head(db))
    assert other.search_ids(SupervisionQuery()) == []
    assert other.rows([sid]) == []
    with pytest.raises(NotFound):
        other.detail(sid)
    with pytest.raises(InvalidInput, match="本站"):
        other.create(record(people, supervisor_id=None, supervisor_name="外部"))
