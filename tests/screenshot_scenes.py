"""What `make screenshots` photographs (tests/screenshots.py runs it once per screen size).

Only what opens without writing anything: the pages and their tabs, a record chosen on
each list page, and dialogs that are closed (rejected) right after the picture.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget, QWidget

from app.services.access.auth import AuthService
from app.services.choice import Choice
from app.services.settings.setup import SetupService
from app.store.engine import Database, sqlite_path
from app.ui.cases.page import CasesPage
from app.ui.clients.page import ClientsPage
from app.ui.community.page import CommunityPage
from app.ui.groups.page import GroupsPage
from app.ui.help.window import show_help
from app.ui.login import LoginDialog
from app.ui.main_window import PAGES, MainWindow
from app.ui.reports.page import PROJECT, ReportsPage
from app.ui.settings.page import SettingsPage
from app.ui.staff.page import StaffPage
from app.ui.tasks import TaskRunner
from app.ui.visits.page import VisitsPage
from app.ui.volunteers.page import VolunteersPage
from app.ui.wizard import SetupWizard


class Camera:
    """Saves widgets as numbered PNG files once the background work they asked for is in."""

    def __init__(self, folder: Path, tasks: TaskRunner) -> None:
        self.folder = folder
        self.tasks = tasks
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.png"):
            old.unlink()

    def settle(self) -> None:
        # A result can ask for more work (a list's rows after its count): a few rounds.
        for _ in range(4):
            QApplication.processEvents()
            self.tasks.wait()
        QApplication.processEvents()

    def save(self, widget: QWidget, name: str) -> None:
        self.settle()
        self.count += 1
        widget.grab().save(str(self.folder / f"{self.count:02d}-{name}.png"))

    def dialogs_of(self, action: Callable[[], object], name: str) -> None:
        """Run `action`, save the windows it opened, then close them (nothing is saved)."""
        self.settle()
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        action()
        self.settle()
        opened = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before
        ]
        if not opened:
            print(f"  {name}: nothing opened")
        for index, widget in enumerate(opened):
            self.save(widget, name if index == 0 else f"{name}-{index + 1}")
        for widget in reversed(opened):
            widget.close()
        self.settle()


def shoot_everything(window: MainWindow, camera: Camera, db: Database) -> None:
    shoot_pages(window, camera)
    shoot_records(window, camera)
    shoot_dialogs(window, camera)
    shoot_start(camera, db)


def shoot_pages(window: MainWindow, camera: Camera) -> None:
    for row, key in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        camera.save(window, key)
        tabs = getattr(window.page(key), "tabs", None)
        if isinstance(tabs, QTabWidget):
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                camera.save(window, f"{key}-tab{index + 1}")
            tabs.setCurrentIndex(0)


def _show(window: MainWindow, key: str) -> QWidget:
    window.nav.setCurrentRow(PAGES.index(key))
    return window.page(key)


def shoot_records(window: MainWindow, camera: Camera) -> None:
    """The first record of each list page, shown in its detail pane."""
    for key in ("clients", "cases", "groups", "community", "visits"):
        page = _show(window, key)
        lister = page.visits if isinstance(page, VisitsPage) else page
        camera.settle()
        lister.table.selectRow(0)  # type: ignore[attr-defined]
        camera.save(window, f"{key}-record")
        if isinstance(page, ClientsPage):
            shoot_story(window, page, camera)
    # A project's progress, which the 报表 page shows as soon as the project is chosen.
    reports = _show(window, "reports")
    assert isinstance(reports, ReportsPage)
    reports.kind.setCurrentIndex(reports.kind.findData(PROJECT))
    camera.save(window, "reports-project")
    reports.kind.setCurrentIndex(0)


def shoot_story(window: MainWindow, clients: ClientsPage, camera: Camera) -> None:
    """服务经历 of the client shown, then back to the details."""
    tabs, story = clients.detail.tabs, clients.detail.story
    if tabs is None or story is None:
        return
    tabs.setCurrentWidget(story)
    camera.save(window, "clients-story")
    tabs.setCurrentIndex(0)


def shoot_dialogs(window: MainWindow, camera: Camera) -> None:
    clients = _show(window, "clients")
    assert isinstance(clients, ClientsPage)
    camera.dialogs_of(clients.new_button.click, "dialog-new-client")
    camera.dialogs_of(clients.import_button.click, "dialog-import")
    if clients.export_button is not None:
        camera.dialogs_of(clients.export_button.click, "dialog-export")
    cases = _show(window, "cases")
    assert isinstance(cases, CasesPage)
    camera.dialogs_of(cases.new_button.click, "dialog-intake")
    cases.table.selectRow(0)
    camera.settle()
    record: QPushButton | None = cases.detail.buttons.get("record")
    if record is not None and record.isEnabled():
        camera.dialogs_of(record.click, "dialog-service-record")
    groups = _show(window, "groups")
    assert isinstance(groups, GroupsPage)
    camera.dialogs_of(groups.new_button.click, "dialog-group-plan")
    community = _show(window, "community")
    assert isinstance(community, CommunityPage)
    camera.dialogs_of(community.new_button.click, "dialog-activity")
    visits = _show(window, "visits")
    assert isinstance(visits, VisitsPage)
    camera.dialogs_of(visits.visits.new_button.click, "dialog-visit")
    staff = _show(window, "staff")
    assert isinstance(staff, StaffPage)
    camera.dialogs_of(lambda: staff.open_supervision(None), "dialog-supervision")
    camera.dialogs_of(lambda: staff.open_training(None), "dialog-training")
    volunteers = _show(window, "volunteers")
    assert isinstance(volunteers, VolunteersPage)
    camera.dialogs_of(lambda: volunteers.open_volunteer(None), "dialog-volunteer")
    camera.dialogs_of(lambda: volunteers.open_service(None), "dialog-volunteer-service")
    camera.dialogs_of(lambda: volunteers.open_resource(None), "dialog-resource")
    reports = _show(window, "reports")
    assert isinstance(reports, ReportsPage)
    reports.kind.setCurrentIndex(reports.kind.findData(PROJECT))
    camera.dialogs_of(reports.projects.new_button.click, "dialog-new-project")
    reports.kind.setCurrentIndex(0)
    settings = _show(window, "settings")
    assert isinstance(settings, SettingsPage)
    keys = settings.exchange.county_keys if settings.exchange is not None else None
    if keys is not None:
        camera.dialogs_of(keys.create_button.click, "dialog-county-key-pair")
        camera.dialogs_of(keys.trust_button.click, "dialog-station-signing-key")
    camera.dialogs_of(window.change_password, "dialog-password")
    camera.dialogs_of(window.show_about, "dialog-about")
    for key in ("cases", "reports"):
        _show(window, key)
        window.activateWindow()  # F1 is the main window's: it must be the active one
        camera.dialogs_of(lambda: QTest.keyClick(window, Qt.Key.Key_F1), f"help-{key}")
    camera.dialogs_of(lambda: show_help(window, "faq").search.setText("月结"), "help-search")


# The case page's buttons that open a dialog (submit_plan asks a question; print saves).
CASE_STEPS = (
    "edit_intake", "assess", "decline", "plan", "review_plan", "record", "refer_at_intake",
    "referral", "update_referral", "evaluate", "closure", "review_closure", "reopen",
    "follow_up", "pause", "resume", "reassign", "comment",
)  # fmt: skip


def shoot_case_steps(window: MainWindow, camera: Camera) -> set[str]:
    """Each step dialog of the case page once, from the first case of the list that allows
    it; returns the keys of the buttons whose dialogs were shown."""
    cases = _show(window, "cases")
    assert isinstance(cases, CasesPage)
    shot: set[str] = set()
    camera.settle()
    for row in range(cases.model.rowCount()):
        cases.table.selectRow(row)
        camera.settle()
        for key in CASE_STEPS:
            button = cases.detail.buttons[key]
            if key not in shot and button.isVisibleTo(cases.detail):
                camera.dialogs_of(button.click, f"dialog-case-{key}")
                shot.add(key)
        if len(shot) == len(CASE_STEPS):
            break
    return shot


def shoot_intake_consent(window: MainWindow, camera: Camera, client: Choice) -> None:
    """The intake of a client who has not signed the service consent, and its consent form."""
    cases = _show(window, "cases")
    assert isinstance(cases, CasesPage)
    camera.settle()
    intake = cases.open_intake()
    assert intake is not None and intake.consent is not None
    intake.set_client(client)
    camera.settle()
    assert intake.consent.isVisible(), "the consent part shows for a client without consent"
    camera.save(intake, "dialog-intake-consent")
    camera.dialogs_of(intake.consent.record_consent, "dialog-intake-consent-form")
    intake.close()
    camera.settle()


def shoot_start(camera: Camera, db: Database) -> None:
    """The login on the demo, and the first-start wizard on a new empty file beside it."""
    login = LoginDialog(
        auth=AuthService(db), tasks=camera.tasks, station_name=SetupService(db).station_name()
    )
    camera.dialogs_of(login.show, "login")
    path = sqlite_path(db.url)
    assert path is not None
    empty = Database.open(path.with_name("new.sqlite3"))
    try:
        SetupService(empty).prepare()
        wizard = SetupWizard(db=empty, tasks=camera.tasks)
        camera.dialogs_of(wizard.show, "first-start")
        wizard.deleteLater()
        login.deleteLater()
        camera.settle()
    finally:
        empty.dispose()
