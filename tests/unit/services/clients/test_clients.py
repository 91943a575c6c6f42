"""The client registry: create, edit, archive, duplicates, households, categories, reveal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from sqlalchemy import event, select

from app.domain.clock import FixedClock
from app.domain.errors import (
    DuplicateRecord,
    InvalidInput,
    NeedsConfirmation,
    NotFound,
    PermissionDenied,
)
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery, ClientSort, SimilarClient
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import AuditEntry, Case, Client, ClientCategory, Station, Village
from tests.unit.services.conftest import TODAY, audit_actions, id_number

ZHANG = id_number("19910101", 7)  # a man born 1 January 1991
LI = id_number("19800315", 2)  # a woman born 15 March 1980


def detail_of(clients: ClientService, client_id: int) -> dict[str, object]:
    return dataclasses.asdict(clients.get(client_id))


# ---- create, get, update -----------------------------------------------------------


def test_a_created_client_reads_back_masked(
    clients: ClientService, villages: dict[str, int]
) -> None:
    saved = clients.create(
        ClientInput(
            name=" 张  三 ", id_number=ZHANG, phone="138 1234 5678", village_id=villages["梅林村"],
            address=" 梅林村3组 ", risk_level="high", notes="独居",
        )
    )  # fmt: skip
    detail = clients.get(saved.id)
    assert detail.name == "张 三"
    assert detail.id_number_masked == ZHANG[:2] + "*" * 16
    assert detail.phone_masked == "138****5678"
    assert detail.has_id_number
    assert detail.village == "梅林村"
    assert detail.address == "梅林村3组"
    assert detail.risk_level == "high"
    assert detail.version == saved.version
    assert detail.can_edit


def test_birth_date_and_sex_come_from_the_id_number(clients: ClientService) -> None:
    saved = clients.create(
        ClientInput(name="张三", id_number=ZHANG, sex="2", birth_date=dt.date(2000, 5, 5))
    )
    detail = clients.get(saved.id)
    assert detail.birth_date == dt.date(1991, 1, 1)
    assert detail.sex == "1"
    assert detail.age == 34


def test_the_id_number_is_normalised_before_it_is_stored(clients: ClientService) -> None:
    number = next(
        id_number("19650708", s) for s in range(1000) if id_number("19650708", s)[-1] == "X"
    )
    typed = "".join(chr(ord(c) + 0xFEE0) for c in number[:6]) + " " + number[6:17] + "x"
    saved = clients.create(ClientInput(name="王五", id_number=typed))
    assert clients.reveal(saved.id).id_number == number


def test_an_invalid_id_number_is_refused_in_chinese(clients: ClientService) -> None:
    with pytest.raises(InvalidInput) as raised:
        clients.create(ClientInput(name="张三", id_number=ZHANG[:17] + "0"))
    assert "校验位" in raised.value.message
    assert raised.value.field == "id_number"


def test_an_unknown_address_code_is_saved_with_a_warning(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三", id_number=id_number("19910101", 7, "990000")))
    assert any("地址码" in w for w in saved.warnings)


def test_a_client_without_an_id_number_is_allowed(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="无证号", sex="2", birth_date=dt.date(2015, 7, 1)))
    detail = clients.get(saved.id)
    assert not detail.has_id_number
    assert detail.id_number_masked == ""
    assert (detail.sex, detail.age) == ("2", 9)
    assert clients.reveal(saved.id).id_number == ""


def test_update_changes_the_fields_and_the_version(
    clients: ClientService, villages: dict[str, int]
) -> None:
    saved = clients.create(ClientInput(name="张三", id_number=ZHANG, phone="13812345678"))
    updated = clients.update(
        saved.id, version=saved.version,
        data=ClientInput(name="张三", phone="0791-1234567", village_id=villages["东山村"]),
    )  # fmt: skip
    detail = clients.get(saved.id)
    assert detail.version == updated.version > saved.version
    assert detail.village == "东山村"
    revealed = clients.reveal(saved.id)
    assert (revealed.id_number, revealed.phone) == (ZHANG, "0791-1234567")


def test_a_kept_id_number_still_decides_birth_date_and_sex(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三", id_number=ZHANG))
    clients.update(
        saved.id, version=saved.version,
        data=ClientInput(name="张三", sex="2", birth_date=dt.date(1990, 5, 5)),
    )  # fmt: skip
    detail = clients.get(saved.id)
    assert (detail.birth_date, detail.sex) == (dt.date(1991, 1, 1), "1")


def test_an_empty_id_number_or_phone_removes_it(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三", id_number=ZHANG, phone="13812345678"))
    clients.update(
        saved.id, version=saved.version, data=ClientInput(name="张三", id_number="", phone="")
    )
    revealed = clients.reveal(saved.id)
    assert (revealed.id_number, revealed.phone) == ("", "")


def test_an_update_is_audited_with_the_changed_fields(db: Database, clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三", phone="13812345678"))
    clients.update(
        saved.id, version=saved.version, data=ClientInput(name="张三丰", risk_level="medium")
    )
    with db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "update", AuditEntry.entity_id == saved.id
            )
        ).one()
    assert json.loads(entry.detail)["fields"] == ["name", "risk_level"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ClientInput(name="  "), "name"),
        (ClientInput(name="张" * 65), "name"),
        (ClientInput(name="张三", phone="12345"), "phone"),
        (ClientInput(name="张三", guardian_phone="12345"), "guardian_phone"),
        (ClientInput(name="张三", birth_date=TODAY + dt.timedelta(days=1)), "birth_date"),
        (ClientInput(name="张三", risk_level="extreme"), "risk_level"),
        (ClientInput(name="张三", categories=("no_such",)), "categories"),
        (ClientInput(name="张三", disability_type="4"), "disability_grade"),
        (ClientInput(name="张三", village_id=9999), "village_id"),
        (ClientInput(name="张三", worker_id=9999), "worker_id"),
        (ClientInput(name="张\u202e三"), "name"),
        (ClientInput(name="李四\x00"), "name"),
        (ClientInput(name="王五", guardian_name="王\u2066大"), "guardian_name"),
        (ClientInput(name="赵六", id_number="36042819\x0750101001X"), "id_number"),
    ],
)
def test_invalid_input_is_refused_naming_the_field(
    db: Database, clients: ClientService, data: ClientInput, field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        clients.create(data)
    assert raised.value.field == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in raised.value.message)
    with db.read() as session:
        assert session.scalars(select(Client)).all() == []


def test_a_missing_client_is_not_found(clients: ClientService) -> None:
    with pytest.raises(NotFound):
        clients.get(4242)


def test_clients_of_another_station_stay_invisible(
    db: Database, admin: Actor, clients: ClientService
) -> None:
    with db.write() as session:
        other = Station(code="JX0427", name="东山镇社工站")
        session.add(other)
        session.flush()
        village = Village(station_id=other.id, name="外站村")
        session.add(village)
        session.flush()
        stranger = Client(station_id=other.id, name="外站人", village_id=village.id)
        session.add(stranger)
        session.flush()
        stranger_id, village_id = stranger.id, village.id
    assert stranger_id not in clients.search_ids(ClientQuery())
    assert clients.rows([stranger_id]) == []
    with pytest.raises(NotFound):
        clients.get(stranger_id)
    with pytest.raises(InvalidInput):
        clients.create(ClientInput(name="张三", village_id=village_id))


# ---- archive -----------------------------------------------------------------------


def test_archive_and_unarchive(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三"))
    archived = clients.archive(saved.id, version=saved.version, reason=" 迁出 ")
    detail = clients.get(saved.id)
    assert (detail.status, detail.archive_reason) == ("archived", "迁出")
    assert clients.search_ids(ClientQuery()) == []
    assert clients.search_ids(ClientQuery(status="archived")) == [saved.id]
    assert clients.search_ids(ClientQuery(status="")) == [saved.id]
    clients.unarchive(saved.id, version=archived.version)
    detail = clients.get(saved.id)
    assert (detail.status, detail.archive_reason) == ("active", "")
    assert clients.search_ids(ClientQuery()) == [saved.id]


def test_archiving_needs_a_reason(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三"))
    with pytest.raises(InvalidInput) as raised:
        clients.archive(saved.id, version=saved.version, reason="  ")
    assert raised.value.field == "reason"


def test_every_create_update_archive_and_unarchive_is_audited(
    db: Database, clients: ClientService
) -> None:
    saved = clients.create(ClientInput(name="张三"))
    saved = clients.update(saved.id, version=saved.version, data=ClientInput(name="张三丰"))
    saved = clients.archive(saved.id, version=saved.version, reason="迁出")
    clients.unarchive(saved.id, version=saved.version)
    assert audit_actions(db, entity="client", entity_id=saved.id) == [
        "create",
        "update",
        "archive",
        "unarchive",
    ]


# ---- duplicates --------------------------------------------------------------------


def test_the_same_id_number_cannot_be_registered_twice(clients: ClientService) -> None:
    first = clients.create(ClientInput(name="张三", id_number=ZHANG))
    with pytest.raises(DuplicateRecord) as raised:
        clients.create(ClientInput(name="张三丰", id_number=ZHANG.lower()))
    assert raised.value.existing_id == first.id
    assert "张三" in raised.value.message
    assert ZHANG not in raised.value.message  # the message shows the number masked


def test_an_edit_cannot_take_another_clients_id_number(clients: ClientService) -> None:
    first = clients.create(ClientInput(name="张三", id_number=ZHANG))
    second = clients.create(ClientInput(name="李四"))
    with pytest.raises(DuplicateRecord) as raised:
        clients.update(
            second.id, version=second.version, data=ClientInput(name="李四", id_number=ZHANG)
        )
    assert raised.value.existing_id == first.id
    clients.update(first.id, version=first.version, data=ClientInput(name="张三", id_number=ZHANG))


def test_check_id_number_reports_the_registered_client(clients: ClientService) -> None:
    first = clients.create(ClientInput(name="张三", id_number=ZHANG))
    check = clients.check_id_number(ZHANG[:17] + ZHANG[17].lower())
    assert (check.number, check.birth_date, check.sex) == (ZHANG, dt.date(1991, 1, 1), "1")
    assert (check.existing_id, check.existing_name) == (first.id, "张三")
    assert check.place == "江西省德安县"
    assert clients.check_id_number(ZHANG, exclude_id=first.id).existing_id is None
    assert clients.check_id_number(LI).existing_id is None


def test_same_name_and_birth_date_asks_for_confirmation(
    clients: ClientService, villages: dict[str, int]
) -> None:
    first = clients.create(ClientInput(name="张三", id_number=ZHANG, village_id=villages["梅林村"]))
    twin = ClientInput(name="张三", birth_date=dt.date(1991, 1, 1))
    with pytest.raises(NeedsConfirmation) as raised:
        clients.create(twin)
    assert raised.value.items == (SimilarClient(first.id, "张三", dt.date(1991, 1, 1), "梅林村"),)
    assert "梅林村" in raised.value.message
    second = clients.create(twin, confirm_similar=True)
    assert set(clients.search_ids(ClientQuery())) == {first.id, second.id}


def test_an_edit_of_a_confirmed_namesake_does_not_ask_again(clients: ClientService) -> None:
    clients.create(ClientInput(name="张三", birth_date=dt.date(1991, 1, 1)))
    second = clients.create(
        ClientInput(name="张三", birth_date=dt.date(1991, 1, 1)), confirm_similar=True
    )
    updated = clients.update(
        second.id, version=second.version,
        data=ClientInput(name="张三", birth_date=dt.date(1991, 1, 1), phone="13812345678"),
    )  # fmt: skip
    assert clients.get(second.id).version == updated.version > second.version


def test_renaming_into_a_namesake_asks_for_confirmation(clients: ClientService) -> None:
    clients.create(ClientInput(name="张三", birth_date=dt.date(1991, 1, 1)))
    other = clients.create(ClientInput(name="张山", birth_date=dt.date(1991, 1, 1)))
    with pytest.raises(NeedsConfirmation):
        clients.update(
            other.id, version=other.version,
            data=ClientInput(name="张三", birth_date=dt.date(1991, 1, 1)),
        )  # fmt: skip


# ---- households --------------------------------------------------------------------


def test_a_household_lists_its_other_members(clients: ClientService) -> None:
    head = clients.create(ClientInput(name="张大", id_number=ZHANG, relation_to_head="02"))
    wife = clients.create(
        ClientInput(name="李四", id_number=LI, head_client_id=head.id, relation_to_head="10")
    )
    child = clients.create(
        ClientInput(
            name="张小",
            birth_date=dt.date(2012, 3, 1),
            head_client_id=head.id,
            relation_to_head="20",
        )
    )
    head_page = clients.get(head.id)
    assert head_page.head_client_id == head.id
    assert [(m.name, m.relation, m.is_head) for m in head_page.household_members] == [
        ("李四", "10", False),
        ("张小", "20", False),
    ]
    child_page = clients.get(child.id)
    assert child_page.household_id == head_page.household_id
    assert child_page.head_name == "张大"
    assert {m.id: m.is_head for m in child_page.household_members} == {
        head.id: True,
        wife.id: False,
    }


def test_choosing_a_head_who_has_no_household_makes_them_its_head(clients: ClientService) -> None:
    father = clients.create(ClientInput(name="张大"))
    son = clients.create(ClientInput(name="张小", head_client_id=father.id, relation_to_head="20"))
    father_page = clients.get(father.id)
    assert father_page.relation_to_head == "02"
    assert father_page.household_id == clients.get(son.id).household_id is not None
    assert [m.id for m in father_page.household_members] == [son.id]


def test_relation_head_makes_the_client_a_head(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张大"))
    clients.update(
        saved.id, version=saved.version, data=ClientInput(name="张大", relation_to_head="02")
    )
    detail = clients.get(saved.id)
    assert detail.household_id is not None
    assert (detail.head_client_id, detail.head_name) == (saved.id, "张大")


def test_leaving_a_household(clients: ClientService) -> None:
    head = clients.create(ClientInput(name="张大", relation_to_head="02"))
    son = clients.create(ClientInput(name="张小", head_client_id=head.id, relation_to_head="20"))
    clients.update(son.id, version=son.version, data=ClientInput(name="张小"))
    assert clients.get(son.id).household_id is None
    assert clients.get(head.id).household_members == ()


def test_household_mistakes_are_refused(clients: ClientService) -> None:
    head = clients.create(ClientInput(name="张大", relation_to_head="02"))
    with pytest.raises(InvalidInput) as raised:
        clients.create(ClientInput(name="张小", head_client_id=head.id))
    assert raised.value.field == "relation_to_head"
    with pytest.raises(InvalidInput):
        clients.update(
            head.id,
            version=head.version,
            data=ClientInput(name="张大", head_client_id=head.id, relation_to_head="10"),
        )
    with pytest.raises(NotFound):
        clients.create(ClientInput(name="张小", head_client_id=9999, relation_to_head="20"))


def test_find_heads_describes_candidates(clients: ClientService, villages: dict[str, int]) -> None:
    saved = clients.create(ClientInput(name="张大", id_number=ZHANG, village_id=villages["东山村"]))
    clients.create(ClientInput(name="李四"))
    [choice] = clients.find_heads("张")
    assert choice.id == saved.id
    assert "东山村" in choice.label
    assert ZHANG not in choice.label
    assert "无证号" in clients.find_heads("李四")[0].label


# ---- categories --------------------------------------------------------------------


def test_a_removed_category_is_ended_not_deleted(db: Database, clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三", categories=("dibao_rural", "disabled")))
    later = ClientService(db, clients._actor, today=TODAY + dt.timedelta(days=10))
    later.update(
        saved.id,
        version=saved.version,
        data=ClientInput(name="张三", categories=("disabled", "oldest_old")),
    )
    assert later.get(saved.id).categories == ("disabled", "oldest_old")
    with db.read() as session:
        history = {
            c.category: (c.start_date, c.end_date)
            for c in session.scalars(
                select(ClientCategory).where(ClientCategory.client_id == saved.id)
            )
        }
    # The change holds from its 发生日期 (today): the ended category was last held yesterday.
    assert history == {
        "dibao_rural": (TODAY, TODAY + dt.timedelta(days=9)),
        "disabled": (TODAY, None),
        "oldest_old": (TODAY + dt.timedelta(days=10), None),
    }
    assert later.search_ids(ClientQuery(category="dibao_rural")) == []
    assert later.search_ids(ClientQuery(category="oldest_old")) == [saved.id]


def test_rows_show_current_category_labels(clients: ClientService) -> None:
    saved = clients.create(
        ClientInput(name="张三", categories=("dibao_rural", "disabled", "disabled"))
    )
    [row] = clients.rows([saved.id])
    assert row.categories == "低保对象·农村、残疾人"


# ---- masking and reveal ------------------------------------------------------------


def test_rows_are_masked_and_in_the_order_asked(
    clients: ClientService, villages: dict[str, int]
) -> None:
    first = clients.create(
        ClientInput(
            name="张三", id_number=ZHANG, phone="13812345678", village_id=villages["梅林村"]
        )
    )
    second = clients.create(ClientInput(name="李四", phone="0791-86655443"))
    rows = clients.rows([second.id, 9999, first.id])
    assert [r.id for r in rows] == [second.id, first.id]
    assert rows[0].phone_masked == "*********5443"
    assert rows[0].id_number_masked == ""
    assert (rows[1].id_number_masked, rows[1].phone_masked) == (
        ZHANG[:2] + "*" * 16,
        "138****5678",
    )
    assert (rows[1].age, rows[1].sex, rows[1].village) == (34, "1", "梅林村")
    assert clients.rows([]) == []


def test_the_guardian_phone_is_masked_and_revealed(clients: ClientService) -> None:
    saved = clients.create(
        ClientInput(
            name="张小",
            guardian_name=" 张大 ",
            guardian_relation="父亲",
            guardian_phone="13912345678",
        )
    )
    detail = clients.get(saved.id)
    assert (detail.guardian_name, detail.guardian_phone_masked) == ("张大", "139****5678")
    assert clients.reveal(saved.id).guardian_phone == "13912345678"


class Owned(NamedTuple):
    """A worker and three clients: their own, one with a case of theirs, and neither."""

    worker: Actor
    own: int
    cased: int
    other: int


@pytest.fixture
def owned(db: Database, admin: Actor, make_actor: Callable[..., Actor]) -> Owned:
    """A worker with one client of their own, one with a case of theirs, and one of neither."""
    worker = make_actor(Role.WORKER, "worker_a")
    colleague = make_actor(Role.WORKER, "worker_b")
    service = ClientService(db, admin, today=TODAY)
    own = service.create(ClientInput(name="自己的", id_number=ZHANG, worker_id=worker.user_id))
    cased = service.create(ClientInput(name="有个案", id_number=LI, worker_id=colleague.user_id))
    other = service.create(
        ClientInput(name="别人的", phone="13812345678", worker_id=colleague.user_id)
    )
    with db.write() as session:
        session.add(
            Case(
                station_id=admin.station_id, case_no="2025-001", client_id=cased.id,
                worker_id=worker.user_id, intake_date=TODAY,
            )
        )  # fmt: skip
    return Owned(worker, own.id, cased.id, other.id)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.HEAD])
def test_administrators_and_heads_may_reveal_any_client(
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    owned: Owned,
    role: Role,
) -> None:
    actor = admin if role is Role.ADMIN else make_actor(role)
    service = ClientService(db, actor, today=TODAY)
    assert service.get(owned.other).can_reveal
    assert service.reveal(owned.other).phone == "13812345678"


def test_a_worker_may_reveal_only_their_own_clients_and_cases(db: Database, owned: Owned) -> None:
    service = ClientService(db, owned.worker, today=TODAY)
    assert service.reveal(owned.own).id_number == ZHANG
    assert service.reveal(owned.cased).id_number == LI
    assert not service.get(owned.other).can_reveal
    with pytest.raises(PermissionDenied):
        service.reveal(owned.other)


def test_a_supervisor_never_sees_full_numbers(
    db: Database, make_actor: Callable[..., Actor], owned: Owned
) -> None:
    service = ClientService(db, make_actor(Role.SUPERVISOR), today=TODAY)
    for client_id in (owned.own, owned.cased, owned.other):
        assert not service.get(client_id).can_reveal
        with pytest.raises(PermissionDenied):
            service.reveal(client_id)


def test_each_reveal_is_audited(db: Database, owned: Owned) -> None:
    worker = owned.worker
    service = ClientService(db, worker, today=TODAY)
    service.reveal(owned.own)
    service.reveal(owned.own)
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert [(e.user_id, e.entity, e.entity_id) for e in entries] == [
        (worker.user_id, "client", owned.own)
    ] * 2


# ---- filters and sorting -----------------------------------------------------------


@pytest.fixture
def listed(
    db: Database, admin: Actor, clients: ClientService, villages: dict[str, int],
    make_actor: Callable[..., Actor],
) -> dict[str, int]:  # fmt: skip
    worker = make_actor(Role.WORKER, "worker_a", "赵社工")
    people = [
        ("王芳", dt.date(1950, 1, 1), "梅林村", "low", ("oldest_old",), admin.user_id),
        ("李明", dt.date(1990, 1, 1), "东山村", "high", ("disabled",), worker.user_id),
        ("张伟", dt.date(2010, 1, 1), "河口社区", "medium", ("child_in_difficulty",), None),
        ("陈静", None, "梅林村", "high", ("disabled", "dibao_rural"), worker.user_id),
    ]
    ids = {}
    for name, birth, village, risk, categories, worker_id in people:
        ids[name] = clients.create(
            ClientInput(
                name=name, birth_date=birth, village_id=villages[village], risk_level=risk,
                categories=categories, worker_id=worker_id,
            )
        ).id  # fmt: skip
    ids["worker"] = worker.user_id
    return ids


def names_for(clients: ClientService, listed: dict[str, int], query: ClientQuery) -> list[str]:
    by_id = {v: k for k, v in listed.items() if k != "worker"}
    return [by_id[i] for i in clients.search_ids(query)]


def test_filters_narrow_the_list(
    clients: ClientService, listed: dict[str, int], villages: dict[str, int]
) -> None:
    def names(**filters: Any) -> set[str]:
        return set(names_for(clients, listed, ClientQuery(**filters)))

    assert names() == {"王芳", "李明", "张伟", "陈静"}
    assert names(category="disabled") == {"李明", "陈静"}
    assert names(village_id=villages["梅林村"]) == {"王芳", "陈静"}
    assert names(risk_level="high") == {"李明", "陈静"}
    assert names(worker_id=listed["worker"]) == {"李明", "陈静"}
    assert names(category="disabled", village_id=villages["梅林村"]) == {"陈静"}
    assert names(text="梅林") == {"王芳", "陈静"}
    assert names(text="李") == {"李明"}


def test_a_search_on_sqlite_is_one_select_without_a_transaction(
    db: Database, clients: ClientService, listed: dict[str, int]
) -> None:
    # The list searches on every keystroke: a BEGIN and a ROLLBACK around its one SELECT
    # were a third of the call. The server keeps its transaction (its search may ask
    # the database first).
    statements: list[str] = []

    def catch(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement.split()[0])

    event.listen(db.engine, "before_cursor_execute", catch)
    try:
        found = names_for(clients, listed, ClientQuery(text="梅林", category="disabled"))
        every = names_for(clients, listed, ClientQuery(status=""))
    finally:
        event.remove(db.engine, "before_cursor_execute", catch)
    assert found == ["陈静"]
    assert every == ["陈静", "李明", "王芳", "张伟"]
    if db.is_sqlite:
        assert statements == ["SELECT", "SELECT"]


@pytest.mark.parametrize(
    ("sort", "descending", "order"),
    [
        # Names in pinyin order (chen, li, wang, zhang), not by code point (李 王 张 陈).
        (ClientSort.NAME, False, ["陈静", "李明", "王芳", "张伟"]),
        (ClientSort.NAME, True, ["张伟", "王芳", "李明", "陈静"]),
        (ClientSort.AGE, False, ["张伟", "李明", "王芳", "陈静"]),
        (ClientSort.AGE, True, ["王芳", "李明", "张伟", "陈静"]),
        (ClientSort.RISK, False, ["陈静", "李明", "张伟", "王芳"]),
        (ClientSort.CREATED, False, ["王芳", "李明", "张伟", "陈静"]),
        (ClientSort.CREATED, True, ["陈静", "张伟", "李明", "王芳"]),
        (ClientSort.VILLAGE, False, ["李明", "陈静", "王芳", "张伟"]),
    ],
)
def test_sorting(
    clients: ClientService,
    listed: dict[str, int],
    sort: ClientSort,
    descending: bool,
    order: list[str],
) -> None:
    assert names_for(clients, listed, ClientQuery(sort=sort, descending=descending)) == order


def test_sorting_by_worker_puts_each_workers_clients_together(
    clients: ClientService, listed: dict[str, int]
) -> None:
    order = names_for(clients, listed, ClientQuery(sort=ClientSort.WORKER))
    assert order.index("陈静") + 1 == order.index("李明")  # then by name: chen, li


def test_villages_and_workers_for_the_form(
    clients: ClientService, listed: dict[str, int], make_actor: Callable[..., Actor]
) -> None:
    make_actor(Role.SUPERVISOR, "sup", "督导甲")
    assert [c.label for c in clients.villages()] == ["梅林村", "东山村", "河口社区"]
    assert {c.label for c in clients.workers()} == {"王站长", "赵社工"}


def test_guardian_phone_can_be_cleared_and_is_kept_when_untouched(
    clients: ClientService,
) -> None:
    saved = clients.create(ClientInput(name="赵小明", guardian_phone="13912345678"))
    kept = clients.update(saved.id, version=saved.version, data=ClientInput(name="赵小明"))
    assert clients.reveal(saved.id).guardian_phone == "13912345678"
    clients.update(
        saved.id, version=kept.version, data=ClientInput(name="赵小明", guardian_phone="")
    )
    assert clients.reveal(saved.id).guardian_phone == ""


def test_a_head_who_joins_another_household_is_no_longer_head_of_the_old_one(
    clients: ClientService,
) -> None:
    head = clients.create(ClientInput(name="钱大", relation_to_head="02"))
    member = clients.create(ClientInput(name="钱小", head_client_id=head.id, relation_to_head="20"))
    other = clients.create(ClientInput(name="孙老", relation_to_head="02"))
    clients.update(
        head.id,
        version=clients.get(head.id).version,
        data=ClientInput(name="钱大", head_client_id=other.id, relation_to_head="20"),
    )
    left_behind = clients.get(member.id)
    assert left_behind.head_client_id is None
    assert clients.get(head.id).head_client_id == other.id


# ---- time ----------------------------------------------------------------------------


def test_records_and_their_audit_rows_carry_the_databases_clock(db: Database, admin: Actor) -> None:
    made_at = dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.UTC)
    clock = FixedClock(made_at)
    fixed = db.with_clock(clock)
    clients = ClientService(fixed, admin)
    saved = clients.create(ClientInput(name="张三", id_number=ZHANG))
    clock.advance(days=2)
    archived = clients.archive(saved.id, version=saved.version, reason="迁出")
    with db.read() as session:
        client = session.get_one(Client, saved.id)
        rows = session.execute(
            select(AuditEntry.action, AuditEntry.at)
            .where(AuditEntry.entity == "client", AuditEntry.entity_id == saved.id)
            .order_by(AuditEntry.id)
        ).all()
    later = made_at + dt.timedelta(days=2)
    assert (client.created_at, client.updated_at, client.archived_at) == (made_at, later, later)
    assert archived.version == client.version
    assert [tuple(r) for r in rows] == [("create", made_at), ("archive", later)]
    # The service's "today" follows the same clock.
    assert clients.today == dt.date(2024, 3, 7)


def test_hidden_controls_are_removed_from_notes(clients: ClientService) -> None:
    saved = clients.create(ClientInput(name="张三", notes="独居，\u202e需每周探访\x00。\n第二行"))
    assert clients.get(saved.id).notes == "独居，需每周探访。\n第二行"
    assert any("2 个看不见的控制字符" in w for w in saved.warnings)
