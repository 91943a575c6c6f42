"""Each worker's supervision and training hours this year and this registration period."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain.numbers import decimal_text
from app.services.context import Changes
from app.services.staff.training_hours import TrainingHoursService
from app.services.staff.training_types import WorkerHours
from app.ui.tasks import TaskRunner
from app.ui.widgets.column_widths import ColumnWidths

_REFRESH_ON = ("supervision", "training", "training_targets", "user")


class HoursTable(QWidget):
    """A worker sees their own line; the head and supervisors see everyone's."""

    def __init__(
        self, *, hours: TrainingHoursService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._hours = hours
        self._tasks = tasks
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Qualification"),
                self.tr("Hours this year"),
                self.tr("Hours this period"),
                self.tr("Target"),
                self.tr("Done"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultSectionSize(120)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.column_widths = ColumnWidths(self.table, "hoursTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        tasks.bus.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        self._tasks.run(self, self._hours.worker_hours, on_done=self._show)

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in _REFRESH_ON):
            self.reload()

    def _show(self, lines: list[WorkerHours]) -> None:
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            done = f"{line.percent}%" if line.percent is not None else self.tr("No target")
            cells = (
                line.name,
                line.title_label,
                decimal_text(line.year_hours),
                decimal_text(line.period_hours),
                str(line.target) if line.target else "",
                done,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.column_widths.fit()
        if lines:
            first = lines[0]
            self.note.setText(
                self.tr(
                    "Supervision received and training attended both count. "
                    "Year {year}; registration period {start} to {end} "
                    "(a worker's own registration date takes precedence)."
                ).format(
                    year=self._hours.today.year,
                    start=first.period_start.isoformat(),
                    end=first.period_end.isoformat(),
                )
            )
