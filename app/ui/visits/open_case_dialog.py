"""接案 from a home visit: the case intake, for one of the visit's clients, linked to it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitDetail
from app.ui.cases.fields import qdate
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
        consents: ConsentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            cases=cases, clients=clients, tasks=tasks, choices=choices, consents=consents,
            parent=parent,
        )  # fmt: skip
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
        data = self.intake_input()
        if data is None:
            return None
        visits, visit_id = self._visits, self._visit.id
        return lambda: visits.open_case(visit_id, data)
