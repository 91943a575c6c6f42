"""The 小组 page: the group list with filters, and the chosen group beside it."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
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

from app.services.clients.service import ClientService
from app.services.context import Changes
from app.services.groups.printing import GroupPrintService
from app.services.groups.service import GroupService
from app.services.groups.types import ENTITY, GroupSaved
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.ui.groups.actions import GroupActions
from app.ui.groups.choices import GroupChoices, load_group_choices
from app.ui.groups.detail import GroupDetailPanel
from app.ui.groups.filter_bar import GroupFilterBar
from app.ui.groups.plan_dialog import GroupPlanDialog
from app.ui.groups.printing import GroupFilePrinter
from app.ui.groups.table_model import GroupTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.export_dialog import ExportButton

_COLUMN_WIDTHS = {
    GroupTableModel.NAME: 180,
    GroupTableModel.TYPE: 56,
    GroupTableModel.STATUS: 60,
    GroupTableModel.FACILITATORS: 110,
    GroupTableModel.START: 88,
    GroupTableModel.SESSIONS: 56,
}
_CHOICE_ENTITIES = ("codes", "user", ENTITY)


class GroupsPage(QWidget):
    """Group work: plan a group, add members, record sessions with attendance, end, print."""

    def __init__(
        self,
        *,
        groups: GroupService,
        printing: GroupPrintService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        own_id: int | None = None,
        exports: ListExportService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._groups = groups
        self._clients = clients
        self._codes = codes
        self._tasks = tasks
        self._choices: GroupChoices | None = None
        self._current_id: int | None = None

        self.filters = GroupFilterBar(self)
        self.model = GroupTableModel(groups=groups, tasks=tasks, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("groupTable")
        self.table.setModel(self.model)
        self._set_up_table()
        self.detail = GroupDetailPanel(groups=groups, tasks=tasks, parent=self)
        self.detail.setMinimumWidth(460)
        self.group_actions = GroupActions(
            groups=groups, clients=clients, tasks=tasks, own_id=own_id, parent=self
        )
        self.printer = GroupFilePrinter(printing=printing, tasks=tasks, parent=self)

        self.new_button = QPushButton(self.tr("New group"), self)
        self.new_button.setToolTip(self.tr("Plan a new group (Ctrl+N)"))
        self.new_button.setVisible(groups.can_create)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("groupCount")
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        if exports is not None:
            self.export_button = ExportButton(
                exports=exports,
                tasks=tasks,
                list_key="groups",
                query=lambda: self.model.query,
                count=self.model.rowCount,
                parent=self,
            )
            bar.addWidget(self.export_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 560])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._set_up_keys()
        self.filters.changed.connect(self.model.set_filters)
        self.model.counted.connect(self._counted)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail.requested.connect(self._requested)
        self.group_actions.saved.connect(self._saved)
        self.group_actions.reload_requested.connect(self.detail.reload)
        self.new_button.clicked.connect(self.new_group)
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
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)

    def _set_up_keys(self) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.focus_search, context=scope)
        new = QShortcut(QKeySequence.StandardKey.New, self, self.new_group, context=scope)
        new.setEnabled(self._groups.can_create)
        self.filters.search.returnPressed.connect(self.filters.flush)
        order = [
            self.filters.search,
            *self.filters.combos(),
            self.new_button,
            self.table,
            self.detail,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # ---- list and selection -----------------------------------------------------------

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("%n group(s)", "", count))
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
        group_id = self.model.group_id(current.row()) if current.isValid() else None
        if group_id is not None and group_id != self._current_id:
            self.show_group(group_id)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # The list is sorted in SQL, and only some columns have an order there.
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.query.descending
                else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    def show_group(self, group_id: int) -> None:
        """Show a group beside the list, and select it when the list holds it."""
        self._current_id = group_id
        row = self.model.row_of(group_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._select_row(row)
        self.detail.show_group(group_id)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(ENTITY):
            self.model.refresh()
            if self.detail.detail is not None:
                self.detail.reload()
        if any(changes.touches(entity) for entity in _CHOICE_ENTITIES):
            self._load_choices()

    def _load_choices(self) -> None:
        groups, clients, codes = self._groups, self._clients, self._codes
        self._tasks.run(
            self, lambda: load_group_choices(groups, clients, codes), on_done=self._choices_loaded
        )

    def _choices_loaded(self, choices: GroupChoices) -> None:
        self._choices = choices
        self.filters.set_choices(choices)

    # ---- actions ----------------------------------------------------------------------

    def new_group(self) -> GroupPlanDialog | None:
        if not self._groups.can_create or self._choices is None:
            return None
        return self.group_actions.new_group(self._choices)

    def _saved(self, saved: GroupSaved) -> None:
        self.show_group(saved.group_id)

    def _requested(self, key: str) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        if key == "print":
            self.printer.print_group(detail)
            return
        if self._choices is not None:
            self.group_actions.open(
                key,
                detail,
                self._choices,
                member=self.detail.selected_member(),
                session=self.detail.selected_session(),
            )
