"""The 社区活动 page: the activity list with filters, and the chosen activity beside it."""

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
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.community.types import ENTITY
from app.services.context import Changes
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.ui.clients.choices import ClientChoices
from app.ui.community.actions import ActivityActions
from app.ui.community.choices import load_activity_choices
from app.ui.community.detail import ActivityDetailPanel
from app.ui.community.filter_bar import ActivityFilterBar
from app.ui.community.form import ActivityDialog
from app.ui.community.table_model import ActivityTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.export_dialog import ExportButton

_COLUMN_WIDTHS = {
    ActivityTableModel.HELD_ON: 88,
    ActivityTableModel.TITLE: 220,
    ActivityTableModel.TYPE: 72,
    ActivityTableModel.VILLAGE: 72,
    ActivityTableModel.WORKER: 64,
    ActivityTableModel.PARTICIPANTS: 56,
}
_CHOICE_ENTITIES = ("codes", "user", "village")
_PHOTO_KEYS = ("caption", "remove_photo")


class CommunityPage(QWidget):
    """Community activities: record them, add photos, print the record."""

    def __init__(
        self,
        *,
        activities: ActivityService,
        photos: ActivityPhotoService,
        printing: ActivityPrintService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        exports: ListExportService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._activities = activities
        self._clients = clients
        self._codes = codes
        self._tasks = tasks
        self._choices: ClientChoices | None = None
        self._current_id: int | None = None

        self.filters = ActivityFilterBar(activities.today, self)
        self.model = ActivityTableModel(activities=activities, tasks=tasks, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self._set_up_table()
        self.detail = ActivityDetailPanel(
            activities=activities, photos=photos, tasks=tasks, parent=self
        )
        self.detail.setMinimumWidth(420)
        self.activity_actions = ActivityActions(
            activities=activities, photos=photos, printing=printing, clients=clients,
            tasks=tasks, parent=self,
        )  # fmt: skip

        self.new_button = QPushButton(self.tr("Record an activity"), self)
        self.new_button.setToolTip(self.tr("Record a community activity (Ctrl+N)"))
        self.new_button.setVisible(activities.can_create)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("activityCount")
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        if exports is not None:
            self.export_button = ExportButton(
                exports=exports,
                tasks=tasks,
                list_key="activities",
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
        self.detail.requested.connect(self._requested)
        self.activity_actions.saved.connect(self.show_activity)
        self.activity_actions.reload_requested.connect(self.detail.reload)
        self.new_button.clicked.connect(self.open_new)
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
        new = QShortcut(QKeySequence.StandardKey.New, self, self.open_new, context=scope)
        new.setEnabled(self._activities.can_create)
        QShortcut(
            QKeySequence.StandardKey.Print, self, lambda: self._requested("print"), context=scope
        )
        self.filters.search.returnPressed.connect(self.filters.flush)
        order = [
            self.filters.search,
            self.filters.activity_type,
            self.filters.village,
            self.filters.worker,
            self.filters.month,
            self.new_button,
            self.table,
            self.detail,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # ---- list and selection -----------------------------------------------------------

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("%n activity(ies)", "", count))
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
        activity_id = self.model.activity_id(current.row()) if current.isValid() else None
        if activity_id is not None and activity_id != self._current_id:
            self.show_activity(activity_id)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # The list is sorted in SQL, and only some columns have an order there.
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.query.descending
                else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    def show_activity(self, activity_id: int) -> None:
        """Show an activity beside the list, and select it when the list holds it."""
        self._current_id = activity_id
        row = self.model.row_of(activity_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._select_row(row)
        self.detail.show_activity(activity_id)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(ENTITY):
            self.model.refresh()
            if self.detail.detail is not None:
                self.detail.reload()
        if any(changes.touches(entity) for entity in _CHOICE_ENTITIES):
            self._load_choices()

    def _load_choices(self) -> None:
        clients, codes = self._clients, self._codes
        self._tasks.run(
            self, lambda: load_activity_choices(clients, codes), on_done=self._choices_loaded
        )

    def _choices_loaded(self, choices: ClientChoices) -> None:
        self._choices = choices
        self.filters.set_choices(choices)

    # ---- actions ----------------------------------------------------------------------

    def open_new(self) -> ActivityDialog | None:
        if not self._activities.can_create or self._choices is None:
            return None
        return self.activity_actions.new(self._choices)

    def _requested(self, key: str) -> None:
        detail = self.detail.detail
        if detail is None or self._choices is None:
            return
        if key in _PHOTO_KEYS:
            photo = self.detail.photo_strip.current_photo()
            if photo is not None:
                self.activity_actions.open_photo(key, detail, photo)
            return
        self.activity_actions.open(key, detail, self._choices)
