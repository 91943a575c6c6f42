"""What goes into and comes out of the work-log service (工作日志)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EntryInput:
    """An entry the worker types: what kind of work, how long, what was done."""

    kind: str
    minutes: int
    description: str = ""


@dataclass(frozen=True)
class EntryView:
    id: int
    version: int
    kind: str
    kind_label: str
    minutes: int
    description: str
    automatic: bool
    """Filled in from another record (service record, group session, activity, visit)."""


@dataclass(frozen=True)
class WorkLogDay:
    """One worker's day as the log shows it; `version` is the day's notes version (0: none)."""

    user_id: int
    user_name: str
    day: dt.date
    version: int
    notes: str
    entries: tuple[EntryView, ...]
    editable: bool

    @property
    def total_minutes(self) -> int:
        return sum(e.minutes for e in self.entries)


@dataclass(frozen=True)
class DayTotal:
    day: dt.date
    minutes: int


@dataclass(frozen=True)
class WorkLogOwner:
    """A user whose log the actor may open."""

    id: int
    name: str
