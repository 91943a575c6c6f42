"""县级总览: every station's month in one table — the monthly report's key figures, the
month close (月结), the last data package (数据包) an offline station sent and its open
conflicts. A double click opens that station's monthly report in 报表.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.exports.county_model import CountyOverview, StationOverview
from app.services.county.service import CountyService
from app.services.reports.service import add_months, month_start
from app.services.reports.types import Number
from app.ui.tasks import TaskRunner

OPEN_MONTH_COLOUR = "#b54708"
"""A month not closed yet: amber, it may still change."""
CONFLICT_COLOUR = "#b42318"


def _number(value: Number | None) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}" if isinstance(value, Decimal) else f"{value:,}"


class CountyPage(QWidget):
    """县级总览 for the county's administrator."""

    open_report = Signal(int, str)
    """(station id, month "YYYY-MM"): show that station's monthly report."""
    loaded = Signal()

    def __init__(
        self,
        *,
        county: CountyService,
        tasks: TaskRunner,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._county = county
        self._tasks = tasks
        self.overview: CountyOverview | None = None
        previous = add_months(month_start(today or dt.date.today()), -1)

        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setDate(QDate(previous.year, previous.month, 1))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.export_button = QPushButton(self.tr("&Export to Excel…"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setToolTip(self.tr("Double-click a station to open its monthly report"))

        bar = QHBoxLayout()
        label = QLabel(self.tr("&Month"), self)
        label.setBuddy(self.month)
        bar.addWidget(label)
        bar.addWidget(self.month)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self.month.dateChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self._choose_file)
        self.table.cellDoubleClicked.connect(self._open_row)
        # A package imported, a conflict decided, a month closed: counted again when seen.
        self._stale = False
        tasks.bus.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _changes: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def chosen_month(self) -> dt.date:
        picked = self.month.date()
        return dt.date(picked.year(), picked.month(), 1)

    def refresh(self) -> None:
        month, county = self.chosen_month(), self._county
        self.summary.setText(self.tr("Counting…"))
        self._tasks.run(self, lambda: county.overview(month), on_done=self._show)

    def _show(self, overview: CountyOverview) -> None:
        if overview.month != self.chosen_month():
            return  # an older month's answer, overtaken by the user's next choice
        self.overview = overview
        text = self.tr("%1 stations; %2 have closed %3.")
        text = text.replace("%1", str(len(overview.stations)))
        text = text.replace("%2", str(overview.closed))
        self.summary.setText(text.replace("%3", f"{overview.month:%Y-%m}"))
        headers = [
            self.tr("Code"),
            self.tr("Station"),
            *overview.labels,
            self.tr("Month close"),
            self.tr("Last package"),
            self.tr("Received"),
            self.tr("Open conflicts"),
        ]
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(overview.stations) + 1)
        for row, station in enumerate(overview.stations):
            self._fill_station(row, station)
        total = [
            "", self.tr("County total"), *(_number(v) for v in overview.totals), "", "", "",
            _number(sum(s.open_conflicts for s in overview.stations)),
        ]  # fmt: skip
        bold = QFont(table.font())
        bold.setBold(True)
        for column, text in enumerate(total):
            item = self._put(len(overview.stations), column, text)
            item.setFont(bold)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.loaded.emit()

    def _fill_station(self, row: int, station: StationOverview) -> None:
        figures = [self.tr("Not counted") if v is None else _number(v) for v in station.values]
        if station.closed_at is not None:
            closed = self.tr("Closed %1").replace("%1", f"{station.closed_at:%Y-%m-%d}")
        else:
            closed = self.tr("Open")
        package = station.package
        if package is None:
            number, received = self.tr("Online"), ""
        else:
            number = self.tr("No. %1").replace("%1", str(package.sequence))
            if package.held:
                number += " " + self.tr("(%1 waiting)").replace("%1", str(package.held))
            received = f"{package.received_at:%Y-%m-%d}"
        cells = [station.station.code, station.station.name, *figures, closed, number, received,
                 _number(station.open_conflicts)]  # fmt: skip
        for column, text in enumerate(cells):
            item = self._put(row, column, text)
            item.setData(Qt.ItemDataRole.UserRole, station.station.id)
        first = 2 + len(station.values)
        if station.closed_at is None:
            self._colour(row, first, OPEN_MONTH_COLOUR)
        if station.open_conflicts:
            self._colour(row, first + 3, CONFLICT_COLOUR)
        if package is not None:
            made = self.tr("Made at the station on %1").replace(
                "%1", f"{package.made_at:%Y-%m-%d %H:%M}"
            )
            for column in (first + 1, first + 2):
                cell = self.table.item(row, column)
                if cell is not None:
                    cell.setToolTip(made)

    def _put(self, row: int, column: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if column >= 2:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)
        return item

    def _colour(self, row: int, column: int, colour: str) -> None:
        item = self.table.item(row, column)
        if item is not None:
            item.setForeground(QColor(colour))

    def _open_row(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        station = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if station is None:  # the county's total has no one report
            return
        self.open_report.emit(int(station), f"{self.chosen_month():%Y-%m}")

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the county overview"),
            f"{self.chosen_month():%Y年%m月}_县级总览.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write the chosen month's overview to `path` in the background."""
        month, county = self.chosen_month(), self._county
        self.export_button.setEnabled(False)

        def done(_overview: CountyOverview) -> None:
            self.summary.setText(self.tr("Saved: %1").replace("%1", str(path)))

        self._tasks.run(
            self,
            lambda: county.write_overview(month, path),
            on_done=done,
            on_finally=lambda: self.export_button.setEnabled(True),
        )
