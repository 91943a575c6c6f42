"""The settings page: users, villages and code lists, through the real services."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.codes import CodeList
from app.domain.errors import AuthenticationFailed
from app.services.access.auth import MAX_FAILURES, AuthService
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.settings.stations import StationService
from app.store.engine import Database
from app.ui.settings.audit_tab import AuditTab
from app.ui.settings.codes_tab import CodesTab
from app.ui.settings.page import SettingsPage
from app.ui.settings.users_tab import TemporaryPasswordDialog, UsersTab
from app.ui.tasks import TaskRunner
from tests.ui.items import cell
from tests.ui.shell_helpers import visible


@pytest.fixture
def page(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> SettingsPage:
    widget = SettingsPage(db=db, actor=admin, tasks=tasks)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def users_tab(qtbot: QtBot, page: SettingsPage) -> UsersTab:
    tab = page.users
    assert tab is not None
    qtbot.waitUntil(lambda: len(tab.rows) >= 1)
    return tab


def select_user(tab: UsersTab, login: str) -> None:
    tab.table.selectRow([r.login for r in tab.rows].index(login))


def answer_yes(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    box = visible(QMessageBox)[0]
    box.button(QMessageBox.StandardButton.Yes).click()


def shown_password(qtbot: QtBot, tab: UsersTab) -> str:
    qtbot.waitUntil(lambda: tab.password_dialog is not None)
    dialog = tab.password_dialog
    assert isinstance(dialog, TemporaryPasswordDialog)
    assert dialog.isVisible()
    tab.password_dialog = None
    dialog.close()
    return dialog.password


def test_add_user_shows_the_temporary_password(
    qtbot: QtBot, page: SettingsPage, db: Database
) -> None:
    tab = users_tab(qtbot, page)
    dialog = tab.ask_new_user()
    dialog.login.setText("li")
    dialog.display_name.setText("李社工")
    dialog.submit()
    password = shown_password(qtbot, tab)
    qtbot.waitUntil(lambda: [r.login for r in tab.rows] == ["admin", "li"])
    assert cell(tab.table, 1, 3).text() == "Must change password"
    actor = AuthService(db).login(login="li", password=password)
    assert actor.must_change_password


def test_add_user_refusal_stays_in_the_dialog(qtbot: QtBot, page: SettingsPage) -> None:
    tab = users_tab(qtbot, page)
    dialog = tab.ask_new_user()
    dialog.login.setText("admin")
    dialog.display_name.setText("重名")
    dialog.submit()
    qtbot.waitUntil(dialog.error.isVisible)
    assert dialog.error.text() == "用户名 admin 已被使用。"
    assert dialog.isVisible()


def test_reset_unlock_and_deactivate(qtbot: QtBot, page: SettingsPage, db: Database) -> None:
    tab = users_tab(qtbot, page)
    dialog = tab.ask_new_user()
    dialog.login.setText("wang")
    dialog.display_name.setText("王社工")
    dialog.submit()
    first = shown_password(qtbot, tab)
    qtbot.waitUntil(lambda: len(tab.rows) == 2)

    select_user(tab, "wang")
    tab.ask_reset()
    answer_yes(qtbot)
    second = shown_password(qtbot, tab)
    assert second != first
    with pytest.raises(AuthenticationFailed):
        AuthService(db).login(login="wang", password=first)
    assert AuthService(db).login(login="wang", password=second).login == "wang"

    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthenticationFailed):
            AuthService(db).login(login="wang", password="wrong-password")
    tab.reload()
    qtbot.waitUntil(lambda: tab.rows[1].locked)
    select_user(tab, "wang")
    assert tab.unlock_button.isEnabled()
    tab.unlock()
    qtbot.waitUntil(lambda: not tab.rows[1].locked)

    select_user(tab, "wang")
    tab.ask_toggle_active()
    answer_yes(qtbot)
    qtbot.waitUntil(lambda: not tab.rows[-1].active)
    with pytest.raises(AuthenticationFailed, match="停用"):
        AuthService(db).login(login="wang", password=second)


def test_villages_add_rename_retire(
    qtbot: QtBot, page: SettingsPage, db: Database, admin: Actor
) -> None:
    tab = page.villages
    assert tab is not None
    qtbot.waitUntil(lambda: len(tab.rows) == 3)
    tab.new_name.setText("西岭村")
    tab.add_button.click()
    qtbot.waitUntil(lambda: len(tab.rows) == 4)
    assert tab.new_name.text() == ""
    cell(tab.table, 3, 0).setText("西岭新村")
    qtbot.waitUntil(lambda: tab.rows[3].name == "西岭新村")
    tab.table.selectRow(3)
    tab.toggle_retired()
    qtbot.waitUntil(lambda: not tab.rows[3].active)
    assert cell(tab.table, 3, 3).text() == "Retired"
    stored = StationService(db, admin).villages(include_inactive=False)
    assert "西岭新村" not in [v.name for v in stored]


def test_village_rename_refused_puts_the_old_name_back(qtbot: QtBot, page: SettingsPage) -> None:
    tab = page.villages
    assert tab is not None
    qtbot.waitUntil(lambda: len(tab.rows) == 3)
    cell(tab.table, 0, 0).setText("  ")
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    assert visible(QMessageBox)[0].text() == "请填写村/社区名称。"
    assert cell(tab.table, 0, 0).text() == "梅林村"


def test_code_lists_add_rename_retire(
    qtbot: QtBot, page: SettingsPage, db: Database, admin: Actor
) -> None:
    tab = page.codes
    assert tab is not None
    tab.list_choice.setCurrentIndex(tab.list_choice.findData(CodeList.SERVICE_MODE))
    qtbot.waitUntil(lambda: any(r.label == "面谈" for r in tab.rows))
    before = len(tab.rows)
    tab.new_code.setText("wechat")
    tab.new_label.setText("微信沟通")
    tab.add_button.click()
    qtbot.waitUntil(lambda: len(tab.rows) == before + 1)
    row = [r.code for r in tab.rows].index("wechat")
    cell(tab.table, row, 1).setText("微信联系")
    qtbot.waitUntil(lambda: tab.rows[row].label == "微信联系")
    tab.table.selectRow(row)
    tab.toggle_retired()
    qtbot.waitUntil(lambda: not tab.rows[row].active)
    labels = CodeService(db, admin).labels(CodeList.SERVICE_MODE)
    assert labels["wechat"] == "微信联系"
    active = [e.code for e in CodeService(db, admin).entries(CodeList.SERVICE_MODE)]
    assert "wechat" not in active


def test_there_is_no_language_choice(page: SettingsPage) -> None:
    """Chinese is the only interface language: 设置 offers no tab to change it."""
    assert "Language" not in page.tab_titles()
    assert "Code lists" in page.tab_titles()


def test_a_tab_is_built_when_first_shown(qtbot: QtBot, page: SettingsPage) -> None:
    """Only the tab on screen is built with the page; the others wait to be shown or asked for."""
    users = page.tabs.currentWidget()
    assert isinstance(users, UsersTab) and page.users is users
    waiting = [name for name in page.lazy.names() if not page.lazy.is_made(name)]
    assert waiting == [name for name in page.lazy.names() if name != "users"]
    codes_index = page.tab_titles().index("Code lists")
    placeholder = page.tabs.widget(codes_index)
    assert type(placeholder) is QWidget and not placeholder.findChildren(QWidget)

    page.tabs.setCurrentIndex(codes_index)  # as a click on the tab does
    codes = page.tabs.currentWidget()
    assert isinstance(codes, CodesTab) and page.codes is codes and codes.isVisible()
    assert page.tab_titles()[codes_index] == "Code lists"

    assert not page.lazy.is_made("audit")
    audit = page.audit  # asked for before it is shown: made then, once, in its place
    assert isinstance(audit, AuditTab) and page.audit is audit
    assert page.tabs.indexOf(audit) == page.tab_titles().index("Audit log")
    assert page.tabs.currentWidget() is codes
