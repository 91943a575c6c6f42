"""Which room a worker belongs to on a day, and the room a record is tagged with.

Used inside the callers' sessions by the features that record work (service records,
activities, visits) and by the reports. A worker's room is dated history
(`dated_values`, subject "user", field "room_id"); unlike a client's village, a day
before the first period has no room: a worker assigned to a room in November was not in
it in October.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.errors import InvalidInput
from app.store.models import DatedValue, Room

SUBJECT = "user"
FIELD = "room_id"

AUTO = 0
"""A record's room given as AUTO takes its worker's room on the record's day."""


def _period_on(day: Any) -> ColumnElement[bool]:
    return and_(
        DatedValue.subject == SUBJECT,
        DatedValue.field == FIELD,
        DatedValue.valid_from <= day,
        or_(DatedValue.valid_to.is_(None), DatedValue.valid_to > day),
    )


def room_on(session: Session, user_id: int, day: dt.date) -> int | None:
    """The room `user_id` belonged to on `day` (None: the station's own office)."""
    value = session.scalar(
        select(DatedValue.value)
        .where(_period_on(day), DatedValue.subject_id == user_id)
        .order_by(DatedValue.valid_from.desc())
        .limit(1)
    )
    return int(value) if value else None


def room_sql(user_id: Any, day: Any) -> ColumnElement[Any]:
    """SQL: the room (as text, empty or NULL for none) of a user id (or a text id) on a day.

    Its own alias of `dated_values`, since `user_id` may itself be read from that table
    (a case's worker on the day), which must not be correlated with this lookup.
    """
    room = aliased(DatedValue)
    return (
        select(room.value)
        .where(
            room.subject == SUBJECT,
            room.field == FIELD,
            room.valid_from <= day,
            or_(room.valid_to.is_(None), room.valid_to > day),
            room.subject_id == cast(user_id, Integer),
        )
        .order_by(room.valid_from.desc())
        .limit(1)
        .correlate_except(room)
        .scalar_subquery()
    )


def case_room_sql(case_id: Any, worker_id: Any, day: Any) -> ColumnElement[Any]:
    """SQL: the room of a case's worker on a day (the worker in force then, as
    `history.in_force` reads it, else the case's current worker).

    The worker's lookup sits two subqueries deep; it names its correlation explicitly
    (`correlate_except`), since implicit correlation reaches only the enclosing SELECT.
    """
    held = aliased(DatedValue)
    worker = (
        select(held.value)
        .where(
            held.subject == "case",
            held.field == "worker_id",
            held.subject_id == case_id,
            or_(held.valid_to.is_(None), held.valid_to > day),
        )
        .order_by(held.valid_from)
        .limit(1)
        .correlate_except(held)
        .scalar_subquery()
    )
    return room_sql(func.coalesce(worker, cast(worker_id, String)), day)


def resolve(
    session: Session, station_id: int, worker_id: int | None, day: dt.date, given: int | None
) -> int | None:
    """The room a record made by `worker_id` on `day` is tagged with.

    AUTO: the worker's room that day; None: no room; otherwise a room of the station.
    """
    if given == AUTO:
        return room_on(session, worker_id, day) if worker_id is not None else None
    if given is None:
        return None
    room = session.get(Room, given)
    if room is None or room.station_id != station_id:
        raise InvalidInput("请选择本站的社工室。", field="room_id")
    return room.id
