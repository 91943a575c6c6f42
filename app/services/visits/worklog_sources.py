"""Which records fill a worker's daily log (工作日志) by themselves.

The log must agree with the other records, so the entries that come from service records,
group sessions, activities and visits are derived here from those records alone. Other
modules (the work log, the monthly report) call `auto_entries` rather than repeat the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import (
    Activity,
    Case,
    Client,
    Group,
    GroupFacilitator,
    GroupSession,
    Household,
    ServiceRecord,
    Village,
    Visit,
    VisitClient,
)

SERVICE_RECORDS = "service_records"
GROUP_SESSIONS = "group_sessions"
ACTIVITIES = "activities"
VISITS = "visits"

ACTIVITY_DEFAULT_MIN = 120
"""An activity without both times counts as half a working day's afternoon."""


class AutoEntry(NamedTuple):
    """One entry of one worker's day, derived from the record it names."""

    user_id: int
    day: dt.date
    kind: str
    minutes: int
    description: str
    source_table: str
    source_id: int


def activity_minutes(start: dt.time | None, end: dt.time | None) -> int:
    """End minus start when both are set and in order, else the default."""
    if start is None or end is None:
        return ACTIVITY_DEFAULT_MIN
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes if minutes > 0 else ACTIVITY_DEFAULT_MIN


def auto_entries(
    session: Session,
    station_id: int,
    user_ids: Collection[int],
    first_day: dt.date,
    last_day: dt.date,
) -> list[AutoEntry]:
    """The automatic entries of `user_ids` from `first_day` to `last_day` (both included)."""
    users = list(user_ids)
    if not users or last_day < first_day:
        return []
    entries = [
        *_service_records(session, station_id, users, first_day, last_day),
        *_group_sessions(session, station_id, users, first_day, last_day),
        *_activities(session, station_id, users, first_day, last_day),
        *_visits(session, station_id, users, first_day, last_day),
    ]
    entries.sort(key=_ORDER)
    return entries


_ORDER = itemgetter(0, 1, 5, 6)
"""An entry's (user_id, day, source_table, source_id): the order of `auto_entries`."""


def _service_records(
    session: Session, station_id: int, users: list[int], first: dt.date, last: dt.date
) -> list[AutoEntry]:
    # The columns only, not whole records: a month of a busy station's records is many
    # thousand objects (the county demo's build spent an eighth of its time here).
    rows = session.execute(
        select(
            ServiceRecord.id,
            ServiceRecord.worker_id,
            ServiceRecord.served_on,
            ServiceRecord.duration_min,
            ServiceRecord.content,
            Case.case_no,
        )
        .join(Case, Case.id == ServiceRecord.case_id)
        .where(
            ServiceRecord.station_id == station_id,
            ServiceRecord.worker_id.in_(users),
            ServiceRecord.served_on.between(first, last),
        )
    )
    # Positional, and each distinct content shortened once: the county demo reads ~33,000
    # records a station, written from ~150 texts.
    clips = _Clips()
    return [
        AutoEntry(
            worker_id,
            served_on,
            "case",
            minutes,
            _titled(f"个案服务 {case_no}", clips[content]),
            SERVICE_RECORDS,
            record_id,
        )
        for record_id, worker_id, served_on, minutes, content, case_no in rows
    ]


def _group_sessions(
    session: Session, station_id: int, users: list[int], first: dt.date, last: dt.date
) -> list[AutoEntry]:
    rows = session.execute(
        select(GroupSession, Group.name, GroupFacilitator.user_id)
        .join(Group, Group.id == GroupSession.group_id)
        .join(GroupFacilitator, GroupFacilitator.group_id == GroupSession.group_id)
        .where(
            GroupSession.station_id == station_id,
            GroupFacilitator.station_id == station_id,
            GroupFacilitator.user_id.in_(users),
            GroupSession.held_on.between(first, last),
        )
    )
    return [
        AutoEntry(
            user_id=user_id,
            day=meeting.held_on,
            kind="group",
            minutes=meeting.duration_min,
            description=_join(f"小组 {name} 第{meeting.number}节", meeting.topic),
            source_table=GROUP_SESSIONS,
            source_id=meeting.id,
        )
        for meeting, name, user_id in rows
    ]


def _activities(
    session: Session, station_id: int, users: list[int], first: dt.date, last: dt.date
) -> list[AutoEntry]:
    rows = session.scalars(
        select(Activity).where(
            Activity.station_id == station_id,
            Activity.worker_id.in_(users),
            Activity.held_on.between(first, last),
        )
    )
    return [
        AutoEntry(
            user_id=activity.worker_id,
            day=activity.held_on,
            kind="community",
            minutes=activity_minutes(activity.start_time, activity.end_time),
            description=f"社区活动 {activity.title}",
            source_table=ACTIVITIES,
            source_id=activity.id,
        )
        for activity in rows
        if activity.worker_id is not None
    ]


def _visits(
    session: Session, station_id: int, users: list[int], first: dt.date, last: dt.date
) -> list[AutoEntry]:
    # The columns only, as for the service records: the county demo reads ~60,000 a station.
    chosen = (
        Visit.station_id == station_id,
        Visit.worker_id.in_(users),
        Visit.visited_on.between(first, last),
    )
    rows = session.execute(
        select(
            Visit.id,
            Visit.worker_id,
            Visit.visited_on,
            Visit.duration_min,
            Household.head_name,
            Village.name,
        )
        .outerjoin(Household, Household.id == Visit.household_id)
        .outerjoin(Village, Village.id == Visit.village_id)
        .where(*chosen)
    )
    found = list(rows)
    names: dict[int, list[str]] = {}
    # The same visits joined again, not listed by id: thousands of ids were as many bound
    # parameters to compile.
    for visit_id, name in session.execute(
        select(VisitClient.visit_id, Client.name)
        .join(Client, Client.id == VisitClient.client_id)
        .join(Visit, Visit.id == VisitClient.visit_id)
        .where(*chosen)
        .order_by(VisitClient.id)
    ):
        names.setdefault(visit_id, []).append(name)
    return [
        AutoEntry(
            worker_id,
            visited_on,
            "visit",
            minutes,
            _join("走访", _who(village, head, names.get(visit_id, []))),
            VISITS,
            visit_id,
        )
        for visit_id, worker_id, visited_on, minutes, head, village in found
    ]


def _who(village: str | None, head: str | None, clients: list[str]) -> str:
    """Where and whom: the village, then the household head, else the clients visited."""
    people = f"{head}户" if head else "、".join(clients)
    return " ".join(part for part in (village or "", people) if part)


def _join(title: str, detail: str) -> str:
    """A one-line description: the title, then the first words of the detail."""
    return _titled(title, _clip(detail))


def _titled(title: str, text: str) -> str:
    return f"{title}：{text}" if text else title


def _clip(detail: str) -> str:
    """The detail on one line, cut at 40 characters."""
    text = " ".join(detail.split())
    if len(text) > 40:
        text = text[:40] + "…"
    return text


class _Clips(dict[str, str]):
    """`_clip` of each detail asked for, made once per distinct detail."""

    def __missing__(self, detail: str) -> str:
        text = self[detail] = _clip(detail)
        return text
