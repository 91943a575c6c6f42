"""Idle auto-lock: the cover, the password, masking again, and another user taking over."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from stdnum.cn import ric

from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import AuditEntry
from app.ui.clients.choices import load_choices
from app.ui.clients.form import ClientFormDialog
from app.ui.clients.page import ClientsPage
from app.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD

_BODY = "36042619500301123"
FULL_ID = _BODY + ric.calc_check_digit(_BODY + "0")


def unlock_with(qtbot: QtBot, window: MainWindow, login: str, password: str) -> None:
    overlay = window.idle_lock.overlay
    assert overlay is not None
    overlay.login.setText(login)
    overlay.password.setText(password)
    qtbot.mouseClick(overlay.unlock_button, Qt.MouseButton.LeftButton)


def failures(db: Database) -> int:
    with db.read() as session:
        stmt = select(func.count()).where(AuditEntry.action == "login_failed")
        return int(session.scalar(stmt) or 0)


def test_a_short_idle_time_covers_the_window(
    qtbot: QtBot, open_window: Callable[..., MainWindow], admin: Actor
) -> None:
    window = open_window(admin, 150)
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=3_000)
    overlay = window.idle_lock.overlay
    assert overlay is not None and overlay.isVisible()
    assert overlay.geometry() == window.rect()
    central = window.centralWidget()
    assert central is not None and not central.isEnabled()
    assert overlay.login.text() == "admin"


def test_input_keeps_the_window_unlocked(
    qtbot: QtBot, open_window: Callable[..., MainWindow], admin: Actor
) -> None:
    # No race with the clock: the countdown is stopped as if it had nearly run out, and a
    # key press must start it again from the full idle time.
    window = open_window(admin, 60_000)
    timer = window.idle_lock.timer
    timer.stop()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert timer.isActive() and timer.remainingTime() > 30_000
    assert not window.idle_lock.locked


def test_lock_masks_again_and_only_the_right_password_unlocks(
    qtbot: QtBot, db: Database, open_window: Callable[..., MainWindow], admin: Actor
) -> None:
    clients = ClientService(db, admin)
    saved = clients.create(ClientInput(name="张三", id_number=FULL_ID))
    window = open_window(admin, 60_000)
    page = window.page("clients")
    assert isinstance(page, ClientsPage)
    page.show_client(saved.id)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    page.detail.reveal()
    qtbot.waitUntil(lambda: page.detail.values["id_number"].text() == FULL_ID, timeout=5_000)
    form = ClientFormDialog(
        clients=clients,
        tasks=window.tasks,
        choices=load_choices(clients, CodeService(db, admin)),
        detail=clients.get(saved.id),
        parent=window,
    )
    form.show()
    form.reveal_button.click()
    qtbot.waitUntil(lambda: form.id_field.edit.text() == FULL_ID, timeout=5_000)

    window.idle_lock.timer.start(50)
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=3_000)
    window.idle_lock.timer.setInterval(60_000)  # so that it does not lock again at once
    assert "*" in page.detail.values["id_number"].text()
    assert page.detail.reveal_button.isVisibleTo(page.detail)
    assert not form.isVisible()
    assert "*" in form.id_field.edit.text()
    assert form.id_field.value() is None  # still keeps the stored number on save

    before = failures(db)
    unlock_with(qtbot, window, "admin", "wrong-password")
    overlay = window.idle_lock.overlay
    assert overlay is not None
    qtbot.waitUntil(lambda: overlay.error.text() != "", timeout=5_000)
    assert window.idle_lock.locked
    assert failures(db) == before + 1

    unlock_with(qtbot, window, "admin", ADMIN_PASSWORD)
    qtbot.waitUntil(lambda: not window.idle_lock.locked, timeout=5_000)
    central = window.centralWidget()
    assert central is not None and central.isEnabled()
    assert form.isVisible()
    assert window.idle_lock.timer.isActive()
    form.reject()


@pytest.mark.parametrize("temporary_password", [False, True])
def test_another_user_closes_the_first_session(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    temporary_password: bool,
) -> None:
    make_actor(Role.HEAD, "zhan")
    password = "zhan-password"
    if temporary_password:
        password = UserService(db, admin).reset_password(login="zhan").password
    window = open_window(admin, 60_000)
    window.idle_lock.lock()
    unlock_with(qtbot, window, "zhan", password)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert window.sign_in_again
    # Someone with a temporary password goes through the sign-in dialog to change it.
    switched = window.switch_to
    assert (switched.login if switched else None) == (None if temporary_password else "zhan")
