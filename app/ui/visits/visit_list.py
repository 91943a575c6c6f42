"""The 走访 tab: the visit list with filters, the chosen visit, and what can be done with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.errors import AppError, NotFound
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitChoices, VisitDetail, VisitResult, VisitSaved
from app.ui.cases.choices import load_case_choices
from app.ui.clients.choices import ClientChoices
from app.ui.clients.prompts import ask
from app.ui.dialogs import keep_open
from app.ui.tasks import TaskRunner
from app.ui.visits.filter_bar import VisitFilterBar
from app.ui.visits.table_model import VisitTableModel
from app.ui.visits.visit_detail import VisitDetailView
from app.ui.widgets.list_page import ListPage

if TYPE_CHECKING:
    from app.ui.visits.open_case_dialog import VisitIntakeDialog
    from app.ui.visits.visit_dialog import VisitDialog


class VisitListTab(ListPage[VisitFilterBar, VisitTableModel]):
    """Record visits, find them, read one, edit it, and open a case from it."""

    TABLE_NAME = "visitTable"
    COUNT_NAME = "visitCount"
    COLUMN_WIDTHS = {
        VisitTableModel.DATE: 88,
        VisitTableModel.TYPE: 72,
        VisitTableModel.HOUSEHOLD: 72,
        VisitTableModel.CLIENTS: 110,
        VisitTableModel.VILLAGE: 72,
        VisitTableModel.WORKER: 60,
        VisitTableModel.MINUTES: 56,
        VisitTableModel.NEEDS: 64,
    }
    # A case opened from a visit shows in its detail; a row names clients, village, worker.
    ENTITIES = ("visit", "case", "client", "village", "user", "codes")
    CHOICE_ENTITIES = ("codes", "user", "village", "room")

    def __init__(
        self,
        *,
        visits: VisitService,
        cases: CaseService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        exports: ListExportService | None = None,
        settings: SettingsService | None = None,
        consents: ConsentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self._visits = visits
        self._settings = settings
        self._cases = cases
        self._clients = clients
        self._codes = codes
        self._consents = consents
        self.choices: VisitChoices | None = None
        self._case_choices: ClientChoices | None = None
        self.detail: VisitDetail | None = None

        self.view = VisitDetailView(self)
        self.view.setMinimumWidth(320)
        self.new_button = QPushButton(self.tr("Record a visit"), self)
        self.new_button.setToolTip(self.tr("Record a new home visit (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.case_button = QPushButton(self.tr("Open a case…"), self)
        self.case_button.setToolTip(self.tr("Start the intake for a client of this visit"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.set_up(
            filters=VisitFilterBar(visits.today, self),
            model=VisitTableModel(visits=visits, tasks=tasks, parent=self),
            detail=self.view,
            new_button=self.new_button,
            on_new=self.new_visit,
            can_create=visits.can_record,
            actions=(self.edit_button, self.case_button, self.delete_button),
            on_open=lambda _visit_id: self.edit_visit(),
            exports=exports,
            export_key="visits",
        )
        self.edit_button.clicked.connect(self.edit_visit)
        self.case_button.clicked.connect(self.open_case)
        self.delete_button.clicked.connect(self.delete_visit)
        self._update_buttons()

    # ---- list and the visit shown -------------------------------------------------------

    def _count_text(self, count: int) -> str:
        return self.tr("%n visit(s)", "", count)

    def show_visit(self, visit_id: int) -> None:
        """Show a visit beside the list, and select it when the list holds it."""
        self.show_record(visit_id)

    def _show_detail(self, visit_id: int | None) -> None:
        if visit_id is None:
            self._cleared()
            return
        visits = self._visits
        self._tasks.run(
            self, lambda: visits.get(visit_id), on_done=self._show_loaded, on_error=self._not_shown
        )

    def _reload_detail(self) -> None:
        if self._current_id is not None:
            self._show_detail(self._current_id)

    def _show_loaded(self, detail: VisitDetail) -> None:
        if detail.id != self._current_id:
            return
        self.detail = detail
        self.view.show_visit(detail)
        self._update_buttons()

    def _not_shown(self, exc: AppError) -> bool:
        """A visit deleted meanwhile (here or elsewhere) just leaves the pane."""
        if isinstance(exc, NotFound):
            self._cleared()
            return True
        return False

    def _update_buttons(self) -> None:
        detail = self.detail
        editable = detail is not None and detail.editable
        self.edit_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and detail is not None and not detail.case_nos)
        self.case_button.setEnabled(
            editable
            and detail is not None
            and detail.result == VisitResult.OPEN_CASE.value
            and bool(detail.clients)
            and self._cases.can_open
        )

    def _choice_loader(self) -> Callable[[], Any]:
        visits, clients, codes, settings = self._visits, self._clients, self._codes, self._settings
        return lambda: (visits.choices(), load_case_choices(clients, codes, settings))

    def _choices_loaded(self, loaded: tuple[VisitChoices, ClientChoices]) -> None:
        self.choices, self._case_choices = loaded
        self.filters.set_choices(self.choices)

    # ---- actions --------------------------------------------------------------------

    def new_visit(self) -> VisitDialog | None:
        if not self._visits.can_record or self.choices is None:
            return None
        return self._open_dialog(None)

    def edit_visit(self) -> VisitDialog | None:
        if self.detail is None or not self.detail.editable or self.choices is None:
            return None
        return self._open_dialog(self.detail)

    def _open_dialog(self, detail: VisitDetail | None) -> VisitDialog:
        from app.ui.visits.visit_dialog import VisitDialog

        assert self.choices is not None
        dialog = VisitDialog(
            visits=self._visits,
            clients=self._clients,
            tasks=self._tasks,
            choices=self.choices,
            detail=detail,
            parent=self,
        )
        dialog.saved.connect(self._saved)
        keep_open(dialog)
        dialog.open()
        return dialog

    def _saved(self, saved: VisitSaved) -> None:
        self.show_visit(saved.visit_id)

    def open_case(self) -> VisitIntakeDialog | None:
        from app.ui.visits.open_case_dialog import VisitIntakeDialog

        detail = self.detail
        if detail is None or self._case_choices is None or not self.case_button.isEnabled():
            return None
        dialog = VisitIntakeDialog(
            visits=self._visits,
            cases=self._cases,
            clients=self._clients,
            tasks=self._tasks,
            choices=self._case_choices,
            visit=detail,
            consents=self._consents,
            parent=self,
        )
        keep_open(dialog)
        dialog.open()
        return dialog

    def delete_visit(self) -> None:
        detail = self.detail
        if detail is None or not detail.editable:
            return
        visits = self._visits

        def delete() -> None:
            self._tasks.run(self, lambda: visits.delete(detail.id, version=detail.version))

        ask(
            self,
            self.tr("Delete the visit of {day}?").format(day=detail.visited_on.isoformat()),
            accept_text=self.tr("Delete"),
            reject_text=self.tr("Keep"),
            on_accept=delete,
        )

    def _cleared(self) -> None:
        self._current_id = None
        self.detail = None
        self.view.show_visit(None)
        self._update_buttons()
