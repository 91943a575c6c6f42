"""Shared fixtures of the GUI tests, which all run in one process.

Each test gets a task runner and, if it wants one, a signed-in main window on a fresh
station database (`db` and `admin` come from tests/conftest.py). After each test every
window it left is closed and deleted, the deferred deletes and queued results are
processed and the garbage is collected, on the GUI thread: nothing of one test reaches
the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.context import Actor
from app.store.engine import Database
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import close_windows, delete_windows


@pytest.fixture(autouse=True)
def _clean_slate(qapp: QApplication) -> Iterator[None]:
    """Set up before, so torn down after, every other fixture of the test."""
    yield
    delete_windows()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    # Windows close before the fixtures go: a closing window may still wait for its
    # tasks, which need the test's database.
    if "qapp" in getattr(item, "fixturenames", ()):
        close_windows()


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    """The task runner; the test's background work is finished before the next test."""
    runner = TaskRunner()
    yield runner
    assert runner.wait(), "a background task was still running 30 s after the test"


@pytest.fixture
def open_window(qtbot: QtBot, db: Database, tasks: TaskRunner) -> Callable[..., MainWindow]:
    """Opens the main window for a signed-in user (shown, exposed)."""

    def make(actor: Actor, idle_ms: int | None = None) -> MainWindow:
        window = MainWindow(db=db, actor=actor, tasks=tasks, idle_ms=idle_ms)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def main_window(open_window: Callable[..., MainWindow], admin: Actor) -> MainWindow:
    """The main window, signed in as the station's administrator."""
    return open_window(admin)
