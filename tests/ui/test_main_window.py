"""The main window: final navigation, shortcuts, the status bar, pages per role."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import app
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery, Saved
from app.services.context import Actor
from app.store.engine import Database
from app.ui.cases.page import CasesPage
from app.ui.clients.page import ClientsPage
from app.ui.community.page import CommunityPage
from app.ui.dashboard.page import DashboardPage
from app.ui.groups.page import GroupsPage
from app.ui.main_window import PAGES, MainWindow
from app.ui.reports.page import ANNUAL, MONTHLY, ReportsPage
from app.ui.settings.page import SettingsPage
from app.ui.staff.page import StaffPage
from app.ui.visits.page import VisitsPage
from app.ui.volunteers.page import VolunteersPage
from tests.ui.shell_helpers import chinese_ui, visible

NAVIGATION_ZH = [
    "工作台", "服务对象", "个案", "小组", "社区活动", "走访与日志", "督导与培训", "志愿者与资源",
    "报表", "评估", "设置",
]  # fmt: skip


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_navigation_is_final_and_chinese(
    qapp: QApplication, open_window: Callable[[Actor], MainWindow], admin: Actor
) -> None:
    with chinese_ui():
        window = open_window(admin)
        assert nav_texts(window) == NAVIGATION_ZH
        assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_pages_are_the_real_ones_where_they_exist(main_window: MainWindow) -> None:
    window = main_window
    assert len(PAGES) == window.stack.count() == window.nav.count() == 11
    expected = {
        "dashboard": DashboardPage, "clients": ClientsPage, "cases": CasesPage,
        "groups": GroupsPage, "community": CommunityPage, "visits": VisitsPage,
        "staff": StaffPage, "volunteers": VolunteersPage, "reports": ReportsPage,
        "settings": SettingsPage,
    }  # fmt: skip
    for key, page_class in expected.items():
        assert isinstance(window.page(key), page_class), key
    assert window.current_key() == "dashboard"


def test_ctrl_digits_switch_pages(qtbot: QtBot, main_window: MainWindow) -> None:
    window = main_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "reports"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "cases"
    assert window.nav.currentRow() == 2
    window.nav.setCurrentRow(0)
    assert window.current_key() == "dashboard"


def test_status_bar_names_user_role_station_and_database(
    main_window: MainWindow, db_path: Path
) -> None:
    window = main_window
    assert window.user_label.text() == "王站长 (管理员)"
    assert window.station_label.text() == "梅林镇社工站"
    assert str(db_path) in window.database_label.text()


def test_settings_tabs_follow_the_role(
    open_window: Callable[[Actor], MainWindow], admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    admin_tabs = open_window(admin).page("settings")
    assert isinstance(admin_tabs, SettingsPage)
    assert admin_tabs.tab_titles() == [
        "Users", "Stations", "Villages and communities", "Code lists", "Partners",
        "Contract targets", "General", "Data due for anonymising", "Training targets",
        "Social work rooms", "Backup and restore", "Data exchange", "Audit log", "My account",
    ]  # fmt: skip
    worker_page = open_window(make_actor(Role.WORKER, display_name="李社工")).page("settings")
    assert isinstance(worker_page, SettingsPage)
    assert worker_page.tab_titles() == ["My account"]
    assert worker_page.users is None


def test_about_names_the_version(main_window: MainWindow) -> None:
    box = main_window.show_about()
    assert app.__version__ in box.text()
    assert box in visible(QMessageBox)


def test_a_save_still_running_when_the_window_closes_reaches_the_database(
    open_window: Callable[[Actor], MainWindow], db: Database, admin: Actor
) -> None:
    window = open_window(admin)
    clients = ClientService(db, admin)

    def slow_save() -> Saved:
        time.sleep(0.5)  # still saving when the user closes the window
        return clients.create(ClientInput(name="赵晓梅"))

    window.tasks.run(window, slow_save)
    window.close()
    assert not window.isVisible()
    # Read straight from the database: the saved client is there once close() returns.
    assert len(clients.search_ids(ClientQuery(text="赵晓梅", status=""))) == 1


def test_a_key_figure_opens_the_report_of_its_own_month(main_window: MainWindow) -> None:
    window = main_window
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    reports = window.page("reports")
    assert isinstance(reports, ReportsPage)
    reports.kind.setCurrentIndex(reports.kind.findData(ANNUAL))  # left on another report
    dashboard.open_list.emit("cases_open", {"month": "2026-07"})
    assert window.current_key() == "reports"
    assert reports.kind.currentData() == MONTHLY
    assert reports.month.date().toString("yyyy-MM") == "2026-07"


def test_only_the_first_page_is_built_before_it_is_shown(main_window: MainWindow) -> None:
    window = main_window
    assert window.built_pages() == ["dashboard"]
    window.nav.setCurrentRow(PAGES.index("cases"))
    assert window.built_pages() == ["dashboard", "cases"]
    shown = window.stack.currentWidget()
    assert shown is not None and shown.findChild(CasesPage) is window.page("cases")
