"""A lazy list of staff records with a search box, a year filter and a "new" button.

The supervision, training, volunteer, service and resource lists differ only in their
query, their columns and their dialogs; this widget holds what they share.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Changes
from app.services.lists.service import ListExportService
from app.ui.tasks import TaskRunner
from app.ui.widgets.export_dialog import ExportButton
from app.ui.widgets.lazy_table import LazyIdTableModel

DEBOUNCE_MS = 250
YEARS_SHOWN = 6


@dataclass(frozen=True)
class Filters:
    """What the bar above a list says: the search text, a year and the extra choice."""

    text: str = ""
    year: int | None = None
    choice: Any = None


class RecordTableModel(LazyIdTableModel[Any, Any]):
    """Rows of any record service: `find(query)` gives ids, `fetch(ids)` rows."""

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        query: Any,
        find: Callable[[Any], list[int]],
        fetch: Callable[[Sequence[int]], list[Any]],
        headers: Sequence[str],
        display: Callable[[Any, int], str],
        parent: Any = None,
    ) -> None:
        super().__init__(tasks=tasks, query=query, parent=parent)
        # One model class serves lists of different widths.
        self.COLUMN_COUNT = len(headers)  # type: ignore[misc]
        self._find, self._fetch_rows = find, fetch
        self._header_texts = tuple(headers)
        self._show = display

    def _id_fetcher(self, query: Any) -> Callable[[], list[int]]:
        find = self._find
        return lambda: find(query)

    def _row_fetcher(self, ids: Sequence[int]) -> Callable[[], list[Any]]:
        fetch, chosen = self._fetch_rows, list(ids)
        return lambda: fetch(chosen)

    def _headers(self) -> tuple[str, ...]:
        return self._header_texts

    def _display(self, row: Any, column: int) -> str:
        return self._show(row, column)


class RecordTable(QWidget):
    """Search, filter and open records; `opened(id)` asks for the edit dialog."""

    opened = Signal(int)
    new_requested = Signal()

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        entity: str,
        make_query: Callable[[Filters], Any],
        find: Callable[[Any], list[int]],
        fetch: Callable[[Sequence[int]], list[Any]],
        headers: Sequence[str],
        display: Callable[[Any, int], str],
        new_text: str,
        can_create: bool,
        today: dt.date,
        year_filter: bool = True,
        choice_blank: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entity = entity
        self._tasks = tasks
        self._make_query = make_query
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.year = QComboBox(self)
        self.year.addItem(self.tr("All years"), None)
        for year in range(today.year, today.year - YEARS_SHOWN, -1):
            self.year.addItem(str(year), year)
        self.year.setToolTip(self.tr("Year"))
        self.year.setVisible(year_filter)
        self.choice = QComboBox(self)
        self.choice.addItem(choice_blank, None)
        self.choice.setToolTip(choice_blank)
        self.choice.setVisible(bool(choice_blank))
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.new_button = QPushButton(new_text, self)
        self.new_button.setToolTip(self.tr("New record (Ctrl+N)"))
        self.new_button.setVisible(can_create)
        self.count_label = QLabel(self)
        self.model = RecordTableModel(
            tasks=tasks,
            query=make_query(Filters()),
            find=find,
            fetch=fetch,
            headers=headers,
            display=display,
            parent=self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.setToolTip(self.tr("Double-click or press Enter to open"))

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.year)
        bar.addWidget(self.choice)
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self._bar = bar
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.year.currentIndexChanged.connect(self.apply_filters)
        self.choice.currentIndexChanged.connect(self.apply_filters)
        self.model.counted.connect(self._counted)
        self.table.activated.connect(self._activated)
        self.new_button.clicked.connect(self.new_requested)
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus, context=scope)
        new = QShortcut(QKeySequence.StandardKey.New, self, self.new_requested.emit, context=scope)
        new.setEnabled(can_create)
        QWidget.setTabOrder(self.search, self.year)
        QWidget.setTabOrder(self.year, self.choice)
        QWidget.setTabOrder(self.choice, self.new_button)
        QWidget.setTabOrder(self.new_button, self.table)
        tasks.bus.changed.connect(self._changed)
        self.model.set_query(self.model.query)

    def add_export(self, exports: ListExportService, list_key: str) -> None:
        """An 导出Excel button (Ctrl+E) that exports this list with its current filter."""
        button = ExportButton(
            exports=exports,
            tasks=self._tasks,
            list_key=list_key,
            query=lambda: self.model.query,
            count=self.model.rowCount,
            parent=self,
        )
        self._bar.insertWidget(self._bar.indexOf(self.new_button) + 1, button)

    def add_footer(self, widget: QWidget) -> None:
        """Something shown below the list (totals)."""
        self.layout_.addWidget(widget)

    def set_choices(self, items: Sequence[tuple[str, object]]) -> None:
        """Fill the extra filter (form, kind, village…), keeping the current choice."""
        current = self.choice.currentData()
        self.choice.blockSignals(True)
        while self.choice.count() > 1:
            self.choice.removeItem(1)
        for label, data in items:
            self.choice.addItem(label, data)
        self.choice.setCurrentIndex(max(self.choice.findData(current), 0))
        self.choice.blockSignals(False)

    def filters(self) -> Filters:
        return Filters(
            text=self.search.text().strip(),
            year=self.year.currentData(),
            choice=self.choice.currentData(),
        )

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.set_query(self._make_query(self.filters()))

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("%n record(s)", "", count))

    def _activated(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id is not None:
            self.opened.emit(record_id)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(self._entity):
            self.model.refresh()
