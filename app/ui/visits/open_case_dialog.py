"""接案 from a home visit: the case intake, for one of the visit's clients, linked to it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitDetail
from app.ui.cases.fields import pydate, qdate
from app.ui.cases.intake_dialog import IntakeDialog
from app.ui.cases.step_dialog import SaveCall
from app.ui.clients.choices import ClientChoices
from app.ui.tasks import TaskRunner


class VisitIntakeDialog(IntakeDialog):
    """The case intake, started with the visit's first client, what was found and the date."""

    def __init__(
        self,
        *,
        visits: VisitService,
        cases: CaseService,
        clients: ClientService,
        tasks: TaskRunner,
        choices: ClientChoices,
        visit: VisitDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(cases=cases, clients=clients, tasks=tasks, choices=choices, parent=parent)
        title = self.tr("Open a case from the visit of {day}")
        self.setWindowTitle(title.format(day=visit.visited_on.isoformat()))
        self._visits = visits
        self._visit = visit
        if visit.clients:
            first = visit.clients[0]
            self.set_client(Choice(first.id, first.label))
        self.intake_date.setDate(qdate(visit.visited_on))
        self.problem.setPlainText(visit.needs_found)
        index = self.source.findData("outreach")
        if index >= 0:
            self.source.setCurrentIndex(index)

    def call(self) -> SaveCall | None:
        if self.client is None:
            self._field_errors["client_id"].set_error(self.tr("Choose the client first."))
            return None
        data = OpenCaseInput(
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
        )
        visits, visit_id = self._visits, self._visit.id
        return lambda: visits.open_case(visit_id, data)
