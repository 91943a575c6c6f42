"""A scripted user for `run_gui`: a timer that answers whichever window is up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.shell_helpers import visible


class User:
    """Looks at the screen every 50 ms and does the next step of its script."""

    def __init__(self, steps: list[Callable[[], bool]]) -> None:
        self.steps = steps
        self.error: BaseException | None = None
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(50)
        # If a step never happens, end every event loop rather than hang the test run.
        # Stopped with the script: the tests that come next run in the same process.
        self.deadline = QTimer()
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(lambda: QApplication.exit(99))
        self.deadline.start(60_000)

    def _tick(self) -> None:
        try:
            if self.steps and self.steps[0]():
                self.steps.pop(0)
        except BaseException as exc:  # reported by the test, then everything is closed
            self.error = exc
            self.steps.clear()
            QApplication.exit(98)
        if not self.steps:
            self.timer.stop()
            self.deadline.stop()

    def finished(self) -> bool:
        return not self.steps and self.error is None


W = TypeVar("W", bound=QWidget)


def one(kind: type[W]) -> W | None:
    found = visible(kind)
    return found[0] if found else None
