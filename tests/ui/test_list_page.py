"""The list page frame, on a tiny page over a fake service: search, filter, sort, export,
selection → detail, refresh after a change; and the record table built on it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.context import Changes
from app.services.listing import ExportResult
from app.ui.clients.choices import fill_combo
from app.ui.staff.record_table import Filters, RecordTable
from app.ui.tasks import TaskRunner
from app.ui.widgets.export_dialog import ExportDialog
from app.ui.widgets.filter_bar import ListFilterBar
from app.ui.widgets.lazy_table import LazyIdTableModel
from app.ui.widgets.list_page import ListPage
from tests.ui.shell_helpers import close_dialogs


class ThingSort(enum.Enum):
    NAME = "name"
    COLOUR = "colour"


@dataclasses.dataclass(frozen=True)
class ThingQuery:
    text: str = ""
    colour: str = ""
    year: int | None = None
    sort: ThingSort = ThingSort.NAME
    descending: bool = False


@dataclasses.dataclass(frozen=True)
class Thing:
    id: int
    name: str
    colour: str


class Things:
    """A service in memory: ids by query (filtered and sorted "in SQL"), rows by id."""

    def __init__(self) -> None:
        self.things = {
            1: Thing(1, "apple", "red"),
            2: Thing(2, "banana", "yellow"),
            3: Thing(3, "cherry", "red"),
            4: Thing(4, "apricot", "orange"),
        }
        self.queries: list[ThingQuery] = []
        self.colour_loads = 0

    def add(self, name: str, colour: str) -> int:
        new_id = max(self.things) + 1
        self.things[new_id] = Thing(new_id, name, colour)
        return new_id

    def search_ids(self, query: ThingQuery) -> list[int]:
        self.queries.append(query)
        found = [
            t
            for t in self.things.values()
            if query.text in t.name and (not query.colour or t.colour == query.colour)
        ]
        key = (lambda t: t.name) if query.sort is ThingSort.NAME else (lambda t: t.colour)
        return [t.id for t in sorted(found, key=key, reverse=query.descending)]

    def rows(self, ids: Sequence[int]) -> list[Thing]:
        return [self.things[i] for i in ids if i in self.things]

    def colours(self) -> list[str]:
        self.colour_loads += 1
        return sorted({t.colour for t in self.things.values()})


class ThingModel(LazyIdTableModel[ThingQuery, Thing]):
    NAME, COLOUR = range(2)
    COLUMN_COUNT = 2
    SORTS = {NAME: ThingSort.NAME}

    def _headers(self) -> tuple[str, ...]:
        return ("Name", "Colour")

    def _display(self, row: Thing, column: int) -> str:
        return row.name if column == self.NAME else row.colour


class ThingFilterBar(ListFilterBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="thingSearch")
        self.colour = QComboBox(self)
        fill_combo(self.colour, [], blank="All colours")
        self.add_filters(self.colour)

    def set_choices(self, choices: list[str]) -> None:
        fill_combo(self.colour, [(c, c) for c in choices], blank="All colours")

    def query(self) -> ThingQuery:
        return ThingQuery(text=self.search.text().strip(), colour=self.colour.currentData() or "")


class ThingDetail(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.shown: int | None = None
        self.reloads = 0


class ThingPage(ListPage[ThingFilterBar, ThingModel]):
    TABLE_NAME = "thingTable"
    ENTITIES = ("thing",)
    CHOICE_ENTITIES = ("colour",)

    def __init__(self, *, things: Things, tasks: TaskRunner, exports: Any = None) -> None:
        super().__init__(tasks=tasks)
        self._things = things
        self.detail = ThingDetail(self)
        self.new_button = QPushButton("New", self)
        self.new_count = 0
        self.opened: list[int] = []
        self.set_up(
            filters=ThingFilterBar(self),
            model=ThingModel(
                tasks=tasks,
                query=ThingQuery(),
                find=lambda query: things.search_ids(query),
                fetch=lambda ids: things.rows(ids),
                parent=self,
            ),
            detail=self.detail,
            new_button=self.new_button,
            on_new=self.new_thing,
            can_create=True,
            on_open=self.opened.append,
            exports=exports,
            export_key="things",
        )

    def new_thing(self) -> None:
        self.new_count += 1

    def _count_text(self, count: int) -> str:
        return f"{count} things"

    def _show_detail(self, record_id: int | None) -> None:
        self.detail.shown = record_id

    def _reload_detail(self) -> None:
        self.detail.reloads += 1

    def _choice_loader(self) -> Callable[[], list[str]]:
        things = self._things
        return things.colours


class FakeExports:
    """What the export dialog asks of `ListExportService`, recording the export asked for."""

    can_export = True
    can_reveal = False

    def __init__(self) -> None:
        self.exported: list[tuple[str, Any]] = []

    def lists(self) -> dict[str, str]:
        return {"things": "东西"}

    def export(self, key: str, path: Path, *, query: Any, **_kwargs: Any) -> ExportResult:
        self.exported.append((key, query))
        path.write_bytes(b"")
        return ExportResult(path=path, rows=1, full_ids=False)


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()
    close_dialogs()


@pytest.fixture
def things() -> Things:
    return Things()


def make_page(qtbot: QtBot, things: Things, tasks: TaskRunner, exports: Any = None) -> ThingPage:
    page = ThingPage(things=things, tasks=tasks, exports=exports)
    qtbot.addWidget(page)
    page.resize(800, 400)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching and page._choices is not None, timeout=5_000)
    return page


def names(qtbot: QtBot, page: ThingPage) -> list[str]:
    model = page.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(
        lambda: all(model.row_data(r) is not None for r in range(model.rowCount())),
        timeout=5_000,
    )
    return [model.data(model.index(r, ThingModel.NAME)) for r in range(model.rowCount())]


def search(qtbot: QtBot, page: ThingPage, text: str) -> list[str]:
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.search.setText(text)
    return names(qtbot, page)


def select(qtbot: QtBot, page: ThingPage, row: int) -> int:
    index = page.model.index(row, 0)
    page.table.setCurrentIndex(index)
    record_id = page.model.record_id(row)
    qtbot.waitUntil(lambda: page.detail.shown == record_id, timeout=5_000)
    assert record_id is not None
    return record_id


def click_header(qtbot: QtBot, page: ThingPage, column: int) -> None:
    header = page.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_search_as_you_type_filters_and_count(
    qtbot: QtBot, qtmodeltester: ModelTester, things: Things, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, things, tasks)
    assert names(qtbot, page) == ["apple", "apricot", "banana", "cherry"]
    assert page.count_label.text() == "4 things"
    qtmodeltester.check(page.model)
    assert search(qtbot, page, "ap") == ["apple", "apricot"]
    assert page.count_label.text() == "2 things"
    # The filter offers what the choice loader read, and narrows the same search.
    assert page.filters.colour.findData("red") > 0
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.colour.setCurrentIndex(page.filters.colour.findData("red"))
    assert names(qtbot, page) == ["apple"]
    assert things.queries[-1] == ThingQuery(text="ap", colour="red")
    # Esc clears the search box, and the cleared search runs.
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.filters.search.text() == ""
    assert names(qtbot, page) == ["apple", "cherry"]


def test_the_header_sorts_in_sql_and_only_where_it_can(
    qtbot: QtBot, things: Things, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, things, tasks)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == ThingModel.NAME
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        click_header(qtbot, page, ThingModel.NAME)
    assert page.model.query.descending
    assert things.queries[-1].descending
    assert names(qtbot, page) == ["cherry", "banana", "apricot", "apple"]
    # Colour has no order in "SQL": the click changes nothing and the indicator stays.
    searches = len(things.queries)
    click_header(qtbot, page, ThingModel.COLOUR)
    assert header.sortIndicatorSection() == ThingModel.NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    tasks.wait()
    assert len(things.queries) == searches
    # A new search keeps the order chosen from the header.
    assert search(qtbot, page, "p") == ["apricot", "apple"]


def test_the_chosen_row_shows_beside_the_list_and_stays_chosen_after_a_change(
    qtbot: QtBot, things: Things, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, things, tasks)
    banana = select(qtbot, page, 2)
    assert banana == 2
    # A record added elsewhere moves banana down a row; the selection follows it.
    new_id = things.add("avocado", "green")
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        tasks.bus.changed.emit(Changes.of("thing", ids=(new_id,)))
    assert page.model.rowCount() == 5
    assert page.model.record_id(page.table.currentIndex().row()) == banana
    assert page.detail.shown == banana and page.detail.reloads == 1
    # A change to something else leaves the list alone; one to the choices reloads them.
    loads = things.colour_loads
    tasks.bus.changed.emit(Changes.of("colour"))
    qtbot.waitUntil(lambda: things.colour_loads == loads + 1, timeout=5_000)
    qtbot.waitUntil(lambda: page.filters.colour.findData("green") > 0, timeout=5_000)
    assert page.detail.reloads == 1


def test_a_new_search_drops_the_record_it_no_longer_lists(
    qtbot: QtBot, things: Things, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, things, tasks)
    select(qtbot, page, 3)  # cherry
    assert search(qtbot, page, "ap") == ["apple", "apricot"]
    qtbot.waitUntil(lambda: page.detail.shown is None, timeout=5_000)
    # One the new list still holds stays chosen.
    apple = select(qtbot, page, 0)
    assert search(qtbot, page, "appl") == ["apple"]
    assert page.detail.shown == apple
    assert page.table.currentIndex().row() == 0


def test_keys_find_new_enter_and_open(qtbot: QtBot, things: Things, tasks: TaskRunner) -> None:
    page = make_page(qtbot, things, tasks)
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filters.search
    qtbot.keyClick(page.filters.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.new_count == 1
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.new_count == 2
    # Enter searches at once and goes to the first result, in the table.
    page.filters.search.setText("cher")
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail.shown == 3, timeout=5_000)
    assert QApplication.focusWidget() is page.table
    # Enter on the row opens it.
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.opened == [3]
    # Enter on a search already done goes back to its first result.
    assert search(qtbot, page, "a") == ["apple", "apricot", "banana"]
    select(qtbot, page, 2)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert page.table.currentIndex().row() == 0
    assert page.detail.shown == page.model.record_id(0)


def test_ctrl_e_exports_the_list_with_the_pages_filter(
    qtbot: QtBot, things: Things, tasks: TaskRunner, tmp_path: Path
) -> None:
    exports = FakeExports()
    page = make_page(qtbot, things, tasks, exports=exports)
    assert page.export_button is not None and page.export_button.isVisible()
    search(qtbot, page, "ch")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = page.export_button.dialog
    assert isinstance(dialog, ExportDialog)
    assert "1" in dialog.summary.text()
    dialog.path.setText(str(tmp_path / "things.xlsx"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(exports.exported), timeout=5_000)
    assert exports.exported == [("things", ThingQuery(text="ch"))]


def test_no_export_button_without_the_export_service(
    qtbot: QtBot, things: Things, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, things, tasks)
    assert page.export_button is None
    assert page.table.objectName() == "thingTable"


def test_the_record_table_opens_records_by_dialog(
    qtbot: QtBot, things: Things, tasks: TaskRunner
) -> None:
    def make_query(f: Filters) -> ThingQuery:
        return ThingQuery(text=f.text, colour=f.choice or "", year=f.year)

    table = RecordTable(
        tasks=tasks,
        entity="thing",
        make_query=make_query,
        find=things.search_ids,
        fetch=things.rows,
        headers=("Name", "Colour"),
        display=lambda row, column: (row.name, row.colour)[column],
        new_text="New thing",
        can_create=False,
        today=dt.date(2026, 5, 20),
        choice_blank="All colours",
    )
    qtbot.addWidget(table)
    table.show()
    qtbot.waitUntil(lambda: not table.model.searching, timeout=5_000)
    assert table.model.rowCount() == 4 and "4" in table.count_label.text()
    assert not table.new_button.isVisibleTo(table)
    assert not table.table.isSortingEnabled()
    table.set_choices([("Red", "red")])
    with qtbot.waitSignal(table.model.counted, timeout=5_000):
        table.year.setCurrentIndex(table.year.findData(2025))
    with qtbot.waitSignal(table.model.counted, timeout=5_000):
        table.choice.setCurrentIndex(table.choice.findData("red"))
    assert things.queries[-1] == ThingQuery(colour="red", year=2025)
    assert table.model.rowCount() == 2
    with qtbot.waitSignal(table.opened, timeout=5_000) as opened:
        table.table.activated.emit(table.model.index(1, 0))
    assert opened.args == [table.model.record_id(1)]
    with qtbot.waitSignal(table.model.counted, timeout=5_000):
        tasks.bus.changed.emit(Changes.of("thing"))
