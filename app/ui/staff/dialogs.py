"""The supervision and training dialogs: new record, or open one to read or edit it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from app.domain.numbers import decimal_text
from app.services.choice import Choice
from app.services.settings.codes import CodeEntry
from app.services.staff.supervision import SupervisionService
from app.services.staff.supervision_types import SupervisionDetail, SupervisionInput
from app.services.staff.training import TrainingService
from app.services.staff.training_types import Participant, TrainingDetail, TrainingInput
from app.ui.cases.fields import date_edit, items_combo, pydate, qdate, text_box
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

EXTERNAL = -1


def people_list(parent: QWidget, people: list[Choice]) -> QListWidget:
    """Workers to tick (supervisees, participants)."""
    box = QListWidget(parent)
    for person in people:
        item = QListWidgetItem(person.label, box)
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
    box.setFixedHeight(110)
    return box


def ticked(box: QListWidget) -> list[int]:
    return [
        box.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    ]


def tick(box: QListWidget, ids: set[int]) -> None:
    for i in range(box.count()):
        item = box.item(i)
        checked = item.data(Qt.ItemDataRole.UserRole) in ids
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class SupervisionDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        service: SupervisionService,
        tasks: TaskRunner,
        forms: list[CodeEntry],
        supervisors: list[Choice],
        workers: list[Choice],
        today: dt.date,
        detail: SupervisionDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            title=self.tr("Supervision record"), tasks=tasks, min_width=520, parent=parent
        )
        self._service = service
        self._detail = detail
        self.held_on = date_edit(self, today)
        self.form_combo = items_combo(
            self, [(f.label, f.code) for f in forms if f.active], blank=self.tr("Choose…")
        )
        self.supervisor = items_combo(self, [(s.label, s.id) for s in supervisors])
        self.supervisor.addItem(self.tr("External supervisor (type the name)"), EXTERNAL)
        self.supervisor_name = QLineEdit(self)
        self.supervisor_name.setPlaceholderText(self.tr("Name and organisation"))
        self.hours = QLineEdit("2", self)
        self.supervisees = people_list(self, workers)
        self.cases = QLineEdit(self)
        self.cases.setPlaceholderText(self.tr("Case numbers, separated by spaces or commas"))
        self.topics = text_box(self, 56)
        self.advice = text_box(self, 56)
        self.follow_up = text_box(self, 48)
        self.add_row(self.tr("Date"), self.held_on, "held_on")
        self.add_row(self.tr("Form *"), self.form_combo, "form")
        self.add_row(self.tr("Supervisor *"), self.supervisor, "supervisor")
        self.add_row(self.tr("External supervisor"), self.supervisor_name, "supervisor_name")
        self.add_row(self.tr("Hours *"), self.hours, "hours")
        self.add_row(self.tr("Supervisees *"), self.supervisees, "supervisees")
        self.add_row(self.tr("Cases discussed"), self.cases, "cases")
        self.add_row(self.tr("Topics"), self.topics, "topics")
        self.add_row(self.tr("Advice"), self.advice, "advice")
        self.add_row(self.tr("Follow-up"), self.follow_up, "follow_up")
        self.supervisor.currentIndexChanged.connect(self._supervisor_changed)
        if detail is not None:
            self._fill(detail)
        elif service.default_supervisor_id is not None:
            self.supervisor.setCurrentIndex(
                max(self.supervisor.findData(service.default_supervisor_id), 0)
            )
        self._supervisor_changed()

    def _fill(self, d: SupervisionDetail) -> None:
        self.held_on.setDate(qdate(d.held_on))
        self.form_combo.setCurrentIndex(max(self.form_combo.findData(d.form), 0))
        if d.supervisor_id is not None:
            self.supervisor.setCurrentIndex(max(self.supervisor.findData(d.supervisor_id), 0))
        else:
            self.supervisor.setCurrentIndex(self.supervisor.findData(EXTERNAL))
            self.supervisor_name.setText(d.supervisor_name)
        self.hours.setText(decimal_text(d.hours))
        tick(self.supervisees, set(d.supervisee_ids))
        self.cases.setText(" ".join(d.case_nos))
        self.topics.setPlainText(d.topics)
        self.advice.setPlainText(d.advice)
        self.follow_up.setPlainText(d.follow_up)
        self.set_read_only(not d.can_edit)

    def _supervisor_changed(self) -> None:
        self.supervisor_name.setEnabled(self.supervisor.currentData() == EXTERNAL)

    def call(self) -> ServiceCall | None:
        chosen = self.supervisor.currentData()
        cases = tuple(self.cases.text().replace(",", " ").replace("，", " ").split())
        data = SupervisionInput(
            held_on=pydate(self.held_on.date()),
            form=self.form_combo.currentData() or "",
            hours=self.hours.text(),
            supervisor_id=None if chosen in (None, EXTERNAL) else int(chosen),
            supervisor_name=self.supervisor_name.text() if chosen == EXTERNAL else "",
            supervisee_ids=tuple(ticked(self.supervisees)),
            case_nos=cases,
            topics=self.topics.toPlainText(),
            advice=self.advice.toPlainText(),
            follow_up=self.follow_up.toPlainText(),
        )
        service, detail = self._service, self._detail
        if detail is None:
            return lambda: service.create(data)
        return lambda: service.update(supervision_id=detail.id, version=detail.version, data=data)


class TrainingDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        service: TrainingService,
        tasks: TaskRunner,
        workers: list[Choice],
        today: dt.date,
        detail: TrainingDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Training"), tasks=tasks, min_width=520, parent=parent)
        self._service = service
        self._detail = detail
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(200)
        self.organiser = QLineEdit(self)
        self.organiser.setMaxLength(100)
        self.held_on = date_edit(self, today)
        self.hours = QLineEdit("3", self)
        self.participants = people_list(self, workers)
        self.certificates = people_list(self, workers)
        self.add_row(self.tr("Title *"), self.title_edit, "title")
        self.add_row(self.tr("Organiser"), self.organiser, "organiser")
        self.add_row(self.tr("Date"), self.held_on, "held_on")
        self.add_row(self.tr("Hours *"), self.hours, "hours")
        self.add_row(self.tr("Participants *"), self.participants, "participants")
        self.add_row(self.tr("Got a certificate"), self.certificates, "certificates")
        if detail is not None:
            self.title_edit.setText(detail.title)
            self.organiser.setText(detail.organiser)
            self.held_on.setDate(qdate(detail.held_on))
            self.hours.setText(decimal_text(Decimal(detail.hours)))
            tick(self.participants, {p.user_id for p in detail.participants})
            tick(self.certificates, {p.user_id for p in detail.participants if p.certificate})
            self.set_read_only(not detail.can_edit)

    def call(self) -> ServiceCall | None:
        certified = set(ticked(self.certificates))
        data = TrainingInput(
            title=self.title_edit.text(),
            organiser=self.organiser.text(),
            held_on=pydate(self.held_on.date()),
            hours=self.hours.text(),
            participants=tuple(
                Participant(uid, uid in certified) for uid in ticked(self.participants)
            ),
        )
        service, detail = self._service, self._detail
        if detail is None:
            return lambda: service.create(data)
        return lambda: service.update(training_id=detail.id, version=detail.version, data=data)
