"""What runs on the task runner's worker thread, and what it hands back.

Nothing here may touch a widget, nor hold the last reference to one: an object freed
on this thread is destroyed on it, off the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class Relay(QObject):
    """Carries results from the worker thread to the GUI thread, tagged with the job's id.

    One relay per runner, connected once to the runner's own methods: connecting a fresh
    Python closure per job is fragile in PySide (a receiver can be lost when a collected
    closure's address is reused), and a lost result would leave a page waiting forever.
    """

    done = Signal(int, object)  # job, [result]
    failed = Signal(int, object)  # job, [error]
    progressed = Signal(int, int, int)


class Inbox:
    """The jobs' functions, lent to the worker one at a time and released on the GUI thread.

    A function often holds a widget (a method's `self`). If the worker dropped the last
    reference, the widget would be freed there, off the GUI thread; so the inbox keeps
    each function until the GUI thread has its result, and only a job that has not
    started can be taken back (cancelled).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queued: dict[int, Callable[[], Any]] = {}
        self._started: dict[int, Callable[[], Any]] = {}

    def put(self, job: int, fn: Callable[[], Any]) -> None:
        with self._lock:
            self._queued[job] = fn

    def start(self, job: int) -> Callable[[], Any] | None:
        """On the worker: the job's function, or None if it was cancelled."""
        with self._lock:
            fn = self._queued.pop(job, None)
            if fn is not None:
                self._started[job] = fn
            return fn

    def cancel(self, job: int) -> bool:
        """Take back a job that has not started; False if it has."""
        with self._lock:
            return self._queued.pop(job, None) is not None

    def release(self, job: int) -> None:
        """On the GUI thread, once the job's result or error is here."""
        with self._lock:
            fn = self._started.pop(job, None)
        del fn  # the last reference, dropped here and not on the worker


def call(job: int, inbox: Inbox, relay: Relay) -> None:
    """Run one job on the worker thread and send its result or error to the GUI thread.

    The outcome travels in a list the GUI thread empties, so its only reference ends up
    there: an error's traceback holds the frames of `fn` and, through them, what it held.
    """
    fn = inbox.start(job)
    if fn is None:
        return  # cancelled before it started
    outcome: list[Any] = []
    failed = False
    try:
        outcome.append(fn())
    except BaseException as exc:  # every failure must reach the GUI thread
        outcome.append(exc)
        failed = True
    # Outside the except block, which holds on to the error while it runs.
    del fn
    (relay.failed if failed else relay.done).emit(job, outcome)
