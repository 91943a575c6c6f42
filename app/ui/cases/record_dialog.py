"""介入: one service record — a contact with the client, counted in 服务人次."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLineEdit, QSpinBox, QTimeEdit, QWidget

from app.domain.codes import CodeList
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, ServiceRecordInput
from app.ui.cases.fields import OptionalDateEdit, date_edit, items_combo, pydate, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.clients.choices import ClientChoices, code_items
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate
from app.ui.widgets.room_combo import RoomCombo


class RecordDialog(StepDialog):
    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        choices: ClientChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Service record"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        self.served_on = date_edit(self, cases.today)
        self.start_time = QTimeEdit(QTime(9, 0), self)
        self.start_time.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 1440)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.mode = items_combo(
            self, code_items(choices, CodeList.SERVICE_MODE), blank=self.tr("Choose…")
        )
        self.place = QLineEdit(self)
        self.place.setMaxLength(100)
        self.people = QLineEdit(self)
        self.people.setMaxLength(200)
        plan = detail.current_plan
        goals = [(f"{g.seq}. {g.goal}", g.id) for g in plan.goals] if plan else []
        self.goal = items_combo(self, goals, blank=self.tr("None in particular"))
        self.content = text_box(self, 80)
        self.analysis = text_box(self, 56)
        self.next_step = text_box(self, 48)
        self.next_contact = OptionalDateEdit(self, self.tr("By risk and urgency"))
        self.room = RoomCombo(self, rooms=choices.rooms, staff=choices.staff_rooms)
        self.served_on.dateChanged.connect(self._follow_room)
        self._follow_room()

        self.add_row(self.tr("Date"), self.served_on, "served_on")
        self.effective = EffectiveDate(
            self, today=cases.today, late_days=choices.late_reason_days, date=self.served_on
        )
        self.add_effective_date(self.effective, date_field="served_on")
        self.add_row(self.tr("Start time"), self.start_time, "start_time")
        self.add_row(self.tr("Duration"), self.minutes, "duration_min")
        self.add_row(self.tr("Mode *"), self.mode, "mode")
        if self.room.offers_rooms:
            self.add_row(self.tr("Social work room"), self.room, "room_id")
        self.add_row(self.tr("Place"), self.place)
        self.add_row(self.tr("People present"), self.people)
        self.add_row(self.tr("Goal addressed"), self.goal, "goal_id")
        self.add_row(self.tr("Content"), self.content, "content")
        self.add_row(self.tr("Analysis"), self.analysis)
        self.add_row(self.tr("Next step"), self.next_step)
        self.add_row(self.tr("Next contact"), self.next_contact, "next_contact_date")
        self.add_button(self.tr("Save"), self.call)
        self.resize(640, 720)

    def _follow_room(self) -> None:
        self.room.follow(self._cases.user_id, pydate(self.served_on.date()))

    def call(self) -> SaveCall:
        start = self.start_time.time()
        data = ServiceRecordInput(
            served_on=pydate(self.served_on.date()),
            mode=self.mode.currentData() or "",
            duration_min=self.minutes.value(),
            start_time=dt.time(start.hour(), start.minute()),
            place=self.place.text(),
            people_present=self.people.text(),
            goal_id=self.goal.currentData(),
            content=self.content.toPlainText(),
            analysis=self.analysis.toPlainText(),
            next_step=self.next_step.toPlainText(),
            next_contact_date=self.next_contact.value(),
            late_reason=self.effective.late_reason(),
            room_id=self.room.room_id(),
        )
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        return lambda: cases.add_service_record(case_id, version=version, data=data)
