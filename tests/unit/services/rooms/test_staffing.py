"""Staffing rules per station: a head, two social workers, room staff for half the villages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.history import When
from app.services.rooms.service import RoomService
from app.services.rooms.staffing import StaffingService
from app.services.rooms.types import StaffingRules
from app.services.settings.stations import StationService
from app.store.engine import Database

UNSTAFFED = "社工0人，至少应有2人；社工室人员（3个村/社区）0人，至少应有2人"


def staff_the_station(db: Database, admin: Actor, make_actor: Callable[..., Actor]) -> None:
    """Two workers both in the station's one room (3 villages: 2 room staff needed); the
    administrator is the head."""
    workers = [make_actor(Role.WORKER, f"w{i}", f"社工{i}") for i in (1, 2)]
    rooms = RoomService(db, admin)
    rooms.add_room(name="梅林村社工室")
    room_id = rooms.rooms()[0].id
    for w in workers:
        rooms.assign(user_id=w.user_id, room_id=room_id, when=When(dt.date(2025, 1, 6)))


def test_a_station_without_staff_fails_and_says_why(db: Database, admin: Actor) -> None:
    """The administrator the set-up made is the station's head; nobody else is there."""
    line = StaffingService(db, admin).check()
    assert not line.passed
    assert line.reason == UNSTAFFED
    assert [(c.required, c.actual) for c in line.checks] == [(1, 1), (2, 0), (2, 0)]


def test_a_staffed_station_passes_until_the_county_asks_for_more(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    staff_the_station(db, admin, make_actor)
    staffing = StaffingService(db, admin)
    line = staffing.check()
    assert line.passed and line.reason == "符合配置要求"
    staffing.set_rules(StaffingRules(heads=1, social_workers=2, room_staff_per_village=1))
    line = staffing.check()
    assert not line.passed
    assert line.reason == "社工室人员（3个村/社区）2人，至少应有3人"
    staffing.set_rules(StaffingRules(heads=2, social_workers=3, room_staff_per_village=0))
    assert staffing.check().reason == "站长1人，至少应有2人；社工2人，至少应有3人"
    assert len(staffing.check().checks) == 2  # no room rule at all


def test_a_worker_leaving_the_room_counts_from_the_day_they_left(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    staff_the_station(db, admin, make_actor)
    rooms = RoomService(db, admin)
    leaver = rooms.staff()[0]
    rooms.assign(user_id=leaver.user_id, room_id=None, when=When(dt.date(2025, 3, 1)))
    assert StaffingService(db, admin).check().reason == "社工室人员（3个村/社区）1人，至少应有2人"


def test_the_county_sees_every_station_side_by_side(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    staff_the_station(db, admin, make_actor)
    StationService(db, admin).add_station(code="JX0427", name="东岗镇社工站", villages=["东岗村"])
    lines = StaffingService(db, admin).check_all()
    assert [(s.code, s.passed) for s in lines] == [("JX0426", True), ("JX0427", False)]
    assert (
        lines[1].reason
        == "站长0人，至少应有1人；社工0人，至少应有2人；社工室人员（1个村/社区）0人，至少应有1人"
    )


def test_only_the_administrator_sees_all_stations_and_sets_the_rules(
    db: Database, make_actor: Callable[..., Actor]
) -> None:
    head = make_actor(Role.HEAD, "zhang", "张站长")
    staffing = StaffingService(db, head)
    assert [c.actual for c in staffing.check().checks][:2] == [2, 0]  # the head and the admin
    with pytest.raises(PermissionDenied):
        staffing.check_all()
    with pytest.raises(PermissionDenied):
        staffing.set_rules(StaffingRules())
