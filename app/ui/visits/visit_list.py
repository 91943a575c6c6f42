"""The 走访 tab: the visit list with filters, the chosen visit, and what can be done with it."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, NotFound
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.context import Changes
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitChoices, VisitDetail, VisitResult, VisitSaved
from app.ui.cases.choices import load_case_choices
from app.ui.clients.choices import ClientChoices
from app.ui.clients.prompts import ask
from app.ui.dialogs import keep_open
from app.ui.tasks import TaskRunner
from app.ui.visits.filter_bar import VisitFilterBar
from app.ui.visits.open_case_dialog import VisitIntakeDialog
from app.ui.visits.table_model import VisitTableModel
from app.ui.visits.visit_detail import VisitDetailView
from app.ui.visits.visit_dialog import VisitDialog
from app.ui.widgets.export_dialog import ExportButton

_COLUMN_WIDTHS = {
    VisitTableModel.DATE: 88,
    VisitTableModel.TYPE: 72,
    VisitTableModel.HOUSEHOLD: 72,
    VisitTableModel.CLIENTS: 110,
    VisitTableModel.VILLAGE: 72,
    VisitTableModel.WORKER: 60,
    VisitTableModel.MINUTES: 56,
    VisitTableModel.NEEDS: 64,
}
_CHOICE_ENTITIES = ("codes", "user", "village")


class VisitListTab(QWidget):
    """Record visits, find them, read one, edit it, and open a case from it."""

    def __init__(
        self,
        *,
        visits: VisitService,
        cases: CaseService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        exports: ListExportService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._visits = visits
        self._cases = cases
        self._clients = clients
        self._codes = codes
        self._tasks = tasks
        self.choices: VisitChoices | None = None
        self._case_choices: ClientChoices | None = None
        self.detail: VisitDetail | None = None
        self._current_id: int | None = None

        self.filters = VisitFilterBar(visits.today, self)
        self.model = VisitTableModel(visits=visits, tasks=tasks, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("visitTable")
        self.table.setModel(self.model)
        self._set_up_table()
        self.view = VisitDetailView(self)
        self.view.setMinimumWidth(320)

        self.new_button = QPushButton(self.tr("Record a visit"), self)
        self.new_button.setToolTip(self.tr("Record a new home visit (Ctrl+N)"))
        self.new_button.setVisible(visits.can_record)
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.case_button = QPushButton(self.tr("Open a case…"), self)
        self.case_button.setToolTip(self.tr("Start the intake for a client of this visit"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("visitCount")
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.case_button, self.delete_button):
            bar.addWidget(button)
        if exports is not None:
            self.export_button = ExportButton(
                exports=exports,
                tasks=tasks,
                list_key="visits",
                query=lambda: self.model.query,
                count=self.model.rowCount,
                parent=self,
            )
            bar.addWidget(self.export_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        order = [self.filters.search, *self.filters.combos, self.new_button, self.table, self.view]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.filters.search.returnPressed.connect(self.filters.flush)
        self.filters.changed.connect(self.model.set_filters)
        self.model.counted.connect(self._counted)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_visit())
        self.new_button.clicked.connect(self.new_visit)
        self.edit_button.clicked.connect(self.edit_visit)
        self.case_button.clicked.connect(self.open_case)
        self.delete_button.clicked.connect(self.delete_visit)
        tasks.bus.changed.connect(self._changed)
        self._update_buttons()
        self._load_choices()
        self.model.set_query(self.filters.query())

    def _set_up_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)

    # ---- list and selection ---------------------------------------------------------

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("%n visit(s)", "", count))
        if self._current_id is not None:
            row = self.model.row_of(self._current_id)
            if row >= 0:
                self._select_row(row)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        visit_id = self.model.record_id(current.row()) if current.isValid() else None
        if visit_id is not None and visit_id != self._current_id:
            self.show_visit(visit_id)

    def show_visit(self, visit_id: int) -> None:
        self._current_id = visit_id
        visits = self._visits
        self._tasks.run(
            self, lambda: visits.get(visit_id), on_done=self._show_detail, on_error=self._not_shown
        )

    def _show_detail(self, detail: VisitDetail) -> None:
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

    def _changed(self, changes: Changes) -> None:
        if changes.touches("visit") or changes.touches("case"):
            self.model.refresh()
            if self._current_id is not None:
                self.show_visit(self._current_id)
        if any(changes.touches(entity) for entity in _CHOICE_ENTITIES):
            self._load_choices()

    def _load_choices(self) -> None:
        visits, clients, codes = self._visits, self._clients, self._codes
        self._tasks.run(
            self,
            lambda: (visits.choices(), load_case_choices(clients, codes)),
            on_done=self._choices_loaded,
        )

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
