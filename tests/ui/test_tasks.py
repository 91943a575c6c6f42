"""TaskRunner: results on the GUI thread, known errors as messages, bugs as crash dialogs."""

from __future__ import annotations

import gc
import logging
import threading
import time
import weakref
from functools import partial

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.domain.errors import AppError, InvalidInput
from app.services.context import Changes
from app.ui.crash import CrashDialog
from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner
from tests.ui.shell_helpers import message_texts, visible


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, tasks: TaskRunner) -> None:
    threads: dict[str, threading.Thread] = {}
    results: list[int] = []

    def work() -> int:
        threads["work"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        threads["done"] = threading.current_thread()
        results.append(value)

    tasks.run(tasks, work, on_done=done)
    qtbot.waitUntil(lambda: results == [42])
    assert threads["done"] is threading.main_thread()
    assert threads["work"] is not threading.main_thread()


def test_the_start_s_timing_notes_each_task_queued_started_and_done(
    qtbot: QtBot, tasks: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def count_clients() -> int:
        return 3

    results: list[int] = []
    with caplog.at_level(logging.DEBUG, logger="app.start"):
        tasks.run(tasks, count_clients, on_done=results.append)
        qtbot.waitUntil(lambda: results == [3])
    noted = [r.step for r in caplog.records if r.name == "app.start"]  # type: ignore[attr-defined]
    name = "test_the_start_s_timing_notes_each_task_queued_started_and_done.count_clients"
    assert [step.split(" ", 2)[2] for step in noted] == [
        f"({name}) queued",
        f"({name}) started",
        f"({name}) done",
    ], noted


def test_tasks_note_nothing_unless_the_start_is_timed(
    qtbot: QtBot, tasks: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    results: list[int] = []
    with caplog.at_level(logging.INFO, logger="app.start"):
        tasks.run(tasks, lambda: 3, on_done=results.append)
        qtbot.waitUntil(lambda: results == [3])
    assert [r for r in caplog.records if r.name == "app.start"] == []


def test_changes_are_announced_on_the_bus(qtbot: QtBot, tasks: TaskRunner) -> None:
    with qtbot.waitSignal(tasks.bus.changed, timeout=5000) as signal:
        tasks.run(tasks, lambda: Changes.of("client", ids=(7,)))
    assert signal.args[0].touches("client")


def test_known_error_becomes_a_chinese_message(qtbot: QtBot, tasks: TaskRunner) -> None:
    finished: list[bool] = []

    def fail() -> None:
        raise InvalidInput("请填写姓名。")

    tasks.run(
        tasks,
        fail,
        on_done=lambda _r: finished.append(False),
        on_finally=lambda: finished.append(True),
    )
    qtbot.waitUntil(lambda: "请填写姓名。" in message_texts())
    assert finished == [True]
    assert not visible(CrashDialog)


def test_handled_known_error_shows_no_message(qtbot: QtBot, tasks: TaskRunner) -> None:
    seen: list[str] = []

    def fail() -> None:
        raise InvalidInput("重复的用户名。", field="login")

    def handle(error: AppError) -> bool:
        seen.append(error.message)
        return True

    tasks.run(tasks, fail, on_error=handle)
    qtbot.waitUntil(lambda: seen == ["重复的用户名。"])
    assert message_texts() == []


def test_unexpected_error_opens_the_crash_dialog(qtbot: QtBot, tasks: TaskRunner) -> None:
    def bug() -> None:
        raise ZeroDivisionError("the bug in question")

    tasks.run(tasks, bug)
    qtbot.waitUntil(lambda: bool(visible(CrashDialog)))
    report = visible(CrashDialog)[0].report
    assert "ZeroDivisionError: the bug in question" in report
    assert message_texts() == []


def test_progress_then_cancel(qtbot: QtBot, tasks: TaskRunner) -> None:
    reached: list[int] = []
    outcome: list[str] = []

    def long_job(progress: Progress, is_cancelled: IsCancelled) -> str:
        for step in range(1000):
            if is_cancelled():
                raise Cancelled
            progress(step, 1000)
            reached.append(step)
            time.sleep(0.005)
        return "finished"

    tasks.run_with_progress(
        tasks,
        long_job,
        label="正在处理…",
        on_done=outcome.append,
        on_finally=lambda: outcome.append("closed"),
    )
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5000)
    dialog = visible(QProgressDialog)[0]
    qtbot.waitUntil(lambda: dialog.value() > 0)
    assert dialog.maximum() == 1000
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    qtbot.waitUntil(lambda: outcome == ["closed"])
    assert len(reached) < 1000
    assert not visible(QProgressDialog)


def test_a_failing_progress_job_closes_its_dialog(qtbot: QtBot, tasks: TaskRunner) -> None:
    closed: list[bool] = []

    def failing(progress: Progress, is_cancelled: IsCancelled) -> None:
        progress(1, 10)
        raise InvalidInput("磁盘已满。")

    tasks.run_with_progress(tasks, failing, label="…", on_finally=lambda: closed.append(True))
    qtbot.waitUntil(lambda: closed == [True])
    assert "磁盘已满。" in message_texts()
    assert not visible(QProgressDialog)


def test_a_result_whose_owner_was_deleted_is_dropped(qtbot: QtBot, tasks: TaskRunner) -> None:
    owner = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    tasks.run(owner, lambda: release.wait(5) and "late", on_done=delivered.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    release.set()
    assert tasks.wait()
    qtbot.waitUntil(lambda: tasks.dropped == 1)
    assert delivered == []


def test_tasks_of_a_deleted_owner_that_have_not_started_never_run(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    owner, other = QWidget(), QWidget()
    release = threading.Event()
    ran: list[str] = []
    delivered: list[object] = []

    def blocker() -> None:
        if release.wait(5):
            ran.append("blocker")

    tasks.run(other, blocker)
    for n in range(3):
        tasks.run(owner, partial(ran.append, f"queued {n}"), on_done=delivered.append)
    tasks.run(other, lambda: ran.append("after"), on_done=lambda _: delivered.append("after"))
    owner.deleteLater()
    qtbot.waitUntil(lambda: tasks.dropped == 3)
    release.set()
    qtbot.waitUntil(lambda: delivered == ["after"])
    assert ran == ["blocker", "after"]
    other.deleteLater()


def test_a_deleted_owner_stops_its_progress_job(qtbot: QtBot, tasks: TaskRunner) -> None:
    owner = QWidget()
    steps: list[int] = []

    def long_job(progress: Progress, is_cancelled: IsCancelled) -> str:
        for step in range(1000):
            if is_cancelled():
                raise Cancelled
            steps.append(step)
            time.sleep(0.005)
        return "finished"

    outcome: list[str] = []
    tasks.run_with_progress(owner, long_job, label="…", on_done=outcome.append)
    qtbot.waitUntil(lambda: len(steps) > 2)
    owner.deleteLater()
    qtbot.waitUntil(lambda: tasks.dropped == 1)
    assert tasks.wait()
    assert len(steps) < 1000
    assert outcome == []
    assert not visible(QProgressDialog)


def test_a_dropped_mutation_still_announces_what_it_changed(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    owner = QWidget()
    release = threading.Event()
    delivered: list[object] = []
    tasks.run(
        owner,
        lambda: release.wait(5) and Changes.of("client", ids=(7,)),
        on_done=delivered.append,
    )
    owner.deleteLater()
    qtbot.waitUntil(lambda: tasks.dropped == 1)
    with qtbot.waitSignal(tasks.bus.changed, timeout=5000) as signal:
        release.set()
    assert signal.args[0].touches("client")
    assert delivered == []


def test_the_runner_does_not_keep_an_owner_alive(qtbot: QtBot, tasks: TaskRunner) -> None:
    owner = QObject()  # no parent: Python's reference is all that keeps it
    delivered: list[int] = []
    tasks.run(owner, lambda: 1, on_done=delivered.append)
    qtbot.waitUntil(lambda: delivered == [1])
    gone = weakref.ref(owner)
    del owner
    gc.collect()
    assert gone() is None


TRACKED = 300  # the worker and the GUI thread race to let go: many rounds to lose one


class _Tracked:
    """Records the thread that frees it."""

    def __init__(self, freed_on: list[threading.Thread]) -> None:
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread())


def test_what_a_task_holds_is_freed_on_the_gui_thread(qtbot: QtBot, tasks: TaskRunner) -> None:
    # A widget a task's function holds must not be freed on the worker thread.
    freed_on: list[threading.Thread] = []
    finished: list[bool] = []

    def keep(held: _Tracked) -> None:
        pass

    def fail(held: _Tracked) -> None:
        raise InvalidInput("不行。")

    for n in range(TRACKED):
        held = _Tracked(freed_on)
        tasks.run(
            tasks,
            partial(keep, held) if n % 2 else partial(fail, held),
            on_error=lambda _error: True,
            on_finally=lambda: finished.append(True),
        )
        del held
    qtbot.waitUntil(lambda: len(finished) == TRACKED)
    assert tasks.wait()
    qtbot.waitUntil(lambda: len(freed_on) == TRACKED)
    assert set(freed_on) == {threading.main_thread()}


def test_a_bug_in_a_dropped_task_reaches_the_log(
    qtbot: QtBot, tasks: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    owner = QWidget()
    release = threading.Event()

    def bug() -> None:
        release.wait(5)
        raise ZeroDivisionError("after the window went")

    tasks.run(owner, bug)
    owner.deleteLater()
    qtbot.waitUntil(lambda: tasks.dropped == 1)
    with caplog.at_level("ERROR", logger="app.ui.tasks"):
        release.set()
        assert tasks.wait()
        qtbot.waitUntil(lambda: "failed after its owner was gone" in caplog.text)
    assert "ZeroDivisionError: after the window went" in caplog.text
    assert not visible(CrashDialog)


def test_a_busy_job_cannot_be_cancelled_nor_its_dialog_closed(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    release = threading.Event()
    outcome: list[str] = []

    def restore() -> str:
        release.wait(10)
        return "restored"

    tasks.run_busy(
        tasks,
        restore,
        label="正在恢复备份，请稍候…",
        on_done=outcome.append,
    )
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5000)
    dialog = visible(QProgressDialog)[0]
    assert dialog.labelText() == "正在恢复备份，请稍候…"
    assert dialog.findChildren(QPushButton) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: outcome == ["restored"])
    assert not visible(QProgressDialog)
