"""Inputs and outputs of the volunteer register and their service records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class VolunteerInput:
    name: str
    phone: str | None = ""
    """None keeps the stored number (the form showed it masked and it was not retyped)."""
    skills: str = ""
    village_id: int | None = None
    id_number: str | None = ""
    """None keeps the stored number, "" removes it."""
    active: bool = True


@dataclass(frozen=True)
class VolunteerQuery:
    text: str = ""
    """Matches the name, the skills or the phone."""
    village_id: int | None = None
    active_only: bool = False
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    name: str
    phone_masked: str
    skills: str
    village: str
    id_number_masked: str
    active: bool
    year_hours: Decimal


@dataclass(frozen=True)
class VolunteerDetail:
    id: int
    version: int
    name: str
    phone_masked: str
    skills: str
    village_id: int | None
    id_number_masked: str
    active: bool
    can_edit: bool
    """Those who may edit may also reveal the full numbers (audited)."""


@dataclass(frozen=True)
class RevealedContact:
    phone: str
    id_number: str


@dataclass(frozen=True)
class ServiceInput:
    """Hours a volunteer gave; at most one of activity, session and case."""

    volunteer_id: int
    served_on: dt.date
    hours: Decimal | str
    activity_id: int | None = None
    session_id: int | None = None
    case_id: int | None = None
    description: str = ""


@dataclass(frozen=True)
class ServiceQuery:
    text: str = ""
    """Matches the volunteer's name or the description."""
    volunteer_id: int | None = None
    year: int | None = None
    month: int | None = None
    sort: str = "date"
    descending: bool = True


@dataclass(frozen=True)
class ServiceRow:
    id: int
    served_on: dt.date
    volunteer: str
    hours: Decimal
    linked_to: str
    description: str


@dataclass(frozen=True)
class ServiceDetail:
    id: int
    version: int
    volunteer_id: int
    served_on: dt.date
    hours: Decimal
    activity_id: int | None
    session_id: int | None
    case_id: int | None
    linked_to: str
    description: str
    can_edit: bool


@dataclass(frozen=True)
class MonthHours:
    month: int
    services: int
    volunteers: int
    hours: Decimal


@dataclass(frozen=True)
class VolunteerHours:
    volunteer_id: int
    name: str
    services: int
    hours: Decimal
