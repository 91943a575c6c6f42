"""Group work through the service: plan, members, sessions, attendance counts, roles, end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import ConflictError, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.access.auth import actor_for
from app.services.clients.service import ClientService
from app.services.context import Actor
from app.services.groups.service import GroupService
from app.services.groups.types import (
    AttendanceInput,
    EndInput,
    GroupInput,
    GroupQuery,
    GroupStatus,
    MemberScore,
    SessionInput,
)
from app.store.engine import Database
from app.store.models import GroupAttendance, GroupMember, Station, User
from tests.unit.services.case_flow import new_client
from tests.unit.services.conftest import TODAY, audit_actions

HELD_ON = TODAY - dt.timedelta(days=7)


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def svc(db: Database, actor: Actor) -> GroupService:
    return GroupService(db, actor, today=TODAY)


def plan(**fields: Any) -> GroupInput:
    default = GroupInput(
        name="长者防跌倒互助小组",
        group_type="support",
        target_people="梅林村独居长者",
        goals="提高防跌倒意识，建立互助网络",
        planned_sessions=6,
        start_date=TODAY - dt.timedelta(days=30),
        place="梅林村活动室",
        budget=Decimal("1200.00"),
    )
    return replace(default, **fields)


def with_members(
    db: Database, actor: Actor, *names: str, first_seq: int = 2
) -> tuple[int, list[int]]:
    """A new group with these clients as members; returns the group and member ids."""
    service = svc(db, actor)
    saved = service.create(plan())
    version = saved.version
    for i, name in enumerate(names):
        added = service.add_member(
            saved.group_id,
            version=version,
            client_id=new_client(db, actor, name, 2 * i + first_seq),
        )
        version = added.version
    return saved.group_id, [m.id for m in service.get(saved.group_id).members]


def test_create_a_group_with_facilitators(
    db: Database, worker: Actor, make_actor: Callable[..., Actor]
) -> None:
    co = make_actor(Role.WORKER, "wangfang", "王芳")
    saved = svc(db, worker).create(plan(co_facilitator_ids=(co.user_id,)))
    got = svc(db, worker).get(saved.group_id)
    assert got.name == "长者防跌倒互助小组"
    assert got.type_label == "支持"
    assert got.status == GroupStatus.PLANNING.value and got.status_label == "筹备"
    assert [p.name for p in got.facilitators] == ["李伟"]
    assert [p.name for p in got.co_facilitators] == ["王芳"]
    assert got.budget == Decimal("1200.00") and got.can_edit and got.next_number == 1
    assert saved.changes.touches("group")
    assert audit_actions(db, entity="group") == ["create"]
    assert svc(db, co).get(saved.group_id).can_edit
    rows = svc(db, worker).rows(svc(db, worker).search_ids(GroupQuery(text="防跌倒")))
    assert [(r.name, r.type_label, r.facilitators) for r in rows] == [
        ("长者防跌倒互助小组", "支持", "李伟、王芳")
    ]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": " "}, "name"),
        ({"group_type": "picnic"}, "group_type"),
        ({"planned_sessions": 0}, "planned_sessions"),
        ({"end_date": TODAY - dt.timedelta(days=60)}, "end_date"),
        ({"budget": Decimal(-1)}, "budget"),
    ],
)
def test_invalid_plans_name_their_field(
    db: Database, worker: Actor, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        svc(db, worker).create(plan(**fields))
    assert refused.value.field == field


def test_filters_by_status_type_facilitator_and_year(
    db: Database, worker: Actor, make_actor: Callable[..., Actor]
) -> None:
    head = make_actor(Role.HEAD, "zhan", "赵站长")
    mine = svc(db, worker).create(plan()).group_id
    other = (
        svc(db, head)
        .create(
            plan(name="亲子阅读兴趣小组", group_type="interest", start_date=dt.date(2024, 3, 1))
        )
        .group_id
    )
    service = svc(db, head)
    assert service.search_ids(GroupQuery(group_type="interest")) == [other]
    assert service.search_ids(GroupQuery(facilitator_id=worker.user_id)) == [mine]
    assert service.search_ids(GroupQuery(year=2024)) == [other]
    assert service.search_ids(GroupQuery(status="running")) == []
    assert service.years() == [2025, 2024]


def test_members_are_added_and_leave_without_losing_attendance(db: Database, worker: Actor) -> None:
    group_id, (li, wang) = with_members(db, worker, "李秀英", "王桂兰")
    service = svc(db, worker)
    version = service.get(group_id).version
    recorded = service.add_session(
        group_id,
        version=version,
        data=SessionInput(held_on=HELD_ON, topic="相识", attendance=(AttendanceInput(li),)),
    )
    with pytest.raises(InvalidInput, match="已经是本小组的组员"):
        service.add_member(
            group_id, version=recorded.version, client_id=service.get(group_id).members[0].client_id
        )
    left = service.remove_member(group_id, version=recorded.version, member_id=li, left_on=TODAY)
    got = service.get(group_id)
    assert [(m.name, m.left_on) for m in got.members] == [("李秀英", TODAY), ("王桂兰", None)]
    assert got.members[0].sessions_present == 1
    with db.read() as session:
        assert len(session.scalars(select(GroupAttendance)).all()) == 1
        assert len(session.scalars(select(GroupMember)).all()) == 2
    rejoined = service.add_member(
        group_id, version=left.version, client_id=got.members[0].client_id
    )
    assert service.get(group_id).members[0].left_on is None
    assert rejoined.record_id == li and wang != li
    assert audit_actions(db, entity="group")[-2:] == ["remove_member", "add_member"]


def test_only_active_clients_of_the_station_join(db: Database, worker: Actor) -> None:
    group_id, _ = with_members(db, worker)
    version = svc(db, worker).get(group_id).version
    with pytest.raises(InvalidInput, match="本站") as refused:
        svc(db, worker).add_member(group_id, version=version, client_id=999_999)
    assert refused.value.field == "client_id"
    archived = new_client(db, worker, "赵老汉", 60)
    clients = ClientService(db, worker, today=TODAY)
    clients.archive(archived, version=clients.get(archived).version, reason="迁出本镇")
    with pytest.raises(InvalidInput, match="已归档"):
        svc(db, worker).add_member(group_id, version=version, client_id=archived)


def test_sessions_number_themselves_and_start_the_group(db: Database, worker: Actor) -> None:
    group_id, _ = with_members(db, worker, "李秀英")
    service = svc(db, worker)
    first = service.add_session(
        group_id, version=service.get(group_id).version, data=SessionInput(held_on=HELD_ON)
    )
    service.add_session(group_id, version=first.version, data=SessionInput(held_on=TODAY))
    got = service.get(group_id)
    assert [s.number for s in got.sessions] == [1, 2]
    assert got.next_number == 3
    assert got.status == GroupStatus.RUNNING.value
    with pytest.raises(InvalidInput, match="晚于今天"):
        service.add_session(
            group_id,
            version=got.version,
            data=SessionInput(held_on=TODAY + dt.timedelta(days=1)),
        )


def test_only_those_present_and_walk_ins_count_in_person_times(db: Database, worker: Actor) -> None:
    group_id, (a, b, c) = with_members(db, worker, "李秀英", "王桂兰", "张建国")
    service = svc(db, worker)
    marks = (
        AttendanceInput(a, "present", "主动分享"),
        AttendanceInput(b, "absent"),
        AttendanceInput(c, "left", "身体不适提前离开"),
    )
    first = service.add_session(
        group_id,
        version=service.get(group_id).version,
        data=SessionInput(held_on=HELD_ON, walk_in_count=3, attendance=marks),
    )
    service.add_session(
        group_id,
        version=first.version,
        data=SessionInput(
            held_on=TODAY, attendance=(AttendanceInput(a, "absent"), AttendanceInput(b))
        ),
    )
    got = service.get(group_id)
    one, two = got.sessions
    assert (one.counts.present, one.counts.absent, one.counts.left) == (1, 1, 1)
    assert one.counts.person_times == 1 + 3
    assert two.counts.person_times == 1
    assert got.counts.person_times == 5
    assert (got.counts.absent, got.counts.left, got.counts.walk_ins) == (2, 1, 3)
    assert [m.sessions_present for m in got.members] == [1, 1, 0]
    assert one.attendance[0].observation == "主动分享"


def test_a_session_is_corrected_with_its_own_version(db: Database, worker: Actor) -> None:
    group_id, (a,) = with_members(db, worker, "李秀英")
    service = svc(db, worker)
    service.add_session(
        group_id,
        version=service.get(group_id).version,
        data=SessionInput(held_on=HELD_ON, attendance=(AttendanceInput(a),)),
    )
    session = service.get(group_id).sessions[0]
    fixed = session.as_input()
    fixed = SessionInput(
        held_on=fixed.held_on, topic="认识彼此", attendance=(AttendanceInput(a, "left"),)
    )
    service.update_session(session.id, version=session.version, data=fixed)
    again = service.get(group_id).sessions[0]
    assert again.topic == "认识彼此" and again.counts.person_times == 0
    with pytest.raises(ConflictError):
        service.update_session(session.id, version=session.version, data=fixed)


def test_attendance_only_names_members_of_the_group(db: Database, worker: Actor) -> None:
    group_id, _ = with_members(db, worker, "李秀英")
    other_id, (stranger,) = with_members(db, worker, "王桂兰", first_seq=40)
    service = svc(db, worker)
    version = service.get(group_id).version
    with pytest.raises(InvalidInput, match="不是本小组的组员"):
        service.add_session(
            group_id,
            version=version,
            data=SessionInput(held_on=HELD_ON, attendance=(AttendanceInput(stranger),)),
        )
    with pytest.raises(InvalidInput, match="出勤情况"):
        service.add_session(
            group_id,
            version=version,
            data=SessionInput(held_on=HELD_ON, attendance=(AttendanceInput(stranger, "late"),)),
        )
    assert other_id != group_id


def test_an_older_copy_is_refused(db: Database, worker: Actor) -> None:
    saved = svc(db, worker).create(plan())
    svc(db, worker).update(saved.group_id, version=saved.version, data=plan(place="村委会"))
    with pytest.raises(ConflictError, match="李伟"):
        svc(db, worker).update(saved.group_id, version=saved.version, data=plan(place="祠堂"))
    with pytest.raises(ConflictError):
        svc(db, worker).start(saved.group_id, version=saved.version)
    assert svc(db, worker).get(saved.group_id).place == "村委会"
    assert audit_actions(db, entity="group") == ["create", "update"]


def test_who_may_change_a_group(
    db: Database, worker: Actor, make_actor: Callable[..., Actor]
) -> None:
    other = make_actor(Role.WORKER, "wangfang", "王芳")
    head = make_actor(Role.HEAD, "zhan", "赵站长")
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    saved = svc(db, worker).create(plan())
    assert not svc(db, other).get(saved.group_id).can_edit
    with pytest.raises(PermissionDenied, match="带领者或站长"):
        svc(db, other).update(saved.group_id, version=saved.version, data=plan())
    with pytest.raises(PermissionDenied, match="只能查看"):
        svc(db, supervisor).start(saved.group_id, version=saved.version)
    with pytest.raises(PermissionDenied):
        svc(db, supervisor).create(plan())
    assert svc(db, supervisor).get(saved.group_id).name == "长者防跌倒互助小组"
    with pytest.raises(PermissionDenied, match="只有站长"):
        svc(db, other).create(plan(facilitator_ids=(worker.user_id,)))
    with pytest.raises(InvalidInput, match="在职的社工"):
        svc(db, head).create(plan(facilitator_ids=(supervisor.user_id,)))
    by_head = svc(db, head).update(
        saved.group_id, version=saved.version, data=plan(facilitator_ids=(other.user_id,))
    )
    assert svc(db, other).get(saved.group_id).can_edit
    assert not svc(db, worker).get(saved.group_id).can_edit
    assert svc(db, head).start(saved.group_id, version=by_head.version).version > by_head.version


def test_another_station_sees_nothing(db: Database, worker: Actor) -> None:
    saved = svc(db, worker).create(plan())
    with db.write() as session:
        station = Station(code="JX0427", name="东山镇社工站")
        session.add(station)
        session.flush()
        user = User(
            station_id=station.id, login="dong", display_name="东山社工", role="head",
            password_hash="x",
        )  # fmt: skip
        session.add(user)
        session.flush()
        dong = actor_for(session, user)
    other = svc(db, dong)
    assert other.search_ids(GroupQuery()) == []
    assert other.rows([saved.group_id]) == []
    assert other.years() == []
    with pytest.raises(NotFound):
        other.get(saved.group_id)
    with pytest.raises(NotFound):
        other.update(saved.group_id, version=saved.version, data=plan())


def test_ending_records_the_evaluation_and_locks_members_and_sessions(
    db: Database, worker: Actor
) -> None:
    group_id, (a, b) = with_members(db, worker, "李秀英", "王桂兰")
    service = svc(db, worker)
    with pytest.raises(InvalidInput, match="尚未开始"):
        service.end(group_id, version=service.get(group_id).version, data=EndInput(TODAY))
    started = service.start(group_id, version=service.get(group_id).version)
    evaluation = EndInput(
        ended_on=TODAY,
        scale_name="社会支持评定量表",
        scores=(
            MemberScore(a, Decimal("30"), Decimal("36.5"), 5),
            MemberScore(b, Decimal("28"), None, 4),
        ),
        satisfaction=Decimal("4.5"),
        goal_attainment="组员建立了互助小组",
        summary="六节活动顺利完成。",
    )
    with pytest.raises(InvalidInput, match="1到5"):
        service.end(
            group_id,
            version=started.version,
            data=EndInput(TODAY, scores=(MemberScore(a, satisfaction=6),)),
        )
    ended = service.end(group_id, version=started.version, data=evaluation)
    got = service.get(group_id)
    assert got.status == GroupStatus.ENDED.value and got.status_label == "已结束"
    assert got.end_date == TODAY and got.scale_name == "社会支持评定量表"
    assert got.satisfaction == Decimal("4.5")
    assert [(m.pre_score, m.post_score, m.satisfaction) for m in got.members] == [
        (Decimal("30"), Decimal("36.5"), 5),
        (Decimal("28"), None, 4),
    ]
    with pytest.raises(InvalidInput, match="已结束"):
        service.add_session(group_id, version=ended.version, data=SessionInput(held_on=TODAY))
    assert audit_actions(db, entity="group")[-2:] == ["start", "end"]
