"""设置 → 社工室: the station's rooms, who works in which, and the staffing check."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.choice import Choice
from app.services.context import Changes
from app.services.rooms.service import RoomService
from app.services.rooms.staffing import StaffingService
from app.services.rooms.types import RoomRow, StaffRoom, StationStaffing
from app.services.settings.stations import StationService
from app.ui.dialogs import keep_open
from app.ui.rooms.dialogs import MoveDialog, RoomDialog
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner

_REFRESH_ON = ("room", "user", "village", "staffing")


class RoomsTab(QWidget):
    def __init__(
        self,
        *,
        rooms: RoomService,
        staffing: StaffingService,
        stations: StationService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rooms = rooms
        self._staffing = staffing
        self._stations = stations
        self._tasks = tasks
        self.room_rows: list[RoomRow] = []
        self.staff_rows: list[StaffRoom] = []
        self.villages: list[Choice] = []
        self.dialog: RoomDialog | MoveDialog | None = None
        self.check = QLabel()
        self.check.setWordWrap(True)
        self.rooms_table = make_table(
            [self.tr("Room"), self.tr("Villages served"), self.tr("Staff"), self.tr("Status")]
        )
        self.staff_table = make_table(
            [self.tr("Name"), self.tr("Role"), self.tr("Room"), self.tr("Since")]
        )
        self.add_button = QPushButton(self.tr("Add room…"))
        self.edit_button = QPushButton(self.tr("Edit room…"))
        self.move_button = QPushButton(self.tr("Move to a room…"))
        self.add_button.clicked.connect(lambda: self.open_room(None))
        self.edit_button.clicked.connect(lambda: self.open_room(self.selected_room()))
        self.move_button.clicked.connect(self.open_move)
        for button in (self.add_button, self.edit_button, self.move_button):
            button.setEnabled(rooms.can_manage)
        room_buttons = QHBoxLayout()
        room_buttons.addWidget(self.add_button)
        room_buttons.addWidget(self.edit_button)
        room_buttons.addStretch(1)
        staff_buttons = QHBoxLayout()
        staff_buttons.addWidget(self.move_button)
        staff_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check)
        layout.addWidget(self.rooms_table, 1)
        layout.addLayout(room_buttons)
        layout.addWidget(self.staff_table, 1)
        layout.addLayout(staff_buttons)
        tasks.bus.changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        rooms, staffing, stations = self._rooms, self._staffing, self._stations

        def load() -> tuple[Any, ...]:
            villages = [Choice(v.id, v.name) for v in stations.villages(include_inactive=False)]
            return rooms.rooms(), rooms.staff(), villages, staffing.check()

        self._tasks.run(self, load, on_done=self._show)

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in _REFRESH_ON):
            self.reload()

    def _show(self, loaded: tuple[Any, ...]) -> None:
        self.room_rows, self.staff_rows, self.villages, check = loaded
        self.check.setText(self._check_text(check))
        set_rows(
            self.rooms_table,
            [
                [
                    r.name,
                    "、".join(v.label for v in r.villages),
                    "、".join(s.label for s in r.staff),
                    self.tr("In use") if r.active else self.tr("Closed"),
                ]
                for r in self.room_rows
            ],
        )
        set_rows(
            self.staff_table,
            [
                [
                    s.name,
                    s.role,
                    s.room or self.tr("Station office"),
                    s.periods[-1].valid_from.isoformat() if s.periods else "",
                ]
                for s in self.staff_rows
            ],
        )

    def _check_text(self, check: StationStaffing) -> str:
        verdict = self.tr("meets the rules") if check.passed else self.tr("does not meet the rules")
        return self.tr("Staffing: {verdict} ({reason})").format(
            verdict=verdict, reason=check.reason
        )

    def selected_room(self) -> RoomRow | None:
        index = self.rooms_table.currentRow()
        return self.room_rows[index] if 0 <= index < len(self.room_rows) else None

    def selected_worker(self) -> StaffRoom | None:
        index = self.staff_table.currentRow()
        return self.staff_rows[index] if 0 <= index < len(self.staff_rows) else None

    def open_room(self, room: RoomRow | None) -> RoomDialog:
        dialog = RoomDialog(
            rooms=self._rooms, tasks=self._tasks, villages=self.villages, room=room, parent=self
        )
        return self._open(dialog)

    def open_move(self) -> MoveDialog | None:
        worker = self.selected_worker()
        if worker is None:
            return None
        choices = [Choice(r.id, r.name) for r in self.room_rows if r.active]
        dialog = MoveDialog(
            rooms=self._rooms, tasks=self._tasks, worker=worker, choices=choices,
            today=self._rooms.today, parent=self,
        )  # fmt: skip
        return self._open(dialog)

    def _open(self, dialog: Any) -> Any:
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog
