"""Dialogs of the 社工室 tab: a room with its villages, and a worker's move to a room."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from app.services.choice import Choice
from app.services.history import When
from app.services.rooms.service import RoomService
from app.services.rooms.types import RoomRow, StaffRoom
from app.ui.cases.fields import date_edit, pydate
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

OK = QDialogButtonBox.StandardButton.Ok  # these forms say 确定, not 保存


class RoomDialog(ServiceFormDialog):
    """A new room, or a room renamed, closed or given other villages."""

    def __init__(
        self,
        *,
        rooms: RoomService,
        tasks: TaskRunner,
        villages: Sequence[Choice],
        room: RoomRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, accept=OK, min_width=420, parent=parent)
        self.setWindowTitle(
            self.tr("New social work room") if room is None else self.tr("Edit room")
        )
        self._rooms = rooms
        self._room = room
        self.name = QLineEdit(room.name if room else "")
        self.name.setMaxLength(100)
        self.villages = QListWidget()
        served = {v.id for v in room.villages} if room else set()
        for village in villages:
            item = QListWidgetItem(village.label)
            item.setData(Qt.ItemDataRole.UserRole, village.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = village.id in served
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.villages.addItem(item)
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(room.active if room else True)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Villages served"), self.villages)
        if room is not None:
            self.form.addRow("", self.active)

    def village_ids(self) -> list[int]:
        items = (self.villages.item(i) for i in range(self.villages.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def call(self) -> ServiceCall:
        rooms, room = self._rooms, self._room
        name, active, ids = self.name.text(), self.active.isChecked(), self.village_ids()
        if room is None:
            return lambda: rooms.add_room(name=name, village_ids=ids)
        return lambda: rooms.update_room(
            room_id=room.id, version=room.version, name=name, active=active, village_ids=ids
        )


class MoveDialog(ServiceFormDialog):
    """A worker into a room (or back to the station's office) from a day."""

    def __init__(
        self,
        *,
        rooms: RoomService,
        tasks: TaskRunner,
        worker: StaffRoom,
        choices: Sequence[Choice],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, accept=OK, min_width=420, parent=parent)
        self.setWindowTitle(self.tr("Move {name}").format(name=worker.name))
        self._rooms = rooms
        self._worker = worker
        self.room = QComboBox()
        self.room.addItem(self.tr("None (station office)"), None)
        for room in choices:
            self.room.addItem(room.label, room.id)
        self.room.setCurrentIndex(max(self.room.findData(worker.room_id), 0))
        self.on = date_edit(self, today)
        self.late_reason = QLineEdit()
        self.late_reason.setPlaceholderText(self.tr("Needed when the date is far back"))
        self.form.addRow(self.tr("Room"), self.room)
        self.form.addRow(self.tr("From"), self.on)
        self.form.addRow(self.tr("Late-entry reason"), self.late_reason)

    def call(self) -> ServiceCall:
        rooms, user_id = self._rooms, self._worker.user_id
        room_id = self.room.currentData()
        when = When(pydate(self.on.date()), self.late_reason.text())
        return lambda: rooms.assign(user_id=user_id, room_id=room_id, when=when)
