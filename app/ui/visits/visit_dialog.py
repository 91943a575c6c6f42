"""Record or edit a home visit: who was visited, what was seen, found and explained."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.choice import Choice as ClientChoice
from app.services.clients.service import ClientService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitChoices, VisitDetail, VisitInput, VisitResult, VisitSaved
from app.ui.cases.fields import date_edit, items_combo, pydate, qdate, text_box
from app.ui.cases.step_dialog import note
from app.ui.clients.choices import select_data
from app.ui.clients.household_picker import HeadSearchDialog, HouseholdField
from app.ui.tasks import TaskRunner
from app.ui.visits.form_dialog import FormDialog
from app.ui.widgets.room_combo import RoomCombo


class VisitDialog(FormDialog):
    """A new visit, or the visit in `detail` to edit (saved at the version it was loaded)."""

    def __init__(
        self,
        *,
        visits: VisitService,
        clients: ClientService,
        tasks: TaskRunner,
        choices: VisitChoices,
        detail: VisitDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit visit") if detail else self.tr("Record a visit")
        super().__init__(title=title, tasks=tasks, parent=parent)
        self._visits = visits
        self._clients = clients
        self._visit = detail

        self.visited_on = date_edit(self, detail.visited_on if detail else visits.today)
        self.visited_on.setMaximumDate(qdate(visits.today))
        self.visit_type = items_combo(self, choices.visit_types)
        self.household = HouseholdField(clients=clients, tasks=tasks, parent=self)
        self.household.label.setPlaceholderText(self.tr("The first client's household"))
        self.client_list = QListWidget(self)
        self.client_list.setFixedHeight(64)
        self.add_client = QPushButton(self.tr("Add client…"), self)
        self.remove_client = QPushButton(self.tr("Remove"), self)
        for button in (self.add_client, self.remove_client):
            button.setAutoDefault(False)
        self.add_client.clicked.connect(self.find_client)
        self.remove_client.clicked.connect(self._remove_client)
        client_box = QWidget(self)
        client_row = QHBoxLayout(client_box)
        client_row.setContentsMargins(0, 0, 0, 0)
        client_row.addWidget(self.client_list, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_client)
        buttons.addWidget(self.remove_client)
        buttons.addStretch(1)
        client_row.addLayout(buttons)
        self.village = items_combo(
            self,
            [(v.label, v.value) for v in choices.villages],
            blank=self.tr("The household's village"),
        )
        self.worker = items_combo(
            self, [(w.label, w.value) for w in choices.workers], blank=self.tr("Me")
        )
        self.worker.setEnabled(choices.can_record_for_others)
        self._user_id = detail.worker_id if detail is not None else choices.user_id
        self.room = RoomCombo(self, rooms=choices.rooms, staff=choices.staff_rooms)
        self.visited_on.dateChanged.connect(self._follow_room)
        self.worker.currentIndexChanged.connect(self._follow_room)
        self.people_met = QLineEdit(self)
        self.people_met.setMaxLength(200)
        self.people_met.setPlaceholderText(self.tr("e.g. the client and her daughter-in-law"))
        self.duration = QSpinBox(self)
        self.duration.setRange(1, 1440)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(30)
        self.living = text_box(self, 52)
        self.safety = text_box(self, 52)
        self.needs = text_box(self, 52)
        self.need_count = QSpinBox(self)
        self.need_count.setRange(0, 99)
        self.policies = text_box(self, 52)
        self.outcome = items_combo(self, [(r.label, r.value) for r in VisitResult])

        self.add_row(self.tr("Date"), self.visited_on, "visited_on")
        self.add_row(self.tr("Visit type *"), self.visit_type, "visit_type")
        self.add_row(self.tr("Household"), self.household, "household_id")
        self.add_row(self.tr("Clients visited"), client_box, "client_ids")
        self.form.addRow("", note(self, self.tr("Choose a household, the clients met, or both.")))
        self.add_row(self.tr("Village"), self.village, "village_id")
        self.add_row(self.tr("Worker"), self.worker, "worker_id")
        if self.room.offers_rooms:
            self.add_row(self.tr("Social work room"), self.room, "room_id")
        self.add_row(self.tr("People met"), self.people_met)
        self.add_row(self.tr("Duration"), self.duration, "duration_min")
        self.add_row(self.tr("Living conditions"), self.living)
        self.add_row(self.tr("Safety"), self.safety)
        self.add_row(self.tr("Needs found"), self.needs)
        self.add_row(self.tr("New needs (count)"), self.need_count, "new_need_count")
        self.add_row(self.tr("Policies explained"), self.policies)
        self.add_row(self.tr("Result"), self.outcome, "result")
        self.add_button(self.tr("Save"), self.call)
        if detail is not None:
            self._fill(detail)
        else:
            self._follow_room()

    def _follow_room(self) -> None:
        self.room.follow(self.worker.currentData() or self._user_id, pydate(self.visited_on.date()))

    def _fill(self, detail: VisitDetail) -> None:
        select_data(self.visit_type, detail.visit_type)
        if detail.household_head_id is not None:
            self.household.set_head(detail.household_head_id, detail.household)
        for client in detail.clients:
            self.add(ClientChoice(client.id, client.label))
        select_data(self.village, detail.village_id)
        select_data(self.worker, detail.worker_id)
        self.people_met.setText(detail.people_met)
        self.duration.setValue(detail.duration_min)
        self.living.setPlainText(detail.living_conditions)
        self.safety.setPlainText(detail.safety)
        self.needs.setPlainText(detail.needs_found)
        self.need_count.setValue(detail.new_need_count)
        self.policies.setPlainText(detail.policies_explained)
        select_data(self.outcome, detail.result)
        self.room.set_room(detail.room_id, detail.room)
        self.room.touched = True  # a saved visit keeps its room unless the user picks

    def find_client(self) -> None:
        dialog = HeadSearchDialog(
            clients=self._clients,
            tasks=self._tasks,
            title=self.tr("Choose a client"),
            placeholder=self.tr("Name, ID number or phone of the client"),
            parent=self,
        )

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self.add(dialog.chosen)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def add(self, client: ClientChoice) -> None:
        """Add a visited client (the first one's household is the visit's household)."""
        if client.id in self.client_ids():
            return
        item = QListWidgetItem(client.label, self.client_list)
        item.setData(Qt.ItemDataRole.UserRole, client.id)

    def client_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.client_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.client_list.count())
        )

    def _remove_client(self) -> None:
        row = self.client_list.currentRow()
        if row >= 0:
            self.client_list.takeItem(row)

    def _kept_household(self) -> int | None:
        """A household with no registered head stays as it was unless the user picks one."""
        detail = self._visit
        if detail is None or detail.household_head_id is not None or self.household.head_id:
            return None
        return detail.household_id

    def call(self) -> Callable[[], VisitSaved]:
        data = VisitInput(
            visited_on=pydate(self.visited_on.date()),
            visit_type=self.visit_type.currentData() or "",
            household_id=self._kept_household(),
            household_head_id=self.household.head_id,
            client_ids=self.client_ids(),
            village_id=self.village.currentData(),
            people_met=self.people_met.text(),
            duration_min=self.duration.value(),
            living_conditions=self.living.toPlainText(),
            safety=self.safety.toPlainText(),
            needs_found=self.needs.toPlainText(),
            new_need_count=self.need_count.value(),
            policies_explained=self.policies.toPlainText(),
            result=self.outcome.currentData(),
            worker_id=self.worker.currentData(),
            room_id=self.room.room_id(),
        )
        visits, detail = self._visits, self._visit
        if detail is None:
            return lambda: visits.add(data)
        return lambda: visits.update(detail.id, version=detail.version, data=data)
