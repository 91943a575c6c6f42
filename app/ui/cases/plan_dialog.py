"""计划: the service plan with its goals table; saved as a draft or submitted for approval."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseSaved, GoalInput, PlanInput, PlanView
from app.services.history import LATE_REASON_DAYS
from app.ui.cases.fields import OptionalDateEdit, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate

GOAL, MEASURES, ACTIONS, WHO, DUE = range(5)


def working_plan(detail: CaseDetail) -> PlanView | None:
    """The plan a save would change: a draft or a returned plan, else none (a new revision)."""
    for plan in reversed(detail.plans):
        if plan.status in ("draft", "returned"):
            return plan
    return None


class PlanDialog(StepDialog):
    """Edit the plan being worked on, or start a new one from the plan in force."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        late_days: int = LATE_REASON_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Service plan"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        start = working_plan(detail) or detail.current_plan
        self.overall_goal = text_box(self, 56)
        self.review_due = OptionalDateEdit(self, self.tr("Not set"))
        self.goals = QTableWidget(0, 5, self)
        self.goals.setObjectName("goalsTable")
        self.goals.setHorizontalHeaderLabels(
            [
                self.tr("Goal"),
                self.tr("Measures"),
                self.tr("Actions"),
                self.tr("Who"),
                self.tr("Due (yyyy-mm-dd)"),
            ]
        )
        self.goals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.goals.setMinimumHeight(180)
        add = QPushButton(self.tr("Add goal"), self)
        remove = QPushButton(self.tr("Remove goal"), self)
        for button in (add, remove):
            button.setAutoDefault(False)
        add.clicked.connect(lambda: self.add_goal(GoalInput("")))
        remove.clicked.connect(self._remove_goal)
        goal_buttons = QWidget(self)
        line = QHBoxLayout(goal_buttons)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(add)
        line.addWidget(remove)
        line.addStretch(1)

        self.add_row(self.tr("Overall goal *"), self.overall_goal, "overall_goal")
        self.add_row(self.tr("Review by"), self.review_due, "review_due")
        self.add_row(self.tr("Goals"), self.goals, "goals")
        # The day the plan was written (and submitted): a plan made on paper is typed later.
        self.effective = EffectiveDate(self, today=cases.today, late_days=late_days)
        self.add_effective_date(self.effective)
        self.add_row("", goal_buttons)
        self.add_button(self.tr("Save draft"), lambda: self.build(False))
        self.submit_button = self.add_button(
            self.tr("Save and submit for approval"), lambda: self.build(True)
        )
        if start is not None:
            self.overall_goal.setPlainText(start.overall_goal)
            self.review_due.set_value(start.review_due)
            for g in start.goals:
                self.add_goal(GoalInput(g.goal, g.measures, g.actions, g.who, g.due_date))
        else:
            self.add_goal(GoalInput(""))
        self.resize(860, 560)

    def add_goal(self, goal: GoalInput) -> None:
        row = self.goals.rowCount()
        self.goals.insertRow(row)
        due = goal.due_date.isoformat() if goal.due_date else ""
        for column, text in enumerate((goal.goal, goal.measures, goal.actions, goal.who, due)):
            self.goals.setItem(row, column, QTableWidgetItem(text))

    def _remove_goal(self) -> None:
        row = self.goals.currentRow()
        if row >= 0:
            self.goals.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.goals.item(row, column)
        return item.text().strip() if item is not None else ""

    def collect(self) -> PlanInput:
        goals = []
        for row in range(self.goals.rowCount()):
            due_text = self._cell(row, DUE)
            try:
                due = dt.date.fromisoformat(due_text) if due_text else None
            except ValueError:
                raise InvalidInput(
                    self.tr("Goal {n}: the due date should look like 2026-03-31.").format(
                        n=row + 1
                    ),
                    field="goals",
                ) from None
            goals.append(
                GoalInput(
                    self._cell(row, GOAL),
                    self._cell(row, MEASURES),
                    self._cell(row, ACTIONS),
                    self._cell(row, WHO),
                    due,
                )
            )
        return PlanInput(
            overall_goal=self.overall_goal.toPlainText(),
            goals=tuple(goals),
            review_due=self.review_due.value(),
        )

    def build(self, submit: bool) -> SaveCall | None:
        try:
            data = self.collect()
        except InvalidInput as exc:
            self.show_refusal(exc)
            return None
        if submit and not any(g.goal.strip() for g in data.goals):
            # Checked here as well as in the service: a save followed by a refused submit
            # would leave this dialog holding an old version of the case.
            self.show_refusal(
                InvalidInput(self.tr("Add at least one goal before submitting."), field="goals")
            )
            return None
        cases, case_id, version = self._cases, self._detail.id, self._detail.version

        when = self.effective.when()

        def save() -> CaseSaved:
            saved = cases.save_plan(case_id, version=version, data=data, when=when)
            if not submit:
                return saved
            return cases.submit_plan(case_id, version=saved.version, when=when)

        return save
