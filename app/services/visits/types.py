"""What goes into and comes out of the home-visit service (走访/入户探访)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from app.services.choice import Choice as RoomChoice
from app.services.context import Changes
from app.services.rooms.lookup import AUTO as ROOM_OF_WORKER
from app.services.rooms.types import StaffRoom


class VisitResult(enum.StrEnum):
    """What the visit led to."""

    NONE = "none"
    OPEN_CASE = "open_case"
    REFER = "refer"
    FOLLOW = "follow"

    @property
    def label(self) -> str:
        return RESULT_LABELS[self]


RESULT_LABELS: dict[VisitResult, str] = {
    VisitResult.NONE: "无",
    VisitResult.OPEN_CASE: "开个案",
    VisitResult.REFER: "转介",
    VisitResult.FOLLOW: "跟进",
}


class VisitSort(enum.Enum):
    DATE = "date"
    VILLAGE = "village"
    WORKER = "worker"


@dataclass(frozen=True)
class VisitInput:
    """A visit as the worker records it; a household, clients, or both."""

    visited_on: dt.date
    visit_type: str
    household_id: int | None = None
    household_head_id: int | None = None
    """The household as the picker chooses it, by its head (used when `household_id` is None)."""
    client_ids: tuple[int, ...] = ()
    village_id: int | None = None
    people_met: str = ""
    duration_min: int = 30
    living_conditions: str = ""
    safety: str = ""
    needs_found: str = ""
    new_need_count: int = 0
    policies_explained: str = ""
    result: str = VisitResult.NONE.value
    worker_id: int | None = None
    """Only the station head may record a visit for another worker."""
    room_id: int | None = ROOM_OF_WORKER
    """The 社工室 where it happened; None: none; ROOM_OF_WORKER: the worker's that day."""


@dataclass(frozen=True)
class VisitQuery:
    """What the visit list shows. Empty values filter nothing."""

    text: str = ""
    visit_type: str = ""
    village_id: int | None = None
    worker_id: int | None = None
    month: str = ""
    """"YYYY-MM"."""
    result: str = ""
    sort: VisitSort = VisitSort.DATE
    descending: bool = True


@dataclass(frozen=True)
class VisitSaved:
    visit_id: int
    version: int
    changes: Changes = field(default_factory=lambda: Changes.of("visit"))


@dataclass(frozen=True)
class VisitRow:
    id: int
    visited_on: dt.date
    visit_type_label: str
    household: str
    clients: str
    village: str
    worker: str
    duration_min: int
    new_need_count: int
    result: str
    result_label: str


@dataclass(frozen=True)
class VisitClientView:
    id: int
    name: str
    id_masked: str

    @property
    def label(self) -> str:
        """The name with the masked ID number, as the client search shows people."""
        return f"{self.name}（{self.id_masked or '无证号'}）"


@dataclass(frozen=True)
class VisitDetail:
    """One visit, everything the detail pane and the edit dialog need."""

    id: int
    version: int
    visited_on: dt.date
    visit_type: str
    visit_type_label: str
    household_id: int | None
    household: str
    household_head_id: int | None
    clients: tuple[VisitClientView, ...]
    village_id: int | None
    village: str
    worker_id: int
    worker: str
    people_met: str
    duration_min: int
    living_conditions: str
    safety: str
    needs_found: str
    new_need_count: int
    policies_explained: str
    result: str
    result_label: str
    case_nos: tuple[str, ...]
    """Cases opened from this visit."""
    editable: bool
    room_id: int | None = None
    room: str = ""


@dataclass(frozen=True)
class Choice:
    value: int
    label: str


@dataclass(frozen=True)
class VisitChoices:
    """What the filter bar and the visit dialog offer."""

    visit_types: tuple[tuple[str, str], ...]
    """(label, code) of the active visit types."""
    villages: tuple[Choice, ...]
    workers: tuple[Choice, ...]
    can_record: bool
    can_record_for_others: bool
    rooms: tuple[RoomChoice, ...] = ()
    """The station's 社工室 in use."""
    staff_rooms: dict[int, StaffRoom] = field(default_factory=dict)
    """Each worker's room history, to preset a visit's room on its day."""
    user_id: int = 0
    """Who records ("me" in the worker box)."""
