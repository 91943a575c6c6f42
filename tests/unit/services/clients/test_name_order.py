"""Names listed in pinyin order (both engines): 艾青, 李四, 王五, 曾明, 张三, not by code point."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import openpyxl
import pytest
from alembic import command
from sqlalchemy import Table, insert, select

from app.domain.name_pinyin import sort_key
from app.exports.list_xlsx import HEADER_ROW
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery, ClientSort
from app.services.context import Actor
from app.services.lists.service import ListExportService
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import VolunteerInput
from app.store import migrate
from app.store.engine import Database
from app.store.models import Client
from tests.unit.services.conftest import TODAY

# Created out of order; by code point they would list 张 李 曾 王 艾.
NAMES = ["张三", "曾明", "李四", "艾青", "王五"]
PINYIN_ORDER = ["艾青", "李四", "王五", "曾明", "张三"]  # ai, li, wang, zeng, zhang


@pytest.fixture
def listed(clients: ClientService) -> dict[int, str]:
    return {clients.create(ClientInput(name=name)).id: name for name in NAMES}


def test_code_point_order_would_differ() -> None:
    assert sorted(NAMES) != PINYIN_ORDER


@pytest.mark.parametrize("descending", [False, True])
def test_the_client_list_is_in_pinyin_order(
    clients: ClientService, listed: dict[int, str], descending: bool
) -> None:
    ids = clients.search_ids(ClientQuery(sort=ClientSort.NAME, descending=descending))
    expected = PINYIN_ORDER[::-1] if descending else PINYIN_ORDER
    assert [listed[i] for i in ids] == expected


def test_a_renamed_client_moves_to_its_new_place(
    db: Database, clients: ClientService, listed: dict[int, str]
) -> None:
    zhang = next(i for i, n in listed.items() if n == "张三")
    with db.write() as session:
        client = session.get(Client, zhang)
        assert client is not None
        client.name = "白三"
    ids = clients.search_ids(ClientQuery())
    assert ids.index(zhang) == 1  # bai: after 艾青, before 李四


def test_the_export_rows_follow_the_same_order(
    db: Database, admin: Actor, listed: dict[int, str], tmp_path: Path
) -> None:
    path = tmp_path / "clients.xlsx"
    ListExportService(db, admin, today=TODAY).export("clients", path)
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = book.active
        assert sheet is not None
        rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    finally:
        book.close()  # a read-only book keeps its file open until closed
    assert [r[0] for r in rows] == PINYIN_ORDER


def test_volunteer_choices_are_in_pinyin_order(db: Database, admin: Actor) -> None:
    volunteers = VolunteerRegistry(db, admin, today=TODAY)
    for name in NAMES:
        volunteers.create(VolunteerInput(name=name))
    choices = volunteers.choices()
    assert [c.label for c in choices] == PINYIN_ORDER


def test_migration_0009_fills_the_key_of_the_clients_already_there(
    db: Database, listed: dict[int, str]
) -> None:
    config = migrate.alembic_config(db.engine)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision(db.engine)
    with db.read() as session:
        stored = {cid: key for cid, key in session.execute(select(Client.id, Client.name_sort))}
    assert stored == {cid: sort_key(name) for cid, name in listed.items()}


def test_a_core_insert_gets_the_key_too(db: Database, admin: Actor) -> None:
    """The roster import and the demo builder write clients by Core executemany."""
    rows = [{"station_id": admin.station_id, "name": n, "uuid": f"u-{n}"} for n in NAMES]
    with db.write() as session:
        session.execute(insert(cast(Table, Client.__table__)), rows)
    with db.read() as session:
        stored = {n: key for n, key in session.execute(select(Client.name, Client.name_sort))}
    assert stored == {name: sort_key(name) for name in NAMES}
