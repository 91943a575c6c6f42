"""小组计划书: create a group or change its plan, with its facilitators."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from app.services.groups.service import GroupService
from app.services.groups.types import GroupDetail, GroupInput
from app.ui.cases.fields import OptionalDateEdit, items_combo, text_box
from app.ui.clients.choices import select_data
from app.ui.groups.choices import GroupChoices
from app.ui.groups.form_dialog import GroupFormDialog, SaveCall
from app.ui.tasks import TaskRunner


def worker_list(parent: QWidget, choices: GroupChoices, ticked: set[int]) -> QListWidget:
    """Workers of the station with a tick box each (several may lead a group)."""
    box = QListWidget(parent)
    for worker in choices.workers:
        item = QListWidgetItem(worker.label, box)
        item.setData(Qt.ItemDataRole.UserRole, worker.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(
            Qt.CheckState.Checked if worker.id in ticked else Qt.CheckState.Unchecked
        )
    box.setFixedHeight(78)
    return box


def ticked_ids(box: QListWidget) -> tuple[int, ...]:
    return tuple(
        int(box.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    )


class GroupPlanDialog(GroupFormDialog):
    def __init__(
        self,
        *,
        groups: GroupService,
        tasks: TaskRunner,
        choices: GroupChoices,
        detail: GroupDetail | None = None,
        own_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Group plan") if detail else self.tr("New group")
        super().__init__(title=title, tasks=tasks, parent=parent)
        self._groups = groups
        self._detail = detail
        data = detail.as_input() if detail else None
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        self.group_type = items_combo(
            self, choices.type_items(data.group_type if data else ""), blank=self.tr("Choose…")
        )
        self.target = QLineEdit(self)
        self.target.setMaxLength(200)
        self.goals = text_box(self, 56)
        self.theory = text_box(self, 48)
        leads = set(data.facilitator_ids) if data else ({own_id} if own_id else set())
        self.leads = worker_list(self, choices, leads)
        self.cos = worker_list(self, choices, set(data.co_facilitator_ids) if data else set())
        self.sessions = QSpinBox(self)
        self.sessions.setRange(1, 100)
        self.sessions.setValue(6)
        self.start = OptionalDateEdit(self, self.tr("Not fixed yet"))
        self.end = OptionalDateEdit(self, self.tr("Not fixed yet"))
        self.place = QLineEdit(self)
        self.place.setMaxLength(100)
        self.budget = QDoubleSpinBox(self)
        self.budget.setRange(0, 10_000_000)
        self.budget.setDecimals(2)
        self.budget.setSuffix(self.tr(" yuan"))
        self.recruitment = text_box(self, 48)
        self.evaluation = text_box(self, 48)

        self.add_row(self.tr("Name *"), self.name, "name")
        self.add_row(self.tr("Type *"), self.group_type, "group_type")
        self.add_row(self.tr("Target people"), self.target, "target_people")
        self.add_row(self.tr("Goals"), self.goals)
        self.add_row(self.tr("Theory basis"), self.theory)
        self.add_row(self.tr("Facilitators"), self.leads, "facilitator_ids")
        self.add_row(self.tr("Co-facilitators"), self.cos, "co_facilitator_ids")
        self.add_row(self.tr("Planned sessions"), self.sessions, "planned_sessions")
        self.add_row(self.tr("Start date"), self.start)
        self.add_row(self.tr("End date"), self.end, "end_date")
        self.add_row(self.tr("Place"), self.place, "place")
        self.add_row(self.tr("Budget"), self.budget, "budget")
        self.add_row(self.tr("Recruitment criteria"), self.recruitment)
        self.add_row(self.tr("Evaluation method"), self.evaluation)
        if data is not None:
            self._fill(data)
        self.resize(640, 760)

    def _fill(self, data: GroupInput) -> None:
        self.name.setText(data.name)
        select_data(self.group_type, data.group_type)
        self.target.setText(data.target_people)
        self.goals.setPlainText(data.goals)
        self.theory.setPlainText(data.theory_basis)
        self.sessions.setValue(data.planned_sessions)
        self.start.set_value(data.start_date)
        self.end.set_value(data.end_date)
        self.place.setText(data.place)
        self.budget.setValue(float(data.budget or 0))
        self.recruitment.setPlainText(data.recruitment_criteria)
        self.evaluation.setPlainText(data.evaluation_method)

    def data(self) -> GroupInput:
        budget = self.budget.value()
        return GroupInput(
            name=self.name.text(),
            group_type=self.group_type.currentData() or "",
            target_people=self.target.text(),
            goals=self.goals.toPlainText(),
            theory_basis=self.theory.toPlainText(),
            facilitator_ids=ticked_ids(self.leads),
            co_facilitator_ids=ticked_ids(self.cos),
            planned_sessions=self.sessions.value(),
            start_date=self.start.value(),
            end_date=self.end.value(),
            place=self.place.text(),
            budget=Decimal(f"{budget:.2f}") if budget else None,
            recruitment_criteria=self.recruitment.toPlainText(),
            evaluation_method=self.evaluation.toPlainText(),
        )

    def call(self) -> SaveCall:
        data, groups = self.data(), self._groups
        if self._detail is None:
            return lambda: groups.create(data)
        group_id, version = self._detail.id, self._detail.version
        return lambda: groups.update(group_id, version=version, data=data)
