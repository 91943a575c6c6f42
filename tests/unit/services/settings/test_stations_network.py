"""Several stations in one database: the administrator lists them and adds one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.services.settings.stations import StationService
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import Station, Village
from tests.unit.services.conftest import TODAY, audit_actions


@pytest.fixture
def stations(db: Database, admin: Actor) -> StationService:
    return StationService(db, admin)


def _villages_of(db: Database, station_id: int) -> list[tuple[str, str]]:
    with db.read() as session:
        rows = session.execute(
            select(Village.name, Village.kind)
            .where(Village.station_id == station_id)
            .order_by(Village.sort)
        )
        return [(name, kind) for name, kind in rows]


def test_adding_a_station_with_its_villages(db: Database, stations: StationService) -> None:
    made = stations.add_station(
        code=" jx0427 ",
        name=" 东港镇社工站 ",
        county="测试县",
        villages=["东港村", " 新桥社区 ", "", "东港村", "渡口居委会"],
    )
    assert (made.code, made.name, made.villages) == ("JX0427", "东港镇社工站", 3)
    assert made.changes.touches("station")
    assert _villages_of(db, made.id) == [
        ("东港村", "村"),
        ("新桥社区", "社区"),
        ("渡口居委会", "社区"),
    ]
    with db.read() as session:
        station = session.get_one(Station, made.id)
        assert (station.county, station.parent_id) == ("测试县", None)
    assert audit_actions(db, entity="station", entity_id=made.id) == ["create"]


def test_a_station_code_in_use_is_refused(stations: StationService) -> None:
    with pytest.raises(InvalidInput) as raised:
        stations.add_station(code="jx0426", name="另一个社工站")
    assert raised.value.field == "code"
    assert raised.value.message == "站点代码 JX0426 已被“梅林镇社工站”使用。"
    with pytest.raises(InvalidInput, match="已有名为") as raised:
        stations.add_station(code="JX0999", name="梅林镇社工站")
    assert raised.value.field == "name"
    assert [s.code for s in stations.list_stations()] == ["JX0426"]


@pytest.mark.parametrize("code", ["", "J", "JX-0427", "梅林01", "A" * 17])
def test_a_bad_code_is_refused(stations: StationService, code: str) -> None:
    with pytest.raises(InvalidInput, match="站点代码") as raised:
        stations.add_station(code=code, name="东港镇社工站")
    assert raised.value.field == "code"


def test_bad_names_are_refused_by_field(stations: StationService) -> None:
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"name": "  "}, "name", "请填写社工站名称。"),
        ({"name": "站" * 101}, "name", "社工站名称最多100个字。"),
        ({"name": "东港镇社工站", "county": "县" * 101}, "county", "县（区）名称最多100个字。"),
        ({"name": "东港镇社工站", "villages": ["村" * 101]}, "villages", "村/社区名称最多100个字"),
    ]
    for fields, field, message in cases:
        with pytest.raises(InvalidInput) as raised:
            stations.add_station(code="JX0427", **fields)
        assert raised.value.field == field
        assert raised.value.message.startswith(message)
    assert len(stations.list_stations()) == 1


@pytest.mark.parametrize("role", [Role.HEAD, Role.WORKER, Role.SUPERVISOR])
def test_only_the_administrator_lists_and_adds_stations(
    db: Database, make_actor: Callable[..., Actor], role: Role
) -> None:
    other = StationService(db, make_actor(role))
    with pytest.raises(PermissionDenied, match="只有管理员可以查看所有站点"):
        other.list_stations()
    with pytest.raises(PermissionDenied, match="只有管理员可以添加站点"):
        other.add_station(code="JX0427", name="东港镇社工站")
    assert audit_actions(db, entity="station") == ["initialise", "refused", "refused"]
    with db.read() as session:
        assert session.scalar(select(Station.id).where(Station.code == "JX0427")) is None


def test_a_new_station_hangs_under_the_county_centre(
    db: Database, admin: Actor, stations: StationService
) -> None:
    with db.write() as session:
        centre = Station(code="XS00", name="修水县社会工作服务指导中心", county="测试县")
        session.add(centre)
        session.flush()
        session.get_one(Station, admin.station_id).parent_id = centre.id
        centre_id = centre.id
    made = stations.add_station(code="JX0427", name="东港镇社工站")
    with db.read() as session:
        assert session.get_one(Station, made.id).parent_id == centre_id


def test_a_user_of_the_new_station_sees_only_its_clients(
    db: Database, admin: Actor, stations: StationService, clients: ClientService
) -> None:
    made = stations.add_station(code="JX0427", name="东港镇社工站", villages=["东港村", "西港村"])
    UserService(db, admin).add(
        login="chen", display_name="陈社工", role=Role.WORKER,
        password="chen-password-1", station_id=made.id,
    )  # fmt: skip
    worker = AuthService(db).login(login="chen", password="chen-password-1")
    assert (worker.station_id, worker.station_name) == (made.id, "东港镇社工站")

    theirs = ClientService(db, worker, today=TODAY)
    assert [v.label for v in theirs.villages()] == ["东港村", "西港村"]
    village_id = theirs.villages()[0].id
    own = theirs.create(ClientInput(name="李四", village_id=village_id)).id
    home = clients.create(ClientInput(name="张三")).id
    assert theirs.search_ids(ClientQuery()) == [own]
    assert clients.search_ids(ClientQuery()) == [home]
    with pytest.raises(NotFound):
        theirs.get(home)

    listed = {s.code: s for s in stations.list_stations()}
    assert [(s.villages, s.users, s.clients) for s in listed.values()] == [(3, 1, 1), (2, 1, 1)]
    assert list(listed) == ["JX0426", "JX0427"]
    assert listed["JX0427"].name == "东港镇社工站" and listed["JX0426"].county == "测试县"


def test_the_list_counts_only_villages_and_users_in_use(
    db: Database, admin: Actor, stations: StationService, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "li")
    UserService(db, admin).set_active(login=worker.login, active=False)
    village = stations.villages()[0]
    stations.update_village(
        village_id=village.id, version=village.version, name=village.name, active=False
    )
    (row,) = stations.list_stations()
    assert (row.villages, row.users, row.clients) == (2, 1, 0)


def test_a_user_for_another_station(db: Database, admin: Actor, stations: StationService) -> None:
    users = UserService(db, admin)
    with pytest.raises(InvalidInput, match="所选站点不存在") as raised:
        users.add(login="chen", display_name="陈社工", role=Role.WORKER, station_id=999)
    assert raised.value.field == "station"
    made = stations.add_station(code="JX0427", name="东港镇社工站")
    users.add(login="chen", display_name="陈社工", role=Role.HEAD, station_id=made.id)
    # The administrator looks after every station's users.
    assert [u.login for u in users.list()] == ["admin", "chen"]
    assert [(s.code, s.users) for s in stations.list_stations()] == [
        ("JX0426", 1),
        ("JX0427", 1),
    ]


def test_the_administrator_looks_after_every_stations_users(db: Database, admin: Actor) -> None:
    second = StationService(db, admin).add_station(code="JX0427", name="东岭镇社工站")
    users = UserService(db, admin)
    users.add(login="dongling1", display_name="赵社工", role=Role.WORKER, station_id=second.id)
    rows = {row.login: row for row in users.list()}
    assert rows["dongling1"].station == "东岭镇社工站"
    assert rows["admin"].station == "梅林镇社工站"
    assert users.reset_password(login="dongling1").login == "dongling1"
