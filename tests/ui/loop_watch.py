"""How long the GUI thread's event loop goes without running: the longest freeze.

A precise timer asks to run every 10 ms; when the GUI thread is busy, the next firing
comes late. The longest gap between two firings is the longest the window could not
react (to a click, a repaint) while the watch ran.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class LoopWatch(QObject):
    """Records the gaps between firings of a 10 ms timer on the GUI thread."""

    def __init__(self, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self.gaps_ms: list[float] = []
        self.cpu_gaps_ms: list[float] = []
        """The GUI thread's own CPU time in each gap: the part of a freeze the window's
        work caused, as opposed to waiting for a CPU or a lock (the GIL)."""

    def start(self) -> None:
        self.gaps_ms = []
        self.cpu_gaps_ms = []
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        """Stop; the time since the last firing counts as a gap too (a freeze at the end)."""
        if self._timer.isActive():
            self._tick()
            self._timer.stop()

    @property
    def longest_ms(self) -> float:
        return max(self.gaps_ms, default=0.0)

    @property
    def longest_cpu_ms(self) -> float:
        return max(self.cpu_gaps_ms, default=0.0)

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps_ms.append((now - self._last) * 1000)
        self.cpu_gaps_ms.append((cpu - self._last_cpu) * 1000)
        self._last, self._last_cpu = now, cpu
