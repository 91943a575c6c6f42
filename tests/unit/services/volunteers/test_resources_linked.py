"""Resources linked: yuan as Decimal, one recipient, totals per month and kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.volunteers.resource_types import ResourceInput, ResourceQuery
from app.services.volunteers.resources import ResourceLinkService, parse_yuan
from app.store.engine import Database
from tests.unit.services.conftest import audit_actions
from tests.unit.services.staff_records import other_station_head


@pytest.fixture
def people(make_actor: Callable[..., Actor]) -> dict[str, Actor]:
    return {
        "w1": make_actor(Role.WORKER, "w1", "张社工"),
        "w2": make_actor(Role.WORKER, "w2", "李社工"),
        "sup": make_actor(Role.SUPERVISOR, "dudao", "赵督导"),
        "head": make_actor(Role.HEAD, "head", "周站长"),
    }


def gift(**change: Any) -> ResourceInput:
    default = ResourceInput(
        received_on=dt.date(2025, 9, 9),
        source="县慈善总会",
        kind="goods",
        value_yuan="1500",
        description="米面油20份",
        receipt_ref="CS-2025-031",
    )
    return replace(default, **change)


def test_yuan_parsing() -> None:
    assert parse_yuan("1,500.5") == Decimal("1500.50")
    assert parse_yuan("１５００元") == Decimal("1500.00")
    assert parse_yuan("0") == Decimal("0.00")
    for bad, message in (
        ("-1", "负数"),
        ("十块", "不是数字"),
        ("1.234", "两位小数"),
        ("", "请填写"),
    ):
        with pytest.raises(InvalidInput, match=message) as caught:
            parse_yuan(bad)
        assert caught.value.field == "value_yuan"


def test_create_edit_and_permissions(db: Database, people: dict[str, Actor]) -> None:
    client = ClientService(db, people["w1"]).create(ClientInput(name="李秀英")).id
    svc = ResourceLinkService(db, people["w1"])
    (rid,) = svc.create(gift(client_id=client)).ids
    (row,) = ResourceLinkService(db, people["sup"]).rows([rid])
    assert (row.kind, row.value_yuan, row.recipient) == ("物资", Decimal("1500.00"), "李秀英")
    with pytest.raises(PermissionDenied):
        ResourceLinkService(db, people["sup"]).create(gift())
    version = svc.detail(rid).version
    with pytest.raises(PermissionDenied):
        ResourceLinkService(db, people["w2"]).update(resource_id=rid, version=version, data=gift())
    ResourceLinkService(db, people["head"]).update(
        resource_id=rid, version=version, data=gift(value_yuan="1600.00")
    )
    assert svc.detail(rid).value_yuan == Decimal("1600.00")
    with pytest.raises(InvalidInput, match="只能选一项"):
        svc.create(gift(client_id=client, activity_id=1))
    with pytest.raises(InvalidInput, match="资源类型"):
        svc.create(gift(kind="gold"))
    assert audit_actions(db, entity="resource", entity_id=rid) == ["create", "refused", "update"]


def test_totals_per_month_and_kind(db: Database, people: dict[str, Actor]) -> None:
    svc = ResourceLinkService(db, people["head"])
    svc.create(gift(value_yuan="100.10"))
    svc.create(gift(value_yuan="200.20", received_on=dt.date(2025, 9, 30)))
    svc.create(gift(kind="cash", value_yuan="500"))
    svc.create(gift(kind="service", value_yuan="0", received_on=dt.date(2025, 10, 1)))
    svc.create(gift(received_on=dt.date(2024, 9, 9)))
    totals = [(t.month, t.kind_label, t.count, t.value_yuan) for t in svc.totals(2025)]
    assert totals == [
        (9, "现金", 1, Decimal("500.00")),
        (9, "物资", 2, Decimal("300.30")),
        (10, "服务", 1, Decimal("0.00")),
    ]
    assert len(svc.search_ids(ResourceQuery(kind="goods", year=2025))) == 2
    assert len(svc.search_ids(ResourceQuery(text="CS-2025"))) == 5
    other = ResourceLinkService(db, other_station_head(db))
    assert other.search_ids(ResourceQuery()) == [] and other.totals(2025) == []
    with pytest.raises(NotFound):
        other.detail(svc.search_ids(ResourceQuery())[0])
