"""Recording or changing one activity; nothing typed is lost when a save is refused."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTimeEdit,
    QToolButton,
    QWidget,
)

from app.domain.codes import CodeList
from app.services.clients.service import ClientService
from app.services.community.service import ActivityService
from app.services.community.types import ActivityDetail, ActivityInput
from app.services.community.views import split_partners
from app.ui.cases.fields import date_edit, items_combo, pydate, qdate, text_box
from app.ui.clients.choices import ClientChoices, code_items, select_data
from app.ui.community.choices import COMMON_PARTNERS
from app.ui.community.participant_fields import ParticipantCountsEdit, RegisteredClients
from app.ui.partners.picker import PartnerPicker
from app.ui.tasks import TaskRunner
from app.ui.widgets.room_combo import RoomCombo
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

NO_TIME = QTime(0, 0)  # the minimum of an optional time stands for "not set"
PARTNER_SEPARATOR = "、"


def optional_time(parent: QWidget, blank: str) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(NO_TIME)
    edit.setSpecialValueText(blank)
    edit.setTime(NO_TIME)
    return edit


def time_value(edit: QTimeEdit) -> dt.time | None:
    value = edit.time()
    return None if value == NO_TIME else dt.time(value.hour(), value.minute())


class ActivityDialog(ServiceFormDialog):
    """New activity when `detail` is None, else an edit of the version it was loaded at.

    `saved` carries the ActivitySaved.
    """

    def __init__(
        self,
        *,
        activities: ActivityService,
        clients: ClientService,
        tasks: TaskRunner,
        choices: ClientChoices,
        detail: ActivityDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, min_width=1000, parent=parent)
        self._activities = activities
        self._detail = detail
        self.setWindowTitle(
            self.tr("Record an activity") if detail is None else self.tr("Edit activity")
        )

        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("e.g. Dragon Boat Festival for older residents"))
        keep = detail.activity_type if detail else ""
        self.activity_type = items_combo(
            self, code_items(choices, CodeList.ACTIVITY_TYPE, keep), blank=self.tr("Choose…")
        )
        self.held_on = date_edit(self, activities.today)
        self.start_time = optional_time(self, self.tr("not set"))
        self.end_time = optional_time(self, self.tr("not set"))
        times = QWidget(self)
        row = QHBoxLayout(times)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.held_on)
        row.addWidget(self.start_time)
        row.addWidget(self.end_time)
        row.addStretch(1)
        times.setFocusProxy(self.held_on)
        self.village = items_combo(
            self, [(v.label, v.id) for v in choices.villages], blank=self.tr("Whole township")
        )
        self.place = QLineEdit(self)
        self.place.setMaxLength(100)
        self.partners = QLineEdit(self)
        self.partners.setPlaceholderText(self.tr("Separate several partners with 、"))
        # The directory's partners first, then the kinds a station often works with.
        self.partner_pick = PartnerPicker(self)
        self.partner_pick.set_partners(choices.partners, extra=COMMON_PARTNERS)
        self.partner_pick.set_placeholder(self.tr("Pick or type a partner"))
        pick = QToolButton(self)
        pick.setText(self.tr("Add"))
        pick.clicked.connect(self._add_picked)
        partners_row = QWidget(self)
        line = QHBoxLayout(partners_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.partners, 1)
        line.addWidget(self.partner_pick)
        line.addWidget(pick)
        partners_row.setFocusProxy(self.partners)
        self.target_group = QLineEdit(self)
        self.target_group.setMaxLength(200)
        self.target_group.setPlaceholderText(self.tr("e.g. left-behind elderly and children"))
        others = [(w.label, w.id) for w in choices.workers]
        self.worker = items_combo(self, others, blank=self.tr("Me"))
        self.worker.setEnabled(activities.can_assign)
        self.room = RoomCombo(self, rooms=choices.rooms, staff=choices.staff_rooms)
        self.held_on.dateChanged.connect(self._follow_room)
        self.worker.currentIndexChanged.connect(self._follow_room)
        self.counts = ParticipantCountsEdit(self)
        self.clients = RegisteredClients(clients=clients, tasks=tasks, parent=self)
        self.resources = text_box(self, 52)
        self.content = text_box(self, 96)
        self.outcome = text_box(self, 72)
        for box in (self.resources, self.content, self.outcome):
            box.setMinimumWidth(320)

        left = self.new_form()
        self.add_row(self.tr("&Title"), self.title, "title", left)
        self.add_row(self.tr("T&ype"), self.activity_type, "activity_type", left)
        self.add_row(self.tr("&Date, start, end"), times, "held_on", left)
        self.share_field("end_time", "held_on", self.end_time)
        self.add_row(self.tr("&Village"), self.village, "village_id", left)
        self.add_row(self.tr("&Place"), self.place, "place", left)
        self.add_row(self.tr("Pa&rtners"), partners_row, "partners", left)
        self.add_row(self.tr("Target &group"), self.target_group, "target_group", left)
        self.add_row(self.tr("Responsible &worker"), self.worker, "worker_id", left)
        if self.room.offers_rooms:
            self.add_row(self.tr("Social work room"), self.room, "room_id", left)
        self.add_row(self.tr("Participa&nts"), self.counts, "participants", left)
        self.add_row(self.tr("Registered &clients"), self.clients, "client_ids", left)
        right = self.new_form()
        # Long texts: labels above their boxes, which take the column's whole width.
        right.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.add_row(self.tr("C&ontent"), self.content, "content", right)
        self.add_row(self.tr("Resources &used"), self.resources, "resources_used", right)
        self.add_row(self.tr("Outco&me"), self.outcome, "outcome", right)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.body.addLayout(columns)
        if detail is not None:
            self._fill(detail)
        else:
            self._follow_room()

    def _fill(self, d: ActivityDetail) -> None:
        self.title.setText(d.title)
        select_data(self.activity_type, d.activity_type)
        self.held_on.setDate(qdate(d.held_on))
        for edit, value in ((self.start_time, d.start_time), (self.end_time, d.end_time)):
            edit.setTime(QTime(value.hour, value.minute) if value else NO_TIME)
        select_data(self.village, d.village_id)
        self.place.setText(d.place)
        self.partners.setText(PARTNER_SEPARATOR.join(d.partners))
        self.target_group.setText(d.target_group)
        if d.worker_id is not None and self.worker.findData(d.worker_id) < 0:
            self.worker.addItem(d.worker, d.worker_id)
        select_data(self.worker, d.worker_id)
        self.counts.set_value(d.participants)
        self.clients.set_clients(d.clients)
        self.resources.setPlainText(d.resources_used)
        self.content.setPlainText(d.content)
        self.outcome.setPlainText(d.outcome)
        self.room.set_room(d.room_id, d.room)
        self.room.touched = True  # a saved activity keeps its room unless the user picks

    def _follow_room(self) -> None:
        worker = self.worker.currentData()
        if worker is None:
            worker = self._detail.worker_id if self._detail is not None else None
        self.room.follow(worker or self._activities.user_id, pydate(self.held_on.date()))

    def _add_picked(self) -> None:
        if self.partner_pick.text():
            self.add_partner(self.partner_pick.text())
            self.partner_pick.setText("")

    def add_partner(self, partner: str) -> None:
        current = [p for p in self.partners.text().split(PARTNER_SEPARATOR) if p.strip()]
        if partner not in current:
            self.partners.setText(PARTNER_SEPARATOR.join([*current, partner]))

    def data(self) -> ActivityInput:
        return ActivityInput(
            title=self.title.text(),
            activity_type=self.activity_type.currentData() or "",
            held_on=pydate(self.held_on.date()),
            start_time=time_value(self.start_time),
            end_time=time_value(self.end_time),
            village_id=self.village.currentData(),
            place=self.place.text(),
            partners=split_partners(self.partners.text()),
            target_group=self.target_group.text(),
            worker_id=self.worker.currentData(),
            participants=self.counts.value(),
            client_ids=self.clients.ids(),
            resources_used=self.resources.toPlainText(),
            content=self.content.toPlainText(),
            outcome=self.outcome.toPlainText(),
            room_id=self.room.room_id(),
        )

    def call(self) -> ServiceCall:
        data = self.data()
        activities, detail = self._activities, self._detail
        if detail is None:
            return partial(activities.create, data)
        return partial(activities.update, detail.id, version=detail.version, data=data)

    def reload_question(self) -> str:
        return self.tr("Reload the activity? What you typed here is dropped.")
