"""Opening the database, and loading the main window's code, while the login window is up.

The login window needs PySide6 alone; SQLAlchemy with the models, the upgrade check and
the window's modules take seconds on a slow PC. They run here, on a thread of their own,
started before the login window shows: the user types while they load. A login submitted
sooner waits for the database on the task worker, never on the GUI thread.

The GUI thread imports nothing of the app while this runs (it waits for `window_ready`
first), so two threads never import the same modules at once.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from concurrent import futures
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

import app

if TYPE_CHECKING:
    from app.services.access.auth import AuthService
    from app.store.engine import Database

log = logging.getLogger(__name__)
steps = logging.getLogger("app.start")
"""The start's steps, at debug level: what tests/bench_start.py times the start by."""

WINDOW_MODULES = (
    "app.ui.main_window",
    "app.ui.dashboard.page",
    "app.services.dashboard.service",
    "app.services.cases.reminders",
    "app.services.reports.service",
    "app.services.evaluation.rectifications",
    "app.ui.dashboard.warm_up",
)
"""What the window and its first page (工作台) need; the other pages load when first shown."""


def mark(step: str) -> None:
    """Note a step of the start (any thread): a debug line with the time since launch."""
    if steps.isEnabledFor(logging.DEBUG):
        elapsed = time.monotonic() - app.STARTED
        steps.debug("%s（启动后 %.3f 秒）", step, elapsed, extra={"step": step})


def open_database(location: str) -> Database:
    """Open and upgrade the database (an older file is copied first)."""
    from app.services.settings.setup import SetupService
    from app.store.engine import Database, storage_errors

    with storage_errors():
        db = Database.open(location)
        SetupService(db).prepare()
    return db


def _load_window() -> None:
    for name in WINDOW_MODULES:
        importlib.import_module(name)
    # Mapping every model costs a few tenths of a second the first query would pay.
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


class Opening(QObject):
    """The database and the window's code, loading on their own thread from construction."""

    open_failed = Signal()
    """Emitted when the database could not be opened (queued to the GUI thread's slots)."""

    def __init__(self, location: str, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        """The SQLite file, or None for a server database."""
        self.database: Future[Database] = Future()
        self.window_ready: Future[None] = Future()
        self.signing_in = threading.Event()
        """Set once a login has been submitted: the first page's statements are not
        prepared ahead then (they would only compete with the login and the window)."""
        self._thread = threading.Thread(
            target=self._run, args=(location,), name="stationdesk-open", daemon=True
        )
        self._thread.start()

    def _run(self, location: str) -> None:
        try:
            self.database.set_result(open_database(location))
            mark("database open")
        except BaseException as exc:
            self.database.set_exception(exc)
            self.window_ready.set_exception(exc)
            self.open_failed.emit()
            return
        try:
            _load_window()
        except BaseException as exc:
            self.window_ready.set_exception(exc)
            return
        self.window_ready.set_result(None)
        mark("window code loaded")
        log.info("数据库与主窗口就绪（启动后 %.2f 秒）", time.monotonic() - app.STARTED)
        if not self.signing_in.is_set():
            _warm_up(self.database.result())

    def failed(self) -> bool:
        return self.database.done() and self.database.exception() is not None

    def wait(self) -> None:
        """Until both are done (or failed). No window is up then (the login has closed),
        and events are left queued: a timer due in the main window must not fire before
        it exists. The first page's statements may still be being prepared: they only
        read, and the window's own first counts need not wait for them."""
        futures.wait([self.window_ready])  # set, or failed, after the database


def _warm_up(db: Database) -> None:
    """The first page's statements, compiled while the user types (warm_up.py says why)."""
    from app.ui.dashboard.warm_up import warm_up

    try:
        warm_up(db)
    except Exception:  # only time is lost: the first page compiles them itself
        log.warning("preparing the first page's statements failed", exc_info=True)
    else:
        mark("first page's statements prepared")


class AuthWhenOpen:
    """The login's `AuthService` once the database is open: a login submitted before then
    waits for it on the task worker (where the login runs)."""

    def __init__(self, opening: Opening) -> None:
        self._opening = opening

    def __getattr__(self, name: str) -> Any:
        self._opening.signing_in.set()
        from app.services.access.auth import AuthService

        service: AuthService = AuthService(self._opening.database.result())
        return getattr(service, name)
