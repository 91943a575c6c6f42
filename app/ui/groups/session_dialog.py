"""节次记录: one session with its attendance (who came, who was absent, who left early)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from app.services.groups.service import GroupService
from app.services.groups.types import (
    AttendanceInput,
    AttendanceStatus,
    GroupDetail,
    SessionInput,
    SessionView,
)
from app.ui.cases.fields import date_edit, pydate, qdate, text_box
from app.ui.groups.form_dialog import GroupFormDialog, SaveCall
from app.ui.tasks import TaskRunner


class AttendanceTable(QTableWidget):
    """One row per member: attendance and an observation of them in this session."""

    NAME, STATUS, OBSERVATION = range(3)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("attendanceTable")
        self.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Attendance"), self.tr("Observation")]
        )
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._members: list[int] = []

    def add_member(self, member_id: int, name: str, status: str, observation: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self._members.append(member_id)
        item = QTableWidgetItem(name)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.setItem(row, self.NAME, item)
        combo = QComboBox(self)
        for choice in AttendanceStatus:
            combo.addItem(choice.label, choice.value)
        combo.setCurrentIndex(max(combo.findData(status), 0))
        self.setCellWidget(row, self.STATUS, combo)
        note = QLineEdit(observation, self)
        note.setPlaceholderText(self.tr("What you noticed about them"))
        self.setCellWidget(row, self.OBSERVATION, note)

    def status_box(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, self.STATUS)
        assert isinstance(widget, QComboBox)
        return widget

    def marks(self) -> tuple[AttendanceInput, ...]:
        result = []
        for row, member_id in enumerate(self._members):
            note = self.cellWidget(row, self.OBSERVATION)
            assert isinstance(note, QLineEdit)
            status = self.status_box(row).currentData()
            result.append(AttendanceInput(member_id, status, note.text()))
        return tuple(result)


class SessionDialog(GroupFormDialog):
    """Record the next session of a group, or correct one already recorded."""

    def __init__(
        self,
        *,
        groups: GroupService,
        tasks: TaskRunner,
        detail: GroupDetail,
        session: SessionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        number = session.number if session else detail.next_number
        super().__init__(
            title=self.tr("Session {number} of {group}").format(number=number, group=detail.name),
            tasks=tasks,
            parent=parent,
        )
        self._groups = groups
        self._detail = detail
        self._session = session
        self.held_on = date_edit(self, groups.today)
        self.start_time = QTimeEdit(QTime(14, 30), self)
        self.start_time.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 1440)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(90)
        self.minutes.setSuffix(self.tr(" min"))
        self.topic = QLineEdit(self)
        self.topic.setMaxLength(200)
        self.goal = text_box(self, 44)
        self.activities = text_box(self, 56)
        self.attendance = AttendanceTable(self)
        self.walk_ins = QSpinBox(self)
        self.walk_ins.setRange(0, 999)
        self.walk_ins.setSuffix(self.tr(" people"))
        self.walk_ins.setToolTip(self.tr("Participants who are not registered members"))
        self.dynamics = text_box(self, 44)
        self.reflection = text_box(self, 44)

        self.add_row(self.tr("Number"), QLabel(str(number), self))
        self.add_row(self.tr("Date"), self.held_on, "held_on")
        self.add_row(self.tr("Start time"), self.start_time)
        self.add_row(self.tr("Duration"), self.minutes, "duration_min")
        self.add_row(self.tr("Topic"), self.topic, "topic")
        self.add_row(self.tr("Goal"), self.goal)
        self.add_row(self.tr("Activities"), self.activities)
        self.add_row(self.tr("Attendance"), self.attendance, "attendance")
        self.add_row(self.tr("Walk-ins"), self.walk_ins, "walk_in_count")
        self.add_row(self.tr("Group dynamics"), self.dynamics)
        self.add_row(self.tr("Worker's reflection"), self.reflection)
        self._fill_attendance()
        if session is not None:
            self._fill(session)
        self.resize(720, 780)

    def _fill_attendance(self) -> None:
        marks = {a.member_id: a for a in self._session.attendance} if self._session else {}
        for member in self._detail.members:
            mark = marks.get(member.id)
            if mark is None and not member.active:
                continue
            self.attendance.add_member(
                member.id,
                member.name,
                mark.status if mark else AttendanceStatus.PRESENT.value,
                mark.observation if mark else "",
            )
        height = self.attendance.horizontalHeader().height() + 4
        rows = min(self.attendance.rowCount(), 6)
        self.attendance.setFixedHeight(height + rows * 32 + 4)

    def _fill(self, s: SessionView) -> None:
        self.held_on.setDate(qdate(s.held_on))
        if s.start_time is not None:
            self.start_time.setTime(QTime(s.start_time.hour, s.start_time.minute))
        self.minutes.setValue(s.duration_min)
        self.topic.setText(s.topic)
        self.goal.setPlainText(s.goal)
        self.activities.setPlainText(s.activities)
        self.walk_ins.setValue(s.walk_in_count)
        self.dynamics.setPlainText(s.dynamics)
        self.reflection.setPlainText(s.reflection)

    def data(self) -> SessionInput:
        start = self.start_time.time()
        return SessionInput(
            held_on=pydate(self.held_on.date()),
            start_time=dt.time(start.hour(), start.minute()),
            duration_min=self.minutes.value(),
            topic=self.topic.text(),
            goal=self.goal.toPlainText(),
            activities=self.activities.toPlainText(),
            dynamics=self.dynamics.toPlainText(),
            reflection=self.reflection.toPlainText(),
            walk_in_count=self.walk_ins.value(),
            attendance=self.attendance.marks(),
        )

    def call(self) -> SaveCall:
        data, groups = self.data(), self._groups
        if self._session is None:
            group_id, version = self._detail.id, self._detail.version
            return lambda: groups.add_session(group_id, version=version, data=data)
        session_id, session_version = self._session.id, self._session.version
        return lambda: groups.update_session(session_id, version=session_version, data=data)
