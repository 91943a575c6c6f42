"""Bar charts of counts (QtCharts) whose bars open the list behind them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

BAR_COLOUR = QColor("#3b78b5")
MIN_HEIGHT = 140


class CountChart(QChartView):
    """One series of counts with a label per bar; clicking a bar emits its key.

    Horizontal bars suit long labels (client categories); vertical ones a time line.
    """

    picked = Signal(str)

    def __init__(
        self, title: str, *, horizontal: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._horizontal = horizontal
        self.keys: list[str] = []
        self.values: list[int] = []
        chart = QChart()
        chart.setTitle(title)
        title_font = QFont(chart.titleFont())
        title_font.setPointSizeF(max(title_font.pointSizeF(), 10))
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(4)
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Small enough that 工作台 fits a 1366×768 laptop at 125 % without scrolling.
        self.setMinimumHeight(MIN_HEIGHT)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_counts(
        self,
        labels: Sequence[str],
        values: Sequence[int],
        keys: Sequence[str],
        colours: Sequence[QColor] | None = None,
    ) -> None:
        """Show one bar per label (drawn top-down for horizontal charts)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.keys = list(keys)
        self.values = list(values)
        shown_labels, shown_values = list(labels), list(values)
        if self._horizontal:
            # Qt draws the first category at the bottom; the largest belongs on top.
            shown_labels.reverse()
            shown_values.reverse()
        series: QAbstractBarSeries
        if colours:
            # One set per bar, stacked, so each bar keeps its own colour at full width.
            series = QHorizontalStackedBarSeries() if self._horizontal else QStackedBarSeries()
            ordered = list(colours)[::-1] if self._horizontal else list(colours)
            for index, colour in enumerate(ordered):
                bar_set = QBarSet(shown_labels[index])
                bar_set.append(
                    [float(v) if i == index else 0.0 for i, v in enumerate(shown_values)]
                )
                bar_set.setColor(colour)
                bar_set.clicked.connect(self._clicked)
                series.append(bar_set)
        else:
            series = QHorizontalBarSeries() if self._horizontal else QBarSeries()
            bar_set = QBarSet("")
            bar_set.append([float(v) for v in shown_values])
            bar_set.setColor(BAR_COLOUR)
            bar_set.setLabelColor(QColor("#202020"))
            bar_set.clicked.connect(self._clicked)
            series.append(bar_set)
            series.setLabelsVisible(True)
            series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(shown_labels)
        categories.setTruncateLabels(False)
        small = QFont(categories.labelsFont())
        small.setPointSizeF(8.5)
        categories.setLabelsFont(small)
        values_axis = QValueAxis()
        top = max(shown_values, default=0)
        # Room above the tallest bar for its label; whole numbers only.
        values_axis.setRange(0, max(4, top + max(1, top // 6)))
        values_axis.setTickCount(5)
        values_axis.applyNiceNumbers()
        values_axis.setLabelFormat("%d")
        if self._horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values_axis)

    def _clicked(self, index: int) -> None:
        if self._horizontal:
            index = len(self.keys) - 1 - index
        if 0 <= index < len(self.keys):
            self.picked.emit(self.keys[index])
