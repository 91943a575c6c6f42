"""Maintenance runs after the first page's data, beside the page queries, and not at exit."""

from __future__ import annotations

import logging
import logging.handlers
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

import app.ui.app as gui
from app.domain.errors import StorageError
from app.services.backup.service import backup_folder
from app.services.context import Actor
from app.store.engine import Database
from app.ui.dashboard.page import DashboardPage
from app.ui.i18n import remove_translations
from app.ui.main_window import MainWindow
from app.ui.maintenance import IsCancelled, Maintenance
from app.ui.tasks import TaskRunner


@pytest.fixture
def maintenance() -> Iterator[Maintenance]:
    worker = Maintenance()
    yield worker
    assert worker.stop()


def test_jobs_run_after_the_first_pages_data_in_the_order_added(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, maintenance: Maintenance
) -> None:
    window = MainWindow(db=db, actor=admin, tasks=tasks)
    qtbot.addWidget(window)
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    data_shown = threading.Event()
    dashboard.refreshed.connect(data_shown.set)  # connected first: runs before the start
    seen: list[tuple[str, bool]] = []

    def job(name: str) -> Callable[[IsCancelled], None]:
        return lambda _stop: seen.append((name, data_shown.is_set()))

    maintenance.add("backup", job("backup"))
    maintenance.add("weekly_check", job("weekly_check"))
    gui._start_maintenance(maintenance, None, window)
    assert not maintenance.started
    window.show()
    with qtbot.waitSignals([maintenance.finished] * 2, timeout=20_000):
        pass
    assert maintenance.started
    assert seen == [("backup", True), ("weekly_check", True)]
    assert maintenance.order == ["backup", "weekly_check"]


def test_a_pages_query_does_not_wait_behind_a_running_backup(
    qtbot: QtBot, tasks: TaskRunner, maintenance: Maintenance
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    running, release = threading.Event(), threading.Event()

    def long_backup(is_cancelled: IsCancelled) -> None:
        running.set()
        while not release.wait(0.01) and not is_cancelled():
            pass

    maintenance.add("backup", long_backup)
    maintenance.start()
    qtbot.waitUntil(running.is_set, timeout=10_000)
    answers: list[int] = []
    tasks.run(owner, lambda: 42, on_done=answers.append)
    qtbot.waitUntil(lambda: answers == [42], timeout=10_000)
    assert not release.is_set() and maintenance.order == ["backup"]  # still running
    release.set()


def test_stopping_ends_a_running_job_at_its_next_look_and_drops_the_rest(
    qtbot: QtBot, maintenance: Maintenance
) -> None:
    running = threading.Event()
    stopped: list[bool] = []

    def long_job(is_cancelled: IsCancelled) -> None:
        running.set()
        while not is_cancelled():
            threading.Event().wait(0.01)
        stopped.append(True)

    maintenance.add("backup", long_job)
    maintenance.add("weekly_check", lambda _stop: stopped.append(False))
    maintenance.start()
    qtbot.waitUntil(running.is_set, timeout=10_000)
    assert maintenance.stop()
    assert stopped == [True]
    assert maintenance.order == ["backup"]


def test_a_failing_job_is_reported_and_the_next_one_still_runs(
    qtbot: QtBot, maintenance: Maintenance
) -> None:
    def broken(_stop: IsCancelled) -> None:
        raise StorageError("磁盘空间已满")

    maintenance.add("backup", broken)
    maintenance.add("weekly_check", lambda _stop: None)
    with (
        qtbot.waitSignal(maintenance.failed, timeout=10_000) as failed,
        qtbot.waitSignal(maintenance.finished, timeout=10_000) as finished,
    ):
        maintenance.start()
    assert failed.args is not None and failed.args[0] == "backup"
    assert isinstance(failed.args[1], StorageError)
    assert finished.args == ["weekly_check"]


@pytest.fixture
def quiet_start(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_gui without the crash hook, and with its log handler, style and font undone."""
    monkeypatch.setattr(gui, "install_excepthook", lambda: None)
    font = qapp.font()
    yield
    remove_translations(qapp)
    qapp.setStyleSheet("")
    qapp.setFont(font)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


def test_quitting_makes_no_backup_and_leaves_no_partial_file(
    quiet_start: None,
    db: Database,
    admin: Actor,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    db.dispose()
    signed_in: list[Actor] = []

    def sign_in(_db: Database, _tasks: TaskRunner) -> Actor | None:
        signed_in.append(admin)
        return admin if len(signed_in) == 1 else None

    def quit_once_the_data_shows() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        dashboard = window.page("dashboard")
        assert isinstance(dashboard, DashboardPage)
        dashboard.refreshed.connect(window.close)

    monkeypatch.setattr(gui, "sign_in", sign_in)
    QTimer.singleShot(0, quit_once_the_data_shows)
    with caplog.at_level(logging.INFO, logger="app.ui.app"):
        assert gui.run_gui(str(db_path)) == 0
    assert any("启动用时" in r.getMessage() for r in caplog.records)
    folder = backup_folder(db_path)
    made = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    # Whatever the background backup had got to, nothing was made for the exit,
    # and nothing half-made stays behind.
    assert not [name for name in made if "-exit" in name or name.endswith(".partial")]
    assert not [name for name in made if name.endswith(".snapshot")]
