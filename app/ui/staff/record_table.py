"""A list page of simple records: a search box, a year and one more filter, opened by dialog.

The supervision, training, volunteer, service and resource lists differ only in their
query, their columns and their dialogs; this is the list page (`ListPage`) they share,
with no detail pane: Enter or a double click asks for the record's dialog (`opened`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from app.services.lists.service import ListExportService
from app.ui.clients.choices import fill_combo
from app.ui.tasks import TaskRunner
from app.ui.widgets.filter_bar import ListFilterBar
from app.ui.widgets.lazy_table import LazyIdTableModel
from app.ui.widgets.list_page import ListPage

YEARS_SHOWN = 6
COLUMN_WIDTH = 110


@dataclass(frozen=True)
class Filters:
    """What the bar above a list says: the search text, a year and the extra choice."""

    text: str = ""
    year: int | None = None
    choice: Any = None


class RecordFilterBar(ListFilterBar):
    """The search box, a year (unless hidden) and one more choice (form, kind, village…)."""

    def __init__(
        self,
        *,
        make_query: Callable[[Filters], Any],
        today: dt.date,
        year_filter: bool,
        choice_blank: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_query = make_query
        self._choice_blank = choice_blank
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.year = QComboBox(self)
        fill_combo(
            self.year,
            [(str(year), year) for year in range(today.year, today.year - YEARS_SHOWN, -1)],
            blank=self.tr("All years"),
        )
        self.year.setToolTip(self.tr("Year"))
        self.year.setVisible(year_filter)
        self.choice = QComboBox(self)
        fill_combo(self.choice, [], blank=choice_blank)
        self.choice.setToolTip(choice_blank)
        self.choice.setVisible(bool(choice_blank))
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.add_filters(self.year, self.choice)

    def set_choices(self, choices: Sequence[tuple[str, object]]) -> None:
        fill_combo(self.choice, list(choices), blank=self._choice_blank)

    def filters(self) -> Filters:
        return Filters(
            text=self.search.text().strip(),
            year=self.year.currentData(),
            choice=self.choice.currentData(),
        )

    def query(self) -> Any:
        return self._make_query(self.filters())


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
        super().__init__(tasks=tasks, query=query, find=find, fetch=fetch, parent=parent)
        # One model class serves lists of different widths.
        self.COLUMN_COUNT = len(headers)  # type: ignore[misc]
        self._header_texts = tuple(headers)
        self._show = display

    def _headers(self) -> tuple[str, ...]:
        return self._header_texts

    def _display(self, row: Any, column: int) -> str:
        return self._show(row, column)


class RecordTable(ListPage[RecordFilterBar, RecordTableModel]):
    """Search, filter and open records; `opened(id)` asks for the edit dialog."""

    opened = Signal(int)
    new_requested = Signal()

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        entity: str,
        refresh_on: Sequence[str] = (),
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
        exports: ListExportService | None = None,
        export_key: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self.ENTITIES = (entity, *refresh_on)
        filters = RecordFilterBar(
            make_query=make_query,
            today=today,
            year_filter=year_filter,
            choice_blank=choice_blank,
            parent=self,
        )
        self.search, self.year, self.choice = filters.search, filters.year, filters.choice
        self.new_button = QPushButton(new_text, self)
        self.new_button.setToolTip(self.tr("New record (Ctrl+N)"))
        self.table.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.table.setToolTip(self.tr("Double-click or press Enter to open"))
        self.set_up(
            filters=filters,
            model=RecordTableModel(
                tasks=tasks,
                query=make_query(Filters()),
                find=find,
                fetch=fetch,
                headers=headers,
                display=display,
                parent=self,
            ),
            new_button=self.new_button,
            on_new=self.new_requested.emit,
            can_create=can_create,
            on_open=self.opened.emit,
            exports=exports,
            export_key=export_key,
        )

    def _table_key(self) -> str:
        return f"{self.ENTITIES[0]}Table"

    def _count_text(self, count: int) -> str:
        return self.tr("%n record(s)", "", count)

    def add_footer(self, widget: QWidget) -> None:
        """Something shown below the list (totals)."""
        self._layout.addWidget(widget)

    def set_choices(self, items: Sequence[tuple[str, object]]) -> None:
        """Fill the extra filter (form, kind, village…), keeping the current choice."""
        self.filters.set_choices(items)
