"""Bar charts of counts, painted by hand, whose bars open the list behind them.

A dozen bars are a few rectangles and labels. QtCharts drew them before: a graphics
scene per chart, its own and the OpenGL libraries, ~5 MB for the dashboard's three on the
county demo, and the PySide6-Addons wheel (+157 MB).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

BAR_COLOUR = QColor("#3b78b5")
LABEL_COLOUR = QColor("#202020")
AXIS_COLOUR = QColor("#555555")
GRID_COLOUR = QColor("#e3e3e3")
FRAME_COLOUR = QColor("#d6d6d6")
MIN_HEIGHT = 140
TICKS = 5
BAR_SHARE = 0.6
"""How much of its slot a bar fills; the rest is the gap between bars."""
PAD = 8.0
SMALL_POINTS = 8.5


def scale(top: int, ticks: int = TICKS) -> tuple[int, int]:
    """The value axis's end and the step between its ticks, both whole numbers: room
    above the tallest bar (`top`) for its label, and a round step (1, 2 or 5 × 10ⁿ)."""
    upper = max(4, top + max(1, top // 6))
    raw = upper / (ticks - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= raw)
    step = max(1, int(step))
    return math.ceil(upper / step) * step, step


@dataclass(frozen=True)
class _Layout:
    plot: QRectF
    bars: list[QRectF]
    end: int
    step: int


class CountChart(QWidget):
    """One series of counts with a label per bar; clicking a bar emits its key.

    Horizontal bars suit long labels (client categories) and are drawn top-down in the
    order given; vertical ones suit a time line. With colours, each bar has its own and
    no value label (the category labels carry the counts). The keyboard moves between
    bars with the arrow keys and opens one with Enter or Space.
    """

    picked = Signal(str)

    def __init__(
        self, title: str, *, horizontal: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = title
        self._horizontal = horizontal
        self.keys: list[str] = []
        self.values: list[int] = []
        self.labels: list[str] = []
        self._colours: list[QColor] = []
        self.current = -1
        """The bar the keyboard is on (-1: none)."""
        self._hovered = -1
        self.setAccessibleName(title)
        # Small enough that 工作台 fits a 1366×768 laptop at 125 % without scrolling.
        self.setMinimumHeight(MIN_HEIGHT)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_counts(
        self,
        labels: Sequence[str],
        values: Sequence[int],
        keys: Sequence[str],
        colours: Sequence[QColor] | None = None,
    ) -> None:
        """Show one bar per label, in the order given."""
        if not len(labels) == len(values) == len(keys):
            raise ValueError("a label, a value and a key for each bar")
        self.labels = list(labels)
        self.values = list(values)
        self.keys = list(keys)
        self._colours = list(colours or [])
        self.current = min(self.current, len(self.keys) - 1)
        self._hovered = -1
        self.setAccessibleDescription(
            "；".join(
                f"{label}：{value}" for label, value in zip(self.labels, self.values, strict=True)
            )
        )
        self.update()

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn (at least a pixel thick, so a zero can be clicked)."""
        return self._layout().bars[index]

    def bar_at(self, point: QPointF) -> int:
        """The bar under `point`, -1 if none; a bar's whole slot counts (short bars too)."""
        layout = self._layout()
        for index, bar in enumerate(layout.bars):
            slot = (
                QRectF(layout.plot.left(), bar.top() - bar.height() * 0.3,
                       layout.plot.width(), bar.height() * 1.6)
                if self._horizontal
                else QRectF(bar.left() - bar.width() * 0.3, layout.plot.top(),
                            bar.width() * 1.6, layout.plot.height())
            )  # fmt: skip
            if slot.contains(point):
                return index
        return -1

    # ---- geometry -------------------------------------------------------------------

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(SMALL_POINTS)
        return font

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10))
        font.setBold(True)
        return font

    def _layout(self) -> _Layout:
        end, step = scale(max(self.values, default=0))
        small = QFontMetricsF(self._small_font())
        title_height = QFontMetricsF(self._title_font()).height() + PAD
        area = QRectF(self.rect()).adjusted(PAD, PAD + title_height, -PAD * 2, -PAD)
        value_room = small.horizontalAdvance(str(end)) + PAD
        count = len(self.values)
        if self._horizontal:
            widest = max((small.horizontalAdvance(t) for t in self.labels), default=0.0)
            left = min(widest, area.width() * 0.4) + PAD
            plot = area.adjusted(left, 0, -value_room, -(small.height() + PAD / 2))
            slot = plot.height() / max(count, 1)
            thick = max(slot * BAR_SHARE, 1.0)
            bars = [
                QRectF(plot.left(), plot.top() + i * slot + (slot - thick) / 2,
                       max(plot.width() * v / end, 1.0), thick)
                for i, v in enumerate(self.values)
            ]  # fmt: skip
        else:
            plot = area.adjusted(
                value_room, small.height() + PAD / 2, 0, -(small.height() + PAD / 2)
            )
            slot = plot.width() / max(count, 1)
            thick = max(slot * BAR_SHARE, 1.0)
            bars = []
            for i, v in enumerate(self.values):
                height = max(plot.height() * v / end, 1.0)
                bars.append(
                    QRectF(plot.left() + i * slot + (slot - thick) / 2,
                           plot.bottom() - height, thick, height)
                )  # fmt: skip
        return _Layout(plot, bars, end, step)

    # ---- painting -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(FRAME_COLOUR))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(frame, 4, 4)
        painter.setPen(LABEL_COLOUR)
        painter.setFont(self._title_font())
        title_height = QFontMetricsF(self._title_font()).height()
        painter.drawText(
            QRectF(PAD, PAD / 2, self.width() - 2 * PAD, title_height),
            Qt.AlignmentFlag.AlignCenter,
            self.title,
        )
        painter.setFont(self._small_font())
        if not self.values:
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("No data"))
            return
        layout = self._layout()
        self._paint_axes(painter, layout)
        self._paint_bars(painter, layout)

    def _paint_axes(self, painter: QPainter, layout: _Layout) -> None:
        plot = layout.plot
        metrics = QFontMetricsF(painter.font())
        for tick in range(0, layout.end + 1, layout.step):
            share = tick / layout.end
            painter.setPen(QPen(GRID_COLOUR, 1))
            if self._horizontal:
                x = plot.left() + plot.width() * share
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                box = QRectF(x - 40, plot.bottom() + PAD / 4, 80, metrics.height())
                align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            else:
                y = plot.bottom() - plot.height() * share
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                box = QRectF(0, y - metrics.height() / 2, plot.left() - PAD / 2, metrics.height())
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.setPen(AXIS_COLOUR)
            painter.drawText(box, align, str(tick))
        painter.setPen(QPen(AXIS_COLOUR, 1))
        if self._horizontal:
            painter.drawLine(plot.topLeft(), plot.bottomLeft())
        else:
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())

    def _paint_bars(self, painter: QPainter, layout: _Layout) -> None:
        metrics = QFontMetricsF(painter.font())
        plot = layout.plot
        for index, (bar, value, label) in enumerate(
            zip(layout.bars, self.values, self.labels, strict=True)
        ):
            colour = self._colours[index] if index < len(self._colours) else BAR_COLOUR
            if index == self._hovered:
                colour = colour.lighter(115)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(bar)
            if index == self.current and self.hasFocus():
                painter.setPen(QPen(LABEL_COLOUR, 2, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(bar.adjusted(-2, -2, 2, 2))
            painter.setPen(LABEL_COLOUR)
            if self._horizontal:
                room = plot.left() - PAD * 1.5
                box = QRectF(
                    PAD / 2, bar.center().y() - metrics.height() / 2, room, metrics.height()
                )
                shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
                )
                if not self._colours:
                    number = QRectF(bar.right() + PAD / 2, box.top(), 80, metrics.height())
                    painter.drawText(number, Qt.AlignmentFlag.AlignVCenter, str(value))
            else:
                slot = plot.width() / len(self.values)
                box = QRectF(
                    bar.center().x() - slot / 2, plot.bottom() + PAD / 4, slot, metrics.height()
                )
                shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, slot)
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, shown
                )
                if not self._colours:
                    number = QRectF(
                        box.left(), bar.top() - metrics.height() - 2, slot, metrics.height()
                    )
                    painter.drawText(
                        number,
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        str(value),
                    )

    # ---- mouse and keyboard ---------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hovered = self.bar_at(event.position())
        if hovered != self._hovered:
            self._hovered = hovered
            pointing = Qt.CursorShape.PointingHandCursor
            self.setCursor(pointing if hovered >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered >= 0:
            self._hovered = -1
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.current = index
            self.picked.emit(self.keys[index])
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        back = Qt.Key.Key_Up if self._horizontal else Qt.Key.Key_Left
        on = Qt.Key.Key_Down if self._horizontal else Qt.Key.Key_Right
        moves = {back: self.current - 1, on: self.current + 1,
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: len(self.keys) - 1}  # fmt: skip
        if key in moves and self.keys:
            self.current = max(0, min(moves[key], len(self.keys) - 1))
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current >= 0:
            self.picked.emit(self.keys[self.current])
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current < 0 and self.keys:
            self.current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self.bar_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(
                    event.globalPos(), f"{self.labels[index]}：{self.values[index]}", self
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
