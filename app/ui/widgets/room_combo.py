"""The 社工室 a record happened in: the station's rooms, preset to the worker's room on the
record's day until the user picks one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from app.services.choice import Choice
from app.services.rooms.types import StaffRoom


class RoomCombo(QComboBox):
    def __init__(
        self,
        parent: QWidget,
        *,
        rooms: Sequence[Choice],
        staff: Mapping[int, StaffRoom],
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self.touched = False
        """Set once the user picks a room: the date and worker no longer move it."""
        self.addItem(self.tr("None (station office)"), None)
        for room in rooms:
            self.addItem(room.label, room.id)
        self.activated.connect(self._picked)

    @property
    def offers_rooms(self) -> bool:
        """A station without rooms leaves the field out."""
        return self.count() > 1

    def follow(self, worker_id: int | None, day: dt.date) -> None:
        """Preset the worker's room on `day` (before the user picked one)."""
        if self.touched or worker_id is None:
            return
        line = self._staff.get(worker_id)
        self.set_room(line.room_on(day) if line is not None else None)

    def set_room(self, room_id: int | None, label: str = "") -> None:
        """Select `room_id`; a closed room an old record names is added for it."""
        if room_id is not None and self.findData(room_id) < 0:
            self.addItem(label or str(room_id), room_id)
        self.setCurrentIndex(max(self.findData(room_id), 0))

    def room_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def _picked(self, _index: int) -> None:
        self.touched = True
