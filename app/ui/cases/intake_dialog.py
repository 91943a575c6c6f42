"""接案: open a case for a client found by search, with the intake decision."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from app.domain.case_rules import Decision, Urgency
from app.domain.codes import CodeList, RiskLevel
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, IntakeInput, OpenCaseInput
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.ui.cases.fields import date_edit, enum_combo, items_combo, pydate, text_box
from app.ui.cases.intake_consent import IntakeConsent
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.clients.choices import ClientChoices, code_items
from app.ui.clients.consent_warning import ConsentWarning
from app.ui.clients.household_picker import HeadSearchDialog
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate


class IntakeDialog(StepDialog):
    """Open a case: client, source, problem, risk, urgency, worker and the decision."""

    def __init__(
        self,
        *,
        cases: CaseService,
        clients: ClientService,
        tasks: TaskRunner,
        choices: ClientChoices,
        consents: ConsentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Open a case (intake)"), tasks=tasks, parent=parent)
        self._cases = cases
        self._clients = clients
        self.client: Choice | None = None

        self.client_label = QLineEdit(self)
        self.client_label.setReadOnly(True)
        self.client_label.setPlaceholderText(self.tr("No client chosen"))
        self.choose_client = QPushButton(self.tr("Find client…"), self)
        self.choose_client.setAutoDefault(False)
        self.choose_client.clicked.connect(self.find_client)
        client_row = QWidget(self)
        row = QHBoxLayout(client_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.client_label, 1)
        row.addWidget(self.choose_client)

        self.intake_date = date_edit(self, cases.today)
        self.source = items_combo(
            self, code_items(choices, CodeList.CASE_SOURCE), blank=self.tr("Not stated")
        )
        self.referrer = QLineEdit(self)
        self.referrer.setMaxLength(100)
        self.referrer.setPlaceholderText(self.tr("Who referred or reported the case"))
        self.problem = text_box(self, 80)
        self.risk = enum_combo(self, (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH))
        self.urgency = enum_combo(
            self, (Urgency.NORMAL, Urgency.PRIORITY, Urgency.URGENT), Urgency.NORMAL.value
        )
        others = [(w.label, w.id) for w in choices.workers] if cases.can_assign else []
        self.worker = items_combo(self, others, blank=self.tr("Me"))
        self.worker.setEnabled(cases.can_assign)

        self.decisions = QButtonGroup(self)
        decision_row = QWidget(self)
        line = QHBoxLayout(decision_row)
        line.setContentsMargins(0, 0, 0, 0)
        for decision in Decision:
            button = QRadioButton(decision.label, decision_row)
            button.setObjectName(f"decision_{decision.value}")
            button.setProperty("decision", decision.value)
            self.decisions.addButton(button)
            line.addWidget(button)
            button.setChecked(decision is Decision.ACCEPT)
        line.addStretch(1)
        self.reason = text_box(self, 56)
        self.refer_to = QLineEdit(self)
        self.refer_to.setMaxLength(100)
        self.refer_contact = QLineEdit(self)
        self.refer_contact.setMaxLength(100)

        self.add_row(self.tr("Client *"), client_row, "client_id")
        # Opening a case needs consent to services, often signed at intake: record it here.
        self.consent: IntakeConsent | None = None
        self.consent_warning: ConsentWarning | None = None
        if consents is not None:
            self.consent = IntakeConsent(consents=consents, tasks=tasks, parent=self)
            self.consent_warning = self.consent.warning
            # Its own row, not a field holder: a holder is capped at its size hint, which
            # cuts off the wrapped notice. The service's refusal shows in the row below.
            self.add_row("", self.consent)
            error = ErrorLabel(self)
            self.form.addRow(error)
            self._field_errors["consent"] = error
            self._field_widgets["consent"] = self.consent.exemption
            self.consent.recorded.connect(self._check_consent)
            self.intake_date.dateChanged.connect(lambda _d: self._check_consent())
        self.add_row(self.tr("Intake date"), self.intake_date, "intake_date")
        self.effective = EffectiveDate(
            self, today=cases.today, late_days=choices.late_reason_days, date=self.intake_date
        )
        self.add_effective_date(self.effective, date_field="intake_date")
        self.add_row(self.tr("Source"), self.source, "source")
        self.add_row(self.tr("Referrer"), self.referrer)
        self.add_row(self.tr("Presenting problem *"), self.problem, "presenting_problem")
        self.add_row(self.tr("Risk level"), self.risk, "risk_level")
        self.add_row(self.tr("Urgency"), self.urgency, "urgency")
        self.add_row(self.tr("Responsible worker"), self.worker, "worker_id")
        self.add_row(self.tr("Decision"), decision_row, "decision")
        self.add_row(self.tr("Reason"), self.reason, "decision_reason")
        self.add_row(self.tr("Refer to"), self.refer_to, "refer_to")
        self.add_row(self.tr("Agency contact"), self.refer_contact)
        self.add_button(self.tr("Open case"), self.call)
        self.decisions.buttonToggled.connect(lambda _button, _on: self._update_decision())
        self._update_decision()

    def decision(self) -> str:
        button = self.decisions.checkedButton()
        return str(button.property("decision")) if button else Decision.ACCEPT.value

    def _update_decision(self) -> None:
        decision = self.decision()
        self.reason.setEnabled(decision != Decision.ACCEPT.value)
        refer = decision == Decision.REFER.value
        self.refer_to.setEnabled(refer)
        self.refer_contact.setEnabled(refer)
        if self.consent is not None:
            # Declining or referring does nothing for the person: no consent, no reason.
            self.consent.exemption.setEnabled(decision == Decision.ACCEPT.value)
            self.consent.note.setEnabled(decision == Decision.ACCEPT.value)

    def find_client(self) -> None:
        dialog = HeadSearchDialog(
            clients=self._clients,
            tasks=self._tasks,
            title=self.tr("Choose the client"),
            placeholder=self.tr("Name, ID number or phone of the client"),
            parent=self,
        )

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self.set_client(dialog.chosen)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def set_client(self, client: Choice) -> None:
        self.client = client
        self.client_label.setText(client.label)
        self._check_consent()

    def _check_consent(self) -> None:
        if self.consent is not None and self.client is not None:
            self.consent.check(self.client.id, pydate(self.intake_date.date()))

    def call(self) -> SaveCall | None:
        data = self.intake_input()
        if data is None:
            return None
        cases = self._cases
        return lambda: cases.open_case(data)

    def intake_input(self) -> OpenCaseInput | None:
        """What the form says, or None (with the message shown) when it cannot be saved."""
        if self.client is None:
            self._field_errors["client_id"].set_error(self.tr("Choose the client first."))
            return None
        exemption, note = self._consent_exemption()
        if exemption is None:
            return None
        return OpenCaseInput(
            client_id=self.client.id,
            intake_date=pydate(self.intake_date.date()),
            source=self.source.currentData() or "",
            referrer=self.referrer.text(),
            presenting_problem=self.problem.toPlainText(),
            risk_level=self.risk.currentData(),
            urgency=self.urgency.currentData(),
            worker_id=self.worker.currentData(),
            decision=self.decision(),
            decision_reason=self.reason.toPlainText() if self.reason.isEnabled() else "",
            refer_to=self.refer_to.text() if self.refer_to.isEnabled() else "",
            refer_contact=self.refer_contact.text() if self.refer_contact.isEnabled() else "",
            late_reason=self.effective.late_reason(),
            consent_exemption=exemption,
            consent_note=note,
        )

    def _consent_exemption(self) -> tuple[str | None, str]:
        """(code, note) to send; code None when the form must not be saved as it is."""
        missing = self.consent.missing if self.consent is not None else None
        if self.consent is None or not missing or self.decision() != Decision.ACCEPT.value:
            return "", ""
        code, note = self.consent.chosen()
        error = ""
        if not code:
            error = self.tr(
                "The client has not signed the consent to services. Record the signed form "
                "first, or choose why consent could not be taken."
            )
        elif not note:
            error = self.tr("Say who signed for the client, or what the emergency was.")
        if error:
            self._field_errors["consent"].set_error(error)
            return None, ""
        return code, note


class IntakeEditDialog(StepDialog):
    """Correct the intake details while the case is open (the client and decision stay)."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        choices: ClientChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Edit intake"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        self.intake_date = date_edit(self, detail.intake_date)
        self.source = items_combo(
            self,
            code_items(choices, CodeList.CASE_SOURCE, detail.source),
            blank=self.tr("Not stated"),
        )
        self.source.setCurrentIndex(max(self.source.findData(detail.source or None), 0))
        self.referrer = QLineEdit(detail.referrer, self)
        self.referrer.setMaxLength(100)
        self.problem = text_box(self, 80)
        self.problem.setPlainText(detail.presenting_problem)
        self.urgency = enum_combo(
            self, (Urgency.NORMAL, Urgency.PRIORITY, Urgency.URGENT), detail.urgency
        )
        self.add_row(self.tr("Intake date"), self.intake_date, "intake_date")
        self.add_row(self.tr("Source"), self.source, "source")
        self.add_row(self.tr("Referrer"), self.referrer)
        self.add_row(self.tr("Presenting problem"), self.problem, "presenting_problem")
        self.add_row(self.tr("Urgency"), self.urgency, "urgency")
        self.add_button(self.tr("Save"), self.call)

    def call(self) -> SaveCall:
        data = IntakeInput(
            intake_date=pydate(self.intake_date.date()),
            source=self.source.currentData() or "",
            referrer=self.referrer.text(),
            presenting_problem=self.problem.toPlainText(),
            urgency=self.urgency.currentData(),
        )
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        return lambda: cases.update_intake(case_id, version=version, data=data)
