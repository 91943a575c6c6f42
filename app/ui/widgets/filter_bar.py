"""The bar above a list: a search box searched as you type, and the page's filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

DEBOUNCE_MS = 250


class ListFilterBar(QWidget):
    """A search box plus the combo and check boxes a page adds; emits its query on change.

    A page's bar adds its widgets with `add_filters` and says in `query` what they mean.
    Typing waits `DEBOUNCE_MS` before searching; `flush` (Enter) searches at once, and Esc
    clears the box.
    """

    changed = Signal(object)  # the page's query

    def __init__(self, parent: QWidget | None = None, *, name: str = "", min_width: int = 200):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName(name)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(min_width)
        self.search.installEventFilter(self)
        self._filters: list[QComboBox | QCheckBox] = []
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.search, 3)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)

    def add_filters(self, *widgets: QComboBox | QCheckBox) -> None:
        """Show `widgets` after the search box; a change to any of them searches again."""
        if not self._filters:
            self._row.addWidget(QLabel(self.tr("Filter:"), self))
        for widget in widgets:
            self._row.addWidget(widget)
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._emit)
            else:
                widget.toggled.connect(self._emit)
        self._filters.extend(widgets)

    @property
    def filter_widgets(self) -> tuple[QComboBox | QCheckBox, ...]:
        return tuple(self._filters)

    def query(self) -> Any:
        """The search and filters as they stand now (the sort order is the list's business)."""
        raise NotImplementedError

    def set_choices(self, choices: Any) -> None:
        """Offer the station's own items (villages, workers…), keeping what is chosen."""

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush(self) -> None:
        """Apply a pending search now instead of waiting for the debounce."""
        if self._timer.isActive():
            self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.changed.emit(self.query())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc in the search box clears it; a second Esc goes on to whoever wants it.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):
            self.search.clear()
            return True
        return super().eventFilter(watched, event)
