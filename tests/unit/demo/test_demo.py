"""Demo data: counts, valid ID numbers, plausible categories, determinism, search."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.demo import county_state
from app.demo import data as demo_data
from app.demo.builder import DemoSummary, create_demo_database, fill_county, fill_station
from app.domain import idnumber
from app.domain.clock import FixedClock
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.access import passwords
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.services.county.service import CountyService
from app.services.packages import decisions
from app.services.packages.service import PackageService
from app.store import search
from app.store.engine import Database
from app.store.models import (
    Client,
    ClientCategory,
    Household,
    MonthClose,
    PackageConflict,
    PackageLog,
    Station,
    User,
    Village,
)
from tests.unit.services.conftest import audit_actions

CJK = re.compile(r"^[\u4e00-\u9fff]+$")
MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _age(born: dt.date, today: dt.date) -> int:
    return idnumber.age_on(born, today)


@pytest.fixture
def filled(db: Database, admin: Actor) -> DemoSummary:
    return fill_station(db, admin, seed=7)


def _clients(db: Database) -> list[Client]:
    with db.read() as session:
        return list(session.scalars(select(Client).order_by(Client.id)))


def _categories(db: Database) -> dict[int, set[str]]:
    held: dict[int, set[str]] = {}
    with db.read() as session:
        for client_id, code in session.execute(
            select(ClientCategory.client_id, ClientCategory.category)
        ):
            held.setdefault(client_id, set()).add(code)
    return held


def test_small_scale_fills_eight_villages_with_four_hundred_clients(
    db: Database, admin: Actor, filled: DemoSummary
) -> None:
    assert (filled.stations, filled.villages, filled.clients) == (1, 8, 400)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 400
        villages = set(session.scalars(select(Village.id).where(Village.station_id == 1)))
        assert len(villages) == 8
        assert set(session.scalars(select(Client.village_id))) <= villages
        assert session.scalar(select(func.count()).select_from(Household)) == filled.households
        roles = Counter(session.scalars(select(User.role).where(User.id != admin.user_id)))
    assert roles == {Role.WORKER.value: 3, Role.SUPERVISOR.value: 1}
    assert len(filled.staff_logins) == 4 and filled.staff_password
    assert 100 < filled.households < 300


def test_each_demo_account_has_its_own_salted_hash_of_the_printed_password(
    db: Database, admin: Actor, filled: DemoSummary
) -> None:
    with db.read() as session:
        hashes = list(
            session.scalars(select(User.password_hash).where(User.login.in_(filled.staff_logins)))
        )
    assert len(hashes) == len(filled.staff_logins) == len(set(hashes))
    assert all(passwords.verify(h, filled.staff_password) for h in hashes)


def test_every_id_number_is_valid_and_agrees_with_birth_date_and_sex(
    db: Database, filled: DemoSummary
) -> None:
    clients = _clients(db)
    with_id = [c for c in clients if c.id_number]
    assert 0 < len(clients) - len(with_id) < 40  # a few have none, mostly small children
    for client in with_id:
        assert client.id_number is not None
        info = idnumber.parse(client.id_number)
        assert info.warnings == ()  # the address code is known for the birth year
        assert (info.birth_date, info.sex.value) == (client.birth_date, client.sex)
        assert client.id_number[:6] in {
            c for pair in demo_data.NEIGHBOUR_CODES for c in pair
        } | set(demo_data.HOME_CODES)
    assert len({c.id_number for c in with_id}) == len(with_id)


def test_names_are_two_to_four_chinese_characters_mostly_three(
    db: Database, filled: DemoSummary
) -> None:
    names = [c.name for c in _clients(db)]
    assert all(CJK.match(n) and 2 <= len(n) <= 4 for n in names)
    lengths = Counter(len(n) for n in names)
    assert lengths[3] > 0.6 * len(names)
    assert 0.08 * len(names) < lengths[2] < 0.35 * len(names)
    surnames = {n[:2] if n[:2] in demo_data.SURNAMES else n[0] for n in names}
    assert surnames <= set(demo_data.SURNAMES)
    assert len(surnames) > 30


def test_phones_are_mobile_numbers_and_children_have_a_guardian(
    db: Database, filled: DemoSummary
) -> None:
    today = dt.date.today()
    clients = _clients(db)
    phones = [c.phone for c in clients if c.phone]
    assert phones and all(MOBILE.match(p) for p in phones)
    children = [c for c in clients if c.birth_date and _age(c.birth_date, today) < 18]
    assert children
    assert all(c.guardian_name and MOBILE.match(c.guardian_phone) for c in children)


def test_categories_come_in_plausible_shares_and_match_ages(
    db: Database, filled: DemoSummary
) -> None:
    today = dt.date.today()
    held = _categories(db)
    clients = {c.id: c for c in _clients(db)}
    share = Counter(code for codes in held.values() for code in codes)
    total = len(clients)
    assert share[demo_data.DIBAO_RURAL] + share[demo_data.DIBAO_URBAN] > 0.2 * total
    assert share[demo_data.LEFT_BEHIND_ELDER] + share[demo_data.EMPTY_NEST_ELDER] > 0.1 * total
    assert share[demo_data.DISABLED] > 0.04 * total
    assert share[demo_data.ORPHAN] < 0.02 * total
    assert share[demo_data.LIVING_ALONE_ELDER] > 0.03 * total
    for client_id, codes in held.items():
        client = clients[client_id]
        assert client.birth_date is not None
        age = _age(client.birth_date, today)
        if codes & {demo_data.LEFT_BEHIND_CHILD, demo_data.ORPHAN, demo_data.DE_FACTO_ORPHAN}:
            assert age < 18
        if demo_data.OLDEST_OLD in codes:
            assert age >= 80
        if codes & {demo_data.LIVING_ALONE_ELDER, demo_data.EMPTY_NEST_ELDER}:
            assert age >= 60
        if demo_data.DISABLED in codes:
            assert client.disability_type and client.disability_grade


def test_households_point_at_their_head(db: Database, filled: DemoSummary) -> None:
    with db.read() as session:
        rows = session.execute(
            select(Household.id, Client.household_id, Client.relation_to_head, Client.name,
                   Household.head_name)
            .join(Client, Client.id == Household.head_client_id)
        ).all()  # fmt: skip
    assert len(rows) > 100
    for household_id, member_of, relation, name, head_name in rows:
        assert (member_of, relation, name) == (household_id, "02", head_name)


def test_the_same_seed_gives_the_same_clients(tmp_path: Path) -> None:
    def people(name: str, seed: int) -> list[tuple[object, ...]]:
        db = Database.open(tmp_path / name)
        try:
            create_demo_database(db, seed=seed)
            return [(c.name, c.id_number, c.birth_date, c.phone, c.address) for c in _clients(db)]
        finally:
            db.dispose()

    first = people("a.sqlite3", 5)
    assert first == people("b.sqlite3", 5)
    assert first != people("c.sqlite3", 6)


def test_search_finds_a_two_character_demo_name(
    db: Database, admin: Actor, filled: DemoSummary
) -> None:
    target = next(c for c in _clients(db) if len(c.name) == 2)
    found = ClientService(db, admin).search_ids(ClientQuery(text=target.name))
    assert target.id in found


def test_the_index_made_station_by_station_is_the_one_a_rebuild_makes(
    db: Database, filled: DemoSummary
) -> None:
    tables = ("client_search", "client_search_pinyin")

    def index() -> dict[str, list[tuple[object, ...]]]:
        with db.read() as session:
            rows = {t: session.execute(text(f"SELECT rowid, * FROM {t}")) for t in tables}
            return {table: sorted(tuple(r) for r in found) for table, found in rows.items()}

    built = index()
    assert len(built["client_search"]) == filled.clients
    with db.write() as session:
        search.rebuild(session)
    assert index() == built


def test_one_audit_entry_records_the_fill(db: Database, filled: DemoSummary) -> None:
    assert audit_actions(db).count("demo_fill") == 1
    assert "create" not in audit_actions(db, entity="client")


def test_a_station_that_already_has_clients_is_refused(
    db: Database, admin: Actor, filled: DemoSummary
) -> None:
    with pytest.raises(InvalidInput, match="已有服务对象"):
        fill_station(db, admin, seed=8)


def test_cancelling_leaves_nothing_behind(db: Database, admin: Actor) -> None:
    summary = fill_station(db, admin, is_cancelled=lambda: True)
    assert summary.cancelled and summary.clients == 0
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0
        assert session.scalar(select(func.count()).select_from(User)) == 1
        assert session.scalar(select(func.count()).select_from(Village)) == 3


def test_progress_rises_to_the_total(db: Database, admin: Actor) -> None:
    seen: list[tuple[int, int]] = []
    fill_station(db, admin, progress=lambda done, total: seen.append((done, total)))
    dones = [done for done, _ in seen]
    assert dones == sorted(dones) and seen[-1][0] == seen[-1][1] > 0


def test_only_an_administrator_may_fill(db: Database, make_actor: Callable[..., Actor]) -> None:
    with pytest.raises(PermissionDenied):
        fill_station(db, make_actor(Role.HEAD))


def test_unknown_scale_is_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(InvalidInput, match="small"):
        fill_station(db, admin, scale="huge")


def test_county_scale_needs_a_database_with_only_this_station(db: Database, admin: Actor) -> None:
    with db.write() as session:
        session.add(Station(code="OTHER1", name="别的站"))
    with pytest.raises(InvalidInput, match="只有本站"):
        fill_county(db, admin)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0


def test_county_state_closes_months_and_logs_packages(db: Database, admin: Actor) -> None:
    """What 县级总览 shows on the county demo: closed months and offline stations."""
    with db.write() as session:
        for n in range(10):
            session.add(Station(code=f"XS{n + 2:02d}", name=f"示范{n}镇社工站"))
    dated = db.with_clock(FixedClock(dt.datetime(2026, 11, 20, 9, 0)))
    made = county_state.fill(dated, admin, random.Random(1))
    assert made["closed"] == 7  # of the ten stations besides the administrator's
    assert made["offline"] == 8
    with db.read() as session:
        closes = list(session.scalars(select(MonthClose)))
        logs = list(session.scalars(select(PackageLog)))
    assert {c.month for c in closes} == {dt.date(2026, 10, 1)}
    assert admin.station_id not in {c.station_id for c in closes}
    assert len(logs) == made["packages"]
    assert [g.status for g in logs].count("held") == 1
    overview = CountyService(dated, admin).overview(dt.date(2026, 10, 1))
    assert overview.closed == 7
    offline = [s for s in overview.stations if s.package is not None]
    assert len(offline) == 8
    assert all(s.package.received_at.date() <= dt.date(2026, 11, 21) for s in offline if s.package)
    county_key = PackageService(dated, admin).county_key()
    assert county_key is not None and len(county_key.fingerprint) == 39


def test_county_state_leaves_a_conflict_to_decide_and_one_decided(
    db: Database, admin: Actor
) -> None:
    """数据交换 on the county demo: an open conflict beside its merged fields, and a decision
    that the station's next return package carries."""
    with db.write() as session:
        for n in range(10):
            session.add(Station(code=f"XS{n + 2:02d}", name=f"示范{n}镇社工站"))
    with db.read() as session:
        ids = list(session.scalars(select(Station.id).where(Station.code.like("XS%"))))
    for station_id in ids:
        local = dataclasses.replace(admin, station_id=station_id)
        ClientService(db, local).create(ClientInput(name="王秀兰", phone="13800000000"))
    dated = db.with_clock(FixedClock(dt.datetime(2026, 11, 20, 9, 0)))
    made = county_state.fill(dated, admin, random.Random(1))
    assert made["conflicts"] == 2
    [waiting] = PackageService(dated, admin).conflicts()
    assert [f.field for f in waiting.fields] == ["phone"]
    assert [(m.field, m.side) for m in waiting.merged] == [
        ("address", "station"),
        ("notes", "county"),
    ]
    with db.read() as session:
        decided = session.scalar(
            select(PackageConflict).where(PackageConflict.status == "resolved")
        )
        assert decided is not None
        [outgoing] = decisions.outgoing(session, decided.station_id)
    assert outgoing["fields"] == [["phone", "13800000000", "13907310288", "county"]]
