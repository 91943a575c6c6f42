"""The sidebar: one entry per page, as wide as its longest label, never scrolled sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QListWidget, QSizePolicy, QStyle, QWidget

from app.ui import style_sheet


class Navigation(QListWidget):
    """A fixed-width list whose width follows its labels, its font and the style sheet.

    A fixed width cut long labels off ("Supervision & traini…") or, with a larger font,
    gave the list a horizontal scroll bar; measuring the labels keeps every one whole.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        style_sheet.apply(self)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def add_entry(self, label: str) -> None:
        self.addItem(label)
        self.fit_width()

    def fit_width(self) -> None:
        """As wide as the widest entry with its padding, plus room for a vertical scroll bar.

        The room is kept even when no scroll bar shows: on a short screen one appears,
        and it must not cover the labels.
        """
        self.ensurePolished()
        widest = max((self._entry_width(row) for row in range(self.count())), default=0)
        frame = self.contentsMargins()
        margins = self.viewportMargins()
        scroll_bar = self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar()
        )
        self.setFixedWidth(
            widest + frame.left() + frame.right() + margins.left() + margins.right() + scroll_bar
        )

    def _entry_width(self, row: int) -> int:
        return self.sizeHintForIndex(self.model().index(row, 0)).width()

    def showEvent(self, event: QShowEvent) -> None:
        # The application style sheet (its font size and padding) applies once polished.
        self.fit_width()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_width()
