"""转介: refer the client to another agency, and later record what became of it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from app.domain.case_rules import ReferralStatus
from app.services.case_types import CaseDetail, ReferralInput
from app.services.cases import CaseService
from app.ui.cases.fields import date_edit, enum_combo, items_combo, pydate, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.tasks import TaskRunner


class ReferralDialog(StepDialog):
    """A referral during the case, or (`at_intake`) the referral that ends it at intake."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        at_intake: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Refer at intake") if at_intake else self.tr("Referral")
        super().__init__(title=title, tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        self._at_intake = at_intake
        self.agency = QLineEdit(self)
        self.agency.setMaxLength(100)
        self.agency.setPlaceholderText(self.tr("e.g. county disabled persons' federation"))
        self.contact = QLineEdit(self)
        self.contact.setMaxLength(100)
        self.reason = text_box(self, 64)
        self.consent = QCheckBox(self.tr("The client agreed to the referral"), self)
        self.sent_on = date_edit(self, cases.today)
        self.closes_case = QCheckBox(self.tr("The referral ends the case (closure request)"), self)
        self.closes_case.setChecked(at_intake)
        self.closes_case.setEnabled(not at_intake)
        self.add_row(self.tr("Refer to *"), self.agency, "agency")
        self.add_row(self.tr("Contact"), self.contact)
        self.add_row(self.tr("Reason"), self.reason, "reason")
        self.add_row(self.tr("Date sent"), self.sent_on, "sent_on")
        self.add_row("", self.consent)
        self.add_row("", self.closes_case)
        self.add_button(self.tr("Save"), self.call)

    def call(self) -> SaveCall:
        data = ReferralInput(
            agency=self.agency.text(),
            sent_on=pydate(self.sent_on.date()),
            contact=self.contact.text(),
            reason=self.reason.toPlainText(),
            consent_given=self.consent.isChecked(),
            closes_case=self.closes_case.isChecked(),
        )
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        if self._at_intake:
            return lambda: cases.refer(case_id, version=version, data=data)
        return lambda: cases.add_referral(case_id, version=version, data=data)


class ReferralStatusDialog(StepDialog):
    """The referral's progress (已转出 / 已接收 / 已反馈 / 未接收) and the agency's feedback."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Referral status"), tasks=tasks, parent=parent)
        self._cases = cases
        self._referrals = {r.id: r for r in detail.referrals}
        self.referral = items_combo(
            self,
            [(f"{r.sent_on.isoformat()} {r.agency}", r.id) for r in reversed(detail.referrals)],
        )
        self.status = enum_combo(self, ReferralStatus)
        self.feedback = text_box(self, 72)
        self.add_row(self.tr("Referral"), self.referral)
        self.add_row(self.tr("Status"), self.status, "status")
        self.add_row(self.tr("Feedback"), self.feedback, "feedback")
        self.add_button(self.tr("Save"), self.call)
        self.referral.currentIndexChanged.connect(lambda _i: self._show_current())
        self._show_current()

    def _show_current(self) -> None:
        referral = self._referrals.get(self.referral.currentData())
        if referral is not None:
            self.status.setCurrentIndex(max(self.status.findData(referral.status), 0))
            self.feedback.setPlainText(referral.feedback)

    def call(self) -> SaveCall | None:
        referral = self._referrals.get(self.referral.currentData())
        if referral is None:
            return None
        cases, status, feedback = (
            self._cases,
            self.status.currentData(),
            self.feedback.toPlainText(),
        )
        return lambda: cases.update_referral(
            referral.id, version=referral.version, status=status, feedback=feedback
        )
