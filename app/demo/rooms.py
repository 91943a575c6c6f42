"""The demo's 社工室: a room for every two villages, workers in rooms, records tagged, and
the staff's qualification certificates.

The rooms come first, before the station's records, and each record is written with its
worker's room on its day (`RoomPlan.room_of`, the rule of `lookup.room_sql`): tagging
them afterwards was an UPDATE of every record, 3–4 % of the county build.

One worker of the first station moves to another room half-way through the history, so
the 社工室 breakdown shows a move counted by each record's day; another of its workers
stays in the station's office, so the first station falls short of the staffing rule
(room staff for half its villages) and the check has something to say.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.services.rooms import lookup
from app.services.rooms.types import RoomPeriod
from app.store.models import DatedValue, Room, RoomVillage, User

_CERTIFICATE_PREFIX = {"assistant": "ZL", "social_worker": "SG", "senior": "GJ"}


@dataclass(frozen=True)
class RoomPlan:
    """Which room each worker is in, and when."""

    periods: dict[int, tuple[RoomPeriod, ...]] = field(default_factory=dict)

    def room_of(self, worker_id: int | None, day: object) -> int | None:
        """The worker's room on `day`, as `lookup.room_sql` finds it (None: no room)."""
        if worker_id is None or not isinstance(day, dt.date):
            return None
        return next((p.room_id for p in self.periods.get(worker_id, ()) if p.holds_on(day)), None)

    def tag(self, values: dict[str, Any], day: object, now: dt.datetime) -> None:
        """A record's room: its worker's on its day. And the record changed by the build,
        as when its room was set by an UPDATE after the record was written."""
        values["room_id"] = self.room_of(values.get("worker_id"), day)
        values["updated_at"] = now


def roomed(models: Sequence[Any]) -> frozenset[Any]:
    """Those of `models` whose records carry a room (service records, activities, visits)."""
    return frozenset(m for m in models if "room_id" in cast(Table, m.__table__).c)


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
) -> RoomPlan:
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
        return RoomPlan()
    plan = RoomPlan()
    placed = list(workers[:-1] if one_short and len(workers) > 1 else workers)
    moved_on = first_day + (today - first_day) / 2 if one_short else None
    for index, user_id in enumerate(placed):
        room = rooms[index % len(rooms)]
        periods: list[tuple[int, dt.date, dt.date | None]] = [(room.id, first_day, None)]
        if index == 0 and moved_on is not None and len(rooms) > 1:
            periods = [(room.id, first_day, moved_on), (rooms[-1].id, moved_on, None)]
        plan.periods[user_id] = tuple(
            RoomPeriod(room_id, start, until) for room_id, start, until in periods
        )
        for room_id, start_day, end_day in periods:
            session.add(
                DatedValue(
                    station_id=station_id, subject=lookup.SUBJECT, subject_id=user_id,
                    field=lookup.FIELD, value=str(room_id), valid_from=start_day,
                    valid_to=end_day, created_by_id=author, updated_by_id=author,
                )
            )  # fmt: skip
    session.flush()
    return plan


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
