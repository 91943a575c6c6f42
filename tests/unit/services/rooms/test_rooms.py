"""社工室: rooms and their villages, a worker's dated room, records tagged with a room."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import ServiceRecordInput
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.history import When
from app.services.rooms.service import RoomService
from app.store.engine import Database
from app.store.models import Activity, ServiceRecord
from tests.unit.services.activity_flow import activity_input
from tests.unit.services.case_flow import new_client, open_case

D = dt.date
TODAY = D(2025, 6, 30)


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def room_ids(rooms: RoomService) -> dict[str, int]:
    return {r.name: r.id for r in rooms.rooms()}


def test_a_room_serves_villages_that_no_other_room_serves(
    db: Database, admin: Actor, villages: dict[str, int]
) -> None:
    rooms = RoomService(db, admin)
    rooms.add_room(name="梅林村社工室", village_ids=[villages["梅林村"], villages["东山村"]])
    with pytest.raises(InvalidInput, match="“东山村”已由社工室“梅林村社工室”服务"):
        rooms.add_room(name="东山社工室", village_ids=[villages["东山村"]])
    with pytest.raises(InvalidInput, match="本站已有社工室"):
        rooms.add_room(name="梅林村社工室")
    rooms.add_room(name="河口社区社工室", village_ids=[villages["河口社区"]])
    first = rooms.rooms()[0]
    rooms.update_room(
        room_id=first.id, version=first.version, name="梅林社工室",
        village_ids=[villages["梅林村"]],
    )  # fmt: skip
    by_name = {r.name: [v.label for v in r.villages] for r in rooms.rooms()}
    assert by_name == {"梅林社工室": ["梅林村"], "河口社区社工室": ["河口社区"]}


def test_a_worker_may_not_manage_rooms(db: Database, worker: Actor) -> None:
    with pytest.raises(PermissionDenied):
        RoomService(db, worker).add_room(name="梅林村社工室")


def test_a_move_is_dated_and_the_days_before_keep_the_old_room(
    db: Database, admin: Actor, worker: Actor
) -> None:
    rooms = RoomService(db, admin)
    rooms.add_room(name="甲社工室")
    rooms.add_room(name="乙社工室")
    ids = room_ids(rooms)
    rooms.assign(user_id=worker.user_id, room_id=ids["甲社工室"], when=When(D(2025, 6, 1)))
    rooms.assign(user_id=worker.user_id, room_id=ids["乙社工室"], when=When(D(2025, 6, 16)))
    line = next(s for s in rooms.staff() if s.user_id == worker.user_id)
    assert line.room == "乙社工室"
    assert line.room_on(D(2025, 5, 31)) is None  # before the first assignment: no room
    assert line.room_on(D(2025, 6, 15)) == ids["甲社工室"]
    assert line.room_on(D(2025, 6, 16)) == ids["乙社工室"]
    assert [s.label for s in rooms.rooms()[1].staff] == ["李伟"]
    with pytest.raises(InvalidInput, match="不能早于上一次变更"):
        rooms.assign(user_id=worker.user_id, room_id=None, when=When(D(2025, 6, 10)))


def test_records_take_the_workers_room_on_their_own_day_unless_given(
    db: Database, admin: Actor, worker: Actor
) -> None:
    rooms = RoomService(db, admin)
    rooms.add_room(name="甲社工室")
    rooms.add_room(name="乙社工室")
    ids = room_ids(rooms)
    rooms.assign(user_id=worker.user_id, room_id=ids["甲社工室"], when=When(D(2025, 6, 1)))
    rooms.assign(user_id=worker.user_id, room_id=ids["乙社工室"], when=When(D(2025, 6, 16)))
    cases = CaseService(db, worker, today=TODAY)
    case_id, version = open_case(
        cases, new_client(db, worker), intake_date=D(2025, 6, 2), urgency="urgent"
    )
    for day, given in ((D(2025, 6, 10), 0), (D(2025, 6, 20), 0), (D(2025, 6, 21), None)):
        data = ServiceRecordInput(served_on=day, mode="phone", duration_min=10, room_id=given)
        version = cases.add_service_record(case_id, version=version, data=data).version
    activities = ActivityService(db, worker, today=TODAY)
    saved = activities.create(activity_input(held_on=D(2025, 6, 12)))
    with db.read() as session:
        tagged = session.execute(
            select(ServiceRecord.served_on, ServiceRecord.room_id).order_by(ServiceRecord.id)
        ).all()
        activity_room = session.scalar(
            select(Activity.room_id).where(Activity.id == saved.activity_id)
        )
    assert tagged == [
        (D(2025, 6, 10), ids["甲社工室"]),
        (D(2025, 6, 20), ids["乙社工室"]),
        (D(2025, 6, 21), None),
    ]
    assert activity_room == ids["甲社工室"]
    detail = activities.get(saved.activity_id)
    assert detail.room == "甲社工室"
    activities.update(
        saved.activity_id, version=detail.version,
        data=activity_input(held_on=D(2025, 6, 12), room_id=ids["乙社工室"]),
    )  # fmt: skip
    assert activities.get(saved.activity_id).room == "乙社工室"


def test_a_record_may_not_name_another_stations_room(
    db: Database, admin: Actor, worker: Actor
) -> None:
    activities = ActivityService(db, worker, today=TODAY)
    with pytest.raises(InvalidInput, match="请选择本站的社工室"):
        activities.create(activity_input(room_id=999))
