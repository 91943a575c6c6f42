"""Five hundred windows open and close with their tasks in flight, in one process.

Every task either reaches its window while the window lives, or is dropped: none is lost
and none runs a callback on a window already destroyed. (The GUI tests used to run one
file per process because results stopped arriving after some hundred windows.)
"""

from __future__ import annotations

import functools
import time
from collections import deque
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner

WINDOWS = 500
TASKS_PER_WINDOW = 3


@dataclass
class Ledger:
    submitted: int = 0
    delivered: int = 0
    stopped_running: int = 0  # progress jobs that saw their window go
    destroyed: set[int] = field(default_factory=set)
    late: list[str] = field(default_factory=list)  # callbacks after the window went


class Window(QWidget):
    """A small page that loads three things: a quick one, a slow one, one with progress."""

    def __init__(self, number: int, tasks: TaskRunner, ledger: Ledger) -> None:
        super().__init__()
        self.number = number
        self.ledger = ledger
        self.label = QLabel(str(number))
        QVBoxLayout(self).addWidget(self.label)
        self.destroyed.connect(functools.partial(ledger.destroyed.add, number))
        tasks.run(self, lambda: number, on_finally=functools.partial(self._arrived, "quick"))
        tasks.run(self, self._slow, on_finally=functools.partial(self._arrived, "slow"))
        tasks.run_with_progress(
            self,
            self._long,
            label="…",
            on_finally=functools.partial(self._arrived, "progress"),
        )
        ledger.submitted += TASKS_PER_WINDOW

    @staticmethod
    def _slow() -> int:
        time.sleep(0.002)
        return 2

    def _long(self, progress: Progress, is_cancelled: IsCancelled) -> int:
        for step in range(4):
            if is_cancelled():
                self.ledger.stopped_running += 1
                raise Cancelled
            progress(step, 4)
            time.sleep(0.001)
        return 4

    def _arrived(self, what: str) -> None:
        self.ledger.delivered += 1
        if self.number in self.ledger.destroyed or not shiboken6.isValid(self.label):
            self.ledger.late.append(f"{what} of window {self.number}")
        else:
            self.label.setText(what)


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_every_task_of_500_windows_arrives_or_is_dropped(
    qtbot: QtBot, qapp: QApplication, tasks: TaskRunner
) -> None:
    ledger = Ledger()
    windows: list[Window] = []
    open_windows: deque[Window] = deque()
    for number in range(WINDOWS):
        window = Window(number, tasks, ledger)
        window.show()
        windows.append(window)
        open_windows.append(window)
        # Windows close at different ages: some before their tasks start, some while
        # they run, some after every result has arrived.
        if number % 7 == 0:
            tasks.wait()
        qapp.processEvents()
        while len(open_windows) > number % 5:
            closing = open_windows.popleft()
            closing.close()
            closing.deleteLater()
        flush_deletes()
    while open_windows:
        open_windows.popleft().deleteLater()
    flush_deletes()
    assert tasks.wait()
    qtbot.waitUntil(lambda: ledger.delivered + tasks.dropped == ledger.submitted, timeout=10_000)

    assert ledger.submitted == WINDOWS * TASKS_PER_WINDOW
    assert ledger.late == []
    assert ledger.destroyed == set(range(WINDOWS))
    assert not any(shiboken6.isValid(w) for w in windows)
    # The mix the test is for really happened: results used, dropped, and progress
    # jobs stopped in the middle by their window going.
    assert ledger.delivered > WINDOWS
    assert tasks.dropped > WINDOWS // 10
    assert ledger.stopped_running > 0
    # Nothing arrives later: the runner is idle and no result is still on its way.
    qtbot.wait(50)
    assert ledger.delivered + tasks.dropped == ledger.submitted
