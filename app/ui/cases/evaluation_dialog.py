"""评估: how far each goal was met, the change seen, and the client's satisfaction."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain.case_rules import Attainment
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, EvaluationInput, GoalResult
from app.services.history import LATE_REASON_DAYS
from app.ui.cases.fields import date_edit, enum_combo, pydate, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate

GOAL, ATTAINMENT, PRE, POST = range(4)


class EvaluationDialog(StepDialog):
    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        late_days: int = LATE_REASON_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Evaluation"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        plan = detail.current_plan
        self._goals = plan.goals if plan else ()
        self.evaluated_on = date_edit(self, cases.today)
        self.goals = QTableWidget(len(self._goals), 4, self)
        self.goals.setObjectName("evaluationGoals")
        self.goals.setHorizontalHeaderLabels(
            [self.tr("Goal"), self.tr("Attainment"), self.tr("Before"), self.tr("After")]
        )
        header = self.goals.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(GOAL, QHeaderView.ResizeMode.Stretch)
        self.goals.verticalHeader().hide()
        self.attainments: list[QComboBox] = []
        for row, goal in enumerate(self._goals):
            title = QTableWidgetItem(f"{goal.seq}. {goal.goal}")
            title.setToolTip(goal.measures)
            self.goals.setItem(row, GOAL, title)
            combo = enum_combo(self.goals, Attainment, goal.attainment or Attainment.MET.value)
            self.goals.setCellWidget(row, ATTAINMENT, combo)
            self.attainments.append(combo)
            self.goals.setItem(row, PRE, QTableWidgetItem(goal.pre_score))
            self.goals.setItem(row, POST, QTableWidgetItem(goal.post_score))
        self.goals.setMinimumHeight(150)
        self.change = text_box(self, 72)
        self.satisfaction = QSpinBox(self)
        self.satisfaction.setRange(0, 5)
        self.satisfaction.setSpecialValueText(self.tr("Not asked"))
        self.satisfaction.setValue(0)
        self.add_row(self.tr("Date"), self.evaluated_on, "evaluated_on")
        self.effective = EffectiveDate(
            self, today=cases.today, late_days=late_days, date=self.evaluated_on
        )
        self.add_effective_date(self.effective, date_field="evaluated_on")
        self.add_row(self.tr("Goals"), self.goals, "goals")
        self.add_row(self.tr("Change before and after"), self.change, "change_summary")
        self.add_row(self.tr("Satisfaction (1–5)"), self.satisfaction, "satisfaction")
        self.add_button(self.tr("Save"), self.call)
        self.resize(760, 520)

    def _cell(self, row: int, column: int) -> str:
        item = self.goals.item(row, column)
        return item.text() if item is not None else ""

    def call(self) -> SaveCall:
        results = tuple(
            GoalResult(
                goal.id,
                self.attainments[row].currentData(),
                self._cell(row, PRE),
                self._cell(row, POST),
            )
            for row, goal in enumerate(self._goals)
        )
        data = EvaluationInput(
            evaluated_on=pydate(self.evaluated_on.date()),
            goals=results,
            change_summary=self.change.toPlainText(),
            satisfaction=self.satisfaction.value() or None,
            late_reason=self.effective.late_reason(),
        )
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        return lambda: cases.add_evaluation(case_id, version=version, data=data)
