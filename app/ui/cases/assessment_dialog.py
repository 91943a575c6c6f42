"""预估: a round of assessment over the eight domains, needs ranked, risk re-rated."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QWidget

from app.domain.case_rules import ASSESSMENT_DOMAINS
from app.domain.codes import RiskLevel
from app.services.cases.service import CaseService
from app.services.cases.types import AssessmentInput, CaseDetail
from app.services.history import LATE_REASON_DAYS
from app.ui.cases.fields import date_edit, enum_combo, pydate, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate


class AssessmentDialog(StepDialog):
    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        late_days: int = LATE_REASON_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Assessment"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        self.assessed_on = date_edit(self, cases.today)
        self.round = QLabel(str(len(detail.assessments) + 1), self)
        self.domains: dict[str, QPlainTextEdit] = {}
        box = QGroupBox(self.tr("Domains"), self)
        grid = QGridLayout(box)
        for index, (code, label) in enumerate(ASSESSMENT_DOMAINS):
            edit = text_box(box, 48)
            edit.setObjectName(f"domain_{code}")
            self.domains[code] = edit
            row, column = divmod(index, 2)
            grid.addWidget(QLabel(label, box), row * 2, column)
            grid.addWidget(edit, row * 2 + 1, column)
        self.strengths = text_box(self, 56)
        self.needs = text_box(self, 72)
        self.needs.setPlaceholderText(self.tr("One need per line, the most pressing first"))
        self.risk = enum_combo(
            self, (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH), detail.risk_level
        )
        self.risk_reason = text_box(self, 48)
        self.risk_reason.setPlaceholderText(self.tr("Required when the risk level changes"))

        self.add_row(self.tr("Date"), self.assessed_on, "assessed_on")
        self.effective = EffectiveDate(
            self, today=cases.today, late_days=late_days, date=self.assessed_on
        )
        self.add_effective_date(self.effective, date_field="assessed_on")
        self.add_row(self.tr("Round"), self.round)
        self.body.addWidget(box)
        self.new_section()
        self.add_row(self.tr("Strengths and resources"), self.strengths)
        self.add_row(self.tr("Needs (ranked)"), self.needs, "needs")
        self.add_row(self.tr("Risk level"), self.risk, "risk_level")
        self.add_row(self.tr("Reason for the risk level"), self.risk_reason, "risk_reason")
        self.add_button(self.tr("Save"), self.call)
        self.resize(760, 720)

    def call(self) -> SaveCall:
        data = AssessmentInput(
            assessed_on=pydate(self.assessed_on.date()),
            domains={code: edit.toPlainText() for code, edit in self.domains.items()},
            strengths=self.strengths.toPlainText(),
            needs=tuple(line for line in self.needs.toPlainText().splitlines() if line.strip()),
            risk_level=self.risk.currentData(),
            risk_reason=self.risk_reason.toPlainText(),
            late_reason=self.effective.late_reason(),
        )
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        return lambda: cases.add_assessment(case_id, version=version, data=data)
