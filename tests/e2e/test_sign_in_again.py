"""Signing in again, many times in one run: each user gets a fresh window of their own.

Another user signs in at the lock screen, which ends the first user's session; the loop
in `run_gui` then opens a new main window. The old window must be gone for good, with its
backup timer and the results of its tasks, however many times this happens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

import app.ui.app as gui
from app.domain.roles import Role
from app.services.context import Actor
from app.store.engine import Database
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from tests.conftest import ADMIN_PASSWORD
from tests.e2e.user_script import User, one

pytestmark = pytest.mark.gui
SWITCHES = 4


def backup_timers(*objects: QObject) -> int:
    return sum(
        1
        for obj in objects
        for timer in obj.findChildren(QTimer)
        if timer.interval() == gui.HOURLY_MS
    )


class ReleaseOnClose(QObject):
    """Lets the window's last task finish only once the window has begun to close."""

    def __init__(self, window: MainWindow, release: threading.Event) -> None:
        super().__init__(window)
        self.release = release
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.release.set()
        return False


def test_each_sign_in_gets_a_fresh_window(
    gui_app: QApplication,
    db: Database,
    db_path: Path,
    admin: Actor,
    make_actor: Callable[..., Actor],
) -> None:
    make_actor(Role.WORKER, "xiaozhang", "张社工")
    db.dispose()
    passwords = {"admin": ADMIN_PASSWORD, "xiaozhang": "xiaozhang-password"}
    windows: list[MainWindow] = []
    runners: list[TaskRunner] = []
    timers_seen: list[int] = []
    signed_in: list[str] = []
    delivered: list[tuple[int, bool]] = []  # (window, whether it was still there)
    late: list[int] = []

    def login() -> bool:
        dialog = one(LoginDialog)
        if not isinstance(dialog, LoginDialog) or not dialog.buttons.isEnabled():
            return False
        dialog.login.setText("admin")
        dialog.password.setText(ADMIN_PASSWORD)
        dialog.login_button.click()
        return True

    def new_window() -> MainWindow | None:
        window = one(MainWindow)
        if not isinstance(window, MainWindow) or (windows and window is windows[-1]):
            return None
        windows.append(window)
        signed_in.append(window.actor.login)
        runners.append(window.tasks)
        timers_seen.append(backup_timers(window.tasks, *QApplication.topLevelWidgets()))
        return window

    def hand_over(to: str) -> Callable[[], bool]:
        """Lock the window, leave a task running for it, and let `to` sign in instead."""

        def step() -> bool:
            window = new_window()
            if window is None:
                return False
            window.idle_lock.lock()
            overlay = window.idle_lock.overlay
            assert overlay is not None
            overlay.login.setText(to)
            overlay.password.setText(passwords[to])
            overlay.unlock_button.click()
            # A task queued behind the sign-in, still running when the window closes. Its
            # result still reaches the closed window, which lives until the event loop
            # ends; what that result starts (a page reloading, say) comes back after the
            # window is gone, and must be dropped.
            release = threading.Event()
            ReleaseOnClose(window, release)
            number = len(windows)

            def follow_up(_result: object) -> None:
                delivered.append((number, shiboken6.isValid(window)))
                window.tasks.run(window, lambda: number, on_done=lambda _: late.append(number))

            window.tasks.run(window, lambda: release.wait(10), on_done=follow_up)
            return True

        return step

    def quit_last() -> bool:
        window = new_window()
        if window is None:
            return False
        window.close()
        return True

    users = ["xiaozhang", "admin"] * SWITCHES
    script = User([login, *(hand_over(to) for to in users[:SWITCHES]), quit_last])
    assert gui.run_gui(str(db_path)) == 0
    assert script.error is None, script.error
    assert script.finished()

    assert signed_in == ["admin", *users[:SWITCHES]]
    assert timers_seen == [1] * (SWITCHES + 1)  # one backup timer, whoever signed in
    assert not any(shiboken6.isValid(w) for w in windows)
    assert all(r is runners[0] for r in runners)
    assert delivered == [(n, True) for n in range(1, SWITCHES + 1)]
    assert late == []
    assert runners[0].dropped >= SWITCHES
