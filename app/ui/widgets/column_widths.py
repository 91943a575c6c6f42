"""A list's column widths: fitted to what it shows at first, then the user's own, per user.

A list fits its columns to its first rows (never past MAX_WIDTH, never below the header's
text) until the user drags one; from then on the user's widths are kept, saved for that
user (`window_geometry.ColumnStore`) and restored the next time the list is built. A new
search or a refresh keeps the widths as they are. The last column takes the spare room,
so its width follows the window and is neither fitted nor saved.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView, QWidget

from app.ui.widgets.lazy_tabs import LazyTabs
from app.ui.window_geometry import ColumnStore

MAX_WIDTH = 280
"""A long text (a problem, an address) is cut with "…" rather than push the rest away."""
ROWS_MEASURED = 200
"""Rows read to fit a column: the first chunk a lazy list fetches, never the whole list."""
SAVE_DELAY_MS = 400
"""A drag resizes a column many times; the file is written once it stops."""


class ColumnWidths(QObject):
    """Keeps the column widths of `view` under `key` (unique among the user's lists)."""

    def __init__(self, view: QTableView | QTreeView, key: str) -> None:
        super().__init__(view)
        self._view = view
        self.key = key
        self.user_set = False
        self._store: ColumnStore | None = None
        self._applying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        header = self.header
        header.setResizeContentsPrecision(ROWS_MEASURED)
        header.sectionResized.connect(self._resized)

    @property
    def header(self) -> QHeaderView:
        view = self._view
        return view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def remember(self, store: ColumnStore) -> None:
        """Keep the widths for the user of `store`, and show those saved before."""
        self._store = store
        saved = store.load(self.key)
        if saved:
            self._apply(saved)
            self.user_set = True

    def widths(self) -> list[int]:
        header = self.header
        return [header.sectionSize(c) for c in range(self._fixed_count())]

    def fit(self) -> None:
        """Fit the columns to the header and the rows shown, unless the user set them."""
        if self.user_set:
            return
        header, view = self.header, self._view
        fitted = []
        for column in range(self._fixed_count()):
            least = header.sectionSizeHint(column)
            fitted.append(max(least, min(view.sizeHintForColumn(column), MAX_WIDTH)))
        self._apply(fitted)

    def flush(self) -> None:
        """Save the user's widths now (a drag saves them by itself a moment later)."""
        self._timer.stop()
        if self._store is not None and self.user_set:
            self._store.save(self.key, self.widths())

    def _fixed_count(self) -> int:
        count = self.header.count()
        return count - 1 if self.header.stretchLastSection() else count

    def _apply(self, widths: list[int]) -> None:
        self._applying = True
        try:
            for column, width in enumerate(widths[: self._fixed_count()]):
                self.header.resizeSection(column, width)
        finally:
            self._applying = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self._applying or column >= self._fixed_count():
            return
        self.user_set = True
        if self._store is not None:
            self._timer.start()


def remember_columns(root: QWidget, store: ColumnStore) -> None:
    """Give every list under `root` the user's column widths (see the module doc), and
    those of a tab made later (app/ui/widgets/lazy_tabs.py) when it is made."""
    for widths in root.findChildren(ColumnWidths):
        widths.remember(store)
    for lazy in root.findChildren(LazyTabs):
        lazy.made.connect(lambda tab: remember_columns(tab, store))
