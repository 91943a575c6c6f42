"""The frame every list page shares: filters, a lazy table, its count, export and a detail pane.

A page states what is its own: its filter bar, its table model and column widths, the
widget that shows the chosen record, its buttons, and the entities whose changes concern
it. This frame does the rest, the same way on every page:

- search as you type; Enter searches at once and moves to the first result; Esc clears;
- the table sorted in SQL from its header (only the columns the model can order by);
- the count of matching records; 导出Excel (Ctrl+E) of the list with the page's filter;
- Ctrl+F to the search box, Ctrl+N for a new record, Enter or a double click opens one;
- the chosen row shown beside the list, and chosen again after the list is searched or
  refreshed; a new search that no longer lists it empties the pane;
- a refresh when the change bus says the page's records, or its filters' choices, changed.

A page builds its parts after `ListPage.__init__` and hands them to `set_up`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

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

from app.services.context import Changes
from app.services.lists.service import ListExportService
from app.ui.tasks import TaskRunner
from app.ui.widgets.column_widths import ColumnWidths
from app.ui.widgets.export_dialog import ExportButton
from app.ui.widgets.filter_bar import ListFilterBar
from app.ui.widgets.lazy_table import LazyIdTableModel

F = TypeVar("F", bound=ListFilterBar)
M = TypeVar("M", bound=LazyIdTableModel[Any, Any])


class ListPage(QWidget, Generic[F, M]):
    """A searchable list of records with the chosen one beside it (see the module doc)."""

    TABLE_NAME: ClassVar[str] = ""
    COUNT_NAME: ClassVar[str] = ""
    COLUMN_WIDTHS: ClassVar[dict[int, int]] = {}
    """Column → width in pixels until the first rows arrive and the columns fit them."""
    ENTITIES: tuple[str, ...] = ()
    """A change to any of these refreshes the list and the record shown."""
    CHOICE_ENTITIES: tuple[str, ...] = ()
    """A change to any of these reloads what the filters offer (`_choice_loader`)."""

    filters: F
    model: M

    def __init__(self, *, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._choices: Any = None
        self._current_id: int | None = None
        self._pick_first = False  # Enter in the search box: go to the first result
        self._follow_list = False  # after a new search the pane shows only a listed record
        self._on_open: Callable[[int], object] | None = None
        self.table = QTableView(self)
        self.count_label = QLabel(self)
        self.export_button: ExportButton | None = None
        self.column_widths: ColumnWidths | None = None
        self._layout = QVBoxLayout(self)

    def set_up(
        self,
        *,
        filters: F,
        model: M,
        detail: QWidget | None = None,
        list_widget: QWidget | None = None,
        new_button: QPushButton | None = None,
        on_new: Callable[[], object] | None = None,
        can_create: bool = False,
        actions: Sequence[QPushButton] = (),
        on_open: Callable[[int], object] | None = None,
        exports: ListExportService | None = None,
        export_key: str = "",
        sizes: tuple[int, int] | None = None,
    ) -> None:
        """Lay the page out and start the first search.

        Args:
            detail: shows the chosen record beside the list (`_show_detail`); none for a
                list whose records open in a dialog (`on_open`).
            list_widget: what stands beside the detail, when the table is inside it (tabs).
            new_button: shown when `can_create`; it and Ctrl+N call `on_new`.
            actions: the page's other buttons, after `new_button`.
            on_open: what Enter or a double click on a row does with its record id.
            exports: with `export_key`, an 导出Excel button (Ctrl+E) for the list's filter.
        """
        self.filters, self.model = filters, model
        self._on_open = on_open
        self.table.setObjectName(self._table_key())
        self.count_label.setObjectName(self.COUNT_NAME)
        self.table.setModel(model)
        self._set_up_table()

        buttons = [*([new_button] if new_button is not None else []), *actions]
        if new_button is not None:
            new_button.setVisible(can_create)
            if on_new is not None:
                new_button.clicked.connect(lambda: on_new())  # not with `checked`
        bar = QHBoxLayout()
        for button in buttons:
            bar.addWidget(button)
        if exports is not None:
            self.export_button = ExportButton(
                exports=exports,
                tasks=self._tasks,
                list_key=export_key,
                query=lambda: self.model.query,
                count=self.model.rowCount,
                parent=self,
            )
            bar.addWidget(self.export_button)
            buttons.append(self.export_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        listing = list_widget or self.table
        body: QWidget = listing
        if detail is not None:
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            splitter.addWidget(listing)
            splitter.addWidget(detail)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            if sizes is not None:
                splitter.setSizes(list(sizes))
            splitter.setChildrenCollapsible(False)
            body = splitter
        self._layout.addWidget(filters)
        self._layout.addLayout(bar)
        self._layout.addWidget(body, 1)

        self._set_up_keys(on_new if can_create else None)
        order: list[QWidget] = [filters.search, *filters.filter_widgets, listing, *buttons]
        if detail is not None:
            order.append(detail)
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        filters.changed.connect(self._filters_changed)
        model.counted.connect(self._counted)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._activated)
        self._tasks.bus.changed.connect(self._changed)
        self._load_choices()
        model.set_query(filters.query())

    def _set_up_table(self) -> None:
        table, model = self.table, self.model
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # Fixed row heights: measuring every row would fetch every row.
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, width in self.COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.column_widths = ColumnWidths(table, self._table_key())
        model.dataChanged.connect(self._rows_arrived)
        if model.SORTS:
            header.setSortIndicator(model.sort_column(), self._sort_order())
            table.setSortingEnabled(True)
            header.sortIndicatorChanged.connect(self._sort_indicator_changed)

    def _rows_arrived(self) -> None:
        # The first rows fetched are what the columns fit; later searches keep the widths.
        if self.model.row_data(0) is None or self.column_widths is None:
            return
        self.model.dataChanged.disconnect(self._rows_arrived)
        self.column_widths.fit()

    def _set_up_keys(self, on_new: Callable[[], object] | None) -> None:
        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.focus_search, context=scope)
        if on_new is not None:
            QShortcut(QKeySequence.StandardKey.New, self, on_new, context=scope)
        self.filters.search.returnPressed.connect(self._search_entered)

    # ---- what a page says ---------------------------------------------------------------

    def _table_key(self) -> str:
        """The table's object name, and the key its column widths are saved under."""
        return self.TABLE_NAME

    def _count_text(self, count: int) -> str:
        """The count label, e.g. "5 clients"."""
        raise NotImplementedError

    def _show_detail(self, record_id: int | None) -> None:
        """Show a record (None: nothing) in the detail pane."""

    def _reload_detail(self) -> None:
        """Read the record shown again (after a change)."""

    def _choice_loader(self) -> Callable[[], Any] | None:
        """A call (run on the worker thread) that reads what the filters offer."""
        return None

    def _choices_loaded(self, choices: Any) -> None:
        self._choices = choices
        self.filters.set_choices(choices)

    # ---- list and selection -------------------------------------------------------------

    def show_record(self, record_id: int) -> None:
        """Show a record beside the list, and select it when the list holds it."""
        self._current_id = record_id
        row = self.model.row_of(record_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._select_row(row)
        self._show_detail(record_id)

    def _clear_detail(self) -> None:
        self._current_id = None
        self._show_detail(None)

    def _filters_changed(self, query: Any) -> None:
        # A refresh after a save keeps showing the record (an archived client drops out of
        # the active list, and the user still wants to see it); a new search does not.
        self._follow_list = True
        self.model.set_filters(query)

    def _counted(self, count: int) -> None:
        self.count_label.setText(self._count_text(count))
        follow, self._follow_list = self._follow_list, False
        if self._pick_first:
            self._pick_first = False
            if count:
                self._select_row(0)
                return
        if self._current_id is not None:
            row = self.model.row_of(self._current_id)
            if row >= 0:
                self._select_row(row)
            elif follow:
                self._clear_detail()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.model.record_id(current.row()) if current.isValid() else None
        if record_id is not None and record_id != self._current_id:
            self.show_record(record_id)

    def _activated(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id is not None and self._on_open is not None:
            self._on_open(record_id)

    def _search_entered(self) -> None:
        """Enter in the search box: search now and move to the first result."""
        self.filters.flush()
        self.table.setFocus()
        if self.model.searching:
            self._pick_first = True
        elif self.model.rowCount():
            self._select_row(0)

    def _sort_order(self) -> Qt.SortOrder:
        if self.model.query.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # The list is sorted in SQL, and only some columns have an order there.
            self.table.horizontalHeader().setSortIndicator(
                self.model.sort_column(), self._sort_order()
            )

    # ---- changes elsewhere --------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(entity) for entity in self.ENTITIES):
            self.model.refresh()
            self._reload_detail()
        if any(changes.touches(entity) for entity in self.CHOICE_ENTITIES):
            self._load_choices()

    def _load_choices(self) -> None:
        loader = self._choice_loader()
        if loader is not None:
            self._tasks.run(self, loader, on_done=self._choices_loaded)
