"""The main window fits a small laptop screen: 1366×768 at 125 % leaves about 1093×580.

Every page and every tab is looked at on the demo station with a record chosen, the way a
new user first sees them; none may ask for more room than the window has there. The
sidebar shows its labels whole, and the 工作台 待办 shows whom each item is about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.demo.builder import fill_station
from app.services.context import Actor
from app.store.engine import Database
from app.ui.cases.todo import CLIENT_COLUMN as TODO_CLIENT_COLUMN
from app.ui.dashboard.page import DashboardPage
from app.ui.main_window import PAGES, MainWindow
from app.ui.widgets.list_page import ListPage
from tests.ui.shell_helpers import chinese_ui

SMALL_SCREEN = QSize(1093, 580)


def settle(window: MainWindow) -> None:
    """Let every background load finish and its results reach the widgets."""
    for _ in range(3):
        assert window.tasks.wait()
        QApplication.processEvents()


def choose_first_row(page: QWidget) -> None:
    if isinstance(page, ListPage) and page.model.rowCount() > 0:
        page.table.selectRow(0)


def tabs_of(page: QWidget) -> list[QTabWidget]:
    return [tabs for tabs in page.findChildren(QTabWidget) if tabs.isVisibleTo(page)]


def fits(hint: QSize, room: QSize) -> bool:
    return hint.width() <= room.width() and hint.height() <= room.height()


@pytest.fixture
def demo_window(
    qtbot: QtBot, db: Database, admin: Actor, open_window: Callable[..., MainWindow]
) -> Iterator[MainWindow]:
    """The demo station in the window (the sidebar and status bar styled), at the small size."""
    fill_station(db, admin)
    with chinese_ui():
        window = open_window(admin)
        window.resize(SMALL_SCREEN)
        settle(window)
        yield window


def test_every_page_fits_a_small_laptop_screen(demo_window: MainWindow) -> None:
    window = demo_window
    too_big: list[str] = []
    for index, key in enumerate(PAGES):
        window.nav.setCurrentRow(index)
        settle(window)
        page = window.page(key)
        choose_first_row(page)
        settle(window)
        views = [key]
        for tabs in tabs_of(page):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                settle(window)
                views.append(f"{key}/{tabs.tabText(tab)}")
                if not fits(page.minimumSizeHint(), window.stack.size()):
                    too_big.append(f"{views[-1]}: {page.minimumSizeHint()}")
            tabs.setCurrentIndex(0)
        if not fits(page.minimumSizeHint(), window.stack.size()):
            too_big.append(f"{key}: {page.minimumSizeHint()}")
    assert not too_big, f"room for a page: {window.stack.size()}; pages asking more: {too_big}"
    assert fits(window.minimumSizeHint(), SMALL_SCREEN)
    assert window.size() == SMALL_SCREEN


def test_the_sidebar_shows_every_label_whole(
    qtbot: QtBot, open_window: Callable[..., MainWindow], admin: Actor
) -> None:
    # In English the labels are longest ("Supervision & training"); with the app's larger
    # sidebar font from the style sheet.
    window = open_window(admin)
    assert "navigation" in window.nav.styleSheet()  # the sidebar's own sheet, as in the app
    window.resize(SMALL_SCREEN)
    QApplication.processEvents()
    nav = window.nav
    room = nav.viewport().width()
    for row in range(nav.count()):
        needed = nav.sizeHintForIndex(nav.model().index(row, 0)).width()
        assert needed <= room, f"{nav.item(row).text()!r} needs {needed} px of {room}"
        assert nav.visualItemRect(nav.item(row)).right() < room
    assert nav.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert nav.horizontalScrollBar().maximum() == 0
    assert not nav.horizontalScrollBar().isVisible()


def test_the_todo_list_shows_whom_each_item_is_about(demo_window: MainWindow) -> None:
    window = demo_window
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    tree = dashboard.todo.tree
    assert tree.model().rowCount() > 0
    header = tree.header()
    right = header.sectionViewportPosition(TODO_CLIENT_COLUMN) + header.sectionSize(
        TODO_CLIENT_COLUMN
    )
    assert right <= tree.viewport().width(), "the client column lies beyond the panel"
    assert header.sectionSize(TODO_CLIENT_COLUMN) >= tree.sizeHintForColumn(TODO_CLIENT_COLUMN)
