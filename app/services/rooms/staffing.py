"""Staffing rules of the station model, checked per station.

Each station has a head (站长, or its administrator) and at least two social workers, and
its 社工室 staff number at least half its villages and communities. The numbers are one
setting for the county's database (`staffing.rules`, defaults in StaffingRules); the
administrator sees every station side by side, a station its own line.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.services.rooms import lookup
from app.services.rooms.types import RuleCheck, StaffingRules, StationStaffing
from app.services.settings.stations import may_manage_stations
from app.store import settings as settings_rows
from app.store.engine import Database
from app.store.models import Room, Station, User, Village

RULES_KEY = "staffing.rules"


@logs_refusals("setting")
class StaffingService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def sees_all_stations(self) -> bool:
        return may_manage_stations(self._actor)

    def rules(self) -> StaffingRules:
        with self._db.read() as session:
            return _rules(session)

    def set_rules(self, rules: StaffingRules) -> Changes:
        """The county's rules, for every station of the database (the administrator's)."""
        if not self.sees_all_stations:
            raise PermissionDenied("只有管理员可以修改人员配置标准。")
        if not (0 <= rules.heads <= 10 and 0 <= rules.social_workers <= 50):
            raise InvalidInput("站长和社工人数应在合理范围内（站长0至10人，社工0至50人）。")
        if not 0 <= rules.room_staff_per_village <= 5:
            raise InvalidInput("每个村（社区）的社工室人员应在0至5人之间。")
        with self._db.write() as session:
            value = asdict(rules)
            settings_rows.write(
                session, RULES_KEY, value, station_id=None, user_id=self._actor.user_id
            )
            audit.record(session, self._actor, "setting", entity="setting", key=RULES_KEY,
                         value=value)  # fmt: skip
        return Changes.of("settings", "staffing")

    def check(self) -> StationStaffing:
        """The actor's own station."""
        self._actor.require(Permission.REPORTS)
        with self._db.read() as session:
            station = session.get_one(Station, self._actor.station_id)
            return _check(session, station, _rules(session), self._db.clock.today())

    def check_all(self) -> list[StationStaffing]:
        """Every station of the database but the county centre, by code."""
        if not self.sees_all_stations:
            raise PermissionDenied("只有管理员可以查看所有站点的人员配置。")
        today = self._db.clock.today()
        with self._db.read() as session:
            rules = _rules(session)
            child = aliased(Station)
            centre = select(child.id).where(child.parent_id == Station.id).exists()
            stations = session.scalars(select(Station).where(~centre).order_by(Station.code))
            return [_check(session, s, rules, today) for s in stations]


def _rules(session: Session) -> StaffingRules:
    stored = settings_rows.read(session, RULES_KEY, {}, station_id=None) or {}
    defaults = StaffingRules()
    return StaffingRules(
        heads=int(stored.get("heads", defaults.heads)),
        social_workers=int(stored.get("social_workers", defaults.social_workers)),
        room_staff_per_village=float(
            stored.get("room_staff_per_village", defaults.room_staff_per_village)
        ),
    )


def _check(
    session: Session, station: Station, rules: StaffingRules, today: dt.date
) -> StationStaffing:
    users = list(
        session.execute(
            select(User.id, User.role).where(User.station_id == station.id, User.active.is_(True))
        )
    )
    # A station's administrator is its head in a one-station database (the set-up wizard's
    # first user); a county's administrators belong to the county centre, left out here.
    heads = sum(1 for _, role in users if role in (Role.HEAD.value, Role.ADMIN.value))
    workers = sum(1 for _, role in users if role == Role.WORKER.value)
    open_rooms = set(
        session.scalars(select(Room.id).where(Room.station_id == station.id, Room.active.is_(True)))
    )
    in_rooms = sum(1 for uid, _ in users if lookup.room_on(session, uid, today) in open_rooms)
    villages = session.scalar(
        select(func.count()).where(Village.station_id == station.id, Village.active.is_(True))
    )
    checks = [
        RuleCheck("站长", rules.heads, heads),
        RuleCheck("社工", rules.social_workers, workers),
    ]
    if rules.room_staff_per_village > 0 and villages:
        needed = math.ceil(villages * rules.room_staff_per_village - 1e-9)
        checks.append(RuleCheck(f"社工室人员（{villages}个村/社区）", needed, in_rooms))
    return StationStaffing(station.id, station.code, station.name, tuple(checks))
