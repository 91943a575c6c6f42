"""The main window: navigation on the left, one page at a time, who and where below."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

import app
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.county.service import CountyService, sees_county
from app.services.reports.closing import MonthCloseService
from app.services.settings.stations import SettingsService
from app.store.engine import Database, sqlite_path
from app.ui import style_sheet, window_geometry
from app.ui.dialogs import keep_open
from app.ui.help.window import show_guide_for
from app.ui.idle_lock import IdleLock
from app.ui.open_forms import ask_to_close, close_forms, open_forms
from app.ui.opening import mark
from app.ui.pages import COUNTY, PAGES, build_page
from app.ui.password_dialog import PasswordDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.navigation import Navigation

if TYPE_CHECKING:
    # Types only: each page's module loads when the page is first built (app/ui/pages.py).
    from app.ui.cases.page import CasesPage
    from app.ui.clients.page import ClientsPage
    from app.ui.community.page import CommunityPage
    from app.ui.county.page import CountyPage
    from app.ui.dashboard.page import DashboardPage
    from app.ui.evaluation.page import EvaluationPage
    from app.ui.groups.page import GroupsPage
    from app.ui.reports.page import ReportsPage
    from app.ui.settings.page import SettingsPage
    from app.ui.visits.page import VisitsPage

__all__ = ["COUNTY", "PAGES", "MainWindow"]


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
        mark("main window: building")
        self.db = db
        self.actor = actor
        self.tasks = tasks
        self.sign_in_again = False
        self.switch_to: Actor | None = None  # who signed in at the lock screen instead
        self._forms_settled = False  # the open forms were asked about (or there were none)
        self._placed = False
        tasks.set_window(self)
        # A change refused because its month is closed (月结) may be made as a correction.
        months = MonthCloseService(db, actor)
        tasks.set_correcting(months.correcting if months.may_close else None)
        self.setWindowTitle(self.tr("Station Desk - {station}").format(station=actor.station_name))
        self.nav = Navigation()
        self.stack = QStackedWidget()
        titles = self._titles()
        # A page is built when first shown (or asked for): the window opens with the
        # dashboard's data, not after nine other pages have been built and queried.
        self._pages: dict[str, QWidget] = {}
        self._areas: dict[str, QScrollArea] = {}
        self._keys: list[str] = []
        for key in PAGES:
            self._add_entry(key, titles[key])
        self.page("dashboard")
        mark("main window: dashboard built")
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # Ctrl+1 … Ctrl+9 for the first nine pages and Ctrl+0 for 设置, the last, as the
        # guide says; the pages in between (评估) are reached from the list.
        keys = {index: f"Ctrl+{index + 1}" for index in range(9)}
        keys[len(PAGES) - 1] = "Ctrl+0"
        for index, key in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda row=index: self.nav.setCurrentRow(row))
        self._build_menus()
        self._build_status_bar()
        self.nav.setCurrentRow(PAGES.index("dashboard"))
        window_geometry.restore(self, actor)
        self.idle_lock = IdleLock(
            window=self,
            actor=actor,
            auth=AuthService(db),
            settings=SettingsService(db),
            tasks=tasks,
            timeout_ms=idle_ms,
        )
        self.idle_lock.switched.connect(self._switch_user)
        if sees_county(actor):  # an administrator: of a county database, or of one station
            tasks.run(self, CountyService(db, actor).is_county, on_done=self._county_known)
        mark("main window: built")

    def _add_entry(self, key: str, title: str) -> None:
        self._areas[key] = area = _scroll_area()
        self._keys.append(key)
        self.nav.add_entry(title)
        self.stack.addWidget(area)

    def _county_known(self, is_county: bool) -> None:
        """县级总览 joins the navigation of a county database's administrator."""
        if is_county and COUNTY not in self._keys:
            self._add_entry(COUNTY, self.tr("County overview"))

    def page_keys(self) -> list[str]:
        """The pages in the navigation, in its order."""
        return list(self._keys)

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
            "evaluation": self.tr("Evaluation"),
            "settings": self.tr("Settings"),
        }

    def _open_list(self, key: str, filters: dict[str, object]) -> None:
        """A dashboard figure asks for the records behind it."""
        if key == "case":
            self.nav.setCurrentRow(PAGES.index("cases"))
            cast("CasesPage", self.page("cases")).show_case(int(str(filters["id"])))
        elif key == "evaluation":
            evaluation = cast("EvaluationPage", self._go("evaluation"))
            evaluation.show_round(int(str(filters["round"])))
        elif key in ("clients", "cases"):
            from app.ui.dashboard.navigation import apply_filters

            self.nav.setCurrentRow(PAGES.index(key))
            page = cast("ClientsPage | CasesPage", self.page(key))
            apply_filters(page.filters, filters)
        else:  # a key figure of the month: that month's report, not the page's default
            self.nav.setCurrentRow(PAGES.index("reports"))
            reports = cast("ReportsPage", self.page("reports"))
            month = filters.get("month")
            if isinstance(month, str):
                reports.show_month(month)

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a record on its page: a case, a visit, a group or an activity (a client's
        story names them)."""
        if kind == "case":
            cast("CasesPage", self._go("cases")).show_case(record_id)
        elif kind == "visit":
            visits = cast("VisitsPage", self._go("visits"))
            visits.tabs.setCurrentWidget(visits.visits)
            visits.visits.show_record(record_id)
        elif kind == "group":
            cast("GroupsPage", self._go("groups")).show_group(record_id)
        elif kind == "activity":
            cast("CommunityPage", self._go("community")).show_activity(record_id)
        elif kind == "client":
            cast("ClientsPage", self._go("clients")).show_client(record_id)

    def _go(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self._keys.index(key))
        return self.page(key)

    def page(self, key: str) -> QWidget:
        """The page `key` of PAGES, built now if it has not been shown yet."""
        page = self._pages.get(key)
        if page is None:
            page = build_page(key, db=self.db, actor=self.actor, tasks=self.tasks)
            self._pages[key] = page
            area = self._areas[key]
            area.setObjectName(f"{type(page).__name__}Scroll")
            area.setWidget(page)
            if key == "dashboard":
                cast("DashboardPage", page).open_list.connect(self._open_list)
            elif key == "clients":
                cast("ClientsPage", page).open_record.connect(self.open_record)
            elif key == "settings":
                cast("SettingsPage", page).restored.connect(self._after_restore)
            elif key == COUNTY:
                cast("CountyPage", page).open_report.connect(self.open_station_report)
        return page

    def open_station_report(self, station_id: int, month: str) -> None:
        """From 县级总览: the station's monthly report of `month` ("YYYY-MM") in 报表."""
        reports = cast("ReportsPage", self._go("reports"))
        reports.show_station_month(station_id, month)

    def built_pages(self) -> list[str]:
        """The pages built so far (shown, or asked for)."""
        return [key for key in self._keys if key in self._pages]

    def _show_row(self, row: int) -> None:
        self.page(self._keys[row])
        self.stack.setCurrentIndex(row)

    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("E&xit"), self)
        # Not StandardKey.Quit: it is empty on Windows, where the stations work.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        account = self.menuBar().addMenu(self.tr("&Account"))
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.switch_action = QAction(self.tr("&Switch user…"), self)
        self.switch_action.triggered.connect(self.switch_user)
        self.log_out_action = QAction(self.tr("Log &out"), self)
        self.log_out_action.triggered.connect(self.log_out)
        change = QAction(self.tr("Change my password…"), self)
        change.triggered.connect(self.change_password)
        for action in (self.lock_action, self.switch_action, self.log_out_action):
            account.addAction(action)
        account.addSeparator()
        account.addAction(change)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence("F1"))  # the guide's page about the page in front
        guide.triggered.connect(lambda: show_guide_for(self, self.current_key()))
        help_menu.addAction(guide)
        about = QAction(self.tr("&About Station Desk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        style_sheet.apply(bar)
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

    # ---- ending or handing over the session ------------------------------------------

    def lock(self) -> None:
        """Cover the window now, as the idle time would."""
        self.idle_lock.lock()

    def switch_user(self) -> None:
        """The lock screen, ready for another user's name; this user may still unlock."""
        self.idle_lock.lock(for_another_user=True)

    def log_out(self) -> None:
        """Back to the login dialog, once the open forms are dealt with."""
        self._leave(sign_in_again=True)

    def open_forms(self) -> list[QDialog]:
        return open_forms(self, self.idle_lock.hidden_windows)

    def _leave(self, *, sign_in_again: bool, switch_to: Actor | None = None) -> None:
        """End this session: at once, or after the user agrees to close the open forms."""

        def go() -> None:
            self.sign_in_again, self.switch_to = sign_in_again, switch_to
            self._forms_settled = True
            self.close()

        forms = self.open_forms()
        if not forms:
            go()
            return
        if switch_to is not None:
            question = self.tr("Close them and let {name} sign in?").format(
                name=switch_to.display_name
            )
        elif sign_in_again:
            question = self.tr("Close them and log out?")
        else:
            question = self.tr("Close them and quit Station Desk?")
        ask_to_close(self, forms, owner=self.actor.display_name, question=question, on_close=go)

    def _after_restore(self, _result: object) -> None:
        # The data now comes from the backup: whoever is signed in must sign in again, and
        # a form still open belongs to data that is gone, so it is not asked about.
        close_forms(self.open_forms())
        self.sign_in_again = True
        self._forms_settled = True
        self.close()

    def _switch_user(self, actor: Actor | None) -> None:
        # Another user signed in at the lock screen: this session ends, theirs begins.
        self._leave(sign_in_again=True, switch_to=actor)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:
            mark("main window: shown")
            # Now that the window has its frame, the whole of it must lie on a screen.
            self._placed = True
            window_geometry.keep_on_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._forms_settled and self.open_forms():
            event.ignore()  # Exit, Ctrl+Q or the title bar's close: ask first
            self._leave(sign_in_again=False)
            return
        self.idle_lock.stop()
        window_geometry.save(self, self.actor)
        # A save still running in the background must reach the database before we go.
        self.tasks.wait()
        super().closeEvent(event)


def _scroll_area() -> QScrollArea:
    """Where a page goes: it fills the window; below its own minimum size it scrolls.

    So no page can make the window larger than a small laptop screen.
    """
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area
