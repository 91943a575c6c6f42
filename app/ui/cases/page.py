"""The 个案 page: the case list with filters and 待办, and the chosen case beside it."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.access.consents import ConsentService
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseSaved
from app.services.clients.service import ClientService
from app.services.context import Changes
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.ui.cases.actions import CaseActions
from app.ui.cases.choices import load_case_choices
from app.ui.cases.detail import CaseDetailPanel
from app.ui.cases.filter_bar import CaseFilterBar
from app.ui.cases.intake_dialog import IntakeDialog
from app.ui.cases.printing import CaseFilePrinter
from app.ui.cases.table_model import CaseTableModel
from app.ui.cases.todo import TodoList
from app.ui.clients.choices import ClientChoices
from app.ui.tasks import TaskRunner
from app.ui.widgets.export_dialog import ExportButton

_COLUMN_WIDTHS = {
    CaseTableModel.CASE_NO: 118,
    CaseTableModel.CLIENT: 72,
    CaseTableModel.WORKER: 64,
    CaseTableModel.STAGE: 56,
    CaseTableModel.RISK: 44,
    CaseTableModel.URGENCY: 60,
    CaseTableModel.NEXT_CONTACT: 88,
    CaseTableModel.STATUS: 64,
}
_CHOICE_ENTITIES = ("codes", "user")


class CasesPage(QWidget):
    """Case work: open a case, carry it through its stages, approve, print."""

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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        self._consents = consents
        self._clients = clients
        self._codes = codes
        self._tasks = tasks
        self._choices: ClientChoices | None = None
        self._current_id: int | None = None
        self.intake: IntakeDialog | None = None

        self.filters = CaseFilterBar(self)
        self.model = CaseTableModel(cases=cases, tasks=tasks, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self._set_up_table()
        self.todo = TodoList(reminders=reminders, tasks=tasks, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("All cases"))
        self.tabs.addTab(self.todo, self.tr("To do"))
        self.detail = CaseDetailPanel(cases=cases, tasks=tasks, parent=self)
        self.detail.setMinimumWidth(420)
        self.case_actions = CaseActions(cases=cases, tasks=tasks, parent=self, consents=consents)
        self.printer = CaseFilePrinter(printing=printing, tasks=tasks, parent=self)

        self.new_button = QPushButton(self.tr("Open a case"), self)
        self.new_button.setToolTip(self.tr("Intake of a new case (Ctrl+N)"))
        self.new_button.setVisible(cases.can_open)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("caseCount")
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        self.export_button: ExportButton | None = None
        if exports is not None:
            self.export_button = ExportButton(
                exports=exports,
                tasks=tasks,
                list_key="cases",
                query=lambda: self.model.query,
                count=self.model.rowCount,
                parent=self,
            )
            bar.addWidget(self.export_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 520])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._set_up_keys()
        self.filters.changed.connect(self.model.set_filters)
        self.model.counted.connect(self._counted)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.todo.loaded.connect(self._todo_loaded)
        self.todo.open_case.connect(self.show_case)
        self.detail.requested.connect(self._requested)
        self.case_actions.reload_requested.connect(self.detail.reload)
        self.case_actions.saved.connect(self._saved)
        self.new_button.clicked.connect(self.open_intake)
        tasks.bus.changed.connect(self._changed)

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
        # Fixed row heights and column widths: measuring contents would fetch every row.
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)

    def _set_up_keys(self) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.focus_search, context=scope)
        new = QShortcut(QKeySequence.StandardKey.New, self, self.open_intake, context=scope)
        new.setEnabled(self._cases.can_open)
        self.filters.search.returnPressed.connect(self.filters.flush)
        order = [
            self.filters.search,
            self.filters.stage,
            self.filters.worker,
            self.filters.risk,
            self.filters.urgency,
            self.filters.open_only,
            self.new_button,
            self.tabs,
            self.detail,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # ---- list, to-do and selection ----------------------------------------------------

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", count))
        if self._current_id is not None:
            row = self.model.row_of(self._current_id)
            if row >= 0:
                self._select_row(row)

    def _todo_loaded(self, count: int) -> None:
        title = self.tr("To do ({count})").format(count=count) if count else self.tr("To do")
        self.tabs.setTabText(self.tabs.indexOf(self.todo), title)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        case_id = self.model.case_id(current.row()) if current.isValid() else None
        if case_id is not None and case_id != self._current_id:
            self.show_case(case_id)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # The list is sorted in SQL, and only some columns have an order there.
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.query.descending
                else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    def show_case(self, case_id: int) -> None:
        """Show a case beside the list, and select it when the list holds it."""
        self._current_id = case_id
        row = self.model.row_of(case_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._select_row(row)
        self.detail.show_case(case_id)

    def _changed(self, changes: Changes) -> None:
        if changes.touches("case"):
            self.model.refresh()
            if self.detail.detail is not None:
                self.detail.reload()
        if any(changes.touches(entity) for entity in _CHOICE_ENTITIES):
            self._load_choices()

    def _load_choices(self) -> None:
        clients, codes = self._clients, self._codes
        self._tasks.run(
            self, lambda: load_case_choices(clients, codes), on_done=self._choices_loaded
        )

    def _choices_loaded(self, choices: ClientChoices) -> None:
        self._choices = choices
        self.filters.set_choices(choices)

    # ---- actions ----------------------------------------------------------------------

    def open_intake(self) -> IntakeDialog | None:
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
        detail: CaseDetail | None = self.detail.detail
        if detail is None:
            return
        if key == "print":
            self.printer.print_case(detail)
            return
        if self._choices is not None:
            self.case_actions.open(key, detail, self._choices)
