"""The client list model: lazy chunks, SQL sorting, stale answers dropped."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import cast

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from stdnum.cn import ric

from app.domain.name_pinyin import sort_key
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery, ClientRow, ClientSort
from app.services.context import Actor
from app.store import search
from app.store.engine import Database
from app.store.models import Client, Village
from app.ui.clients.table_model import PENDING, ClientTableModel
from app.ui.tasks import TaskRunner

SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "秀英桂兰建国玉梅志强海燕春花德明"


def valid_id(serial: int, birth: dt.date) -> str:
    body = f"360426{birth:%Y%m%d}{serial % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def insert_clients(db: Database, actor: Actor, count: int) -> list[int]:
    """Many clients at once, straight into the store (the services add one per call)."""
    names = (a + b + c for a, b, c in itertools.product(SURNAMES, GIVEN, ["", *GIVEN]))
    with db.write() as session:
        villages = [v.id for v in session.query(Village).filter_by(station_id=actor.station_id)]
        clients = []
        for i, name in zip(range(count), itertools.cycle(names), strict=False):
            birth = dt.date(1930 + i % 80, 1 + i % 12, 1 + i % 28)
            clients.append(
                Client(
                    station_id=actor.station_id,
                    name=name,
                    id_number=valid_id(i, birth) if i < 21_000 else None,  # unique below that
                    birth_date=birth,
                    sex="1" if i % 2 else "2",
                    phone=f"138{i:08d}",
                    village_id=villages[i % len(villages)],
                    risk_level=("low", "medium", "high")[i % 3],
                    created_by_id=actor.user_id,
                    updated_by_id=actor.user_id,
                )
            )
        session.add_all(clients)
        session.flush()
        search.rebuild(session)
        return [c.id for c in clients]


@pytest.fixture
def clients(db: Database, admin: Actor) -> ClientService:
    return ClientService(db, admin)


def loaded_model(
    qtbot: QtBot, clients: ClientService, tasks: TaskRunner, query: ClientQuery
) -> ClientTableModel:
    model = ClientTableModel(clients=clients, tasks=tasks)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.set_query(query)
    return model


def wait_filled(qtbot: QtBot, model: ClientTableModel, row: int) -> None:
    model.data(model.index(row, ClientTableModel.NAME))
    qtbot.waitUntil(lambda: model.row_data(row) is not None, timeout=10_000)


def test_model_passes_qtmodeltester(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    db: Database,
    admin: Actor,
    clients: ClientService,
    tasks: TaskRunner,
) -> None:
    insert_clients(db, admin, 450)
    model = loaded_model(qtbot, clients, tasks, ClientQuery())
    assert model.rowCount() == 450
    assert model.columnCount() == ClientTableModel.COLUMN_COUNT
    qtmodeltester.check(model)
    wait_filled(qtbot, model, 0)
    qtmodeltester.check(model)


def test_rows_arrive_lazily_in_chunks(
    qtbot: QtBot, db: Database, admin: Actor, clients: ClientService, tasks: TaskRunner
) -> None:
    ids = insert_clients(db, admin, 1000)
    model = loaded_model(qtbot, clients, tasks, ClientQuery(sort=ClientSort.CREATED))
    assert model.rowCount() == 1000
    far = model.index(987, ClientTableModel.NAME)
    assert model.data(far) == PENDING
    assert model.row_data(987) is None
    with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
        pass
    first, last = changed.args[0], changed.args[1]
    assert first.row() <= 987 <= last.row()
    assert last.row() - first.row() + 1 <= ClientTableModel.CHUNK
    row = model.row_data(987)
    assert row is not None and row.id == ids[987]
    assert model.data(far) == row.name
    assert model.data(model.index(987, ClientTableModel.ID_NUMBER)).count("*") == 16
    assert model.data(model.index(987, ClientTableModel.PHONE)) == row.phone_masked
    # The first chunk was never asked for, so it was never fetched.
    assert model.row_data(0) is None


def test_a_chunk_is_fetched_once_while_pending(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    clients: ClientService,
    tasks: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    insert_clients(db, admin, 300)
    model = loaded_model(qtbot, clients, tasks, ClientQuery())
    calls: list[int] = []
    original = clients.rows

    def counting(ids: Sequence[int]) -> list[ClientRow]:
        calls.append(len(ids))
        return original(ids)

    monkeypatch.setattr(clients, "rows", counting)
    for row in range(0, 200, 7):
        model.data(model.index(row, ClientTableModel.NAME))
    wait_filled(qtbot, model, 5)
    assert calls == [ClientTableModel.CHUNK]


def test_sorting_by_column_requeries_in_sql(
    qtbot: QtBot, db: Database, admin: Actor, clients: ClientService, tasks: TaskRunner
) -> None:
    insert_clients(db, admin, 120)
    model = loaded_model(qtbot, clients, tasks, ClientQuery())
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.sort(ClientTableModel.AGE, Qt.SortOrder.DescendingOrder)
    assert model.query.sort is ClientSort.AGE and model.query.descending
    wait_filled(qtbot, model, 0)
    wait_filled(qtbot, model, 119)
    oldest, youngest = model.row_data(0), model.row_data(119)
    assert oldest is not None and youngest is not None
    assert oldest.age is not None and youngest.age is not None
    assert oldest.age > youngest.age
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.sort(ClientTableModel.NAME, Qt.SortOrder.AscendingOrder)
    names = []
    for row in range(120):
        wait_filled(qtbot, model, row)
        names.append(cast(ClientRow, model.row_data(row)).name)
    assert names == sorted(names, key=sort_key)  # pinyin order, as the list sorts


def test_unsortable_column_keeps_the_order(
    qtbot: QtBot, db: Database, admin: Actor, clients: ClientService, tasks: TaskRunner
) -> None:
    insert_clients(db, admin, 10)
    model = loaded_model(qtbot, clients, tasks, ClientQuery())
    model.sort(ClientTableModel.PHONE, Qt.SortOrder.DescendingOrder)
    assert not model.is_sortable(ClientTableModel.PHONE)
    assert model.query.sort is ClientSort.NAME and not model.query.descending
    assert model.sort_column() == ClientTableModel.NAME


def test_a_stale_search_answer_is_dropped(
    qtbot: QtBot, db: Database, admin: Actor, clients: ClientService, tasks: TaskRunner
) -> None:
    insert_clients(db, admin, 200)
    model = ClientTableModel(clients=clients, tasks=tasks)
    counts: list[int] = []
    model.counted.connect(counts.append)
    model.set_query(ClientQuery())
    model.set_query(ClientQuery(text="王秀"))
    qtbot.waitUntil(lambda: bool(counts), timeout=10_000)
    tasks.wait()
    qtbot.wait(50)
    expected = len(clients.search_ids(ClientQuery(text="王秀")))
    assert counts == [expected]
    assert 0 < model.rowCount() == expected < 200


def test_refresh_with_the_same_ids_keeps_rows_and_refetches(
    qtbot: QtBot, db: Database, admin: Actor, clients: ClientService, tasks: TaskRunner
) -> None:
    ids = insert_clients(db, admin, 5)
    model = loaded_model(qtbot, clients, tasks, ClientQuery(sort=ClientSort.CREATED))
    wait_filled(qtbot, model, 0)
    with db.write() as session:
        session.get_one(Client, ids[0]).risk_level = "high"
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.refresh()
    assert resets == []
    assert model.row_data(0) is None
    wait_filled(qtbot, model, 0)
    assert model.data(model.index(0, ClientTableModel.RISK)) == "高"


def test_hundred_thousand_ids_need_no_rows(
    qtbot: QtBot, clients: ClientService, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the rows looked at are fetched, however long the list."""
    model = ClientTableModel(clients=clients, tasks=tasks)
    fetched: list[int] = []

    def every_id(query: ClientQuery) -> list[int]:
        return list(range(1, 100_001))

    def no_rows(ids: Sequence[int]) -> list[ClientRow]:
        fetched.extend(ids)
        return []

    monkeypatch.setattr(clients, "search_ids", every_id)
    monkeypatch.setattr(clients, "rows", no_rows)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.set_query(ClientQuery())
    assert model.rowCount() == 100_000
    model.data(model.index(99_999, 0))
    tasks.wait()
    qtbot.waitUntil(lambda: model.data(model.index(99_999, 0)) is None, timeout=5_000)
    assert fetched == list(range(100_001 - ClientTableModel.CHUNK, 100_001))
