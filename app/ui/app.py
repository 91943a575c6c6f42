"""Starting the GUI: the database, the first-run wizard, the login, the main window."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

import app
from app import resources
from app.domain.errors import AppError
from app.services.backup.types import StartReport
from app.services.context import Actor
from app.store import file_guard
from app.store.location import default_database, shown_location, sqlite_file
from app.store.login_facts import LoginFacts, login_facts
from app.ui import garbage
from app.ui.crash import CrashDialog, install_excepthook, show_crash
from app.ui.dialogs import show_message
from app.ui.i18n import install_translations
from app.ui.logging_setup import setup_logging
from app.ui.login import LoginDialog
from app.ui.maintenance import Maintenance
from app.ui.opening import AuthWhenOpen, Opening
from app.ui.screen_fit import ScreenFit
from app.ui.tasks import TaskRunner

# The window starts with PySide6 and the modules above alone (tests/unit/test_lazy_imports.py):
# SQLAlchemy, the services and the main window load on their own thread meanwhile
# (app/ui/opening.py), and are imported here inside the functions that use them.
if TYPE_CHECKING:
    from app.services.access.auth import AuthService
    from app.store.engine import Database
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Chinese UI fonts by platform, best first; any font with Chinese glyphs does in the end.
_CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)


def use_cjk_font(qt_app: QApplication) -> None:
    """Make sure the interface font has Chinese glyphs (else Chinese shows as boxes)."""
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    current = qt_app.font()
    if chinese in QFontDatabase.writingSystems(current.family()):
        return
    fonts = resources.fonts_dir()
    for path in sorted(fonts.glob("*.tt[fc]")) if fonts.is_dir() else []:
        QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.families(chinese)
    family = next((f for f in _CJK_FAMILIES if f in families), families[0] if families else "")
    if family:
        font = QFont(family)
        font.setPointSizeF(current.pointSizeF())
        qt_app.setFont(font)
    else:
        log.warning("no font with Chinese glyphs found")


def _apply_style(qt_app: QApplication) -> None:
    # The style sheet is set on the widgets it styles (app/ui/style_sheet.py).
    if resources.icon().is_file():
        qt_app.setWindowIcon(QIcon(str(resources.icon())))


HOURLY_MS = 60 * 60 * 1000
BACKUP_TIMER = "backupTimer"
MAINTENANCE_LATEST_MS = 60_000
"""Maintenance starts at the latest this long after the window opens (its data failed)."""


def _title() -> str:
    return QCoreApplication.translate("StartUp", "Station Desk")


def _check_file(path: Path) -> StartReport | None:
    """Placement, the single-instance lock and damage; None when the app must not go on.

    A damaged file has already been moved aside (never deleted); the newest verified
    backup is offered in its place.
    """
    try:
        check = file_guard.open_checks(path)
    except AppError as exc:
        QMessageBox.critical(None, _title(), exc.message)
        return None
    if check.damaged:  # the backup service loads only for a damaged file
        from app.services.backup import service as backup

        report = StartReport(check, backup.newest_verified(backup.backup_folder(path)))
    else:
        report = StartReport(check, None)
    for warning in report.warnings:
        QMessageBox.warning(None, _title(), warning)
    if not report.damaged:
        return report
    log.error("damaged database moved aside to %s", report.check.moved_to)
    if report.offer is None:
        QMessageBox.critical(None, _title(), report.message())
        return report
    answer = QMessageBox.question(
        None,
        _title(),
        report.message()
        + "\n\n"
        + QCoreApplication.translate("StartUp", "Restore from this backup now?"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return report
    password: str | None = None
    if report.offer.encrypted:
        password, ok = QInputDialog.getText(
            None,
            _title(),
            QCoreApplication.translate("StartUp", "Backup password:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return report
    from app.services.backup import service as backup

    try:
        backup.restore_offered(database=path, backup=report.offer.path, password=password)
    except AppError as exc:
        QMessageBox.critical(None, _title(), exc.message)
        return None
    return report


def _maintenance_jobs(maintenance: Maintenance, location: str) -> Database:
    """Queue the day's backup (or the start's quick_check) and the weekly check.

    They run once the first page has shown its data (see `_start_maintenance`); the
    returned database is theirs, disposed at exit. It keeps no connection open between
    uses: a restore needs to be the file's only user.
    """
    from sqlalchemy.pool import NullPool

    from app.services.backup import upkeep
    from app.services.backup.service import BackupService
    from app.store.engine import Database, make_engine

    own = Database(make_engine(location, poolclass=NullPool))
    backups = BackupService(own)
    maintenance.add("daily", lambda stop: upkeep.daily(backups, is_cancelled=stop))
    maintenance.add("weekly_check", lambda stop: backups.weekly_check(is_cancelled=stop))
    return own


def _start_maintenance(maintenance: Maintenance, own: Database | None, window: MainWindow) -> None:
    """Start maintenance once the window's first page shows its data; back up hourly.

    The timer and the messages belong to the signed-in user's window, so they end with
    it: signing in again starts one new timer, never a second one.
    """
    from app.services.backup.service import BackupService
    from app.ui.dashboard.page import DashboardPage

    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    shown_at = time.monotonic()

    def data_shown() -> None:
        if not maintenance.started:
            log.info(
                "启动用时 %.2f 秒（启动到首页数据；登录后 %.2f 秒）",
                time.monotonic() - app.STARTED,
                time.monotonic() - shown_at,
            )
            # Once the data shows, when a pause is not felt: the first full collection
            # freezes what start-up loaded, so that later ones stay short.
            QTimer.singleShot(0, garbage.collect_now)
        maintenance.start()

    dashboard.refreshed.connect(data_shown)
    QTimer.singleShot(MAINTENANCE_LATEST_MS, window, maintenance.start)

    # A child of the window: Qt disconnects it when the window goes.
    maintenance.failed.connect(_Reporter(window).report)
    if own is None:
        return  # a server database is backed up on the server
    backups = BackupService(own)

    def hourly() -> None:
        maintenance.add("backup", lambda stop: backups.backup_if_due(is_cancelled=stop))

    timer = QTimer(window)
    timer.setObjectName(BACKUP_TIMER)
    timer.setInterval(HOURLY_MS)
    timer.timeout.connect(hourly)
    timer.start()


class _Reporter(QObject):
    """Shows a maintenance job's failure over the window it belongs to."""

    def report(self, _name: str, exc: BaseException) -> None:
        window = self.parent()
        assert isinstance(window, QWidget)
        if isinstance(exc, AppError):
            log.warning("maintenance: %s (%s)", exc, exc.detail)
            show_message(window, exc.message)
        else:
            show_crash(window, exc)


def _end_session(window: MainWindow) -> None:
    """Delete the closed window now, on the GUI thread, with the garbage it leaves.

    Its tasks still under way are dropped; the next user gets a window of their own.
    """
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    garbage.collect_now()


def _opened(opening: Opening, location: str) -> Database | None:
    """The database once open and upgraded; a problem is explained and nothing is deleted."""
    opening.wait()
    shown = shown_location(location)  # a server URL's password never reaches the log
    try:
        opening.window_ready.result()
        return opening.database.result()
    except AppError as exc:
        log.warning("cannot open %s: %s (%s)", shown, exc, exc.detail)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("StartUp", "Station Desk"),
            QCoreApplication.translate(
                "StartUp", "The database cannot be opened:\n{path}\n\n{reason}"
            ).format(path=shown, reason=exc.message),
        )
    except Exception as exc:
        log.exception("cannot open %s", shown)
        CrashDialog(None, exc).exec()
    return None


def _log_login_shown() -> None:
    log.info("启动用时 %.2f 秒（启动到登录窗口）", time.monotonic() - app.STARTED)


def first_login(facts: LoginFacts, opening: Opening, tasks: TaskRunner) -> Actor | None:
    """The login, shown before the database is open (`opening` goes on meanwhile).

    None if cancelled, or if the database could not be opened (the caller explains it).
    """
    dialog = LoginDialog(
        auth=cast("AuthService", AuthWhenOpen(opening)),
        tasks=tasks,
        station_name=facts.station_name,
    )
    tasks.set_window(dialog)
    opening.open_failed.connect(dialog.reject)
    if opening.failed():  # before the connection was made
        QTimer.singleShot(0, dialog.reject)
    _log_login_shown()
    accepted = dialog.exec() == QDialog.DialogCode.Accepted.value
    actor = dialog.actor if accepted else None
    # Gone now: a login still waiting for a database that failed to open is dropped.
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return actor


def sign_in(db: Database | Opening, tasks: TaskRunner) -> Actor | None:
    """The first-run wizard if the database is new, then the login; None if cancelled.

    Given the `Opening` (the start's first login), an ordinary station file's login shows
    before the database is open; None too if it could not be opened (`_opened` says why).
    """
    if isinstance(db, Opening):
        facts = login_facts(db.path) if db.path is not None else None
        if facts is not None:
            return first_login(facts, db, tasks)
        db.wait()  # a new, moved or server database: the long way, once it is open
        if db.failed():
            return None
        return sign_in(db.database.result(), tasks)
    from app.services.access.auth import AuthService
    from app.services.settings.setup import SetupService
    from app.ui.wizard import SetupWizard

    setup = SetupService(db)
    login = notice = ""
    if not setup.is_initialised():
        wizard = SetupWizard(db=db, tasks=tasks)
        tasks.set_window(wizard)
        if wizard.exec() != QDialog.DialogCode.Accepted.value or wizard.actor is None:
            return None
        login, notice = wizard.actor.login, wizard.demo_notice()
    # A station's own file whose data went to the county's server: say so before login.
    moved = setup.moved_notice() if db.is_sqlite else ""
    dialog = LoginDialog(
        auth=AuthService(db),
        tasks=tasks,
        station_name=setup.station_name(),
        login=login,
        notice="\n".join(text for text in (moved, notice) if text),
    )
    tasks.set_window(dialog)
    _log_login_shown()
    if dialog.exec() != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.actor


def run_gui(location: str | None = None) -> int:
    """Run Station Desk's window until the user quits; the process's exit code."""
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    garbage.install(qt_app)
    qt_app.setApplicationName("Station Desk")
    qt_app.setApplicationVersion(app.__version__)
    log_file = setup_logging()
    log.info("Station Desk %s starting; log at %s", app.__version__, log_file)
    install_excepthook()
    install_translations(qt_app)
    use_cjk_font(qt_app)
    _apply_style(qt_app)
    if qt_app.findChild(ScreenFit) is None:  # started again in one process (tests)
        qt_app.installEventFilter(ScreenFit(qt_app))
    # The wizard and the login close before the main window opens: not a reason to quit.
    qt_app.setQuitOnLastWindowClosed(False)
    location = location or default_database()
    path = sqlite_file(location)
    report = _check_file(path) if path is not None else None
    if path is not None and report is None:
        return 1
    opening = Opening(location, path)
    tasks = TaskRunner()
    db: Database | None = None
    try:
        actor = sign_in(opening, tasks)
        db = _opened(opening, location)
        if db is None:
            return 1
        if actor is None:
            return 0
        return _sessions(qt_app, db, tasks, location if path is not None else None, actor)
    finally:
        opening.wait()  # an exception above must not leave it writing
        stopping = time.monotonic()
        tasks.wait()
        tasks.shutdown()
        if db is not None:
            db.dispose()
        if report is not None:
            report.check.lock.release()
        log.info("Station Desk stopped (%.2f s)", time.monotonic() - stopping)


def _sessions(
    qt_app: QApplication, db: Database, tasks: TaskRunner, own_file: str | None, first: Actor | None
) -> int:
    """One main window after another (a log-out or a switch of user) until the user quits.

    `first` signed in already; `own_file`, a SQLite file's location, gets its backups.
    """
    from app.ui.main_window import MainWindow

    maintenance = Maintenance()
    own = _maintenance_jobs(maintenance, own_file) if own_file is not None else None
    try:
        code = 0
        switch_to: Actor | None = first
        while True:
            actor = switch_to or sign_in(db, tasks)
            if actor is None:
                return code
            window = MainWindow(db=db, actor=actor, tasks=tasks)
            _start_maintenance(maintenance, own, window)
            qt_app.setQuitOnLastWindowClosed(True)
            window.show()
            code = qt_app.exec()
            qt_app.setQuitOnLastWindowClosed(False)
            again, switch_to = window.sign_in_again, window.switch_to
            _end_session(window)
            if not again:
                return code
    finally:
        # No backup on exit: the day's backup is made in the background while the app is
        # open, and one under way now stops between two steps, leaving no partial file.
        maintenance.stop()
        tasks.wait()
        if own is not None:
            own.dispose()
