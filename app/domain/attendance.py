"""Attendance at a group session (出勤), read by group work and by a client's story."""

from __future__ import annotations

import enum


class AttendanceStatus(enum.StrEnum):
    """出勤: only PRESENT counts in 人次; ABSENT and LEFT (中途离开) never do."""

    PRESENT = "present"
    ABSENT = "absent"
    LEFT = "left"

    @property
    def label(self) -> str:
        return {"present": "出席", "absent": "缺席", "left": "中途离开"}[self.value]
