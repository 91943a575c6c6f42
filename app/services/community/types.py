"""The values community activities (社区活动) take and return."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from app.services.context import Changes
from app.services.rooms.lookup import AUTO as ROOM_OF_WORKER

ENTITY = "activity"

# ---- in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantCounts:
    """人数: the total and how many of them were elderly, children, disabled or others."""

    total: int = 0
    elderly: int = 0
    children: int = 0
    disabled: int = 0
    other: int = 0


@dataclass(frozen=True)
class ActivityInput:
    """One activity as the form sends it; `activity_type` is an activity-type code."""

    title: str
    activity_type: str
    held_on: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    village_id: int | None = None
    place: str = ""
    partners: tuple[str, ...] = ()
    target_group: str = ""
    worker_id: int | None = None
    """None: the user recording it is responsible."""
    participants: ParticipantCounts = ParticipantCounts()
    client_ids: tuple[int, ...] = ()
    """Registered clients who took part (服务对象签到)."""
    resources_used: str = ""
    content: str = ""
    outcome: str = ""
    room_id: int | None = ROOM_OF_WORKER
    """The 社工室 where it happened; None: none; ROOM_OF_WORKER: the worker's that day."""


class ActivitySort(enum.StrEnum):
    HELD_ON = "held_on"
    TITLE = "title"
    TYPE = "type"
    WORKER = "worker"
    PARTICIPANTS = "participants"


@dataclass(frozen=True)
class ActivityQuery:
    """What the activity list shows. Empty values filter nothing."""

    text: str = ""
    activity_type: str = ""
    village_id: int | None = None
    worker_id: int | None = None
    month: dt.date | None = None
    """Any day of the month to show; None for every month."""
    sort: ActivitySort = ActivitySort.HELD_ON
    descending: bool = True


# ---- out -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivitySaved:
    activity_id: int
    version: int

    @property
    def changes(self) -> Changes:
        return Changes.of(ENTITY, ids=(self.activity_id,))


@dataclass(frozen=True)
class PhotoSaved:
    activity_id: int
    photo_id: int

    @property
    def changes(self) -> Changes:
        return Changes.of(ENTITY, ids=(self.activity_id,))


@dataclass(frozen=True)
class PhotosAdded:
    activity_id: int
    photo_ids: tuple[int, ...]
    refused: tuple[str, ...]
    """Why each refused file was not added, in Chinese."""

    @property
    def changes(self) -> Changes:
        return Changes.of(ENTITY, ids=(self.activity_id,))


@dataclass(frozen=True)
class ActivityRow:
    """One line of the activity list."""

    id: int
    title: str
    activity_type: str
    type_label: str
    held_on: dt.date
    village: str
    worker: str
    participants_total: int


@dataclass(frozen=True)
class ParticipantView:
    client_id: int
    name: str
    village: str


@dataclass(frozen=True)
class PhotoView:
    id: int
    version: int
    file_name: str
    """The random name inside the photo folder; it says nothing about who is shown."""
    caption: str
    sha256: str


@dataclass(frozen=True)
class VolunteerHours:
    """A volunteer's hours at the activity, recorded on the volunteers page."""

    name: str
    served_on: dt.date
    hours: Decimal


@dataclass(frozen=True)
class ActivityDetail:
    """A whole activity for its panel, its edit form and its printout."""

    id: int
    version: int
    title: str
    activity_type: str
    type_label: str
    held_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    village_id: int | None
    village: str
    place: str
    partners: tuple[str, ...]
    target_group: str
    worker_id: int | None
    worker: str
    participants: ParticipantCounts
    resources_used: str
    content: str
    outcome: str
    clients: tuple[ParticipantView, ...]
    photos: tuple[PhotoView, ...]
    volunteers: tuple[VolunteerHours, ...]
    can_edit: bool
    """Whether the current user may change or delete it (own activity, or the head)."""
    room_id: int | None = None
    room: str = ""

    def as_input(self) -> ActivityInput:
        """The stored values as the form would send them back unchanged."""
        return ActivityInput(
            title=self.title,
            activity_type=self.activity_type,
            held_on=self.held_on,
            start_time=self.start_time,
            end_time=self.end_time,
            village_id=self.village_id,
            place=self.place,
            partners=self.partners,
            target_group=self.target_group,
            worker_id=self.worker_id,
            participants=self.participants,
            client_ids=tuple(c.client_id for c in self.clients),
            resources_used=self.resources_used,
            content=self.content,
            outcome=self.outcome,
            room_id=self.room_id,
        )
