"""转介: refer the client to another agency, and later record what became of it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from app.domain.case_rules import ReferralStatus
from app.services.access.consent_types import SHARING
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, ReferralInput
from app.services.choice import Choice
from app.services.history import LATE_REASON_DAYS
from app.ui.cases.fields import date_edit, enum_combo, items_combo, pydate, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.clients.consent_warning import ConsentWarning
from app.ui.partners.picker import PartnerPicker
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate

# Kept with the referral's reason, so whoever reads the record sees why it went ahead.
OVERRIDE_NOTE = "（未登记有效的转介/信息共享同意，仍转介的理由：{why}）"


class ReferralDialog(StepDialog):
    """A referral during the case, or (`at_intake`) the referral that ends it at intake."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        at_intake: bool = False,
        consents: ConsentService | None = None,
        late_days: int = LATE_REASON_DAYS,
        partners: Sequence[Choice] = (),
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Refer at intake") if at_intake else self.tr("Referral")
        super().__init__(title=title, tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        self._at_intake = at_intake
        self.agency = PartnerPicker(self)
        self.agency.set_partners(partners)
        self.agency.set_placeholder(self.tr("e.g. county disabled persons' federation"))
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
        self.effective = EffectiveDate(
            self, today=cases.today, late_days=late_days, date=self.sent_on
        )
        self.add_effective_date(self.effective, date_field="sent_on")
        self.consent_warning: ConsentWarning | None = None
        self.override = QCheckBox(self.tr("Refer anyway, because:"), self)
        self.override_reason = QLineEdit(self)
        self.override_reason.setMaxLength(200)
        self.override_reason.setPlaceholderText(self.tr("e.g. emergency protection of a child"))
        if consents is not None:
            self.consent_warning = ConsentWarning(
                consents=consents, tasks=tasks, items=(SHARING,), parent=self
            )
            holder = QWidget(self)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.consent_warning)
            column.addWidget(self.override)
            column.addWidget(self.override_reason)
            self.add_row("", holder, "consent")
            self.consent_warning.checked.connect(self._consent_checked)
            self.sent_on.dateChanged.connect(lambda _d: self._check_consent())
            self._check_consent()
        self._consent_checked(())
        self.add_row("", self.consent)
        self.add_row("", self.closes_case)
        self.add_button(self.tr("Save"), self.call)

    def _check_consent(self) -> None:
        if self.consent_warning is not None:
            self.consent_warning.check(self._detail.client_id, pydate(self.sent_on.date()))

    def _consent_checked(self, missing: tuple[str, ...]) -> None:
        self.override.setVisible(bool(missing))
        self.override_reason.setVisible(bool(missing))
        if self.consent_warning is not None and self.consent_warning.missing == ():
            self.consent.setChecked(True)

    def call(self) -> SaveCall | None:
        reason = self.reason.toPlainText()
        missing = self.consent_warning.missing if self.consent_warning is not None else None
        if missing:
            why = self.override_reason.text().strip()
            if not (self.override.isChecked() and why):
                self._field_errors["consent"].set_error(
                    self.tr(
                        "Record the client's consent to sharing first, or tick "
                        "“Refer anyway” and give the reason."
                    )
                )
                return None
            reason = (reason + "\n" if reason else "") + OVERRIDE_NOTE.format(why=why)
        data = ReferralInput(
            agency=self.agency.text(),
            partner_id=self.agency.partner_id(),
            sent_on=pydate(self.sent_on.date()),
            contact=self.contact.text(),
            reason=reason,
            consent_given=self.consent.isChecked(),
            closes_case=self.closes_case.isChecked(),
            late_reason=self.effective.late_reason(),
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
        late_days: int = LATE_REASON_DAYS,
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
        # The day the status changed (received, fed back…); kept only when it does change.
        self.effective = EffectiveDate(self, today=cases.today, late_days=late_days)
        self.add_effective_date(self.effective)
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
        when = self.effective.when()
        return lambda: cases.update_referral(
            referral.id, version=referral.version, status=status, feedback=feedback, when=when
        )
