"""Continuing-education targets per worker title, and the registration period's first year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import CodeList
from app.services.context import Changes
from app.services.settings.codes import CodeEntry, CodeService
from app.services.staff.training_hours import TrainingHoursService
from app.services.staff.training_types import HourTargets
from app.ui.tasks import TaskRunner


class TrainingTargetsTab(QWidget):
    """Hours per 3-year period by title (72 h 助理社会工作师, 90 h 社会工作师 by default)."""

    def __init__(
        self,
        *,
        hours: TrainingHoursService,
        codes: CodeService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._hours = hours
        self._codes = codes
        self._tasks = tasks
        self.start_year = QSpinBox(self)
        self.start_year.setRange(2000, 2100)
        self.targets: dict[str, QSpinBox] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.addRow(self.tr("Registration period starts in"), self.start_year)
        self.save_button = QPushButton(self.tr("Save targets"), self)
        self.save_button.setEnabled(hours.can_set_targets)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Hours of continuing education per 3-year registration period; "
                    "0 means no target for that title."
                ),
                self,
            )
        )
        layout.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        hours, codes = self._hours, self._codes
        self._tasks.run(
            self,
            lambda: (hours.targets(), codes.entries(CodeList.WORKER_TITLE)),
            on_done=self._show,
        )

    def _show(self, loaded: tuple[HourTargets, list[CodeEntry]]) -> None:
        targets, titles = loaded
        self.start_year.setValue(targets.period_start_year)
        for entry in titles:
            if entry.code == "none":
                continue
            box = self.targets.get(entry.code)
            if box is None:
                box = QSpinBox(self)
                box.setRange(0, 1000)
                box.setSuffix(self.tr(" h"))
                self.targets[entry.code] = box
                self.form.addRow(entry.label, box)
            box.setValue(targets.target(entry.code))

    def save(self) -> None:
        targets = HourTargets(
            period_start_year=self.start_year.value(),
            by_title={code: box.value() for code, box in self.targets.items()},
        )
        hours = self._hours
        self._tasks.run(self, lambda: hours.set_targets(targets), on_done=self._saved)

    def _saved(self, _changes: Changes) -> None:
        self.status.setText(self.tr("Saved."))
