"""结案 and 跟进: the closure request and the dated contacts after an approved closure."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from app.domain.codes import CodeList
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, ClosureInput, FollowUpInput
from app.services.history import LATE_REASON_DAYS
from app.ui.cases.fields import OptionalDateEdit, date_edit, items_combo, pydate, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.clients.choices import ClientChoices, code_items
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate


class ClosureDialog(StepDialog):
    """Request closure; the station head approves it, which locks the case."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        choices: ClientChoices,
        late_days: int = LATE_REASON_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Request closure"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        self.reason = items_combo(self, code_items(choices, CodeList.CLOSURE_REASON))
        self.summary = text_box(self, 96)
        self.follow_up_plan = text_box(self, 56)
        self.follow_up_plan.setPlaceholderText(self.tr("Leave empty when no follow-up is planned"))
        self.follow_up_until = OptionalDateEdit(self, self.tr("Not set"))
        self.add_row(self.tr("Reason"), self.reason, "reason")
        self.add_row(self.tr("Summary *"), self.summary, "summary")
        self.add_row(self.tr("Follow-up plan"), self.follow_up_plan, "follow_up_plan")
        self.add_row(self.tr("Follow up until"), self.follow_up_until, "follow_up_until")
        self.effective = EffectiveDate(self, today=cases.today, late_days=late_days)
        self.add_effective_date(self.effective)
        self.add_button(self.tr("Submit for approval"), self.call)

    def call(self) -> SaveCall:
        data = ClosureInput(
            reason=self.reason.currentData() or "",
            summary=self.summary.toPlainText(),
            follow_up_plan=self.follow_up_plan.toPlainText(),
            follow_up_until=self.follow_up_until.value(),
        )
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        when = self.effective.when()
        return lambda: cases.submit_closure(case_id, version=version, data=data, when=when)


class FollowUpDialog(StepDialog):
    """A contact after closure; ticking "plan done" ends 跟进中."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        choices: ClientChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Follow-up"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        self.contacted_on = date_edit(self, cases.today)
        self.mode = items_combo(
            self, code_items(choices, CodeList.SERVICE_MODE), blank=self.tr("Not stated")
        )
        self.result_text = text_box(self, 80)
        self.plan_done = QCheckBox(self.tr("The follow-up plan is done"), self)
        self.next_contact = OptionalDateEdit(self, self.tr("Not set"))
        self.add_row(self.tr("Date"), self.contacted_on, "contacted_on")
        self.effective = EffectiveDate(
            self, today=cases.today, late_days=choices.late_reason_days, date=self.contacted_on
        )
        self.add_effective_date(self.effective, date_field="contacted_on")
        self.add_row(self.tr("Mode"), self.mode, "mode")
        self.add_row(self.tr("Result *"), self.result_text, "result")
        self.add_row("", self.plan_done)
        self.add_row(self.tr("Next follow-up"), self.next_contact, "next_contact_date")
        self.plan_done.toggled.connect(lambda done: self.next_contact.setEnabled(not done))
        self.add_button(self.tr("Save"), self.call)

    def call(self) -> SaveCall:
        data = FollowUpInput(
            contacted_on=pydate(self.contacted_on.date()),
            mode=self.mode.currentData() or "",
            result=self.result_text.toPlainText(),
            plan_done=self.plan_done.isChecked(),
            next_contact_date=None if self.plan_done.isChecked() else self.next_contact.value(),
            late_reason=self.effective.late_reason(),
        )
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        return lambda: cases.add_follow_up(case_id, version=version, data=data)
