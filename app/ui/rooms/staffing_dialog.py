"""The county's staffing rules (人员配置标准): head, social workers, 社工室 staff per village."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from app.services.rooms.staffing import StaffingService
from app.services.rooms.types import StaffingRules
from app.ui.rooms.dialogs import OK
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog


class StaffingRulesDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        staffing: StaffingService,
        tasks: TaskRunner,
        rules: StaffingRules,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, accept=OK, min_width=420, parent=parent)
        self.setWindowTitle(self.tr("Staffing rules"))
        self._staffing = staffing
        self.heads = QSpinBox()
        self.heads.setRange(0, 10)
        self.heads.setValue(rules.heads)
        self.workers = QSpinBox()
        self.workers.setRange(0, 50)
        self.workers.setValue(rules.social_workers)
        self.per_village = QDoubleSpinBox()
        self.per_village.setRange(0, 5)
        self.per_village.setSingleStep(0.5)
        self.per_village.setDecimals(2)
        self.per_village.setValue(rules.room_staff_per_village)
        self.form.addRow(self.tr("Station heads, at least"), self.heads)
        self.form.addRow(self.tr("Social workers, at least"), self.workers)
        self.form.addRow(self.tr("Room staff per village or community"), self.per_village)

    def call(self) -> ServiceCall:
        staffing = self._staffing
        rules = StaffingRules(
            heads=self.heads.value(),
            social_workers=self.workers.value(),
            room_staff_per_village=self.per_village.value(),
        )
        return lambda: staffing.set_rules(rules)
