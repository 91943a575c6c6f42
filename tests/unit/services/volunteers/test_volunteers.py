"""The volunteer register and service records: masking, validation, links, totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from app.domain.errors import ConflictError, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.volunteers.links import LinkFinder, LinkKind
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import (
    RevealedContact,
    ServiceInput,
    ServiceQuery,
    VolunteerInput,
    VolunteerQuery,
)
from app.store.engine import Database
from tests.unit.services.activity_flow import activity_input
from tests.unit.services.conftest import audit_actions, id_number
from tests.unit.services.staff_records import open_case, other_station_head

TODAY = dt.date(2025, 6, 30)


@pytest.fixture
def people(make_actor: Callable[..., Actor]) -> dict[str, Actor]:
    return {
        "w1": make_actor(Role.WORKER, "w1", "张社工"),
        "w2": make_actor(Role.WORKER, "w2", "李社工"),
        "sup": make_actor(Role.SUPERVISOR, "dudao", "赵督导"),
        "head": make_actor(Role.HEAD, "head", "周站长"),
    }


def reg(db: Database, actor: Actor) -> VolunteerRegistry:
    return VolunteerRegistry(db, actor, today=TODAY)


def test_register_masks_and_validates(db: Database, people: dict[str, Actor]) -> None:
    w1 = reg(db, people["w1"])
    number = id_number("19800101", 12)
    (vid,) = w1.create(
        VolunteerInput(name="陈大姐", phone="１３８ 1234 5678", skills="理发", id_number=number)
    ).ids
    (row,) = w1.rows([vid])
    assert (row.phone_masked, row.id_number_masked) == (
        "138****5678",
        "36" + "*" * 16,
    )
    assert w1.detail(vid).phone_masked == "138****5678"
    assert w1.reveal(vid).phone == "13812345678"
    with pytest.raises(PermissionDenied):
        reg(db, people["w2"]).reveal(vid)
    with pytest.raises(PermissionDenied):
        reg(db, people["sup"]).reveal(vid)
    # Saving with the numbers untouched (None) keeps them; "" removes the ID number.
    version = w1.detail(vid).version
    w1.update(
        volunteer_id=vid,
        version=version,
        data=VolunteerInput(name="陈大姐", phone=None, skills="理发", id_number=None),
    )
    assert w1.reveal(vid) == RevealedContact("13812345678", number)
    w1.update(
        volunteer_id=vid,
        version=w1.detail(vid).version,
        data=VolunteerInput(name="陈大姐", phone=None, skills="理发", id_number=""),
    )
    assert w1.detail(vid).id_number_masked == ""
    with pytest.raises(InvalidInput, match="电话") as caught:
        w1.create(VolunteerInput(name="王", phone="12345"))
    assert caught.value.field == "phone"
    with pytest.raises(InvalidInput, match="校验位"):
        w1.create(
            VolunteerInput(name="王", id_number=number[:-1] + ("0" if number[-1] != "0" else "1"))
        )
    with pytest.raises(InvalidInput, match="姓名"):
        w1.create(VolunteerInput(name=" "))
    assert w1.search_ids(VolunteerQuery(text="理发")) == [vid]
    assert audit_actions(db, entity="volunteer", entity_id=vid) == [
        "create", "reveal", "refused", "refused", "update", "reveal", "update",
    ]  # fmt: skip


def test_permissions_like_cases(db: Database, people: dict[str, Actor]) -> None:
    (vid,) = reg(db, people["w1"]).create(VolunteerInput(name="陈大姐")).ids
    version = reg(db, people["w1"]).detail(vid).version
    with pytest.raises(PermissionDenied):
        reg(db, people["sup"]).create(VolunteerInput(name="刘"))
    with pytest.raises(PermissionDenied):
        reg(db, people["w2"]).update(
            volunteer_id=vid, version=version, data=VolunteerInput(name="陈")
        )
    reg(db, people["head"]).update(
        volunteer_id=vid, version=version, data=VolunteerInput(name="陈桂英", active=False)
    )
    with pytest.raises(ConflictError):
        reg(db, people["w1"]).update(
            volunteer_id=vid, version=version, data=VolunteerInput(name="陈")
        )
    assert reg(db, people["w1"]).search_ids(VolunteerQuery(active_only=True)) == []


def test_service_records_links_and_totals(db: Database, people: dict[str, Actor]) -> None:
    w1 = reg(db, people["w1"])
    (chen,) = w1.create(VolunteerInput(name="陈大姐")).ids
    (liu,) = w1.create(VolunteerInput(name="刘大哥")).ids
    for vid, day, hours in (
        (chen, dt.date(2025, 3, 2), "2"),
        (chen, dt.date(2025, 3, 20), "1.5"),
        (liu, dt.date(2025, 3, 21), "4"),
        (liu, dt.date(2025, 5, 1), "3"),
        (liu, dt.date(2024, 5, 1), "8"),
    ):
        w1.add_service(
            ServiceInput(volunteer_id=vid, served_on=day, hours=hours, description="陪护")
        )
    months = w1.month_totals(2025)
    assert [(m.month, m.services, m.volunteers, m.hours) for m in months] == [
        (3, 3, 2, Decimal("7.50")),
        (5, 1, 1, Decimal("3.00")),
    ]
    assert [(v.name, v.hours) for v in w1.volunteer_totals(2025)] == [
        ("刘大哥", Decimal("7.00")),
        ("陈大姐", Decimal("3.50")),
    ]
    assert [r.year_hours for r in w1.rows([chen, liu])] == [Decimal("3.50"), Decimal("7.00")]
    assert len(w1.service_ids(ServiceQuery(year=2025, month=3))) == 3
    assert len(w1.service_ids(ServiceQuery(text="刘大哥"))) == 3
    with pytest.raises(InvalidInput, match="只能关联一项"):
        w1.add_service(
            ServiceInput(volunteer_id=chen, served_on=TODAY, hours="1", activity_id=1, case_id=1)
        )
    with pytest.raises(InvalidInput, match="不存在或不属于本站"):
        w1.add_service(ServiceInput(volunteer_id=chen, served_on=TODAY, hours="1", case_id=999))
    with pytest.raises(InvalidInput, match="时长"):
        w1.add_service(ServiceInput(volunteer_id=chen, served_on=TODAY, hours="25"))


def test_another_station_sees_nothing(db: Database, people: dict[str, Actor]) -> None:
    w1 = reg(db, people["w1"])
    (vid,) = w1.create(VolunteerInput(name="陈大姐")).ids
    (sid,) = w1.add_service(ServiceInput(volunteer_id=vid, served_on=TODAY, hours="2")).ids
    other = reg(db, other_station_head(db))
    assert other.search_ids(VolunteerQuery()) == [] and other.rows([vid]) == []
    assert other.service_ids(ServiceQuery()) == [] and other.service_rows([sid]) == []
    assert other.month_totals(2025) == []
    with pytest.raises(NotFound):
        other.detail(vid)
    with pytest.raises(NotFound):
        other.add_service(ServiceInput(volunteer_id=vid, served_on=TODAY, hours="2"))


def test_links_found_by_a_few_characters(db: Database, people: dict[str, Actor]) -> None:
    w1 = people["w1"]
    activity = ActivityService(db, w1, today=TODAY).create(activity_input()).activity_id
    case_no = open_case(db, w1, "王桂兰")
    finder = LinkFinder(db, w1)
    (found,) = finder.find(LinkKind.ACTIVITY, "粽子")
    assert (found.id, found.label) == (activity, "2025-06-18 端午节包粽子活动")
    assert [c.label for c in finder.find(LinkKind.CASE, "桂兰")] == [f"{case_no} 王桂兰"]
    assert [c.label for c in finder.find(LinkKind.CLIENT, "王")] == ["王桂兰"]
    assert finder.find(LinkKind.SESSION, "") == []
    registry = reg(db, w1)
    (vid,) = registry.create(VolunteerInput(name="陈大姐")).ids
    (sid,) = registry.add_service(
        ServiceInput(volunteer_id=vid, served_on=TODAY, hours="3", activity_id=activity)
    ).ids
    detail = registry.service_detail(sid)
    assert (detail.activity_id, detail.linked_to) == (activity, "活动：2025-06-18 端午节包粽子活动")
    assert LinkFinder(db, other_station_head(db)).find(LinkKind.ACTIVITY, "粽子") == []
