"""The demo's 社工室: a room for every two villages, workers in rooms, records tagged, and
the staff's qualification certificates.

One worker of the first station moves to another room half-way through the history, so
the 社工室 breakdown shows a move counted by each record's day; another of its workers
stays in the station's office, so the first station falls short of the staffing rule
(room staff for half its villages) and the check has something to say.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from sqlalchemy import Integer, cast, func, select, update
from sqlalchemy.orm import Session

from app.services.rooms import lookup
from app.store.models import Activity, DatedValue, Room, RoomVillage, ServiceRecord, User, Visit

_CERTIFICATE_PREFIX = {"assistant": "ZL", "social_worker": "SG", "senior": "GJ"}


def add_rooms(
    session: Session,
    station_id: int,
    villages: Sequence[tuple[int, str]],
    workers: Sequence[int],
    first_day: dt.date,
    today: dt.date,
    author: int,
    *,
    one_short: bool,
) -> None:
    """Rooms over `villages` (id, name) in pairs; `one_short`: the last worker stays out."""
    rooms: list[Room] = []
    for sort, start in enumerate(range(0, len(villages), 2)):
        pair = villages[start : start + 2]
        room = Room(station_id=station_id, name=f"{pair[0][1]}社工室", sort=sort,
                    created_by_id=author, updated_by_id=author)  # fmt: skip
        session.add(room)
        session.flush()
        rooms.append(room)
        for village_id, _name in pair:
            session.add(RoomVillage(station_id=station_id, room_id=room.id, village_id=village_id,
                                    created_by_id=author, updated_by_id=author))  # fmt: skip
    if not rooms:
        return
    placed = list(workers[:-1] if one_short and len(workers) > 1 else workers)
    moved_on = first_day + (today - first_day) / 2 if one_short else None
    for index, user_id in enumerate(placed):
        room = rooms[index % len(rooms)]
        periods: list[tuple[int, dt.date, dt.date | None]] = [(room.id, first_day, None)]
        if index == 0 and moved_on is not None and len(rooms) > 1:
            periods = [(room.id, first_day, moved_on), (rooms[-1].id, moved_on, None)]
        for room_id, start_day, end_day in periods:
            session.add(
                DatedValue(
                    station_id=station_id, subject=lookup.SUBJECT, subject_id=user_id,
                    field=lookup.FIELD, value=str(room_id), valid_from=start_day,
                    valid_to=end_day, created_by_id=author, updated_by_id=author,
                )
            )  # fmt: skip
    session.flush()
    _tag_records(session, station_id)


def _tag_records(session: Session, station_id: int) -> None:
    """Each record in its worker's room on its day, as the forms preset it."""
    for model, day in (
        (ServiceRecord, ServiceRecord.served_on),
        (Activity, Activity.held_on),
        (Visit, Visit.visited_on),
    ):
        room = cast(func.nullif(lookup.room_sql(model.worker_id, day), ""), Integer)
        session.execute(update(model).where(model.station_id == station_id).values(room_id=room))


def add_qualifications(session: Session, station_ids: Sequence[int], rng: random.Random) -> None:
    """A certificate number and date for every qualified worker (职业资格证书)."""
    users = session.scalars(
        select(User).where(User.station_id.in_(station_ids)).order_by(User.id)
    ).all()
    for serial, user in enumerate(users, start=1):
        prefix = _CERTIFICATE_PREFIX.get(user.title)
        if prefix is None:
            continue
        year = rng.randint(2016, 2024)
        user.certified_on = dt.date(year, 6, 1) + dt.timedelta(days=rng.randint(0, 150))
        user.certificate_no = f"{prefix}{year}{serial:05d}"
