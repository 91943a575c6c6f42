"""Inputs and outputs of the training service (培训) and the per-worker hour totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Participant:
    user_id: int
    certificate: bool = False


@dataclass(frozen=True)
class TrainingInput:
    title: str
    held_on: dt.date
    hours: Decimal | str
    organiser: str = ""
    participants: tuple[Participant, ...] = ()


@dataclass(frozen=True)
class TrainingQuery:
    text: str = ""
    """Matches the title or the organiser."""
    participant_id: int | None = None
    year: int | None = None
    sort: str = "date"
    descending: bool = True


@dataclass(frozen=True)
class TrainingRow:
    id: int
    held_on: dt.date
    title: str
    organiser: str
    hours: Decimal
    participants: int
    certificates: int


@dataclass(frozen=True)
class TrainingDetail:
    id: int
    version: int
    title: str
    organiser: str
    held_on: dt.date
    hours: Decimal
    participants: tuple[Participant, ...]
    can_edit: bool


@dataclass(frozen=True)
class HourTargets:
    """Continuing-education hours per 3-year registration period, by worker title code."""

    period_start_year: int
    by_title: dict[str, int] = field(default_factory=dict)

    def target(self, title: str) -> int:
        return self.by_title.get(title, 0)


@dataclass(frozen=True)
class WorkerHours:
    """One worker's supervision and training hours against their title's target."""

    user_id: int
    name: str
    title: str
    title_label: str
    year_hours: Decimal
    period_hours: Decimal
    period_start: dt.date
    period_end: dt.date
    target: int
    """0 when the title has no target."""

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return int(self.period_hours * 100 / self.target)
