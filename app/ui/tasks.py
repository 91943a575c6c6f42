"""Running service calls off the GUI thread.

Every call from the GUI into the services goes through `TaskRunner`: the call runs on
one worker thread (database work is serialised, as in Anki), its result or error comes
back to the GUI thread, known errors (`AppError`) become a plain message and anything
else reaches the crash dialog; a lost connection to the county server offers 重试, which
runs the same call again (its transaction never committed). Be careful not to touch any
widget inside `fn`: it runs on the worker thread.

Every task has an owner, the QObject its result belongs to (as Anki's `CollectionOp`
has a parent). When the owner is destroyed, its tasks that have not started never run,
a running one is asked to stop through `is_cancelled`, and its callbacks (`on_done`,
`on_error`, `on_finally`) never run: nothing reaches a deleted widget. What a dropped
mutation changed is still announced on the bus, so the other views stay right.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.errors import AppError, MonthClosed, ServerUnreachable
from app.services.context import Changes
from app.ui.correction_dialog import ask_reason
from app.ui.crash import show_crash
from app.ui.dialogs import show_message
from app.ui.opening import mark, steps
from app.ui.progress_dialog import TaskProgressDialog
from app.ui.retry_dialog import ask_retry
from app.ui.task_worker import Inbox, Relay, call

log = logging.getLogger(__name__)
T = TypeVar("T")

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
Correcting = Callable[[str], AbstractContextManager[object]]


class Cancelled(Exception):
    """Raised inside a task that saw `is_cancelled()` become true."""


class ChangeBus(QObject):
    """One signal that tells every view what a mutation changed."""

    changed = Signal(object)  # Changes


class _OwnerWatch(QObject):
    """A child of a task's owner, deleted with it: its validity says whether the owner lives.

    The runner holds this rather than the owner. Holding the owner would keep a parentless
    one alive for good, and shiboken invalidates reliably only wrappers of objects made
    from Python, which this one always is.
    """


@dataclass
class _Callbacks:
    on_result: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None = None


@dataclass
class _Job:
    watch: _OwnerWatch
    callbacks: _Callbacks
    owner_gone: threading.Event
    on_drop: Callable[[], None] | None = None


class TaskRunner(QObject):
    """Runs service calls on one background thread and reports back on the GUI thread."""

    _names = itertools.count(1)

    def __init__(self, parent: QWidget | None = None, bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self._window = parent
        self.bus = bus or ChangeBus(self)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stationdesk-db")
        self._inbox = Inbox()
        self._jobs: dict[int, _Job] = {}
        self._dropped = 0
        # An owner's end starts this; connected from C++ to C++, nothing of it can run
        # into a runner half-destroyed at exit. Once for all the owners a window takes.
        self._sweep = QTimer(self)
        self._sweep.setSingleShot(True)
        self._sweep.setInterval(0)
        self._sweep.timeout.connect(self._drop_orphans)
        self._ids = itertools.count(1)
        self._correcting: Correcting | None = None
        self._watch_name = f"taskWatch{next(TaskRunner._names)}"
        self._relay = Relay(self)
        self._relay.done.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._deliver_failure, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)

    def set_window(self, window: QWidget | None) -> None:
        """Where messages of owners that are not widgets show (the login, the main window)."""
        self._window = window

    def set_correcting(self, correcting: Correcting | None) -> None:
        """The logged-in user's `MonthCloseService.correcting`, if they may correct closed
        months (月结): a change refused with MonthClosed is then offered again with a reason."""
        self._correcting = correcting

    def run(
        self,
        owner: QObject,
        fn: Callable[[], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[AppError], bool] | None = None,
        on_finally: Callable[[], None] | None = None,
    ) -> None:
        """Run `fn` in the background for `owner`; the callbacks run only while it lives.

        `on_error` may handle a known error and return True; otherwise it is shown.
        A result that is a `Changes` (or has a `changes` attribute) is announced on the bus.
        """

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                if on_finally is not None:
                    on_finally()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, MonthClosed) and self._offer_correction(
                owner, exc, fn, on_done=on_done, on_error=on_error, on_finally=on_finally
            ):
                return
            if isinstance(exc, ServerUnreachable):
                self._offer_retry(
                    owner, exc, lambda: self.run(
                        owner, fn, on_done=on_done, on_error=on_error, on_finally=on_finally
                    ), on_finally,
                )  # fmt: skip
                return
            try:
                self._handle_error(owner, exc, on_error)
            finally:
                if on_finally is not None:
                    on_finally()

        self._submit(owner, lambda _gone: fn(), _Callbacks(done, failed), name=_name(fn))

    def _offer_correction(
        self,
        owner: QObject,
        exc: MonthClosed,
        fn: Callable[[], T],
        **callbacks: Any,
    ) -> bool:
        """Ask for 更正原因 and run `fn` again as a correction; False: not ours to offer."""
        correcting = self._correcting
        if correcting is None:
            return False

        def again(reason: str) -> None:
            def corrected() -> T:
                with correcting(reason):
                    return fn()

            self.run(owner, corrected, **callbacks)

        def cancelled() -> None:
            if callbacks["on_finally"] is not None:
                callbacks["on_finally"]()

        ask_reason(self._parent_for(owner), exc.message, again, cancelled)
        return True

    def _offer_retry(
        self,
        owner: QObject,
        exc: ServerUnreachable,
        again: Callable[[], None],
        on_finally: Callable[[], None] | None,
    ) -> None:
        """The server went away: the action's transaction never committed, so it may run
        again as it was. The owner (a form with its input) is left as it is."""
        log.warning("database server unreachable: %s", exc.detail or exc)
        ask_retry(self._parent_for(owner), exc.message, again, on_finally or (lambda: None))

    def run_with_progress(
        self,
        owner: QObject,
        fn: Callable[[Progress, IsCancelled], T],
        *,
        label: str,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[AppError], bool] | None = None,
        on_finally: Callable[[], None] | None = None,
        cancellable: bool = True,
    ) -> None:
        """Like `run`, with a progress dialog whose Cancel button sets `is_cancelled`.

        Not `cancellable`: the dialog has no Cancel button and cannot be closed, for work
        that stopping half-way would leave half-done (its label says 请稍候).
        `on_finally` runs whatever happened: done, failed or cancelled (not when the
        owner is gone: then the dialog just goes away).
        """
        cancel_text = self.tr("Cancel") if cancellable else None
        dialog = TaskProgressDialog(label, cancel_text, self._parent_for(owner))
        job = next(self._ids)
        relay = self._relay
        cancelled = threading.Event()
        dialog.canceled.connect(cancelled.set)

        def report(done: int, total: int) -> None:
            relay.progressed.emit(job, done, total)

        def show(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)

        def dismiss() -> None:
            # hide(), not close(): closing a progress dialog emits `canceled` on the way.
            dialog.canceled.disconnect(cancelled.set)
            dialog.hide()
            dialog.deleteLater()

        def close() -> None:
            # Whatever happened, the dialog goes away (a failing job must not leave it up).
            dismiss()
            if on_finally is not None:
                on_finally()

        def on_cancelled_or_error(exc: BaseException) -> None:
            if isinstance(exc, ServerUnreachable):
                dismiss()
                self._offer_retry(
                    owner, exc, lambda: self.run_with_progress(
                        owner, fn, label=label, on_done=on_done, on_error=on_error,
                        on_finally=on_finally, cancellable=cancellable,
                    ), on_finally,
                )  # fmt: skip
                return
            try:
                if not isinstance(exc, Cancelled):
                    self._handle_error(owner, exc, on_error)
            finally:
                close()

        def on_result(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                close()

        def work(owner_gone: threading.Event) -> T:
            return fn(report, lambda: cancelled.is_set() or owner_gone.is_set())

        self._submit(
            owner,
            work,
            _Callbacks(on_result, on_cancelled_or_error, show),
            job=job,
            on_drop=lambda: _delete_later(dialog),
            name=_name(fn),
        )

    def run_busy(
        self,
        owner: QObject,
        fn: Callable[[], T],
        *,
        label: str,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[AppError], bool] | None = None,
        on_finally: Callable[[], None] | None = None,
    ) -> None:
        """Like `run`, with a busy dialog that cannot be cancelled (a backup, a restore)."""
        self.run_with_progress(
            owner,
            lambda _progress, _is_cancelled: fn(),
            label=label,
            on_done=on_done,
            on_error=on_error,
            on_finally=on_finally,
            cancellable=False,
        )

    @property
    def dropped(self) -> int:
        """How many tasks were dropped (not run, or their result unused): owner gone."""
        return self._dropped

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the background thread is idle (for shutdown and tests)."""
        try:
            marker = self._executor.submit(lambda: None)  # one worker: runs after the rest
        except RuntimeError:  # shut down: nothing runs any more
            return True
        try:
            marker.result(timeout=msecs / 1000)
        except TimeoutError:
            return False
        return True

    def shutdown(self) -> None:
        """Cancel what has not started and let the worker thread end (at exit)."""
        for job in list(self._jobs):
            self._inbox.cancel(job)
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _submit(
        self,
        owner: QObject,
        fn: Callable[[threading.Event], Any],
        callbacks: _Callbacks,
        *,
        job: int | None = None,
        on_drop: Callable[[], None] | None = None,
        name: str = "",
    ) -> None:
        job = job if job is not None else next(self._ids)
        owner_gone = threading.Event()
        self._jobs[job] = _Job(self._watch(owner), callbacks, owner_gone, on_drop)
        if steps.isEnabledFor(logging.DEBUG):  # the start's steps are being timed
            self._inbox.put(job, _timed(f"task {job} ({name})", lambda: fn(owner_gone)))
            mark(f"task {job} ({name}) queued")
        else:
            self._inbox.put(job, lambda: fn(owner_gone))
        self._executor.submit(call, job, self._inbox, self._relay)

    def _watch(self, owner: QObject) -> _OwnerWatch:
        only_direct = Qt.FindChildOption.FindDirectChildrenOnly
        watch = owner.findChild(_OwnerWatch, self._watch_name, only_direct)
        if isinstance(watch, _OwnerWatch):
            return watch
        watch = _OwnerWatch(owner)
        watch.setObjectName(self._watch_name)
        # The owner is half-destroyed while the signal runs: look once it is gone.
        watch.destroyed.connect(self._sweep.start)
        return watch

    def _drop_orphans(self) -> None:
        """Drop the tasks of owners that no longer exist."""
        for job, entry in list(self._jobs.items()):
            if not shiboken6.isValid(entry.watch):
                entry.owner_gone.set()
                self._inbox.cancel(job)  # one not started never will
                self._drop(job)

    def _drop(self, job: int) -> None:
        entry = self._jobs.pop(job)
        self._dropped += 1
        if entry.on_drop is not None:
            entry.on_drop()
        log.debug("task %d dropped: its owner was destroyed", job)

    def _live(self, job: int) -> _Callbacks | None:
        """The job's callbacks if its owner still exists; otherwise the job is dropped."""
        entry = self._jobs.get(job)
        if entry is None:
            return None
        if not shiboken6.isValid(entry.watch):
            self._drop(job)
            return None
        return entry.callbacks

    def _deliver_result(self, job: int, outcome: list[Any]) -> None:
        result = outcome.pop()
        self._inbox.release(job)
        self._announce(result)
        callbacks = self._live(job)
        if callbacks is not None:
            del self._jobs[job]
            callbacks.on_result(result)

    def _deliver_failure(self, job: int, outcome: list[BaseException]) -> None:
        exc = outcome.pop()
        self._inbox.release(job)
        callbacks = self._live(job)
        if callbacks is not None:
            del self._jobs[job]
            callbacks.on_failure(exc)
        elif not isinstance(exc, AppError | Cancelled):
            # No one is left to show it, but a bug must not vanish: the log keeps it.
            log.error("task %d failed after its owner was gone", job, exc_info=exc)

    def _deliver_progress(self, job: int, done: int, total: int) -> None:
        entry = self._jobs.get(job)
        if entry is None or not shiboken6.isValid(entry.watch):
            return  # the sweep drops it
        if entry.callbacks.on_progress is not None:
            entry.callbacks.on_progress(done, total)

    def _announce(self, result: Any) -> None:
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes):
            self.bus.changed.emit(changes)

    def _parent_for(self, owner: QObject) -> QWidget | None:
        """Progress and messages attach to the owner's window (or its nearest widget's)."""
        node: QObject | None = owner
        while node is not None and not isinstance(node, QWidget):
            node = node.parent()
        if node is not None:
            return node.window()
        window = self._window
        return window if window is not None and shiboken6.isValid(window) else None

    def _handle_error(
        self, owner: QObject, exc: BaseException, on_error: Callable[[AppError], bool] | None
    ) -> None:
        if isinstance(exc, AppError):
            if on_error is not None and on_error(exc):
                return
            log.info("known error shown to the user: %s", exc)
            show_message(self._parent_for(owner), exc.message)
            return
        show_crash(self._parent_for(owner), exc)


def _name(fn: Callable[..., Any]) -> str:
    return str(getattr(fn, "__qualname__", type(fn).__name__)).replace(".<locals>", "")


def _timed(task: str, fn: Callable[[], T]) -> Callable[[], T]:
    def run() -> T:
        mark(f"{task} started")
        try:
            return fn()
        finally:
            mark(f"{task} done")

    return run


def _delete_later(obj: QObject) -> None:
    if shiboken6.isValid(obj):  # a child of a deleted owner is gone already
        obj.deleteLater()
