"""The 报表 page's table: the figures of the report generated (or previewed), as written
to its files."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.services.projects.types import ProjectProgress
from app.services.reports.types import AnnualReport, CountySummary, MonthlyReport, Number

BEHIND_COLOUR = "#b42318"

Report = MonthlyReport | AnnualReport | CountySummary | ProjectProgress


def _text(value: Number | None) -> str:
    if value is None:
        return ""
    return f"{value:,.2f}" if isinstance(value, Decimal) else f"{value:,}"


class FiguresTable(QTableWidget):
    """Read-only; numbers from the third column on are right-aligned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)

    def show_report(self, report: Report) -> None:
        if isinstance(report, MonthlyReport):
            self.show_monthly(report)
        elif isinstance(report, AnnualReport):
            self.show_annual(report)
        elif isinstance(report, ProjectProgress):
            self.show_progress(report)
        else:
            self.show_county(report)

    def _fill(self, headers: list[str], rows: list[list[str]]) -> None:
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show_monthly(self, report: MonthlyReport) -> None:
        headers = [
            self.tr("Section"),
            self.tr("Figure"),
            self.tr("This month"),
            self.tr("Last month"),
            self.tr("Year to date"),
            self.tr("Target"),
        ]
        rows = [
            [f.section, f"{f.label}（{f.unit}）", _text(f.value), _text(f.previous),
             _text(f.year_to_date), _text(f.target)]
            for f in report.figures
        ]  # fmt: skip
        self._fill(headers, rows)

    def show_annual(self, report: AnnualReport) -> None:
        months = [self.tr("%1/12").replace("%1", str(m)) for m in range(1, 13)]
        headers = [
            self.tr("Section"),
            self.tr("Figure"),
            *months,
            self.tr("Year"),
            self.tr("Target"),
        ]
        rows = [
            [r.section, f"{r.label}（{r.unit}）", *(_text(v) for v in r.months), _text(r.total),
             _text(r.target)]
            for r in report.rows
        ]  # fmt: skip
        self._fill(headers, rows)

    def show_progress(self, report: ProjectProgress) -> None:
        headers = [
            self.tr("Figure"),
            self.tr("Unit"),
            self.tr("Target"),
            self.tr("Actual"),
            self.tr("Done"),
            self.tr("Expected"),
            self.tr("State"),
        ]
        rows = [
            [line.label, line.unit, _text(line.target), _text(line.actual),
             "" if line.done is None else f"{line.done}%", f"{report.expected}%",
             self.tr("Behind") if line.behind else self.tr("On track")]
            for line in report.lines
        ]  # fmt: skip
        self._fill(headers, rows)
        for r, line in enumerate(report.lines):
            state = self.item(r, len(headers) - 1)
            if line.behind and state is not None:
                state.setForeground(QColor(BEHIND_COLOUR))

    def show_county(self, summary: CountySummary) -> None:
        headers = [self.tr("Code"), self.tr("Station"), *summary.labels]
        rows = [
            [s.station.code, s.station.name, *(_text(v) for v in s.values)]
            for s in summary.stations
        ]
        self._fill(headers, rows)
