"""设置 → 站点: the administrator's list of stations, adding one, and a new user's station."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.settings.stations import StationService
from app.store.engine import Database
from app.ui.settings.page import SettingsPage
from app.ui.settings.stations_tab import StationsTab
from app.ui.tasks import TaskRunner
from tests.ui.items import cell


def settings_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> SettingsPage:
    widget = SettingsPage(db=db, actor=actor, tasks=tasks)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def page(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> SettingsPage:
    return settings_page(qtbot, db, admin, tasks)


@pytest.fixture
def tab(qtbot: QtBot, page: SettingsPage) -> StationsTab:
    stations = page.stations
    assert stations is not None
    assert "Stations" in page.tab_titles()
    qtbot.waitUntil(lambda: len(stations.rows) == 1)
    return stations


def test_adding_a_station_through_the_dialog(
    qtbot: QtBot, tab: StationsTab, db: Database, admin: Actor
) -> None:
    assert [cell(tab.table, 0, c).text() for c in range(6)] == [
        "JX0426", "梅林镇社工站", "测试县", "3", "1", "0",
    ]  # fmt: skip
    dialog = tab.ask_new_station()
    dialog.code.setText("jx0427")
    dialog.name.setText("东港镇社工站")
    dialog.county.setText("测试县")
    dialog.villages.setPlainText("东港村\n\n新桥社区\n")
    added: list[str] = []
    dialog.accepted.connect(lambda: added.append(dialog.created.code if dialog.created else ""))
    dialog.submit()
    qtbot.waitUntil(lambda: len(tab.rows) == 2)
    assert added == ["JX0427"]  # and the dialog closed
    assert [cell(tab.table, 1, c).text() for c in range(6)] == [
        "JX0427", "东港镇社工站", "测试县", "2", "0", "0",
    ]  # fmt: skip
    listed = StationService(db, admin).list_stations()
    assert [(s.code, s.villages) for s in listed] == [("JX0426", 3), ("JX0427", 2)]


def test_a_refused_field_shows_its_reason_below_it(qtbot: QtBot, tab: StationsTab) -> None:
    dialog = tab.ask_new_station()
    dialog.code.setText("JX0426")
    dialog.name.setText("东港镇社工站")
    dialog.submit()
    code_error = dialog.field_errors["code"]
    qtbot.waitUntil(code_error.isVisible)
    assert code_error.text() == "站点代码 JX0426 已被“梅林镇社工站”使用。"
    assert dialog.isVisible() and not dialog.field_errors["name"].isVisible()

    dialog.code.setText("JX0427")  # editing the field takes its error away
    assert not code_error.isVisible()
    dialog.name.setText("  ")
    dialog.submit()
    qtbot.waitUntil(dialog.field_errors["name"].isVisible)
    assert dialog.field_errors["name"].text() == "请填写社工站名称。"
    assert len(tab.rows) == 1


@pytest.mark.parametrize("role", [Role.HEAD, Role.WORKER, Role.SUPERVISOR])
def test_no_one_but_the_administrator_sees_the_tab(
    qtbot: QtBot,
    db: Database,
    tasks: TaskRunner,
    make_actor: Callable[..., Actor],
    role: Role,
) -> None:
    page = settings_page(qtbot, db, make_actor(role), tasks)
    assert page.stations is None
    assert "Stations" not in page.tab_titles()


def test_a_new_user_can_go_to_another_station(
    qtbot: QtBot, db: Database, page: SettingsPage, tab: StationsTab
) -> None:
    users = page.users
    assert users is not None
    qtbot.waitUntil(lambda: len(users.stations) == 1)
    assert users.ask_new_user().station is None  # one station: nothing to choose

    adding = tab.ask_new_station()
    adding.code.setText("JX0427")
    adding.name.setText("东港镇社工站")
    adding.submit()
    qtbot.waitUntil(lambda: len(users.stations) == 2)  # the users tab heard of it
    dialog = users.ask_new_user()
    assert dialog.station is not None
    assert dialog.station.currentText() == "梅林镇社工站（JX0426）"  # the own station first
    dialog.station.setCurrentIndex(1)
    dialog.login.setText("chen")
    dialog.display_name.setText("陈站长")
    dialog.submit()
    qtbot.waitUntil(lambda: users.password_dialog is not None)
    password = users.password_dialog.password if users.password_dialog else ""
    actor = AuthService(db).login(login="chen", password=password)
    assert actor.station_name == "东港镇社工站"
    qtbot.waitUntil(lambda: [r.users for r in tab.rows] == [1, 1])
