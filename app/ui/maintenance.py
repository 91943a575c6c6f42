"""The maintenance worker: checks and backups in the background, after the first page's data.

The task runner's one worker thread is for what the user waits for. A 25-second weekly
check or a backup of a county database on that thread kept the first page empty and
every page's query waiting behind it. Maintenance therefore has a thread of its own, at
low priority, and its jobs open their own connections (their own `Database` on the same
file: under WAL, readers and a writer do not block each other). Jobs wait until
`start()`, which the app calls once the first page has shown its data, and run one at a
time in the order they were added.

At exit `stop()` asks the running job to stop (`is_cancelled` turns true: a backup stops
between two steps and removes its partial file, a check is interrupted) and drops the
rest; nothing waits for a backup to finish.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.store.sqlite_files import Cancelled

log = logging.getLogger(__name__)

IsCancelled = Callable[[], bool]
Job = Callable[[IsCancelled], Any]
STOP_WAIT_S = 1.5
"""How long exit waits for the running job to notice `is_cancelled` (it takes well under)."""
NICE = 10


@dataclass(frozen=True)
class _Entry:
    name: str
    fn: Job


class Maintenance(QObject):
    """Runs jobs one at a time on its own low-priority thread, once started."""

    failed = Signal(str, object)  # job name, error: on the GUI thread
    finished = Signal(str)  # job name, once it ran to the end

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[_Entry | None] = queue.SimpleQueue()
        self._open = threading.Event()
        self._stopping = threading.Event()
        self.order: list[str] = []
        """The jobs' names in the order they began (the log and the tests read it)."""
        self._relay = _Relay(self)
        self._relay.failed.connect(self.failed, Qt.ConnectionType.QueuedConnection)
        self._relay.finished.connect(self.finished, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(
            target=self._loop, name="stationdesk-maintenance", daemon=True
        )
        self._thread.start()

    @property
    def started(self) -> bool:
        return self._open.is_set()

    def add(self, name: str, fn: Job) -> None:
        """Queue `fn(is_cancelled)`; it runs after `start()` and the jobs added before it."""
        if not self._stopping.is_set():
            self._queue.put(_Entry(name, fn))

    def start(self) -> None:
        """Let the jobs run (the first page's data is on screen); later calls do nothing."""
        if not self._open.is_set():
            log.info("maintenance starts")
            self._open.set()

    def is_cancelled(self) -> bool:
        return self._stopping.is_set()

    def stop(self, wait_s: float = STOP_WAIT_S) -> bool:
        """Stop the running job at its next look at `is_cancelled`, drop the others.

        True when the thread has ended; a job that does not look in time is left to end
        with the process (the thread is a daemon, and it writes nothing in place).
        """
        self._stopping.set()
        self._open.set()
        self._queue.put(None)
        self._thread.join(wait_s)
        ended = not self._thread.is_alive()
        if not ended:
            log.warning("maintenance job %s still running at exit", self.order[-1:])
        return ended

    def _loop(self) -> None:
        _lower_priority()
        self._open.wait()
        while not self._stopping.is_set():
            entry = self._queue.get()
            if entry is None or self._stopping.is_set():
                return
            self.order.append(entry.name)
            log.info("maintenance: %s", entry.name)
            try:
                entry.fn(self.is_cancelled)
            except Cancelled:
                log.info("maintenance: %s stopped at exit", entry.name)
                return
            except BaseException as exc:  # every failure reaches the GUI thread
                self._relay.failed.emit(entry.name, exc)
                del exc
                continue
            self._relay.finished.emit(entry.name)


class _Relay(QObject):
    """Lives on the GUI thread; its signals, emitted on the worker, arrive there queued."""

    failed = Signal(str, object)
    finished = Signal(str)


def _lower_priority() -> None:
    """A lower scheduling priority for this thread, where the OS offers one per thread.

    On Linux a thread has its own nice value; elsewhere the jobs run at normal priority
    (they still never stand in the way of a page's query: that has its own thread).
    """
    setpriority = getattr(os, "setpriority", None)
    if setpriority is None or not hasattr(threading, "get_native_id"):
        return
    with contextlib.suppress(OSError):  # not allowed here: normal priority, then
        setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)
