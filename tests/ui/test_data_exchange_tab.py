"""设置 → 数据交换 over the real package service: export, preview, import, conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.clock import FixedClock
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.packages.container import KEY_FORMAT
from app.services.packages.keys import KeyFile
from app.services.settings.stations import StationService
from app.store.engine import Database
from app.store.models import Client
from app.ui.settings.packages.county_key import KeyDialog
from app.ui.settings.packages.tab import DataExchangeTab
from app.ui.settings.page import SettingsPage
from app.ui.tasks import TaskRunner
from tests.conftest import VILLAGES
from tests.ui.items import cell
from tests.ui.shell_helpers import close_dialogs
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import (  # noqa: F401  (keys: a fixture)
    PASSPHRASE,
    PASSWORD,
    START,
    Keys,
    Side,
    keys,
    station_file,
)


@pytest.fixture
def station(tmp_path: Path, station_templates: tuple[Path, Path, Actor]) -> Iterator[Side]:
    side = station_file(tmp_path, station_templates, "JX0427", "东港镇社工站")
    yield side
    side.db.dispose()


@pytest.fixture
def county(db: Database, admin: Actor, tmp_path: Path) -> Side:
    StationService(db, admin).add_station(code="JX0427", name="东港镇社工站", villages=VILLAGES)
    clock = FixedClock(START)
    return Side(db.with_clock(clock), admin, clock, tmp_path / "county-photos")


# Each step derives a key from the password (scrypt) on the task runner's one thread.
WAIT = 20_000


def make_tab(qtbot: QtBot, side: Side, tasks: TaskRunner, *, county: bool) -> DataExchangeTab:
    tab = DataExchangeTab(packages=side.packages(), tasks=tasks, county=county)
    qtbot.addWidget(tab)
    tab.show()
    tab.ask_password = lambda *, confirm: PASSWORD  # type: ignore[method-assign]
    return tab


def test_the_administrator_has_the_tab(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    page = SettingsPage(db=db, actor=admin, tasks=tasks)
    qtbot.addWidget(page)
    assert "Data exchange" in page.tab_titles()
    assert page.exchange is not None


def test_export_then_preview_then_import_then_decide_a_conflict(
    qtbot: QtBot, station: Side, county: Side, tasks: TaskRunner, tmp_path: Path
) -> None:
    client_id = new_client(station.db, station.actor, "张桂兰", seq=11)
    station.clock.advance(minutes=5)
    at_station = make_tab(qtbot, station, tasks, county=False)
    first = tmp_path / "1.sdpkg"
    at_station.choose_save_path = lambda caption: first  # type: ignore[method-assign]
    at_station.export_button.click()
    qtbot.waitUntil(lambda: first.exists() and at_station.history.rowCount() == 1, timeout=WAIT)
    close_dialogs()

    at_county = make_tab(qtbot, county, tasks, county=True)
    at_county.choose_open_path = lambda caption: first  # type: ignore[method-assign]
    at_county.import_button.click()
    qtbot.waitUntil(lambda: at_county.apply_button.isEnabled(), timeout=WAIT)
    assert at_county.preview is not None and at_county.preview.counts.new > 0
    tables = [
        cell(at_county.preview_table, r, 0).text()
        for r in range(at_county.preview_table.rowCount())
    ]
    assert "服务对象" in tables
    with county.db.read() as session:
        assert session.scalar(select(Client.id).where(Client.name == "张桂兰")) is None
    at_county.apply_button.click()
    qtbot.waitUntil(lambda: at_county.history.rowCount() == 1, timeout=WAIT)
    close_dialogs()

    # Both sides change the phone: the county's tab lists the conflict, a person decides.
    with station.db.read() as session:
        uuid = session.scalar(select(Client.uuid).where(Client.id == client_id))
    with county.db.write() as session:
        row = session.scalar(select(Client).where(Client.uuid == uuid))
        assert row is not None
        row.phone = "13800000001"
    clients = ClientService(station.db, station.actor)
    data = ClientInput(name="张桂兰", phone="13900000002", address="梅林村5组")
    clients.update(client_id, version=clients.get(client_id).version, data=data)
    station.clock.advance(minutes=5)
    second = tmp_path / "2.sdpkg"
    at_station.choose_save_path = lambda caption: second  # type: ignore[method-assign]
    at_station.export_button.click()
    qtbot.waitUntil(lambda: second.exists(), timeout=WAIT)
    close_dialogs()
    at_county.choose_open_path = lambda caption: second  # type: ignore[method-assign]
    at_county.import_button.click()
    qtbot.waitUntil(lambda: at_county.apply_button.isEnabled(), timeout=WAIT)
    assert at_county.preview is not None and at_county.preview.counts.conflicts == 1
    at_county.apply_button.click()
    panel = at_county.conflicts
    qtbot.waitUntil(lambda: len(panel.rows) == 1, timeout=WAIT)
    close_dialogs()
    panel.list.selectRow(0)
    qtbot.waitUntil(lambda: len(panel.choices) == 1, timeout=WAIT)
    assert cell(panel.fields, 0, 1).text() == "13800000001"
    assert cell(panel.fields, 0, 2).text() == "13900000002"
    # The address only the station changed is named, not asked about.
    assert "取站点的修改" in panel.merged.text()
    panel.choices[0].setCurrentIndex(0)  # the county's value
    panel.save_button.click()
    qtbot.waitUntil(lambda: not panel.rows, timeout=WAIT)
    with county.db.read() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
    assert client is not None
    assert (client.phone, client.address) == ("13800000001", "梅林村5组")

    # The decision goes back: the station takes the county's phone and lists the decision.
    back = tmp_path / "return.sdpkg"
    qtbot.waitUntil(lambda: at_county.station_box.count() == 2, timeout=WAIT)
    at_county.station_box.setCurrentIndex(at_county.station_box.findData("JX0427"))
    at_county.choose_save_path = lambda caption: back  # type: ignore[method-assign]
    at_county.return_button.click()
    qtbot.waitUntil(back.exists, timeout=WAIT)
    close_dialogs()
    at_station.choose_open_path = lambda caption: back  # type: ignore[method-assign]
    at_station.ack_button.click()
    table = at_station.decisions.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT)
    close_dialogs()
    assert cell(table, 0, 0).text() == "服务对象"
    assert "取县里的值 13800000001" in cell(table, 0, 1).text()
    assert cell(table, 0, 2).text() == "已按县里的结果更新"
    with station.db.read() as session:
        assert session.scalar(select(Client.phone).where(Client.id == client_id)) == "13800000001"


def _no_password(*, confirm: bool) -> str:
    raise AssertionError("a package by key pair needs no package password")


def test_a_station_with_the_county_key_sends_by_key_and_the_county_asks_for_its_key(
    qtbot: QtBot,
    station: Side,
    county: Side,
    tasks: TaskRunner,
    tmp_path: Path,
    keys: Keys,  # noqa: F811
) -> None:
    new_client(station.db, station.actor, "张桂兰", seq=11)
    station.clock.advance(minutes=5)
    at_station = make_tab(qtbot, station, tasks, county=False)
    row = at_station.county_key
    qtbot.waitUntil(lambda: bool(row.status.text()), timeout=WAIT)
    assert "package password" in row.status.text() and not row.use_password.isVisibleTo(row)
    row.choose_public_key = lambda: keys.ours.public_path  # type: ignore[method-assign]
    row.install_button.click()
    qtbot.waitUntil(lambda: row.key is not None, timeout=WAIT)
    close_dialogs()
    assert keys.ours.public.fingerprint in row.status.text()
    assert row.by_key and row.use_password.isVisibleTo(row)
    # With the county's key the station made its signing key: shown, for the county.
    assert row.signing is not None and row.signing.path is not None
    assert row.signing.fingerprint in row.status.text()

    package = tmp_path / "1.sdpkg"
    at_station.ask_password = _no_password  # type: ignore[method-assign]
    at_station.choose_save_path = lambda caption: package  # type: ignore[method-assign]
    at_station.export_button.click()
    qtbot.waitUntil(package.exists, timeout=WAIT)
    close_dialogs()
    assert package.read_bytes()[8] == KEY_FORMAT

    # The county's administrator registers the station's signing key (handed over).
    county.packages().trust_signing_key(station_code="JX0427", pem=row.signing.path.read_bytes())
    at_county = make_tab(qtbot, county, tasks, county=True)
    asked: list[str] = []

    def ask_key(fingerprint: str) -> KeyFile:
        asked.append(fingerprint)
        return keys.key_file()

    at_county.ask_key = ask_key  # type: ignore[method-assign]
    at_county.ask_password = _no_password  # type: ignore[method-assign]
    at_county.choose_open_path = lambda caption: package  # type: ignore[method-assign]
    at_county.import_button.click()
    qtbot.waitUntil(lambda: at_county.apply_button.isEnabled(), timeout=WAIT)
    assert asked == [keys.ours.public.fingerprint]
    assert at_county.preview is not None and at_county.preview.counts.new > 0
    at_county.apply_button.click()
    qtbot.waitUntil(lambda: at_county.history.rowCount() == 1, timeout=WAIT)
    close_dialogs()
    with county.db.read() as session:
        assert session.scalar(select(Client.id).where(Client.name == "张桂兰")) is not None


def test_the_key_dialog_needs_a_file_and_a_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    last = tmp_path / "county-key.pem"
    dialog = KeyDialog(fingerprint="8F42 C9A0 6517 3645 6C61 F453 B86A 59A1", path=last)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.path_edit.text() == str(last) and not ok.isEnabled()
    dialog.passphrase.setText(PASSPHRASE)
    assert ok.isEnabled()
    chosen = dialog.key_file()
    assert chosen.path == last and PASSPHRASE not in repr(chosen)
