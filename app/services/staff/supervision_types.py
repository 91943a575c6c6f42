"""Inputs and outputs of the supervision service (督导记录)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal


class SupervisionSort(enum.Enum):
    DATE = "date"
    HOURS = "hours"


@dataclass(frozen=True)
class SupervisionInput:
    held_on: dt.date
    form: str
    hours: Decimal | str
    supervisor_id: int | None = None
    """An internal supervisor; otherwise `supervisor_name` names an external one."""
    supervisor_name: str = ""
    supervisee_ids: tuple[int, ...] = ()
    case_nos: tuple[str, ...] = ()
    topics: str = ""
    advice: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class SupervisionQuery:
    text: str = ""
    """Matches the supervisor, the topics or a supervisee's name."""
    form: str = ""
    supervisee_id: int | None = None
    year: int | None = None
    sort: SupervisionSort = SupervisionSort.DATE
    descending: bool = True


@dataclass(frozen=True)
class SupervisionRow:
    id: int
    held_on: dt.date
    supervisor: str
    form: str
    hours: Decimal
    supervisees: str
    cases: int
    topics: str


@dataclass(frozen=True)
class SupervisionDetail:
    id: int
    version: int
    held_on: dt.date
    form: str
    hours: Decimal
    supervisor_id: int | None
    supervisor_name: str
    supervisee_ids: tuple[int, ...]
    case_nos: tuple[str, ...]
    topics: str
    advice: str
    follow_up: str
    can_edit: bool
