"""The 个案 page: the case list with filters and 待办, and the chosen case beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QPushButton, QTabWidget, QWidget

from app.domain.satisfaction import Subject
from app.services.access.consents import ConsentService
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseSaved
from app.services.clients.service import ClientService
from app.services.lists.service import ListExportService
from app.services.partners.service import PartnerService
from app.services.rooms.service import RoomService
from app.services.satisfaction.surveys import SurveyService
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService
from app.ui.cases.actions import CaseActions
from app.ui.cases.choices import load_case_choices
from app.ui.cases.detail import SURVEY, CaseDetailPanel
from app.ui.cases.filter_bar import CaseFilterBar
from app.ui.cases.printing import CaseFilePrinter
from app.ui.cases.table_model import CaseTableModel
from app.ui.cases.todo import TodoList
from app.ui.clients.choices import ClientChoices
from app.ui.tasks import TaskRunner
from app.ui.widgets.list_page import ListPage

if TYPE_CHECKING:
    from app.ui.cases.intake_dialog import IntakeDialog


class CasesPage(ListPage[CaseFilterBar, CaseTableModel]):
    """Case work: open a case, carry it through its stages, approve, print."""

    TABLE_NAME = "caseTable"
    COUNT_NAME = "caseCount"
    COLUMN_WIDTHS = {
        CaseTableModel.CASE_NO: 118,
        CaseTableModel.CLIENT: 72,
        CaseTableModel.WORKER: 64,
        CaseTableModel.STAGE: 56,
        CaseTableModel.RISK: 44,
        CaseTableModel.URGENCY: 60,
        CaseTableModel.NEXT_CONTACT: 88,
        CaseTableModel.STATUS: 64,
    }
    ENTITIES = ("case", "client", "user")  # a row names its client and worker
    CHOICE_ENTITIES = ("codes", "user", "settings", "room")

    def __init__(
        self,
        *,
        cases: CaseService,
        reminders: ReminderService,
        printing: CasePrintService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        exports: ListExportService | None = None,
        consents: ConsentService | None = None,
        settings: SettingsService | None = None,
        rooms: RoomService | None = None,
        surveys: SurveyService | None = None,
        partners: PartnerService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self._cases = cases
        self._partners = partners
        self._settings = settings
        self._rooms = rooms
        self._consents = consents
        self._surveys = surveys
        self._clients = clients
        self._codes = codes
        self._choices: ClientChoices | None = None
        self.intake: IntakeDialog | None = None

        self.todo = TodoList(reminders=reminders, tasks=tasks, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("All cases"))
        self.tabs.addTab(self.todo, self.tr("To do"))
        self.detail = CaseDetailPanel(cases=cases, tasks=tasks, parent=self)
        self.detail.setMinimumWidth(420)
        self.detail.surveys_shown = surveys is not None
        self.case_actions = CaseActions(cases=cases, tasks=tasks, parent=self, consents=consents)
        self.printer = CaseFilePrinter(printing=printing, tasks=tasks, parent=self)
        self.new_button = QPushButton(self.tr("Open a case"), self)
        self.new_button.setToolTip(self.tr("Intake of a new case (Ctrl+N)"))
        self.set_up(
            filters=CaseFilterBar(self),
            model=CaseTableModel(cases=cases, tasks=tasks, parent=self),
            detail=self.detail,
            list_widget=self.tabs,
            new_button=self.new_button,
            on_new=self.open_intake,
            can_create=cases.can_open,
            exports=exports,
            export_key="cases",
            sizes=(640, 520),
        )

        self.todo.loaded.connect(self._todo_loaded)
        self.todo.open_case.connect(self.show_case)
        self.detail.requested.connect(self._requested)
        self.case_actions.reload_requested.connect(self.detail.reload)
        self.case_actions.saved.connect(self._saved)

    # ---- list, to-do and the case shown ---------------------------------------------------

    def _count_text(self, count: int) -> str:
        return self.tr("%n case(s)", "", count)

    def _todo_loaded(self, count: int) -> None:
        title = self.tr("To do ({count})").format(count=count) if count else self.tr("To do")
        self.tabs.setTabText(self.tabs.indexOf(self.todo), title)

    def show_case(self, case_id: int) -> None:
        """Show a case beside the list, and select it when the list holds it."""
        self.show_record(case_id)

    def _show_detail(self, case_id: int | None) -> None:
        self.detail.show_case(case_id)

    def _reload_detail(self) -> None:
        if self.detail.detail is not None:
            self.detail.reload()

    def _choice_loader(self) -> Callable[[], Any]:
        clients, codes, settings, rooms = self._clients, self._codes, self._settings, self._rooms
        partners = self._partners
        return lambda: load_case_choices(clients, codes, settings, rooms, partners)

    # ---- actions ----------------------------------------------------------------------

    def open_intake(self) -> IntakeDialog | None:
        from app.ui.cases.intake_dialog import IntakeDialog

        if not self._cases.can_open or self._choices is None:
            return None
        if self.intake is not None:
            self.intake.raise_()
            return self.intake
        dialog = IntakeDialog(
            cases=self._cases,
            clients=self._clients,
            tasks=self._tasks,
            choices=self._choices,
            consents=self._consents,
            parent=self,
        )
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _r: self._intake_closed(dialog))
        self.intake = dialog
        dialog.open()
        return dialog

    def _intake_closed(self, dialog: QDialog) -> None:
        if self.intake is dialog:
            self.intake = None
        dialog.deleteLater()

    def _saved(self, saved: CaseSaved) -> None:
        self.show_case(saved.case_id)

    def _requested(self, key: str) -> None:
        from app.ui.satisfaction.survey_dialog import open_survey

        detail: CaseDetail | None = self.detail.detail
        if detail is None:
            return
        if key == "print":
            self.printer.print_case(detail)
            return
        if key == SURVEY and self._surveys is not None:
            open_survey(
                self, surveys=self._surveys, tasks=self._tasks, subject=Subject.CASE,
                subject_id=detail.id, title=detail.case_no,
            )  # fmt: skip
            return
        if self._choices is not None:
            self.case_actions.open(key, detail, self._choices)
