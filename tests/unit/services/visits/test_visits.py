"""Home visits through the service: recording, the list, permissions, locking, opening a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import ConflictError, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.access.auth import actor_for
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput, VisitQuery
from app.store.engine import Database
from app.store.models import Case, Station, User
from tests.unit.services.case_flow import new_client
from tests.unit.services.conftest import TODAY, audit_actions

DAY = TODAY - dt.timedelta(days=3)


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


@pytest.fixture
def head(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.HEAD, "zhang", "张站长")


def svc(db: Database, actor: Actor) -> VisitService:
    return VisitService(db, actor, today=TODAY)


def visit(client_id: int, **fields: Any) -> VisitInput:
    default = VisitInput(
        visited_on=DAY,
        visit_type="routine",
        client_ids=(client_id,),
        people_met="本人及儿媳",
        duration_min=45,
        living_conditions="房屋老旧，屋内潮湿",
        needs_found="需要助餐服务",
        new_need_count=1,
        policies_explained="高龄津贴",
    )
    return replace(default, **fields)


def test_record_list_and_read_a_visit(
    db: Database, worker: Actor, villages: dict[str, int]
) -> None:
    client = new_client(db, worker)
    visits = svc(db, worker)
    saved = visits.add(visit(client, village_id=villages["梅林村"], result="follow"))
    detail = visits.get(saved.visit_id)
    assert detail.worker == "李伟" and detail.visit_type_label == "常规走访"
    assert [c.name for c in detail.clients] == ["李秀英"]
    assert "*" in detail.clients[0].id_masked
    assert detail.village == "梅林村" and detail.result_label == "跟进" and detail.editable
    [row] = visits.rows(visits.search_ids(VisitQuery()))
    assert (row.clients, row.duration_min, row.new_need_count) == ("李秀英", 45, 1)
    assert visits.search_ids(VisitQuery(text="李秀")) == [saved.visit_id]
    assert visits.search_ids(VisitQuery(text="王")) == []
    assert visits.search_ids(VisitQuery(month=DAY.strftime("%Y-%m"))) == [saved.visit_id]
    assert visits.search_ids(VisitQuery(month="2020-01")) == []
    assert visits.search_ids(VisitQuery(visit_type="festival")) == []
    assert visits.search_ids(VisitQuery(result="follow", worker_id=worker.user_id)) == [
        saved.visit_id
    ]
    assert visits.search_ids(VisitQuery(village_id=villages["东山村"])) == []
    assert audit_actions(db, entity="visit") == ["create"]


def test_a_visit_needs_a_type_a_person_and_a_past_day(db: Database, worker: Actor) -> None:
    client = new_client(db, worker)
    visits = svc(db, worker)
    with pytest.raises(InvalidInput, match="走访类型"):
        visits.add(visit(client, visit_type="nope"))
    with pytest.raises(InvalidInput, match="家庭或服务对象"):
        visits.add(visit(client, client_ids=()))
    with pytest.raises(InvalidInput, match="晚于今天"):
        visits.add(visit(client, visited_on=TODAY + dt.timedelta(days=1)))
    with pytest.raises(InvalidInput, match="分钟"):
        visits.add(visit(client, duration_min=0))


def test_workers_edit_their_own_head_all_supervisor_reads(
    db: Database, worker: Actor, head: Actor, make_actor: Callable[..., Actor]
) -> None:
    client = new_client(db, worker)
    saved = svc(db, worker).add(visit(client))
    other = make_actor(Role.WORKER, "chen", "陈芳")
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    with pytest.raises(PermissionDenied, match="李伟"):
        svc(db, other).update(saved.visit_id, version=saved.version, data=visit(client))
    assert not svc(db, other).get(saved.visit_id).editable
    with pytest.raises(PermissionDenied):
        svc(db, supervisor).add(visit(client))
    assert svc(db, supervisor).rows([saved.visit_id])[0].worker == "李伟"
    changed = svc(db, head).update(
        saved.visit_id, version=saved.version, data=visit(client, duration_min=60)
    )
    assert svc(db, worker).get(saved.visit_id).duration_min == 60
    assert changed.version == saved.version + 1
    assert audit_actions(db, entity="visit") == ["create", "refused", "refused", "update"]


def test_an_edit_from_an_old_copy_is_refused(db: Database, worker: Actor) -> None:
    client = new_client(db, worker)
    visits = svc(db, worker)
    saved = visits.add(visit(client))
    visits.update(saved.visit_id, version=saved.version, data=visit(client, safety="电线老化"))
    with pytest.raises(ConflictError):
        visits.update(saved.visit_id, version=saved.version, data=visit(client, safety="良好"))
    assert visits.get(saved.visit_id).safety == "电线老化"


def test_another_station_sees_nothing(db: Database, worker: Actor) -> None:
    client = new_client(db, worker)
    saved = svc(db, worker).add(visit(client))
    with db.write() as session:
        station = Station(code="JX0427", name="东山镇社工站")
        session.add(station)
        session.flush()
        user = User(
            station_id=station.id, login="dong", display_name="东山社工", role="worker",
            password_hash="x",
        )  # fmt: skip
        session.add(user)
        session.flush()
        dong = actor_for(session, user)
    stranger = svc(db, dong)
    assert stranger.search_ids(VisitQuery()) == []
    assert stranger.rows([saved.visit_id]) == []
    with pytest.raises(NotFound):
        stranger.get(saved.visit_id)
    with pytest.raises(NotFound):
        stranger.update(saved.visit_id, version=saved.version, data=visit(client))


def test_a_case_opened_from_a_visit_links_back(db: Database, worker: Actor) -> None:
    client = new_client(db, worker)
    visits = svc(db, worker)
    plain = visits.add(visit(client))
    with pytest.raises(InvalidInput, match="开个案"):
        visits.open_case(plain.visit_id, OpenCaseInput(client, DAY, presenting_problem="独居"))
    saved = visits.add(visit(client, result="open_case"))
    other = new_client(db, worker, name="赵大明", seq=5)
    with pytest.raises(InvalidInput, match="走访到的服务对象"):
        visits.open_case(saved.visit_id, OpenCaseInput(other, DAY, presenting_problem="独居"))
    opened = visits.open_case(
        saved.visit_id, OpenCaseInput(client, DAY, source="outreach", presenting_problem="独居")
    )
    with db.read() as session:
        assert session.scalar(select(Case.visit_id).where(Case.id == opened.case_id)) == (
            saved.visit_id
        )
    assert visits.get(saved.visit_id).case_nos == (opened.case_no,)
    with pytest.raises(InvalidInput, match="不能删除"):
        visits.delete(saved.visit_id, version=visits.get(saved.visit_id).version)
    assert CaseService(db, worker, today=TODAY).get(opened.case_id).client_name == "李秀英"


def test_a_visit_without_a_case_can_be_deleted(db: Database, worker: Actor) -> None:
    client = new_client(db, worker)
    visits = svc(db, worker)
    saved = visits.add(visit(client))
    visits.delete(saved.visit_id, version=saved.version)
    assert visits.search_ids(VisitQuery()) == []
    assert audit_actions(db, entity="visit") == ["create", "delete"]


def test_a_household_visit_takes_the_households_village(
    db: Database, worker: Actor, villages: dict[str, int]
) -> None:
    people = ClientService(db, worker, today=TODAY)
    head = people.create(
        ClientInput(name="王建华", relation_to_head="02", village_id=villages["东山村"])
    ).id
    member = new_client(db, worker)
    visits = svc(db, worker)
    with pytest.raises(InvalidInput, match="还没有登记家庭"):
        visits.add(visit(member, client_ids=(), household_head_id=member))
    saved = visits.add(visit(member, client_ids=(), household_head_id=head))
    detail = visits.get(saved.visit_id)
    assert (detail.household, detail.household_head_id) == ("王建华户", head)
    assert detail.village == "东山村" and detail.clients == ()
    assert visits.rows([saved.visit_id])[0].household == "王建华户"
    assert visits.search_ids(VisitQuery(text="建华")) == [saved.visit_id]
