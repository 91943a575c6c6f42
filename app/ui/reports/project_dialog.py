"""新建服务项目: the contract, the stations it covers and a target per rule.

A target is typed as a value (and a weight); what it counts is the rule, from the
records. A head's project covers their own station; the county's administrator ticks
the stations.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain.project_rules import RULES
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, StationRef, TargetInput
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

TARGET, WEIGHT = 1, 2


class ProjectDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        projects: ProjectService,
        tasks: TaskRunner,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self.setWindowTitle(self.tr("New project"))
        self._projects = projects
        self.code = QLineEdit(self)
        self.code.setMaxLength(32)
        self.name = QLineEdit(self)
        self.name.setMaxLength(200)
        self.contract = QLineEdit(self)
        self.buyer = QLineEdit(self)
        self.agency = QLineEdit(self)
        self.lead = QLineEdit(self)
        self.supervisor = QLineEdit(self)
        self.starts = QDateEdit(QDate(today.year, 1, 1), self)
        self.ends = QDateEdit(QDate(today.year, 12, 31), self)
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 1_000_000_000)
        self.amount.setDecimals(2)
        self.stations = QListWidget(self)
        self.stations.setMaximumHeight(90)
        self.targets = QTableWidget(len(RULES), 3, self)
        self.targets.setHorizontalHeaderLabels(
            [self.tr("Figure"), self.tr("Target (0: none)"), self.tr("Weight")]
        )
        self.targets.verticalHeader().setVisible(False)
        for row, rule in enumerate(RULES):
            item = QTableWidgetItem(f"{rule.label}（{rule.unit}）")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.targets.setItem(row, 0, item)
            value = QDoubleSpinBox(self.targets)
            value.setRange(0, 100_000_000)
            value.setDecimals(2 if rule.decimal else 0)
            self.targets.setCellWidget(row, TARGET, value)
            weight = QSpinBox(self.targets)
            weight.setRange(0, 1000)
            self.targets.setCellWidget(row, WEIGHT, weight)
        header = self.targets.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (TARGET, WEIGHT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        form = self.form
        form.addRow(self.tr("Project code *"), self.code)
        form.addRow(self.tr("Project name *"), self.name)
        form.addRow(self.tr("Contract number"), self.contract)
        form.addRow(self.tr("Buyer"), self.buyer)
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.tr("From"), self.starts)
        form.addRow(self.tr("To"), self.ends)
        form.addRow(self.tr("Amount (yuan)"), self.amount)
        form.addRow(self.tr("Project lead"), self.lead)
        form.addRow(self.tr("Supervisor"), self.supervisor)
        form.addRow(self.tr("Stations covered"), self.stations)
        self.add_filling(self.targets)
        self.resize(640, 760)
        tasks.run(self, projects.stations, on_done=self._show_stations)

    def _show_stations(self, stations: list[StationRef]) -> None:
        for s in stations:
            item = QListWidgetItem(f"{s.name}（{s.code}）", self.stations)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setCheckState(
                Qt.CheckState.Checked if len(stations) == 1 else Qt.CheckState.Unchecked
            )

    def set_target(self, rule: str, value: float, weight: int = 0) -> None:
        row = next(i for i, r in enumerate(RULES) if r.key == rule)
        self._target(row).setValue(value)
        self._weight(row).setValue(weight)

    def _target(self, row: int) -> QDoubleSpinBox:
        box = self.targets.cellWidget(row, TARGET)
        assert isinstance(box, QDoubleSpinBox)
        return box

    def _weight(self, row: int) -> QSpinBox:
        box = self.targets.cellWidget(row, WEIGHT)
        assert isinstance(box, QSpinBox)
        return box

    def data(self) -> ProjectInput:
        stations = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.stations.item(i) for i in range(self.stations.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )
        targets = tuple(
            TargetInput(
                rule.key,
                Decimal(str(round(self._target(row).value(), 2))),
                Decimal(self._weight(row).value()),
            )
            for row, rule in enumerate(RULES)
            if self._target(row).value() > 0
        )
        return ProjectInput(
            code=self.code.text(),
            name=self.name.text(),
            starts_on=self.starts.date().toPython(),  # type: ignore[arg-type]
            ends_on=self.ends.date().toPython(),  # type: ignore[arg-type]
            station_ids=stations,
            targets=targets,
            contract_no=self.contract.text(),
            buyer=self.buyer.text(),
            agency=self.agency.text(),
            amount_yuan=Decimal(str(round(self.amount.value(), 2))),
            lead=self.lead.text(),
            supervisor=self.supervisor.text(),
        )

    def call(self) -> ServiceCall:
        projects, data = self._projects, self.data()
        return lambda: projects.add(data)
