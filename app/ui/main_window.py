"""The main window: navigation on the left, one page at a time, who and where below."""

from __future__ import annotations

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import app
from app.services.auth import AuthService
from app.services.case_print import CasePrintService
from app.services.cases import CaseService
from app.services.clients import ClientService
from app.services.codes import CodeService
from app.services.context import Actor
from app.services.importing.service import RosterImportService
from app.services.reminders import ReminderService
from app.services.stations import SettingsService
from app.store.engine import Database, sqlite_path
from app.ui.cases.page import CasesPage
from app.ui.clients.page import ClientsPage
from app.ui.idle_lock import IdleLock
from app.ui.password_dialog import PasswordDialog
from app.ui.placeholder_page import PlaceholderPage
from app.ui.role_names import role_name
from app.ui.settings.page import SettingsPage
from app.ui.tasks import TaskRunner, keep_open

PAGES = ("dashboard", "clients", "cases", "groups", "community", "visits", "reports", "settings")
_LATER = frozenset({"dashboard", "groups", "community", "visits", "reports"})


class MainWindow(QMainWindow):
    """Built once a user has logged in; every page gets only the services it needs."""

    def __init__(
        self,
        *,
        db: Database,
        actor: Actor,
        tasks: TaskRunner,
        idle_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.tasks = tasks
        self.sign_in_again = False
        self.switch_to: Actor | None = None  # who signed in at the lock screen instead
        tasks.set_window(self)
        self.setWindowTitle(self.tr("Station Desk - {station}").format(station=actor.station_name))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        titles = self._titles()
        self._pages: dict[str, QWidget] = {}
        for key in PAGES:
            page = self._make_page(key, titles[key])
            self._pages[key] = page
            self.nav.addItem(titles[key])
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for index in range(len(PAGES)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda row=index: self.nav.setCurrentRow(row))
        self._build_menus()
        self._build_status_bar()
        self.nav.setCurrentRow(PAGES.index("clients"))
        self.resize(1200, 760)
        self.idle_lock = IdleLock(
            window=self,
            actor=actor,
            auth=AuthService(db),
            settings=SettingsService(db),
            tasks=tasks,
            timeout_ms=idle_ms,
        )
        self.idle_lock.switched.connect(self._switch_user)

    def _titles(self) -> dict[str, str]:
        return {
            "dashboard": self.tr("Dashboard"),
            "clients": self.tr("Clients"),
            "cases": self.tr("Cases"),
            "groups": self.tr("Groups"),
            "community": self.tr("Community"),
            "visits": self.tr("Visits & logs"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }

    def _make_page(self, key: str, title: str) -> QWidget:
        if key == "clients":
            return ClientsPage(
                clients=ClientService(self.db, self.actor),
                codes=CodeService(self.db, self.actor),
                tasks=self.tasks,
                importer=RosterImportService(self.db, self.actor),
            )
        if key == "settings":
            settings = SettingsPage(db=self.db, actor=self.actor, tasks=self.tasks)
            settings.restored.connect(self._after_restore)
            return settings
        if key == "cases":
            return CasesPage(
                cases=CaseService(self.db, self.actor),
                reminders=ReminderService(self.db, self.actor),
                printing=CasePrintService(self.db, self.actor),
                clients=ClientService(self.db, self.actor),
                codes=CodeService(self.db, self.actor),
                tasks=self.tasks,
            )
        assert key in _LATER
        return PlaceholderPage(title)

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def current_key(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        change = QAction(self.tr("Change my password…"), self)
        change.triggered.connect(self.change_password)
        file_menu.addAction(change)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Station Desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(
            self.tr("{name} ({role})").format(
                name=self.actor.display_name, role=role_name(self.actor.role)
            )
        )
        self.station_label = QLabel(self.actor.station_name)
        path = sqlite_path(self.db.url)
        self.database_label = QLabel(
            self.tr("Database: {path}").format(path=str(path) if path else self.db.url)
        )
        for label in (self.user_label, self.station_label, self.database_label):
            bar.addPermanentWidget(label)

    def change_password(self) -> None:
        dialog = PasswordDialog(
            auth=AuthService(self.db), actor=self.actor, tasks=self.tasks, parent=self
        )
        keep_open(dialog)
        dialog.open()

    def show_about(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Station Desk"),
            self.tr(
                "Station Desk {version}\nCase management for township social work "
                "stations. Your records stay on this computer."
            ).format(version=app.__version__),
            QMessageBox.StandardButton.Ok,
            self,
        )
        keep_open(box)
        box.open()
        return box

    def _after_restore(self, _result: object) -> None:
        # The data now comes from the backup: whoever is signed in must sign in again.
        self.sign_in_again = True
        self.close()

    def _switch_user(self, actor: Actor | None) -> None:
        # Another user signed in at the lock screen: this session ends, theirs begins.
        self.switch_to = actor
        self.sign_in_again = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_lock.stop()
        # A save still running in the background must reach the database before we go.
        self.tasks.wait()
        super().closeEvent(event)
