"""What the room and staffing services hand out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.services.choice import Choice


@dataclass(frozen=True)
class RoomRow:
    id: int
    name: str
    active: bool
    villages: tuple[Choice, ...]
    staff: tuple[Choice, ...]
    """Who belongs to the room today."""
    version: int


@dataclass(frozen=True)
class RoomPeriod:
    """A worker's room from `valid_from` until the day before `valid_to` (None: still)."""

    room_id: int | None
    """None: the station's own office."""
    valid_from: dt.date
    valid_to: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True)
class StaffRoom:
    """A worker of the station, their room today and their room history."""

    user_id: int
    name: str
    role: str
    room_id: int | None
    room: str
    periods: tuple[RoomPeriod, ...]

    def room_on(self, day: dt.date) -> int | None:
        """The room on `day`; before the first period: none."""
        return next((p.room_id for p in self.periods if p.holds_on(day)), None)


@dataclass(frozen=True)
class StaffingRules:
    """The staffing rules of the county's station model (a setting with defaults)."""

    heads: int = 1
    social_workers: int = 2
    room_staff_per_village: float = 0.5
    """社工室 staff needed per active village or community (0: no rule)."""


@dataclass(frozen=True)
class RuleCheck:
    rule: str
    required: int
    actual: int

    @property
    def passed(self) -> bool:
        return self.actual >= self.required


@dataclass(frozen=True)
class StationStaffing:
    """One station against the staffing rules, with the reason in Chinese."""

    station_id: int
    code: str
    name: str
    checks: tuple[RuleCheck, ...]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def reason(self) -> str:
        failed = [c for c in self.checks if not c.passed]
        if not failed:
            return "符合配置要求"
        return "；".join(f"{c.rule}{c.actual}人，至少应有{c.required}人" for c in failed)
