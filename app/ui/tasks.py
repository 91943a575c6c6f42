"""Running service calls off the GUI thread.

Every call from the GUI into the services goes through `TaskRunner`: the call runs on
one worker thread (database work is serialised, as in Anki), its result or error comes
back to the GUI thread, known errors (`AppError`) become a plain message and anything
else reaches the crash dialog. Be careful not to touch any widget inside `fn`: it runs
on the worker thread.

Every task has an owner, the QObject its result belongs to (as Anki's `CollectionOp`
has a parent). When the owner is destroyed, its tasks that have not started are
cancelled, a running one is asked to stop through `is_cancelled`, and whatever result
comes back is dropped: callbacks never run against a deleted widget.
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from app.domain.errors import AppError
from app.services.context import Changes

log = logging.getLogger(__name__)
T = TypeVar("T")

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def show_message(parent: QWidget | None, text: str) -> QMessageBox:
    """A warning that does not block the caller (the event loop keeps running)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, _app_title(), text, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    keep_open(box)
    box.open()
    return box


def confirm(parent: QWidget | None, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask a yes/no question without blocking; `on_yes` runs only if the user agrees."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _app_title(),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    yes = QMessageBox.StandardButton.Yes

    def clicked(button: Any) -> None:
        if box.standardButton(button) == yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    keep_open(box)
    box.open()
    return box


_open_dialogs: set[QDialog] = set()


def keep_open(dialog: QDialog) -> None:
    """Hold a reference to a non-blocking dialog until it closes, then let it go."""
    _open_dialogs.add(dialog)

    def release() -> None:
        _open_dialogs.discard(dialog)
        dialog.deleteLater()

    dialog.finished.connect(release)


def _app_title() -> str:
    return QCoreApplication.translate("TaskRunner", "Station Desk")


def _delete_later(obj: QObject) -> None:
    if shiboken6.isValid(obj):  # a child of a deleted owner is gone already
        obj.deleteLater()


class Cancelled(Exception):
    """Raised inside a task that saw `is_cancelled()` become true."""


class ChangeBus(QObject):
    """One signal that tells every view what a mutation changed."""

    changed = Signal(object)  # Changes


class _Relay(QObject):
    """Carries results from the worker thread to the GUI thread, tagged with the job's id.

    One relay per runner, connected once to the runner's own methods: connecting a fresh
    Python closure per job is fragile in PySide (a receiver can be lost when a collected
    closure's address is reused), and a lost result would leave a page waiting forever.
    """

    done = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)


@dataclass
class _Callbacks:
    on_result: Callable[[Any], None]
    on_failure: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None = None


@dataclass
class _Job:
    owner: QObject
    callbacks: _Callbacks
    cancelled: threading.Event
    future: Future[None] | None = None


def _call(job: int, fn: Callable[[], Any], relay: _Relay) -> None:
    try:
        result = fn()
    except BaseException as exc:  # every failure must reach the GUI thread
        relay.failed.emit(job, exc)
    else:
        relay.done.emit(job, result)


class TaskRunner(QObject):
    """Runs service calls on one background thread and reports back on the GUI thread."""

    def __init__(self, parent: QWidget | None = None, bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self._window = parent
        self.bus = bus or ChangeBus(self)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stationdesk-db")
        self._pending: set[Future[None]] = set()
        self._jobs: dict[int, _Job] = {}
        self._on_drop: dict[int, Callable[[], None]] = {}
        self._watched: dict[int, QObject] = {}
        self._dropped = 0
        self._ids = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._deliver_failure, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)

    def set_window(self, window: QWidget | None) -> None:
        """Where messages are shown (the task runner outlives the login dialog)."""
        self._window = window

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
                self._announce(result)
                if on_done is not None:
                    on_done(result)
            finally:
                if on_finally is not None:
                    on_finally()

        def failed(exc: BaseException) -> None:
            try:
                self._handle_error(owner, exc, on_error)
            finally:
                if on_finally is not None:
                    on_finally()

        self._submit(owner, lambda _cancelled: fn(), _Callbacks(done, failed))

    def run_with_progress(
        self,
        owner: QObject,
        fn: Callable[[Progress, IsCancelled], T],
        *,
        label: str,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[AppError], bool] | None = None,
        on_finally: Callable[[], None] | None = None,
    ) -> None:
        """Like `run`, with a progress dialog whose Cancel button sets `is_cancelled`.

        `on_finally` runs whatever happened: done, failed or cancelled.
        """
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._parent_for(owner))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        job = next(self._ids)
        relay = self._relay
        cancelled = threading.Event()
        dialog.canceled.connect(cancelled.set)

        def report(done: int, total: int) -> None:
            relay.progressed.emit(job, done, total)

        def show(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)

        def close() -> None:
            # Whatever happened, the dialog goes away (a failing job must not leave it up).
            # hide(), not close(): closing a progress dialog emits `canceled` on the way.
            dialog.canceled.disconnect(cancelled.set)
            dialog.hide()
            dialog.deleteLater()
            if on_finally is not None:
                on_finally()

        def on_cancelled_or_error(exc: BaseException) -> None:
            try:
                if not isinstance(exc, Cancelled):
                    self._handle_error(owner, exc, on_error)
            finally:
                close()

        def on_result(result: Any) -> None:
            try:
                self._announce(result)
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
        )

    @property
    def dropped(self) -> int:
        """How many results were dropped because their owner was gone."""
        return self._dropped

    def _submit(
        self,
        owner: QObject,
        fn: Callable[[threading.Event], Any],
        callbacks: _Callbacks,
        *,
        job: int | None = None,
        on_drop: Callable[[], None] | None = None,
    ) -> None:
        job = job if job is not None else next(self._ids)
        cancelled = threading.Event()
        entry = _Job(owner, callbacks, cancelled)
        self._jobs[job] = entry
        if on_drop is not None:
            self._on_drop[job] = on_drop
        self._watch(owner)
        future = self._executor.submit(_call, job, lambda: fn(cancelled), self._relay)
        entry.future = future
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    def _watch(self, owner: QObject) -> None:
        key = id(owner)
        if key in self._watched:
            return
        self._watched[key] = owner
        runner = weakref.ref(self)

        def destroyed() -> None:
            # The owner is half-destroyed while the signal runs: look once it is gone. The
            # runner may be gone first (at exit), so it is held weakly.
            alive = runner()
            if alive is not None and shiboken6.isValid(alive):
                QTimer.singleShot(0, alive, alive._drop_orphans)

        owner.destroyed.connect(destroyed)

    def _drop_orphans(self) -> None:
        """Cancel the tasks of owners that no longer exist and forget those owners."""
        for job, entry in list(self._jobs.items()):
            if not shiboken6.isValid(entry.owner):
                entry.cancelled.set()
                if entry.future is not None:
                    entry.future.cancel()
                self._drop(job)
        self._watched = {k: o for k, o in self._watched.items() if shiboken6.isValid(o)}

    def _drop(self, job: int) -> None:
        self._jobs.pop(job, None)
        self._dropped += 1
        on_drop = self._on_drop.pop(job, None)
        if on_drop is not None:
            on_drop()
        log.debug("task %d dropped: its owner was destroyed", job)

    def _live(self, job: int) -> _Callbacks | None:
        """The job's callbacks if its owner still exists; otherwise the job is dropped."""
        entry = self._jobs.get(job)
        if entry is None:
            return None
        if not shiboken6.isValid(entry.owner):
            self._drop(job)
            return None
        return entry.callbacks

    def _deliver_result(self, job: int, result: object) -> None:
        callbacks = self._live(job)
        if callbacks is not None:
            self._finish(job)
            callbacks.on_result(result)

    def _deliver_failure(self, job: int, exc: object) -> None:
        callbacks = self._live(job)
        if callbacks is not None and isinstance(exc, BaseException):
            self._finish(job)
            callbacks.on_failure(exc)

    def _deliver_progress(self, job: int, done: int, total: int) -> None:
        callbacks = self._live(job)
        if callbacks is not None and callbacks.on_progress is not None:
            callbacks.on_progress(done, total)

    def _finish(self, job: int) -> None:
        self._jobs.pop(job, None)
        self._on_drop.pop(job, None)

    def _announce(self, result: Any) -> None:
        changes = result if isinstance(result, Changes) else getattr(result, "changes", None)
        if isinstance(changes, Changes):
            self.bus.changed.emit(changes)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the background thread is idle (for shutdown and tests)."""
        _, not_done = wait_for(list(self._pending), timeout=msecs / 1000)
        return not not_done

    def _parent_for(self, owner: QObject) -> QWidget | None:
        """Progress and messages attach to the owner's window when the owner is a widget."""
        return owner.window() if isinstance(owner, QWidget) else self._window

    def _handle_error(
        self, owner: QObject, exc: BaseException, on_error: Callable[[AppError], bool] | None
    ) -> None:
        if isinstance(exc, AppError):
            if on_error is not None and on_error(exc):
                return
            log.info("known error shown to the user: %s", exc)
            show_message(self._parent_for(owner), exc.message)
            return
        from app.ui.crash import show_crash

        show_crash(self._parent_for(owner), exc)
