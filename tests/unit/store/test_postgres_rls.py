"""Row-level security on the county server, tested as the app's own roles (never as a
superuser, which bypasses it): a station reads and writes only its own rows, the server
refuses the rest, the county reads all, and the app's whole flow works as a station."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Connection, insert, select, text
from sqlalchemy.exc import DBAPIError

from app.domain.errors import AuthenticationFailed, InvalidInput, StorageError
from app.domain.evaluation import RoundKind
from app.domain.roles import Role
from app.services.access.audit_trail import check_chain
from app.services.access.auth import AuthService
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rounds import EvaluationService
from app.services.evaluation.types import RoundInput
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, TargetInput
from app.services.settings.server import CountyServerService
from app.services.settings.stations import StationService
from app.services.staff.users import UserService
from app.store import migrate, postgres_rls, search, search_postgres
from app.store.base import Base
from app.store.engine import Database, storage_errors
from app.store.models import Client
from tests.unit.services.case_flow import INTAKE, new_client, open_case
from tests.unit.services.conftest import TODAY, id_number
from tests.unit.services.evaluation import sheets

HEAD_PASSWORD = "head-pass-word-1"


@dataclass
class County:
    owner: Database
    station_a: int
    station_b: int
    roles: dict[str, str]  # station code or "county" -> database role

    def connect_as(self, who: str) -> Database:
        url = self.owner.engine.url.set(username=self.roles[who])
        return Database.open(url.render_as_string(hide_password=False))


@pytest.fixture
def db(pg_db: Database) -> Database:
    """PostgreSQL only: row-level security is the server's."""
    return pg_db


@pytest.fixture
def county(pg_db: Database, admin: Actor) -> Iterator[County]:
    """Two stations with a client each, set up as `server init` would, then each
    station's role."""
    stations = StationService(pg_db, admin)
    b = stations.add_station(code="JX0427", name="东港镇社工站", villages=["东港村"]).id
    users = UserService(pg_db, admin)
    for login, station in (("head_a", admin.station_id), ("head_b", b)):
        users.add(
            login=login, display_name=login, role=Role.HEAD, password=HEAD_PASSWORD,
            station_id=station,
        )  # fmt: skip
    with pg_db.write() as session:
        session.execute(
            text("UPDATE users SET must_change_password = false WHERE login LIKE 'head_%'")
        )
    for login, name in (("head_a", "梅林甲"), ("head_b", "东港乙")):
        actor = AuthService(pg_db).login(login=login, password=HEAD_PASSWORD)
        ClientService(pg_db, actor, today=TODAY).create(ClientInput(name=name))
    server = CountyServerService(pg_db)
    setup = server.initialise(admin_login="admin", password="unused-here-1")
    roles = {"county": setup.county_role}
    for code in ("JX0426", "JX0427"):
        roles[code] = server.add_station_role(station_code=code).role
    made = County(pg_db, admin.station_id, b, roles)
    yield made


@pytest.fixture
def station_a(county: County) -> Iterator[Database]:
    db = county.connect_as("JX0426")
    yield db
    db.dispose()


def _names(conn: Connection) -> list[str]:
    return sorted(conn.execute(text("SELECT name FROM clients")).scalars())


def test_the_app_roles_are_neither_owners_nor_superusers(county: County) -> None:
    with county.owner.engine.connect() as conn:
        flags = conn.execute(
            text(
                "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ANY(:names)"
            ),
            {"names": list(county.roles.values())},
        ).all()
        owners = conn.execute(
            text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
        assert set(owners).isdisjoint(county.roles.values())
    assert len(flags) == 3
    assert all(not superuser and not bypass for _name, superuser, bypass in flags)


def test_a_station_reads_only_its_own_rows(county: County, station_a: Database) -> None:
    with station_a.engine.connect() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == county.roles["JX0426"]
        assert _names(conn) == ["梅林甲"]
        others = text("SELECT count(*) FROM clients WHERE station_id = :b")
        assert conn.execute(others, {"b": county.station_b}).scalar() == 0
        logins = conn.execute(text("SELECT login FROM users ORDER BY login")).scalars().all()
        assert "head_b" not in logins and "head_a" in logins
        audited = conn.execute(text("SELECT DISTINCT station_id FROM audit_log")).scalars()
        assert county.station_b not in set(audited)
        keys = conn.execute(text("SELECT DISTINCT client_id FROM client_search_pinyin"))
        own = conn.execute(text("SELECT id FROM clients")).scalars().all()
        assert set(keys.scalars()) == set(own)


def test_writing_a_row_for_another_station_is_refused_by_the_server(
    county: County, station_a: Database
) -> None:
    row = {"name": "冒名丙", "station_id": county.station_b}
    with pytest.raises(StorageError) as refused, storage_errors(), station_a.engine.begin() as conn:
        conn.execute(insert(Client).values(**row))
    assert "不属于本站" in refused.value.message
    assert "row-level security" in refused.value.detail
    with station_a.engine.begin() as conn:
        moved = conn.execute(
            text("UPDATE clients SET name = '改名' WHERE station_id = :b"), {"b": county.station_b}
        )
        assert moved.rowcount == 0  # B's rows are not there to update
    with pytest.raises(DBAPIError, match="row-level security"), station_a.engine.begin() as conn:
        conn.execute(text("UPDATE clients SET station_id = :b"), {"b": county.station_b})
    with pytest.raises(DBAPIError, match="permission denied"), station_a.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))
    with county.owner.engine.connect() as conn:
        assert _names(conn) == ["东港乙", "梅林甲"]


def test_the_county_role_reads_every_station(county: County) -> None:
    db = county.connect_as("county")
    try:
        with db.engine.connect() as conn:
            assert _names(conn) == ["东港乙", "梅林甲"]
            users = conn.execute(text("SELECT count(DISTINCT station_id) FROM users")).scalar()
            assert users == 2
    finally:
        db.dispose()


def test_every_table_but_the_code_lists_is_protected(county: County) -> None:
    with county.owner.engine.connect() as conn:
        tables = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
        others = set(tables) - {"alembic_version", "code_items"}
        assert set(postgres_rls.station_tables()) <= others
        assert len(others) == len(Base.metadata.tables) + 1  # and the pinyin index
        assert postgres_rls.unprotected(conn, others) == []


def test_a_station_works_through_the_app_as_its_role(county: County, station_a: Database) -> None:
    head = AuthService(station_a).login(login="head_a", password=HEAD_PASSWORD)
    client_id = new_client(station_a, head, "陈桂英", seq=7)
    cases = CaseService(station_a, head, today=TODAY)
    case_id, _version = open_case(cases, client_id, intake_date=INTAKE)
    detail = cases.get(case_id)
    assert detail.client_id == client_id
    found = ClientService(station_a, head, today=TODAY).search_ids(ClientQuery(text="桂英"))
    assert found == [client_id]
    with pytest.raises(AuthenticationFailed):
        AuthService(station_a).login(login="head_b", password=HEAD_PASSWORD)
    with county.owner.engine.connect() as conn:
        # The station's audit rows joined the one chain of the whole database.
        assert check_chain(conn).breaks == []
        counted = conn.execute(select(Client.station_id).where(Client.id == client_id))
        assert counted.scalar() == county.station_a


def test_a_station_role_does_not_migrate_an_older_schema(
    county: County, station_a: Database
) -> None:
    with county.owner.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    with pytest.raises(StorageError) as refused:
        migrate.upgrade(station_a.engine)
    assert "比本程序旧" in refused.value.message
    assert "server init" in refused.value.message


def test_a_station_without_users_gets_no_role_yet(county: County, admin: Actor) -> None:
    StationService(county.owner, admin).add_station(code="JX0428", name="新桥镇社工站")
    with pytest.raises(InvalidInput, match="还没有用户"):
        CountyServerService(county.owner).add_station_role(station_code="jx0428")


def test_a_station_manages_its_own_projects_and_reads_the_countys(
    county: County, station_a: Database, admin: Actor
) -> None:
    head = AuthService(station_a).login(login="head_a", password=HEAD_PASSWORD)
    (own,) = ProjectService(station_a, head, today=TODAY).add(
        ProjectInput(
            code="A-2026", name="梅林项目", starts_on=TODAY.replace(month=1, day=1),
            ends_on=TODAY.replace(month=12, day=31), station_ids=(county.station_a,),
            targets=(TargetInput(rule="cases_new", target=Decimal(10)),),
        )
    ).ids  # fmt: skip
    (shared,) = ProjectService(county.owner, admin, today=TODAY).add(
        ProjectInput(
            code="XM-2026", name="全县项目", starts_on=TODAY.replace(month=1, day=1),
            ends_on=TODAY.replace(month=12, day=31),
            station_ids=(county.station_a, county.station_b),
            targets=(TargetInput(rule="cases_new", target=Decimal(40)),),
        )
    ).ids  # fmt: skip
    with station_a.engine.begin() as conn:
        seen = conn.execute(text("SELECT code FROM projects ORDER BY code")).scalars().all()
        assert seen == ["A-2026", "XM-2026"]
        targets = conn.execute(text("SELECT count(*) FROM project_targets")).scalar()
        assert targets == 2
        # The county's project is read, not written, by a station.
        changed = conn.execute(text("UPDATE projects SET name = '改' WHERE id = :p"), {"p": shared})
        assert changed.rowcount == 0
        changed = conn.execute(
            text("UPDATE project_targets SET target = 1 WHERE project_id = :p"), {"p": shared}
        )
        assert changed.rowcount == 0
    b = county.connect_as("JX0427")
    try:
        with b.engine.connect() as conn:
            seen = conn.execute(text("SELECT id FROM projects")).scalars().all()
            assert seen == [shared] and own not in seen
    finally:
        b.dispose()


def test_a_station_searches_through_its_function_and_finds_only_its_own(
    county: County, station_a: Database
) -> None:
    """The policies would make the planner test every station row; the search function runs
    the indexed selects as the owner and keeps only the caller's station's clients."""
    people = {}
    for login, name, seq, phone in (
        ("head_a", "王桂英", 71, "13912340071"),
        ("head_b", "王桂兰", 171, "13912349071"),
    ):
        actor = AuthService(county.owner).login(login=login, password=HEAD_PASSWORD)
        data = ClientInput(name=name, id_number=id_number("19480512", seq), phone=phone)
        people[login] = ClientService(county.owner, actor, today=TODAY).create(data).id
    head = AuthService(station_a).login(login="head_a", password=HEAD_PASSWORD)
    clients = ClientService(station_a, head, today=TODAY)
    tail = id_number("19480512", 71)[-4:]
    for query in ("王", "王桂", "桂英", tail, "1234", "wgy", "wg"):
        assert clients.search_ids(ClientQuery(text=query)) == [people["head_a"]], query
    assert clients.search_ids(ClientQuery(text="桂兰")) == []

    with station_a.read() as session:
        assert search_postgres._is_station_role(session)
        call = text(f"SELECT {search_postgres.STATION_IDS}(ARRAY['王'], '%王%', '%', '%', '{{}}')")
        # Whatever it is asked (here: every ID number and phone), the function answers
        # for the caller's station only.
        everyone = set(session.scalars(call))
        assert people["head_a"] in everyone and people["head_b"] not in everyone
    county_db = county.connect_as("county")
    try:
        with county_db.read() as session:
            assert not search_postgres._is_station_role(session)
            matching = search.matching(session, "王桂")
            assert matching is not None
            found = session.scalars(select(Client.id).where(matching))
            assert set(found) == set(people.values())
        with pytest.raises(StorageError) as refused, county_db.read() as session:
            session.execute(call).all()
        assert "permission denied" in refused.value.detail
    finally:
        county_db.dispose()


def test_a_station_imports_its_own_indicator_systems_and_reads_the_countys(
    county: County, station_a: Database, admin: Actor, tmp_path: Path
) -> None:
    head = AuthService(station_a).login(login="head_a", password=HEAD_PASSWORD)
    shared = IndicatorService(county.owner, admin).import_file(
        sheets.small(tmp_path / "county.xlsx"), name="全县指标"
    )
    own = IndicatorService(station_a, head).import_file(
        sheets.small(tmp_path / "own.xlsx"), name="梅林自定指标"
    )
    assert [s.name for s in IndicatorService(station_a, head).list()] == [
        "全县指标",
        "梅林自定指标",
    ]
    EvaluationService(station_a, head).add_round(
        RoundInput(system_id=shared.system_id, kind=RoundKind.MONTHLY, held_on=INTAKE)
    )
    with station_a.engine.begin() as conn:
        changed = conn.execute(
            text("UPDATE evaluation_indicators SET points = 1 WHERE system_id = :s"),
            {"s": shared.system_id},
        )
        assert changed.rowcount == 0  # the county's system is read, not written
    b = county.connect_as("JX0427")
    try:
        with b.engine.connect() as conn:
            names = conn.execute(text("SELECT name FROM evaluation_systems")).scalars().all()
            assert names == ["全县指标"] and own.name not in names
            assert conn.execute(text("SELECT count(*) FROM evaluation_rounds")).scalar() == 0
    finally:
        b.dispose()
