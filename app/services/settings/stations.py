"""The stations of the database, the actor's station's villages/communities, and settings.

A database may hold several stations (a county's); only the administrator lists them all
and adds one. Each user belongs to one station and sees only its records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.codes import VILLAGE, village_kind
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.history import LATE_REASON_DAYS, LATE_REASON_DAYS_KEY, late_reason_days
from app.services.settings.setup import STATION_CODE, clean_villages
from app.store import search
from app.store import settings as settings_rows
from app.store.engine import Database
from app.store.models import Client, Station, User, Village

TEXT_MAX = 100
"""The length of the name, county and village columns."""

LATE_REASON_DAYS_MIN, LATE_REASON_DAYS_MAX = 1, 365


@dataclass(frozen=True)
class StationInfo:
    id: int
    code: str
    name: str
    county: str
    version: int


@dataclass(frozen=True)
class VillageRow:
    id: int
    name: str
    kind: str
    active: bool
    clients: int
    version: int


@dataclass(frozen=True)
class StationRow:
    """A station of the database; villages and users count those in use, clients all."""

    id: int
    code: str
    name: str
    county: str
    villages: int
    users: int
    clients: int


@dataclass(frozen=True)
class NewStation:
    id: int
    code: str
    name: str
    villages: int
    changes: Changes


def may_manage_stations(actor: Actor) -> bool:
    """Adding stations reaches past one's own station: the administrator's job alone."""
    return actor.role is Role.ADMIN and actor.can(Permission.MANAGE_SETTINGS)


@logs_refusals("station")
class StationService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def info(self) -> StationInfo:
        with self._db.read() as session:
            s = session.get_one(Station, self._actor.station_id)
            return StationInfo(s.id, s.code, s.name, s.county, s.version)

    def list_stations(self) -> list[StationRow]:
        """Every station of the database, by code."""
        self._require_admin("查看所有站点")
        with self._db.read() as session:
            villages = _counts(session, Village.station_id, Village.active.is_(True))
            users = _counts(session, User.station_id, User.active.is_(True))
            clients = _counts(session, Client.station_id)
            return [
                StationRow(
                    id=s.id,
                    code=s.code,
                    name=s.name,
                    county=s.county,
                    villages=villages.get(s.id, 0),
                    users=users.get(s.id, 0),
                    clients=clients.get(s.id, 0),
                )
                for s in session.scalars(select(Station).order_by(Station.code))
            ]

    def add_station(
        self, *, code: str, name: str, county: str = "", villages: Sequence[str] = ()
    ) -> NewStation:
        """Add a station with its villages, under the county centre if there is one.

        Case numbers start with the code; their counters are made with the first case,
        as for the first station.
        """
        self._require_admin("添加站点")
        code, name, county = code.strip().upper(), name.strip(), county.strip()
        names = clean_villages(list(villages))
        _check_station(code, name, county, names)
        with self._db.write() as session:
            holder = session.scalar(select(Station.name).where(func.upper(Station.code) == code))
            if holder is not None:
                raise InvalidInput(f"站点代码 {code} 已被“{holder}”使用。", field="code")
            if session.scalar(select(Station.id).where(Station.name == name)) is not None:
                raise InvalidInput(f"已有名为“{name}”的站点。", field="name")
            station = Station(
                code=code,
                name=name,
                county=county,
                parent_id=_county_centre(session),
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
            )
            session.add(station)
            session.flush()
            for sort, village in enumerate(names):
                session.add(
                    Village(
                        station_id=station.id, name=village, kind=village_kind(village),
                        sort=sort, created_by_id=self._actor.user_id,
                        updated_by_id=self._actor.user_id,
                    )
                )  # fmt: skip
            audit.record(
                session, self._actor, "create", entity="station", entity_id=station.id,
                station=name, code=code, county=county, villages=names,
            )  # fmt: skip
            station_id = station.id
        return NewStation(station_id, code, name, len(names), Changes.of("station", "village"))

    def _require_admin(self, doing: str) -> None:
        if not may_manage_stations(self._actor):
            raise PermissionDenied(f"只有管理员可以{doing}。")

    def villages(self, *, include_inactive: bool = True) -> list[VillageRow]:
        with self._db.read() as session:
            counts = dict(
                session.execute(
                    select(Client.village_id, func.count())
                    .where(Client.station_id == self._actor.station_id)
                    .group_by(Client.village_id)
                ).all()
            )
            stmt = (
                select(Village)
                .where(Village.station_id == self._actor.station_id)
                .order_by(Village.sort, Village.id)
            )
            if not include_inactive:
                stmt = stmt.where(Village.active.is_(True))
            return [
                VillageRow(v.id, v.name, v.kind, v.active, counts.get(v.id, 0), v.version)
                for v in session.scalars(stmt)
            ]

    def add_village(self, *, name: str, kind: str = VILLAGE) -> Changes:
        self._actor.require(Permission.MANAGE_SETTINGS)
        name = name.strip()
        if not name:
            raise InvalidInput("请填写村/社区名称。", field="name")
        with self._db.write() as session:
            if self._clash(session, name) is not None:
                raise InvalidInput(f"本站已有“{name}”。", field="name")
            sort = session.scalar(
                select(func.coalesce(func.max(Village.sort), 0)).where(
                    Village.station_id == self._actor.station_id
                )
            )
            village = Village(
                station_id=self._actor.station_id,
                name=name,
                kind=kind,
                sort=(sort or 0) + 1,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
            )
            session.add(village)
            session.flush()
            audit.record(
                session, self._actor, "create", entity="village", entity_id=village.id, name=name
            )
        return Changes.of("village")

    def update_village(self, *, village_id: int, version: int, name: str, active: bool) -> Changes:
        """Rename or retire a village; its clients' search entries follow the new name."""
        self._actor.require(Permission.MANAGE_SETTINGS)
        name = name.strip()
        if not name:
            raise InvalidInput("请填写村/社区名称。", field="name")
        with self._db.write() as session:
            village = session.get(Village, village_id)
            if village is None or village.station_id != self._actor.station_id:
                raise NotFound("该村/社区不存在。")
            check_version(village, version, "村/社区", session)
            renamed = village.name != name
            if renamed and self._clash(session, name) is not None:
                raise InvalidInput(f"本站已有“{name}”。", field="name")
            before = village.name
            village.name, village.active = name, active
            village.updated_by_id = self._actor.user_id
            if renamed:
                for c in session.scalars(select(Client).where(Client.village_id == village.id)):
                    search.index_client(
                        session, c.id, name=c.name, id_number=c.id_number, phone=c.phone,
                        village=name,
                    )  # fmt: skip
            audit.record(
                session, self._actor, "update", entity="village", entity_id=village.id,
                before=before, after=name, active=active,
            )  # fmt: skip
        return Changes.of("village", "client")

    def _clash(self, session: Session, name: str) -> int | None:
        """The id of this station's village already called `name`, if any."""
        return session.scalar(
            select(Village.id).where(
                Village.station_id == self._actor.station_id, Village.name == name
            )
        )


def _check_station(code: str, name: str, county: str, villages: list[str]) -> None:
    if not code:
        raise InvalidInput("请填写站点代码。", field="code")
    if not STATION_CODE.match(code):
        raise InvalidInput(
            f"站点代码 {code} 不可用：应为2至16位字母或数字，例如 JX0426。", field="code"
        )
    if not name:
        raise InvalidInput("请填写社工站名称。", field="name")
    if len(name) > TEXT_MAX:
        raise InvalidInput(f"社工站名称最多{TEXT_MAX}个字。", field="name")
    if len(county) > TEXT_MAX:
        raise InvalidInput(f"县（区）名称最多{TEXT_MAX}个字。", field="county")
    for village in villages:
        if len(village) > TEXT_MAX:
            raise InvalidInput(f"村/社区名称最多{TEXT_MAX}个字：{village[:20]}…", field="villages")


def _counts(session: Session, station_id: Any, *conditions: Any) -> dict[int, int]:
    """Rows per station of the table `station_id` belongs to."""
    stmt = select(station_id, func.count()).where(*conditions).group_by(station_id)
    return {sid: n for sid, n in session.execute(stmt).all()}


def _county_centre(session: Session) -> int | None:
    """The station the others hang under (parent_id empty, others point to it), if one."""
    child = aliased(Station)
    centres = session.scalars(
        select(Station.id)
        .where(Station.parent_id.is_(None))
        .where(select(child.id).where(child.parent_id == Station.id).exists())
        .limit(2)
    ).all()
    return centres[0] if len(centres) == 1 else None


@logs_refusals("setting")
class SettingsService:
    """Settings as JSON values, per station or for the whole database."""

    def __init__(self, db: Database, actor: Actor | None = None) -> None:
        self._db = db
        self._actor = actor

    def get(self, key: str, default: Any = None, *, station_id: int | None = None) -> Any:
        with self._db.read() as session:
            return settings_rows.read(session, key, default, station_id=station_id)

    def set(self, key: str, value: Any, *, station_id: int | None = None) -> Changes:
        if self._actor is None:
            raise InvalidInput("需要登录后才能修改设置。")
        self._actor.require(Permission.MANAGE_SETTINGS)
        with self._db.write() as session:
            settings_rows.write(
                session, key, value, station_id=station_id, user_id=self._actor.user_id
            )
            audit.record(session, self._actor, "setting", entity="setting", key=key, value=value)
        return Changes.of("settings")

    def late_reason_days(self) -> int:
        """How many days back an entry may be dated before it needs a 补录 reason."""
        with self._db.read() as session:
            if self._actor is None:
                value = settings_rows.read(session, LATE_REASON_DAYS_KEY, None, station_id=None)
                return int(value) if value is not None else LATE_REASON_DAYS
            return late_reason_days(session, self._actor.station_id)

    def set_late_reason_days(self, days: int) -> Changes:
        """The 补录 threshold for the whole database (every station on it)."""
        if self._actor is not None:
            self._actor.require(Permission.MANAGE_SETTINGS)
        if not LATE_REASON_DAYS_MIN <= days <= LATE_REASON_DAYS_MAX:
            raise InvalidInput(
                f"补录天数应在 {LATE_REASON_DAYS_MIN} 到 {LATE_REASON_DAYS_MAX} 天之间。",
                field="late_reason_days",
            )
        return self.set(LATE_REASON_DAYS_KEY, days)
