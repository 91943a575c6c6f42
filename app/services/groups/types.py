"""The values group work (小组, MZ/T 095-2017) takes and returns."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

# Its home is the domain (a client's story reads it too); group work still names it here.
from app.domain.attendance import AttendanceStatus as AttendanceStatus
from app.services.context import Changes

ENTITY = "group"


class GroupStatus(enum.StrEnum):
    PLANNING = "planning"
    RUNNING = "running"
    ENDED = "ended"

    @property
    def label(self) -> str:
        return {"planning": "筹备", "running": "进行中", "ended": "已结束"}[self.value]


# ---- in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupInput:
    """The group plan (小组计划书) as the form sends it; `group_type` is a group-type code."""

    name: str
    group_type: str
    target_people: str = ""
    goals: str = ""
    theory_basis: str = ""
    facilitator_ids: tuple[int, ...] = ()
    """Lead facilitators (带领者); empty: the user recording the plan."""
    co_facilitator_ids: tuple[int, ...] = ()
    planned_sessions: int = 6
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    place: str = ""
    budget: Decimal | None = None
    recruitment_criteria: str = ""
    evaluation_method: str = ""


@dataclass(frozen=True)
class AttendanceInput:
    member_id: int
    status: str = AttendanceStatus.PRESENT.value
    observation: str = ""


@dataclass(frozen=True)
class SessionInput:
    """One session (节次); its number is given by the service, the next one of the group."""

    held_on: dt.date
    start_time: dt.time | None = None
    duration_min: int = 90
    topic: str = ""
    goal: str = ""
    activities: str = ""
    dynamics: str = ""
    reflection: str = ""
    walk_in_count: int = 0
    attendance: tuple[AttendanceInput, ...] = ()


@dataclass(frozen=True)
class MemberScore:
    member_id: int
    pre_score: Decimal | None = None
    post_score: Decimal | None = None
    satisfaction: int | None = None
    """1–5."""


@dataclass(frozen=True)
class EndInput:
    """小组评估 at the end: the scale, scores per member, satisfaction, attainment, summary."""

    ended_on: dt.date
    scale_name: str = ""
    scores: tuple[MemberScore, ...] = ()
    satisfaction: Decimal | None = None
    """Overall satisfaction, 1–5."""
    goal_attainment: str = ""
    summary: str = ""


class GroupSort(enum.StrEnum):
    START = "start"
    NAME = "name"
    TYPE = "type"
    STATUS = "status"


@dataclass(frozen=True)
class GroupQuery:
    """What the group list shows. Empty values filter nothing."""

    text: str = ""
    status: str = ""
    group_type: str = ""
    facilitator_id: int | None = None
    year: int | None = None
    """Groups starting that year; planned groups without a date count in the year recorded."""
    sort: GroupSort = GroupSort.START
    descending: bool = True


# ---- out -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSaved:
    group_id: int
    version: int
    record_id: int | None = None
    """The session or member the change was about, if any."""

    @property
    def changes(self) -> Changes:
        return Changes.of(ENTITY, ids=(self.group_id,))


@dataclass(frozen=True)
class Attendance:
    """出勤统计: 人次 counts those present and the walk-ins, never the absent or those who left."""

    present: int = 0
    absent: int = 0
    left: int = 0
    walk_ins: int = 0

    @property
    def person_times(self) -> int:
        return self.present + self.walk_ins

    def __add__(self, other: Attendance) -> Attendance:
        return Attendance(
            self.present + other.present,
            self.absent + other.absent,
            self.left + other.left,
            self.walk_ins + other.walk_ins,
        )


@dataclass(frozen=True)
class GroupRow:
    """One line of the group list."""

    id: int
    name: str
    type_label: str
    status: str
    facilitators: str
    start_date: dt.date | None
    sessions_held: int
    planned_sessions: int
    members: int


@dataclass(frozen=True)
class Person:
    id: int
    name: str


@dataclass(frozen=True)
class MemberView:
    id: int
    client_id: int
    name: str
    village: str
    joined_on: dt.date | None
    left_on: dt.date | None
    pre_score: Decimal | None
    post_score: Decimal | None
    satisfaction: int | None
    sessions_present: int

    @property
    def active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True)
class AttendanceView:
    member_id: int
    name: str
    status: str
    observation: str


@dataclass(frozen=True)
class SessionView:
    id: int
    version: int
    number: int
    held_on: dt.date
    start_time: dt.time | None
    duration_min: int
    topic: str
    goal: str
    activities: str
    dynamics: str
    reflection: str
    walk_in_count: int
    attendance: tuple[AttendanceView, ...]
    counts: Attendance

    def as_input(self) -> SessionInput:
        return SessionInput(
            held_on=self.held_on,
            start_time=self.start_time,
            duration_min=self.duration_min,
            topic=self.topic,
            goal=self.goal,
            activities=self.activities,
            dynamics=self.dynamics,
            reflection=self.reflection,
            walk_in_count=self.walk_in_count,
            attendance=tuple(
                AttendanceInput(a.member_id, a.status, a.observation) for a in self.attendance
            ),
        )


@dataclass(frozen=True)
class GroupDetail:
    """A whole group for its panel, its forms and its printout."""

    id: int
    version: int
    name: str
    group_type: str
    type_label: str
    status: str
    target_people: str
    goals: str
    theory_basis: str
    facilitators: tuple[Person, ...]
    co_facilitators: tuple[Person, ...]
    planned_sessions: int
    start_date: dt.date | None
    end_date: dt.date | None
    place: str
    budget: Decimal | None
    recruitment_criteria: str
    evaluation_method: str
    scale_name: str
    satisfaction: Decimal | None
    goal_attainment: str
    summary: str
    members: tuple[MemberView, ...]
    sessions: tuple[SessionView, ...]
    counts: Attendance
    can_edit: bool
    """Whether the current user may change it (a facilitator of it, or the head)."""

    @property
    def status_label(self) -> str:
        return GroupStatus(self.status).label

    @property
    def next_number(self) -> int:
        return max((s.number for s in self.sessions), default=0) + 1

    def as_input(self) -> GroupInput:
        return GroupInput(
            name=self.name,
            group_type=self.group_type,
            target_people=self.target_people,
            goals=self.goals,
            theory_basis=self.theory_basis,
            facilitator_ids=tuple(p.id for p in self.facilitators),
            co_facilitator_ids=tuple(p.id for p in self.co_facilitators),
            planned_sessions=self.planned_sessions,
            start_date=self.start_date,
            end_date=self.end_date,
            place=self.place,
            budget=self.budget,
            recruitment_criteria=self.recruitment_criteria,
            evaluation_method=self.evaluation_method,
        )
