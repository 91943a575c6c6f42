"""A station's 社工室: the rooms, the villages each serves, and who works in which.

The station head and the administrator manage them. A worker's room is dated history
(app/services/rooms/lookup.py): a move takes effect on its 发生日期, so the records and
reports of the days before keep the room the worker was in then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound
from app.domain.roles import Permission, Role
from app.services import history
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.choice import Choice
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.history import NOW, When
from app.services.rooms import lookup
from app.services.rooms.types import RoomPeriod, RoomRow, StaffRoom
from app.store.engine import Database
from app.store.models import DatedValue, Room, RoomVillage, User, Village

NAME_MAX = 100


@logs_refusals("room")
class RoomService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def today(self) -> dt.date:
        return self._db.clock.today()

    @property
    def can_manage(self) -> bool:
        return self._actor.can(Permission.APPROVE)

    def rooms(self, *, include_inactive: bool = True) -> list[RoomRow]:
        station = self._actor.station_id
        with self._db.read() as session:
            stmt = select(Room).where(Room.station_id == station).order_by(Room.sort, Room.id)
            if not include_inactive:
                stmt = stmt.where(Room.active.is_(True))
            rooms = list(session.scalars(stmt))
            villages: dict[int, list[Choice]] = {}
            for room_id, vid, name in session.execute(
                select(RoomVillage.room_id, Village.id, Village.name)
                .join(Village, Village.id == RoomVillage.village_id)
                .where(RoomVillage.station_id == station)
                .order_by(Village.sort, Village.id)
            ):
                villages.setdefault(room_id, []).append(Choice(vid, name))
            staff: dict[int, list[Choice]] = {}
            for s in self._staff(session):
                if s.room_id is not None:
                    staff.setdefault(s.room_id, []).append(Choice(s.user_id, s.name))
            return [
                RoomRow(
                    r.id, r.name, r.active, tuple(villages.get(r.id, ())),
                    tuple(staff.get(r.id, ())), r.version,
                )
                for r in rooms
            ]  # fmt: skip

    def choices(self) -> list[Choice]:
        """The rooms a form offers (those in use)."""
        return [Choice(r.id, r.name) for r in self.rooms(include_inactive=False)]

    def staff(self) -> list[StaffRoom]:
        """The station's active users with their room today and their room history."""
        with self._db.read() as session:
            return self._staff(session)

    def add_room(self, *, name: str, village_ids: Sequence[int] = ()) -> Changes:
        self._actor.require(Permission.APPROVE)
        name = _checked_name(name)
        with self._db.write() as session:
            self._unique(session, name)
            sort = session.scalar(
                select(func.coalesce(func.max(Room.sort), 0)).where(
                    Room.station_id == self._actor.station_id
                )
            )
            room = Room(
                station_id=self._actor.station_id, name=name, sort=(sort or 0) + 1,
                created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(room)
            session.flush()
            names = self._set_villages(session, room, village_ids)
            audit.record(
                session, self._actor, "create", entity="room", entity_id=room.id,
                name=name, villages=names,
            )  # fmt: skip
        return Changes.of("room")

    def update_room(
        self,
        *,
        room_id: int,
        version: int,
        name: str,
        active: bool = True,
        village_ids: Sequence[int] = (),
    ) -> Changes:
        """Rename, close or reopen a room and set the villages it serves."""
        self._actor.require(Permission.APPROVE)
        name = _checked_name(name)
        with self._db.write() as session:
            room = self._room(session, room_id)
            check_version(room, version, "社工室", session)
            if name != room.name:
                self._unique(session, name)
            before = room.name
            room.name, room.active = name, active
            room.updated_by_id = self._actor.user_id
            names = self._set_villages(session, room, village_ids)
            audit.record(
                session, self._actor, "update", entity="room", entity_id=room.id,
                before=before, after=name, active=active, villages=names,
            )  # fmt: skip
        return Changes.of("room")

    def assign(self, *, user_id: int, room_id: int | None, when: When = NOW) -> Changes:
        """Move a worker into a room (None: back to the station's office) from `when.on`."""
        self._actor.require(Permission.APPROVE)
        today = self._db.clock.today()
        with self._db.write() as session:
            user = session.get(User, user_id)
            if user is None or user.station_id != self._actor.station_id:
                raise NotFound("本站没有这个用户。")
            if room_id is not None:
                room = self._room(session, room_id)
                if not room.active:
                    raise InvalidInput(f"社工室“{room.name}”已撤销。", field="room_id")
            day = history.effective_day(
                session, self._actor.station_id, when, today, noun="调整日期"
            )
            changed = history.change(
                session, station_id=self._actor.station_id, subject=lookup.SUBJECT,
                subject_id=user.id, field=lookup.FIELD, value=room_id, on=day,
                user_id=self._actor.user_id, late_reason=when.late_reason,
            )  # fmt: skip
            if changed:
                audit.record(
                    session, self._actor, "room", entity="user", entity_id=user.id,
                    room_id=room_id, on=day.isoformat(),
                )  # fmt: skip
        return Changes.of("room", "user")

    # ---- helpers ------------------------------------------------------------------------

    def _staff(self, session: Session) -> list[StaffRoom]:
        station = self._actor.station_id
        names = dict(
            session.execute(select(Room.id, Room.name).where(Room.station_id == station)).all()
        )
        periods: dict[int, list[RoomPeriod]] = {}
        for subject_id, value, start, end in session.execute(
            select(
                DatedValue.subject_id, DatedValue.value, DatedValue.valid_from,
                DatedValue.valid_to,
            )
            .where(
                DatedValue.station_id == station,
                DatedValue.subject == lookup.SUBJECT,
                DatedValue.field == lookup.FIELD,
            )
            .order_by(DatedValue.valid_from)
        ):  # fmt: skip
            periods.setdefault(subject_id, []).append(
                RoomPeriod(int(value) if value else None, start, end)
            )
        users = session.scalars(
            select(User)
            .where(User.station_id == station, User.active.is_(True))
            .order_by(User.name_sort, User.id)
        )
        today = self._db.clock.today()
        result = []
        for u in users:
            line = StaffRoom(u.id, u.display_name, Role(u.role).label, None, "",
                             tuple(periods.get(u.id, ())))  # fmt: skip
            room_id = line.room_on(today)
            result.append(
                StaffRoom(
                    line.user_id, line.name, line.role, room_id,
                    names.get(room_id, "") if room_id is not None else "", line.periods,
                )
            )  # fmt: skip
        return result

    def _room(self, session: Session, room_id: int) -> Room:
        room = session.get(Room, room_id)
        if room is None or room.station_id != self._actor.station_id:
            raise NotFound("本站没有这个社工室。")
        return room

    def _unique(self, session: Session, name: str) -> None:
        clash = session.scalar(
            select(Room.id).where(Room.station_id == self._actor.station_id, Room.name == name)
        )
        if clash is not None:
            raise InvalidInput(f"本站已有社工室“{name}”。", field="name")

    def _set_villages(self, session: Session, room: Room, village_ids: Sequence[int]) -> list[str]:
        """Make `village_ids` the villages the room serves; each village has one room."""
        wanted = list(dict.fromkeys(village_ids))
        villages = {
            v.id: v
            for v in session.scalars(
                select(Village).where(
                    Village.id.in_(wanted), Village.station_id == self._actor.station_id
                )
            )
        }
        if len(villages) != len(wanted):
            raise InvalidInput("请选择本站的村/社区。", field="villages")
        elsewhere = session.execute(
            select(Village.name, Room.name)
            .join(RoomVillage, RoomVillage.village_id == Village.id)
            .join(Room, Room.id == RoomVillage.room_id)
            .where(RoomVillage.village_id.in_(wanted), RoomVillage.room_id != room.id)
        ).first()
        if elsewhere is not None:
            raise InvalidInput(
                f"“{elsewhere[0]}”已由社工室“{elsewhere[1]}”服务。", field="villages"
            )
        session.execute(
            delete(RoomVillage).where(
                RoomVillage.room_id == room.id, RoomVillage.village_id.not_in(wanted)
            )
        )
        have = set(
            session.scalars(select(RoomVillage.village_id).where(RoomVillage.room_id == room.id))
        )
        for vid in wanted:
            if vid not in have:
                session.add(
                    RoomVillage(
                        station_id=room.station_id, room_id=room.id, village_id=vid,
                        created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
                    )
                )  # fmt: skip
        return [villages[v].name for v in wanted]


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidInput("请填写社工室名称。", field="name")
    if len(name) > NAME_MAX:
        raise InvalidInput(f"社工室名称最多{NAME_MAX}个字。", field="name")
    return name
