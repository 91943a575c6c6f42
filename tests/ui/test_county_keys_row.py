"""设置 → 数据交换 at the county: making the county's key pair and registering a station's
signing key in the window, over the real package service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.context import Actor
from app.services.packages.keys import PRIVATE_NAME, PUBLIC_NAME
from app.services.packages.service import PackageService
from app.services.settings.stations import StationService
from app.store.engine import Database
from app.ui.settings.packages.county_keys import CreateKeysDialog, TrustDialog
from app.ui.settings.packages.tab import DataExchangeTab
from app.ui.tasks import TaskRunner
from tests.conftest import VILLAGES
from tests.unit.services.packages.conftest import (  # noqa: F401  (keys: a fixture)
    PASSPHRASE,
    Keys,
    Side,
    keys,
    station_file,
)

WAIT = 20_000  # an RSA-3072 key pair takes about a second to make


@pytest.fixture
def station(tmp_path: Path, station_templates: tuple[Path, Path, Actor]) -> Iterator[Side]:
    side = station_file(tmp_path, station_templates, "JX0427", "东港镇社工站")
    yield side
    side.db.dispose()


@pytest.fixture
def county_tab(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> DataExchangeTab:
    StationService(db, admin).add_station(code="JX0427", name="东港镇社工站", villages=VILLAGES)
    tab = DataExchangeTab(packages=PackageService(db, admin), tasks=tasks, county=True)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def test_the_county_makes_its_key_pair_in_the_window(
    qtbot: QtBot, county_tab: DataExchangeTab, tmp_path: Path
) -> None:
    row = county_tab.county_keys
    assert row is not None
    qtbot.waitUntil(lambda: "2" in row.status.text(), timeout=WAIT)  # 0 of 2 stations
    folder = tmp_path / "keys"
    told: list[str] = []
    row.say = told.append  # type: ignore[method-assign,assignment]
    row.create_button.click()
    dialog = row.dialog
    assert isinstance(dialog, CreateKeysDialog)
    dialog.folder.setText(str(folder))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "x")  # a typing slip is caught before anything is made
    dialog.submit()
    assert dialog.error.text() and not folder.exists()
    dialog.again.setText(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT)  # said once saved and closed
    assert (folder / PRIVATE_NAME).exists() and (folder / PUBLIC_NAME).exists()
    own = county_tab.county_key
    qtbot.waitUntil(lambda: own.key is not None, timeout=WAIT)
    assert told and own.key is not None and own.key.fingerprint in told[0]
    assert own.key.fingerprint in own.status.text()


def test_a_short_passphrase_is_said_beside_it(
    qtbot: QtBot, county_tab: DataExchangeTab, tmp_path: Path
) -> None:
    row = county_tab.county_keys
    assert row is not None
    row.create_button.click()
    dialog = row.dialog
    assert isinstance(dialog, CreateKeysDialog)
    dialog.folder.setText(str(tmp_path / "keys"))
    dialog.passphrase.setText("short")
    dialog.again.setText("short")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.field_error("passphrase")), timeout=WAIT)
    assert "至少" in dialog.field_error("passphrase") and dialog.isVisible()
    assert not (tmp_path / "keys").exists()
    dialog.reject()


def test_the_county_registers_a_station_s_signing_key(
    qtbot: QtBot,
    county_tab: DataExchangeTab,
    station: Side,
    keys: Keys,  # noqa: F811
) -> None:
    station.packages().install_county_key(pem=keys.ours.public_path.read_bytes())
    signing = station.packages().signing_key()
    assert signing is not None and signing.path is not None
    row = county_tab.county_keys
    assert row is not None
    qtbot.waitUntil(lambda: len(row.stations) == 2, timeout=WAIT)
    assert "JX0427" in row.status.toolTip()
    told: list[str] = []
    row.say = told.append  # type: ignore[method-assign,assignment]
    row.trust_button.click()
    dialog = row.dialog
    assert isinstance(dialog, TrustDialog)
    dialog.station.setCurrentIndex(dialog.station.findData("JX0427"))
    dialog.path.setText(str(keys.ours.public_path))  # the county's RSA key: refused
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=WAIT)
    assert dialog.isVisible() and not told
    dialog.path.setText(str(signing.path))
    dialog.submit()
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT)  # said once saved and closed
    assert told and signing.fingerprint in told[0]
    qtbot.waitUntil(
        lambda: {c: f for c, _n, f in row.stations}.get("JX0427") == signing.fingerprint,
        timeout=WAIT,
    )
    assert "JX0427" not in row.status.toolTip()
