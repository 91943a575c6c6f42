"""The login dialog: Enter logs in, wrong passwords are refused, a temporary one must go."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

import app.ui.app as gui
from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.settings import moved
from app.services.settings.setup import SetupService
from app.services.staff.users import UserService
from app.store.engine import Database
from app.ui.login import LoginDialog
from app.ui.tasks import TaskRunner
from tests.conftest import ADMIN_PASSWORD

ACCEPTED = QDialog.DialogCode.Accepted.value


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> LoginDialog:
    widget = LoginDialog(
        auth=AuthService(db), tasks=tasks, station_name=SetupService(db).station_name()
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_station_name_is_shown(dialog: LoginDialog) -> None:
    assert dialog.station_label.text() == "梅林镇社工站"
    assert dialog.station_label.isVisible()


def test_enter_logs_in(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.keyClicks(dialog.login, "admin")
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == ACCEPTED)
    assert dialog.actor is not None
    assert dialog.actor.display_name == "王站长"


def test_wrong_password_shows_the_chinese_reason(qtbot: QtBot, dialog: LoginDialog) -> None:
    dialog.login.setText("admin")
    dialog.password.setText("not-the-password")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "用户名或密码不正确。"
    assert dialog.result() != ACCEPTED
    assert dialog.actor is None
    assert dialog.buttons.isEnabled()


def test_empty_fields_are_not_sent(dialog: LoginDialog) -> None:
    dialog.login_button.click()
    assert dialog.error.isVisible()
    assert dialog.actor is None


def test_temporary_password_must_be_changed(
    qtbot: QtBot, db: Database, admin: Actor, dialog: LoginDialog
) -> None:
    created = UserService(db, admin).add(login="li", display_name="李社工", role=Role.WORKER)
    dialog.login.setText("li")
    dialog.password.setText(created.password)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.password_dialog is not None)
    change = dialog.password_dialog
    assert change is not None
    assert dialog.result() != ACCEPTED
    change.old.setText(created.password)
    change.new.setText("li-own-pass-1")
    change.repeat.setText("li-own-pass-1")
    change.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.result() == ACCEPTED)
    assert dialog.actor is not None
    assert not dialog.actor.must_change_password
    assert AuthService(db).login(login="li", password="li-own-pass-1").login == "li"


def test_refusing_the_password_change_keeps_the_user_out(
    qtbot: QtBot, db: Database, admin: Actor, dialog: LoginDialog
) -> None:
    created = UserService(db, admin).add(login="zhao", display_name="赵社工", role=Role.WORKER)
    dialog.login.setText("zhao")
    dialog.password.setText(created.password)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: dialog.password_dialog is not None)
    change = dialog.password_dialog
    assert change is not None
    change.new.setText("zhao")  # too short, and the same as the login
    change.repeat.setText("zhao")
    change.old.setText(created.password)
    change.buttons.accepted.emit()
    qtbot.waitUntil(lambda: change.error.isVisible())
    assert change.error.text() == "密码至少需要8位。"
    change.reject()
    qtbot.waitUntil(lambda: dialog.password_dialog is None)
    assert dialog.actor is None
    assert dialog.error.isVisible()


def test_a_file_moved_to_the_county_server_says_so_before_login(
    monkeypatch: pytest.MonkeyPatch, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    shown: list[str] = []

    class Recorded(LoginDialog):
        def exec(self) -> int:
            shown.append(self.notice.text() if self.notice.isVisibleTo(self) else "")
            return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(gui, "LoginDialog", Recorded)
    assert gui.sign_in(db, tasks) is None
    with db.write() as session:
        moved.mark(
            session, server="postgresql://owner@county:5432/county", station_code="JX0426",
            at=dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC),
        )  # fmt: skip
    assert gui.sign_in(db, tasks) is None
    assert shown[0] == ""
    assert "迁移到县服务器" in shown[1] and "postgresql://owner@county:5432/county" in shown[1]
