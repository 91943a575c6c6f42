"""The help window: the guide's pages on the left, the page on the right, a search above.

One window per top-level window that asks (the main window, or a dialog such as 导入名单,
whose modality would otherwise block a window of the main window's). It is a child of
that window, so it closes with it, but a window of its own, so it can be moved aside
while the user follows the steps. F1 on the main window opens the page about the page in
front (guide.topic_for); the search keeps only the pages that hold every word typed and
marks the words in the page shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.help.guide import HelpPage, load_pages, matching, topic_for

KEY_ROLE = Qt.ItemDataRole.UserRole


class HelpWindow(QWidget):
    """The user guide; `show_page` chooses what it shows."""

    def __init__(self, pages: list[HelpPage], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Station Desk user guide"))
        self._pages = {page.key: page for page in pages}
        self._order = pages
        self.current: HelpPage | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("helpSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search the guide (Ctrl+F)"))
        self.found = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("helpPages")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        # Links between pages name their files; the window follows them itself.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.found)
        column.addWidget(self.list, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 640])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.browser)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._first_match)
        self.list.currentItemChanged.connect(self._chosen)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        self.search.installEventFilter(self)
        self._filter("")
        self._fit_screen()

    def show_page(self, key: str, heading: str = "") -> None:
        """Show one page, scrolled to `heading` if given; a search that leaves it out is cleared."""
        page = self._pages.get(key) or (self._order[0] if self._order else None)
        if page is None:
            return
        if not page.contains(self.search.text()):
            self.search.clear()
        self._select(page.key)
        self._show(page)
        if heading:
            self._scroll_to(heading)

    def shown_keys(self) -> list[str]:
        """The keys of the pages in the list, as filtered now."""
        return [self.list.item(row).data(KEY_ROLE) for row in range(self.list.count())]

    # ---- the list and the search ---------------------------------------------------------

    def _filter(self, words: str) -> None:
        shown = matching(self._order, words)
        keep = self.current.key if self.current is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        for page in shown:
            item = QListWidgetItem(page.title)
            item.setData(KEY_ROLE, page.key)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if words.strip():
            self.found.setText(
                self.tr("%n page(s) contain it", "", len(shown))
                if shown
                else self.tr("Nothing found: try fewer or other words")
            )
        self.found.setVisible(bool(words.strip()))
        if keep in {page.key for page in shown}:
            self._select(keep)
            self._mark()
        elif shown:
            self.list.setCurrentRow(0)

    def _first_match(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def _select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(KEY_ROLE) == key:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                return

    def _chosen(self, item: QListWidgetItem | None, _before: object) -> None:
        if item is not None:
            self._show(self._pages[item.data(KEY_ROLE)])

    # ---- the page --------------------------------------------------------------------------

    def _show(self, page: HelpPage) -> None:
        self.current = page
        self.browser.setMarkdown(page.text)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self._mark()

    def _mark(self) -> None:
        """Mark every search word in the page and scroll to the first one."""
        marks: list[QTextEdit.ExtraSelection] = []
        document = self.browser.document()
        for word in self.search.text().split():
            cursor = document.find(word)
            while not cursor.isNull():
                mark = QTextEdit.ExtraSelection()
                mark.cursor = cursor
                mark.format.setBackground(QColor("#ffe58a"))
                marks.append(mark)
                cursor = document.find(word, cursor)
        self.browser.setExtraSelections(marks)
        if marks:
            first = QTextCursor(marks[0].cursor)
            first.clearSelection()
            self.browser.setTextCursor(first)
            self.browser.ensureCursorVisible()

    def _scroll_to(self, heading: str) -> None:
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and block.text() == heading:
                bar = self.browser.verticalScrollBar()
                bar.setValue(bar.maximum())  # then back up, so the heading ends at the top
                self.browser.setTextCursor(QTextCursor(block))
                self.browser.ensureCursorVisible()
                return
            block = block.next()

    def _follow(self, url: QUrl) -> None:
        name = url.path().rsplit("/", 1)[-1]
        for page in self._order:
            if page.file_name == name:
                self.show_page(page.key)
                return
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    # ---- keys ------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _escape(self) -> None:
        if self.search.text():
            self.search.clear()
        else:
            self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes into the list of pages, as in a search field.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            self.list.setFocus()
            return True
        return False

    def _fit_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() * 3 // 4), min(640, screen.height() * 5 // 6))


def show_help(owner: QWidget, key: str, heading: str = "") -> HelpWindow:
    """Open (or bring forward) the help window of `owner`'s window at one page."""
    window = owner.window()
    found = window.findChild(HelpWindow, "helpWindow", Qt.FindChildOption.FindDirectChildrenOnly)
    helper = found if isinstance(found, HelpWindow) else HelpWindow(load_pages(), parent=window)
    helper.show_page(key, heading)
    helper.show()
    helper.activateWindow()
    return helper


def show_guide_for(window: QWidget, window_key: str) -> HelpWindow:
    """F1 on the main window: the page about the page in front."""
    return show_help(window, *topic_for(window_key))


def add_help_key(widget: QWidget, key: str) -> QShortcut:
    """F1 in `widget` (a dialog) opens the guide at page `key`."""
    return QShortcut(QKeySequence(Qt.Key.Key_F1), widget, lambda: show_help(widget, key))
