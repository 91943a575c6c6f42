"""Where the window opens, and how a session ends: lock, switch user, log out, quit.

A session that ends with forms still open asks first, names them, and closes them only
when told to; Cancel leaves everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.context import Actor
from app.ui.main_window import MainWindow
from app.ui.password_dialog import PasswordDialog
from tests.ui.shell_helpers import chinese_ui, visible

Opener = Callable[..., MainWindow]


def question() -> QMessageBox:
    boxes = [box for box in visible(QMessageBox) if box.objectName() == "openFormsQuestion"]
    assert len(boxes) == 1
    return boxes[0]


def asked() -> bool:
    return any(box.objectName() == "openFormsQuestion" for box in visible(QMessageBox))


def answer(box: QMessageBox, *, close_them: bool) -> None:
    wanted = (
        QMessageBox.ButtonRole.DestructiveRole if close_them else QMessageBox.ButtonRole.RejectRole
    )
    button = next(b for b in box.buttons() if box.buttonRole(b) == wanted)
    button.click()


def open_form(window: MainWindow) -> PasswordDialog:
    window.change_password()
    forms = [d for d in window.findChildren(PasswordDialog) if d.isVisible()]
    assert len(forms) == 1
    return forms[0]


def available() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


# ---- size and place ------------------------------------------------------------------


def test_size_and_place_are_remembered_per_user(
    qtbot: QtBot, open_window: Opener, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    first = open_window(admin)
    first.setGeometry(QRect(QPoint(40, 30), QSize(700, 500)))
    first.close()
    again = open_window(admin)
    assert again.size() == QSize(700, 500)
    assert again.geometry().topLeft() == QPoint(40, 30)
    other = open_window(make_actor(Role.WORKER, "li"))
    assert other.size() != QSize(700, 500)


def test_a_place_off_every_screen_is_brought_back(
    qtbot: QtBot, open_window: Opener, admin: Actor
) -> None:
    first = open_window(admin)
    first.setGeometry(QRect(QPoint(5000, 200), QSize(600, 400)))
    first.close()
    again = open_window(admin)
    assert available().contains(again.frameGeometry()), again.frameGeometry()
    assert again.size() == QSize(600, 400)


def test_the_first_window_fits_the_screen(qtbot: QtBot, open_window: Opener, admin: Actor) -> None:
    window = open_window(admin)
    assert available().contains(window.frameGeometry())


# ---- the account menu ----------------------------------------------------------------


def test_the_account_menu_locks_switches_and_logs_out(
    qtbot: QtBot, open_window: Opener, admin: Actor
) -> None:
    with chinese_ui():
        window = open_window(admin, 600_000)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["文件(&F)", "账户(&A)", "帮助(&H)"]
        texts = [window.lock_action.text(), window.switch_action.text()]
        assert texts == ["立即锁定(&L)", "切换用户(&S)…"]
        assert window.log_out_action.text() == "注销(&O)"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.idle_lock.locked


def test_switch_user_opens_the_lock_ready_for_another_name(
    qtbot: QtBot, open_window: Opener, admin: Actor
) -> None:
    window = open_window(admin, 600_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.switch_action.trigger()
    overlay = window.idle_lock.overlay
    assert overlay is not None
    assert overlay.login.text() == ""
    assert overlay.login.hasFocus()


def test_log_out_without_forms_goes_back_to_the_login(open_window: Opener, admin: Actor) -> None:
    window = open_window(admin)
    window.log_out_action.trigger()
    assert not window.isVisible()
    assert window.sign_in_again and window.switch_to is None


def test_log_out_asks_about_open_forms_and_cancel_keeps_them(
    qtbot: QtBot, open_window: Opener, admin: Actor
) -> None:
    window = open_window(admin)
    form = open_form(window)
    window.log_out_action.trigger()
    box = question()
    assert form.windowTitle() in box.informativeText()
    answer(box, close_them=False)
    assert window.isVisible() and form.isVisible()
    assert not window.sign_in_again

    window.log_out_action.trigger()
    answer(question(), close_them=True)
    assert not form.isVisible()
    assert form.result() == QDialog.DialogCode.Rejected.value
    assert not window.isVisible()
    assert window.sign_in_again


def test_quit_asks_about_open_forms(qtbot: QtBot, open_window: Opener, admin: Actor) -> None:
    window = open_window(admin)
    form = open_form(window)
    window.quit_action.trigger()
    answer(question(), close_them=False)
    assert window.isVisible() and form.isVisible()
    window.close()  # the title bar's close button asks the same
    answer(question(), close_them=True)
    assert not window.isVisible() and not form.isVisible()
    assert not window.sign_in_again


# ---- leaving from the lock screen ----------------------------------------------------


def test_ctrl_q_quits_while_locked(qtbot: QtBot, open_window: Opener, admin: Actor) -> None:
    window = open_window(admin, 600_000)
    window.idle_lock.lock()
    overlay = window.idle_lock.overlay
    assert overlay is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert not window.sign_in_again


def test_quit_from_the_lock_asks_about_the_hidden_forms(
    qtbot: QtBot, open_window: Opener, admin: Actor
) -> None:
    window = open_window(admin, 600_000)
    form = open_form(window)
    window.idle_lock.lock()
    assert not form.isVisible()
    overlay = window.idle_lock.overlay
    assert overlay is not None
    overlay.quit_button.click()
    box = question()
    assert "王站长" in box.text()
    answer(box, close_them=False)
    assert window.isVisible() and window.idle_lock.locked
    overlay.quit_button.click()
    answer(question(), close_them=True)
    assert not window.isVisible()
    assert form.result() == QDialog.DialogCode.Rejected.value


def test_another_user_at_the_lock_is_asked_about_the_first_users_forms(
    qtbot: QtBot, open_window: Opener, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    make_actor(Role.HEAD, "zhan", display_name="詹站长")
    window = open_window(admin, 600_000)
    form = open_form(window)
    window.idle_lock.lock()
    overlay = window.idle_lock.overlay
    assert overlay is not None
    overlay.switch_button.click()
    assert overlay.login.text() == ""
    overlay.login.setText("zhan")
    overlay.password.setText("zhan-password")
    overlay.unlock_button.click()
    qtbot.waitUntil(asked)
    answer(question(), close_them=False)
    # The first user's work stays, under the cover, until they or someone else decides.
    assert window.isVisible() and window.idle_lock.locked
    assert window.switch_to is None
    overlay.password.setText("zhan-password")
    overlay.unlock_button.click()
    qtbot.waitUntil(asked)
    answer(question(), close_them=True)
    assert not window.isVisible()
    assert form.result() == QDialog.DialogCode.Rejected.value
    assert window.switch_to is not None and window.switch_to.login == "zhan"


def test_the_lock_says_who_is_locked_and_shows_its_whole_note(
    qtbot: QtBot, open_window: Opener, admin: Actor
) -> None:
    with chinese_ui():
        window = open_window(admin, 600_000)
        window.resize(QSize(1093, 580))
        window.idle_lock.lock()
        overlay = window.idle_lock.overlay
        assert overlay is not None
        QApplication.processEvents()
        assert "王站长" in overlay.who.text() and "admin" in overlay.who.text()
        assert [overlay.switch_button.text(), overlay.quit_button.text()] == ["切换用户", "退出"]
        labels = [label for label in overlay.findChildren(QLabel) if label.wordWrap()]
        assert overlay.who in labels and overlay.note in labels
        for label in labels:
            assert label.height() >= label.heightForWidth(label.width()), label.text()
            inside = QRect(label.mapTo(overlay, QPoint(0, 0)), label.size())
            assert overlay.rect().contains(inside)
