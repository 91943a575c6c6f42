"""Dialogs fit the screen: a form taller than the screen scrolls, its buttons stay in view.

Forms size themselves for a roomy screen (an assessment asks for 760×720); a 1366×768
laptop at 125 % offers about 1093×580. Rather than each form minding that, this filter
looks at every dialog as it is first shown: it is made no larger than its screen's free
area, kept on that area, and when its contents cannot shrink that far they move into a
scroll area, with the row of buttons (and the error line above it) left outside.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

FITTED = "screenFitted"
SCROLL_NAME = "screenFitScroll"
DEFAULT_FRAME = QMargins(8, 31, 8, 8)
"""A window frame until the real one is known (a title bar and thin borders)."""
_LINES_KEPT = 2  # labels just above the buttons (an error line, a note) stay in view too

Area = Callable[[QWidget], QRect]


def available_area(widget: QWidget) -> QRect:
    """The free area (without the taskbar) of the screen the widget is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect()


class ScreenFit(QObject):
    """Installed on the application; `area` gives the room a dialog has (tests pass one)."""

    def __init__(self, parent: QObject | None = None, *, area: Area = available_area) -> None:
        super().__init__(parent)
        self._area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and not isinstance(watched, QMessageBox | QWizard)
            and watched.isWindow()
            and not watched.property(FITTED)
        ):
            watched.setProperty(FITTED, True)
            fit(watched, self._area(watched))
        return False


def fit(dialog: QDialog, area: QRect) -> None:
    """Make `dialog` (with its frame) fit within `area`, scrolling its contents if need be.

    Where it goes is left to QDialog, which centres it on its parent within the screen,
    unless the code placed it: then it is only kept within the area.
    """
    if not area.isValid():
        return
    frame = _frame_margins(dialog)
    room = area.marginsRemoved(frame).size()
    least = dialog.minimumSizeHint()
    if least.height() > room.height() or least.width() > room.width():
        _scroll_contents(dialog)
        # The old layout had set the dialog's minimum size to what it needed.
        dialog.setMinimumSize(0, 0)
        layout = dialog.layout()
        if layout is not None:
            layout.activate()
    dialog.resize(dialog.size().boundedTo(room))
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Moved):
        outer = QRect(dialog.pos(), dialog.size()).marginsAdded(frame)
        x = min(max(outer.x(), area.left()), area.right() - outer.width() + 1)
        y = min(max(outer.y(), area.top()), area.bottom() - outer.height() + 1)
        dialog.move(x, y)


def _frame_margins(dialog: QDialog) -> QMargins:
    """The frame the window manager adds: measured on the parent window when it is shown."""
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    if window is not None and window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        margins = QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
        if margins.top() > 0:
            return margins
    return DEFAULT_FRAME


def _scroll_contents(dialog: QDialog) -> None:
    """Move the dialog's layout into a scroll area; the trailing buttons stay below it."""
    layout = dialog.layout()
    if layout is None or layout.count() == 0:
        return
    kept = _trailing_buttons(layout)
    for widget in kept:
        layout.removeWidget(widget)
    body = QWidget()
    body.setLayout(layout)  # takes the layout, and its widgets, from the dialog
    area = QScrollArea()
    area.setObjectName(SCROLL_NAME)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(body)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area, 1)
    if kept:
        footer = QVBoxLayout()
        footer.setContentsMargins(layout.contentsMargins())
        for widget in kept:
            footer.addWidget(widget)
        outer.addLayout(footer)


def _trailing_buttons(layout: QLayout) -> list[QWidget]:
    """The layout's closing button box with the message lines just above it, else none."""
    last = _widget_at(layout, layout.count() - 1)
    if not isinstance(last, QDialogButtonBox):
        return []
    kept: list[QWidget] = [last]
    for index in range(layout.count() - 2, max(-1, layout.count() - 2 - _LINES_KEPT), -1):
        widget = _widget_at(layout, index)
        if not isinstance(widget, QLabel):
            break
        kept.insert(0, widget)
    return kept


def _widget_at(layout: QLayout, index: int) -> QWidget | None:
    item = layout.itemAt(index)
    return item.widget() if item is not None else None
