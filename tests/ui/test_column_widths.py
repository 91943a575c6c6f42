"""List columns fit their content at first, survive a search, and are kept per user."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from app.domain.codes import SEED, CodeList
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.ui.clients.page import ClientsPage
from app.ui.clients.table_model import ClientTableModel
from app.ui.pages import build_page
from app.ui.staff.page import StaffPage
from app.ui.tasks import TaskRunner
from app.ui.widgets.column_widths import MAX_WIDTH, ColumnWidths, remember_columns
from app.ui.window_geometry import ColumnStore

CATEGORIES = ClientTableModel.CATEGORIES


@pytest.fixture
def clients(db: Database, admin: Actor) -> None:
    service = ClientService(db, admin)
    codes = tuple(code for code, _label in SEED[CodeList.CLIENT_CATEGORY][:3])
    service.create(ClientInput(name="张桂兰", categories=codes, address="梅林村" * 40))
    service.create(ClientInput(name="李四"))


def open_page(
    qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner, *, remember: bool = True
) -> ClientsPage:
    page = ClientsPage(clients=ClientService(db, actor), codes=CodeService(db, actor), tasks=tasks)
    qtbot.addWidget(page)
    if remember:
        remember_columns(page, ColumnStore(actor))
    page.resize(820, 600)  # narrower than the columns: the table scrolls, none collapses
    page.show()
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5_000)
    return page


def header(page: ClientsPage) -> QHeaderView:
    return page.table.horizontalHeader()


def keeper(page: ClientsPage) -> ColumnWidths:
    assert page.column_widths is not None
    return page.column_widths


def search(qtbot: QtBot, page: ClientsPage, text: str) -> None:
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.search.setText(text)
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5_000)


def test_columns_fit_their_content_within_a_maximum(
    qtbot: QtBot, db: Database, admin: Actor, clients: None, tasks: TaskRunner
) -> None:
    page = open_page(qtbot, db, admin, tasks)
    head = header(page)
    metrics = page.table.fontMetrics()
    # Three categories are wider than the maximum: cut there, wider than one of them.
    assert head.sectionSize(CATEGORIES) == MAX_WIDTH
    assert metrics.horizontalAdvance("特困人员·分散供养、特困人员·集中供养") < MAX_WIDTH
    assert head.sectionSize(ClientTableModel.NAME) > metrics.horizontalAdvance("张桂兰")
    assert head.sectionSize(ClientTableModel.NAME) < 120
    for column in range(head.count() - 1):
        assert head.sectionSize(column) >= head.sectionSizeHint(column), column


def test_widths_survive_a_search_and_a_refresh(
    qtbot: QtBot, db: Database, admin: Actor, clients: None, tasks: TaskRunner
) -> None:
    page = open_page(qtbot, db, admin, tasks)
    before = keeper(page).widths()
    search(qtbot, page, "李")
    assert page.model.rowCount() == 1
    assert keeper(page).widths() == before
    assert header(page).sectionSize(CATEGORIES) >= header(page).sectionSizeHint(CATEGORIES)
    search(qtbot, page, "")
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5_000)
    assert keeper(page).widths() == before


def test_a_users_widths_come_back_and_another_user_gets_the_fitted_ones(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    clients: None,
    tasks: TaskRunner,
) -> None:
    first = open_page(qtbot, db, admin, tasks)
    fitted = keeper(first).widths()
    header(first).resizeSection(CATEGORIES, 61)  # as the user's drag does
    header(first).resizeSection(ClientTableModel.NAME, 133)
    keeper(first).flush()
    mine = keeper(first).widths()
    assert mine != fitted
    search(qtbot, first, "张")
    assert keeper(first).widths() == mine

    again = open_page(qtbot, db, admin, tasks)
    assert keeper(again).widths() == mine
    assert header(again).sectionSize(CATEGORIES) == 61

    other = make_actor(Role.WORKER, "xiaoli", "李社工")
    theirs = open_page(qtbot, db, other, tasks)
    assert keeper(theirs).widths() == fitted


def test_a_drag_is_saved_by_itself(
    qtbot: QtBot, db: Database, admin: Actor, clients: None, tasks: TaskRunner
) -> None:
    page = open_page(qtbot, db, admin, tasks)
    header(page).resizeSection(CATEGORIES, 77)
    store = ColumnStore(admin)
    qtbot.waitUntil(lambda: (store.load("clientTable") or [0] * 10)[CATEGORIES] == 77)


def test_a_tab_made_when_first_shown_gets_the_users_widths(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    # 督导/培训 makes its hours tab when it is first shown (app/ui/widgets/lazy_tabs.py).
    ColumnStore(admin).save("hoursTable", [150, 90])
    page = build_page("staff", db=db, actor=admin, tasks=tasks)
    assert isinstance(page, StaffPage)
    qtbot.addWidget(page)
    page.show()
    assert not page.lazy.is_made("hours")
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index("Hours per worker"))  # as a click on it does
    assert page.lazy.is_made("hours")
    hours = page.hours.column_widths
    assert hours.user_set and hours.widths()[:2] == [150, 90]
