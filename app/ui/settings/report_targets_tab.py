"""The year's contract targets of the station (个案数, 小组节数, 社区活动场次…), which the
targets report and the dashboard compare the figures with."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Changes
from app.services.reports.definitions import FIGURES
from app.services.reports.service import ReportService
from app.services.reports.types import Number
from app.ui.tasks import TaskRunner

DECIMAL_UNITS = ("小时", "元")


class ReportTargetsTab(QWidget):
    """One box per figure a contract may set; 0 means no target for that figure."""

    def __init__(
        self,
        *,
        reports: ReportService,
        tasks: TaskRunner,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports = reports
        self._tasks = tasks
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue((today or dt.date.today()).year)
        form = QFormLayout()
        form.addRow(self.tr("&Year"), self.year)
        self.boxes: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for f in FIGURES:
            if not f.targeted:
                continue
            box: QSpinBox | QDoubleSpinBox
            if f.unit in DECIMAL_UNITS:
                box = QDoubleSpinBox(self)
                box.setDecimals(2)
                box.setRange(0, 100_000_000)
            else:
                box = QSpinBox(self)
                box.setRange(0, 1_000_000)
            box.setSuffix(f" {f.unit}")
            self.boxes[f.key] = box
            form.addRow(f.label.removeprefix("本月"), box)
        self.save_button = QPushButton(self.tr("Save targets"), self)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("The year's contract targets of this station; 0 means none."), self)
        )
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.year.valueChanged.connect(self.reload)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        reports, year = self._reports, self.year.value()
        self._tasks.run(self, lambda: reports.targets(year), on_done=self._show)

    def _show(self, targets: dict[str, Number]) -> None:
        for key, box in self.boxes.items():
            value = targets.get(key, 0)
            if isinstance(box, QDoubleSpinBox):
                box.setValue(float(value))
            else:
                box.setValue(int(value))
        self.status.clear()

    def values(self) -> dict[str, Number]:
        result: dict[str, Number] = {}
        for key, box in self.boxes.items():
            if isinstance(box, QDoubleSpinBox):
                result[key] = Decimal(str(round(box.value(), 2)))
            else:
                result[key] = box.value()
        return result

    def save(self) -> None:
        reports, year, values = self._reports, self.year.value(), self.values()
        self._tasks.run(self, lambda: reports.set_targets(year, values), on_done=self._saved)

    def _saved(self, _changes: Changes) -> None:
        self.status.setText(self.tr("Saved."))
