"""The user guide: F1 opens the page about the page in front; the search filters pages."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.services.context import Actor
from app.store.engine import Database
from app.ui.help.guide import TOPICS, load_pages, matching
from app.ui.help.window import HelpWindow, add_help_key, show_help
from app.ui.main_window import PAGES, MainWindow
from app.ui.tasks import TaskRunner
from app.ui.wizard import SetupWizard
from tests.ui.shell_helpers import chinese_ui, visible


def press_f1(qtbot: QtBot, window: QWidget) -> HelpWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    (helper,) = visible(HelpWindow)
    return helper


def test_f1_on_the_cases_page_opens_the_guide_on_cases(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    assert not visible(HelpWindow)
    main_window.nav.setCurrentRow(PAGES.index("cases"))
    helper = press_f1(qtbot, main_window)
    assert helper.current is not None and helper.current.key == "cases"
    assert helper.current.title == "开个案和结案"
    assert helper.list.currentItem().text() == "开个案和结案"
    assert "申请结案" in helper.browser.toPlainText()
    # F1 on another page turns the same window to that page's help.
    main_window.nav.setCurrentRow(PAGES.index("reports"))
    assert press_f1(qtbot, main_window) is helper
    assert helper.current.key == "reports"


def test_every_page_of_the_window_has_its_help(qtbot: QtBot, main_window: MainWindow) -> None:
    keys = {page.key for page in load_pages()}
    assert set(TOPICS) == set(PAGES)
    for page, (key, heading) in TOPICS.items():
        assert key in keys, page
        helper = show_help(main_window, key, heading)
        assert helper.current is not None and helper.current.key == key
        if heading:  # the section the page is about is in view
            cursor = helper.browser.textCursor()
            assert cursor.block().text() == heading, page
            assert cursor.blockFormat().headingLevel() > 0, page


def test_the_menu_opens_the_guide(
    qapp: QApplication, open_window: Callable[[Actor], MainWindow], admin: Actor
) -> None:
    with chinese_ui():
        window = open_window(admin)
        menus = {menu.title(): menu for menu in window.menuBar().findChildren(QMenu)}
        (guide,) = [a for a in menus["帮助(&H)"].actions() if a.text() == "使用指南(&U)"]
        assert guide.shortcut().toString() == "F1"
        guide.trigger()
        (helper,) = visible(HelpWindow)
        assert helper.windowTitle() == "社工站工作台使用指南"
        assert helper.search.placeholderText() == "搜索使用指南（Ctrl+F）"
        helper.search.setText("月结")
        count = len(matching(load_pages(), "月结"))
        assert helper.found.text() == f"有 {count} 页包含要找的字"
    assert helper.parent() is window and helper.isWindow()
    assert window.current_key() == "dashboard"
    assert helper.current is not None and helper.current.key == "first-start"


def test_the_search_finds_month_close_in_the_reports_page(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    helper = show_help(main_window, "clients")
    helper.search.setText("月结")
    shown = helper.shown_keys()
    assert "reports" in shown and "late-entry" in shown
    assert "clients" not in shown and "groups" not in shown
    assert helper.found.isVisible()
    # The page shown moved to a match, whose words are marked and in view.
    assert helper.current is not None and helper.current.key == shown[0]
    assert helper.browser.extraSelections()
    helper.search.setText("月结 更正原因 查看差异")
    assert helper.shown_keys() == ["reports"]
    helper.search.setText("没有这种说法")
    assert helper.shown_keys() == []
    helper.search.clear()
    assert len(helper.shown_keys()) == len(load_pages())


def test_the_keyboard_reaches_everything(qtbot: QtBot, main_window: MainWindow) -> None:
    helper = show_help(main_window, "clients")
    qtbot.waitUntil(helper.isActiveWindow)
    qtbot.keyClick(helper, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert helper.search.hasFocus()
    helper.search.setText("备份密码")
    qtbot.keyClick(helper.search, Qt.Key.Key_Return)  # the first match, and into the list
    assert helper.list.hasFocus()
    assert helper.current is not None and helper.current.key == helper.shown_keys()[0]
    helper.search.clear()
    helper.list.setCurrentRow(0)
    qtbot.keyClick(helper.list, Qt.Key.Key_Down)
    assert helper.current.key == load_pages()[1].key
    qtbot.keyClick(helper.list, Qt.Key.Key_Escape)
    assert not helper.isVisible()


def test_links_between_pages_are_followed(qtbot: QtBot, main_window: MainWindow) -> None:
    helper = show_help(main_window, "late-entry")
    helper.browser.anchorClicked.emit(QUrl("06-reports.md"))
    assert helper.current is not None and helper.current.key == "reports"
    assert helper.list.currentItem().text() == "月报与月结"


def test_every_link_in_the_guide_names_a_page() -> None:
    names = {page.file_name for page in load_pages()}
    for page in load_pages():
        for target in re.findall(r"\]\(([^)]+)\)", page.text):
            assert target in names, (page.key, target)


def test_f1_in_a_dialog_opens_the_guide_beside_it(qtbot: QtBot, main_window: MainWindow) -> None:
    dialog = QDialog(main_window)
    add_help_key(dialog, "import")
    dialog.open()  # window-modal: the guide must belong to the dialog to be usable
    qtbot.waitExposed(dialog)
    helper = press_f1(qtbot, dialog)
    # A window of the modal dialog's own, so the modality does not block it.
    assert helper.parent() is dialog and helper.isWindow()
    assert helper.current is not None and helper.current.key == "import"
    assert QApplication.activeModalWidget() is dialog


def test_the_list_holds_every_page_of_the_guide(qtbot: QtBot, main_window: MainWindow) -> None:
    pages = load_pages()
    helper = show_help(main_window, "faq")
    assert helper.shown_keys() == [page.key for page in pages]
    for row, page in enumerate(pages):
        assert helper.list.item(row).text() == page.title
        helper.list.setCurrentRow(row)
        assert helper.current == page
        assert len(helper.browser.toPlainText()) > 300, page.key


def test_the_first_start_wizard_offers_the_guide(
    qtbot: QtBot, db: Database, tasks: TaskRunner
) -> None:
    wizard = SetupWizard(db=db, tasks=tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.button(QWizard.WizardButton.HelpButton).click()
    (helper,) = visible(HelpWindow)
    assert helper.parent() is wizard
    assert helper.current is not None and helper.current.key == "first-start"
