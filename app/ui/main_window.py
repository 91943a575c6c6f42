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
from app.services.access.auth import AuthService
from app.services.access.consents import ConsentService
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.dashboard.service import DashboardService
from app.services.groups.printing import GroupPrintService
from app.services.groups.service import GroupService
from app.services.importing.service import RosterImportService
from app.services.lists.service import ListExportService
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService
from app.services.staff.supervision import SupervisionService
from app.services.staff.training import TrainingService
from app.services.staff.training_hours import TrainingHoursService
from app.services.visits.service import VisitService
from app.services.visits.worklogs import WorkLogService
from app.services.volunteers.links import LinkFinder
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.store.engine import Database, sqlite_path
from app.ui.cases.page import CasesPage
from app.ui.clients.page import ClientsPage
from app.ui.community.page import CommunityPage
from app.ui.dashboard.navigation import apply_filters
from app.ui.dashboard.page import DashboardPage
from app.ui.dialogs import keep_open
from app.ui.groups.page import GroupsPage
from app.ui.idle_lock import IdleLock
from app.ui.password_dialog import PasswordDialog
from app.ui.reports.page import ReportsPage
from app.ui.settings.page import SettingsPage
from app.ui.staff.page import StaffPage
from app.ui.tasks import TaskRunner
from app.ui.visits.page import VisitsPage
from app.ui.volunteers.page import VolunteersPage

PAGES = (
    "dashboard",
    "clients",
    "cases",
    "groups",
    "community",
    "visits",
    "staff",
    "volunteers",
    "reports",
    "settings",
)


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
        # A change refused because its month is closed (月结) may be made as a correction.
        months = MonthCloseService(db, actor)
        tasks.set_correcting(months.correcting if months.may_close else None)
        self.setWindowTitle(self.tr("Station Desk - {station}").format(station=actor.station_name))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        titles = self._titles()
        self._pages: dict[str, QWidget] = {}
        for key in PAGES:
            page = self._make_page(key)
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
            # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth page
            shortcut = QShortcut(QKeySequence(f"Ctrl+{(index + 1) % 10}"), self)
            shortcut.activated.connect(lambda row=index: self.nav.setCurrentRow(row))
        self._build_menus()
        self._build_status_bar()
        self.nav.setCurrentRow(PAGES.index("dashboard"))
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
            "staff": self.tr("Supervision & training"),
            "volunteers": self.tr("Volunteers & resources"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }

    def _make_page(self, key: str) -> QWidget:
        db, actor, tasks = self.db, self.actor, self.tasks
        if key == "dashboard":
            dashboard = DashboardPage(
                dashboard=DashboardService(db, actor),
                reminders=ReminderService(db, actor),
                tasks=tasks,
                key_figures=ReportService(db, actor).key_figures,
            )
            dashboard.open_list.connect(self._open_list)
            return dashboard
        if key == "clients":
            return ClientsPage(
                settings=SettingsService(db, actor),
                clients=ClientService(db, actor),
                codes=CodeService(db, actor),
                tasks=tasks,
                importer=RosterImportService(db, actor),
                exports=ListExportService(db, actor),
                consents=ConsentService(db, actor),
            )
        if key == "cases":
            return CasesPage(
                settings=SettingsService(db, actor),
                cases=CaseService(db, actor),
                reminders=ReminderService(db, actor),
                printing=CasePrintService(db, actor),
                clients=ClientService(db, actor),
                codes=CodeService(db, actor),
                tasks=tasks,
                exports=ListExportService(db, actor),
                consents=ConsentService(db, actor),
            )
        if key == "groups":
            return GroupsPage(
                groups=GroupService(db, actor),
                printing=GroupPrintService(db, actor),
                clients=ClientService(db, actor),
                codes=CodeService(db, actor),
                tasks=tasks,
                own_id=actor.user_id,
                exports=ListExportService(db, actor),
            )
        if key == "community":
            return CommunityPage(
                activities=ActivityService(db, actor),
                photos=ActivityPhotoService(db, actor),
                exports=ListExportService(db, actor),
                printing=ActivityPrintService(db, actor),
                clients=ClientService(db, actor),
                codes=CodeService(db, actor),
                tasks=tasks,
            )
        if key == "visits":
            return VisitsPage(
                settings=SettingsService(db, actor),
                visits=VisitService(db, actor),
                worklogs=WorkLogService(db, actor),
                exports=ListExportService(db, actor),
                cases=CaseService(db, actor),
                clients=ClientService(db, actor),
                codes=CodeService(db, actor),
                tasks=tasks,
                consents=ConsentService(db, actor),
            )
        if key == "staff":
            return StaffPage(
                supervision=SupervisionService(db, actor),
                training=TrainingService(db, actor),
                hours=TrainingHoursService(db, actor),
                codes=CodeService(db, actor),
                tasks=tasks,
            )
        if key == "volunteers":
            return VolunteersPage(
                volunteers=VolunteerRegistry(db, actor),
                resources=ResourceLinkService(db, actor),
                links=LinkFinder(db, actor),
                exports=ListExportService(db, actor),
                codes=CodeService(db, actor),
                tasks=tasks,
            )
        if key == "reports":
            return ReportsPage(
                reports=ReportService(db, actor), months=MonthCloseService(db, actor), tasks=tasks
            )
        assert key == "settings"
        settings = SettingsPage(db=db, actor=actor, tasks=tasks)
        settings.restored.connect(self._after_restore)
        return settings

    def _open_list(self, key: str, filters: dict[str, object]) -> None:
        """A dashboard figure asks for the records behind it."""
        if key == "case":
            self.nav.setCurrentRow(PAGES.index("cases"))
            cases = self.page("cases")
            assert isinstance(cases, CasesPage)
            cases.show_case(int(str(filters["id"])))
        elif key in ("clients", "cases"):
            self.nav.setCurrentRow(PAGES.index(key))
            page = self.page(key)
            assert isinstance(page, ClientsPage | CasesPage)
            apply_filters(page.filters, filters)
        else:  # a key figure of the month: that month's report, not the page's default
            self.nav.setCurrentRow(PAGES.index("reports"))
            reports = self.page("reports")
            assert isinstance(reports, ReportsPage)
            month = filters.get("month")
            if isinstance(month, str):
                reports.show_month(month)

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
                name=self.actor.display_name, role=self.actor.role.label
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
