"""The values the client registry takes and returns."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class ClientSort(enum.StrEnum):
    NAME = "name"
    AGE = "age"
    VILLAGE = "village"
    RISK = "risk"
    WORKER = "worker"
    CREATED = "created"


@dataclass(frozen=True)
class ClientQuery:
    """What the list shows: search text, filters and order. Empty values filter nothing."""

    text: str = ""
    category: str = ""
    village_id: int | None = None
    risk_level: str = ""
    worker_id: int | None = None
    status: str = "active"  # active, archived, or "" for both
    sort: ClientSort = ClientSort.NAME
    descending: bool = False


@dataclass(frozen=True)
class ClientRow:
    """One line of the list, already masked."""

    id: int
    name: str
    sex: str
    age: int | None
    id_number_masked: str
    phone_masked: str
    village: str
    categories: str
    risk_level: str
    worker: str
    status: str


@dataclass(frozen=True)
class ClientInput:
    """A client as typed in the form.

    `id_number`, `phone` and `guardian_phone`: None keeps what is stored (the form
    showed a masked value the user did not touch); "" removes it.
    """

    name: str
    id_number: str | None = None
    phone: str | None = None
    sex: str = "0"
    birth_date: dt.date | None = None
    ethnicity: str = ""
    marital_status: str = ""
    village_id: int | None = None
    address: str = ""
    head_client_id: int | None = None
    relation_to_head: str = ""
    categories: tuple[str, ...] = ()
    disability_type: str = ""
    disability_grade: str = ""
    self_care: str = ""
    living_arrangement: str = ""
    guardian_name: str = ""
    guardian_relation: str = ""
    guardian_phone: str | None = None
    risk_level: str = "low"
    worker_id: int | None = None
    notes: str = ""
    changes_on: dt.date | None = None
    """发生日期 of a change of risk level, village, household or categories (None: today)."""
    late_reason: str = ""
    """Why the change is entered late (补录), when `changes_on` is that far back."""


@dataclass(frozen=True)
class HouseholdMember:
    id: int
    name: str
    relation: str
    age: int | None
    is_head: bool


@dataclass(frozen=True)
class ClientDetail:
    """A client for the detail page and the form; ID and phone masked."""

    id: int
    version: int
    name: str
    id_number_masked: str
    has_id_number: bool
    phone_masked: str
    sex: str
    birth_date: dt.date | None
    """None also when hidden: only who may reveal the ID number sees it (see masking)."""
    age: int | None
    ethnicity: str
    marital_status: str
    village_id: int | None
    village: str
    address: str
    household_id: int | None
    head_client_id: int | None
    head_name: str
    relation_to_head: str
    categories: tuple[str, ...]
    disability_type: str
    disability_grade: str
    self_care: str
    living_arrangement: str
    guardian_name: str
    guardian_relation: str
    guardian_phone_masked: str
    risk_level: str
    worker_id: int | None
    worker: str
    status: str
    archive_reason: str
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime
    household_members: tuple[HouseholdMember, ...] = ()
    can_reveal: bool = False
    can_edit: bool = False


@dataclass(frozen=True)
class Revealed:
    id_number: str
    phone: str
    guardian_phone: str


@dataclass(frozen=True)
class IdCheck:
    """What the form shows while an ID number is typed."""

    number: str
    birth_date: dt.date
    sex: str
    place: str
    warnings: tuple[str, ...]
    existing_id: int | None = None
    existing_name: str = ""


@dataclass(frozen=True)
class SimilarClient:
    id: int
    name: str
    birth_date: dt.date | None
    village: str


@dataclass(frozen=True)
class Saved:
    id: int
    version: int
    warnings: tuple[str, ...] = field(default=())
