"""First run: schema upgrade, the station, its villages, the first administrator, code lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import SEED, village_kind
from app.domain.errors import InvalidInput
from app.domain.roles import Role
from app.services.access import audit, passwords
from app.services.access.auth import actor_for
from app.services.context import Actor
from app.services.settings import moved
from app.store import migrate
from app.store.engine import Database
from app.store.models import CodeItem, Station, User, Village

STATION_CODE = re.compile(r"^[A-Za-z0-9]{2,16}$")


@dataclass(frozen=True)
class SchemaState:
    from_revision: str | None
    to_revision: str
    backup_path: str | None


def seed_code_lists(session: Session) -> int:
    """Add the seeded items that are missing; the administrator's edits are kept."""
    existing = set(session.execute(select(CodeItem.list_name, CodeItem.code)))
    added = 0
    for list_name, items in SEED.items():
        for sort, (code, label) in enumerate(items):
            if (list_name.value, code) not in existing:
                session.add(CodeItem(list_name=list_name.value, code=code, label=label, sort=sort))
                added += 1
    return added


def clean_villages(names: list[str]) -> list[str]:
    seen: list[str] = []
    for raw in names:
        name = raw.strip()
        if name and name not in seen:
            seen.append(name)
    return seen


class SetupService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def prepare(self) -> SchemaState:
        """Create or upgrade the schema (an older file is copied first)."""
        result = migrate.upgrade(self._db.engine)
        return SchemaState(
            result.from_revision,
            result.to_revision,
            str(result.backup) if result.backup else None,
        )

    def is_initialised(self) -> bool:
        with self._db.read() as session:
            return bool(session.scalar(select(func.count()).select_from(User)))

    def station_name(self) -> str:
        """The name for the login screen; empty when the database holds several stations."""
        with self._db.read() as session:
            names = session.scalars(select(Station.name).order_by(Station.id).limit(2)).all()
        return names[0] if len(names) == 1 else ""

    def moved_notice(self) -> str:
        """A warning when this file's station has moved to the county's server."""
        with self._db.read() as session:
            return moved.notice(session)

    def initialise(
        self,
        *,
        station_name: str,
        station_code: str,
        county: str = "",
        villages: list[str],
        admin_login: str,
        admin_display_name: str,
        password: str,
    ) -> Actor:
        station_name = station_name.strip()
        station_code = station_code.strip().upper()
        admin_login = admin_login.strip()
        if not station_name:
            raise InvalidInput("请填写社工站名称。", field="station_name")
        if not STATION_CODE.match(station_code):
            raise InvalidInput("站点代码应为2至16位字母或数字，例如 JX0426。", field="station_code")
        if not admin_login:
            raise InvalidInput("请填写管理员用户名。", field="admin_login")
        passwords.check_rules(password, login=admin_login)
        with self._db.write() as session:
            if session.scalar(select(func.count()).select_from(User)):
                raise InvalidInput("数据库已经初始化过，不能重复初始化。")
            station = Station(code=station_code, name=station_name, county=county.strip())
            session.add(station)
            session.flush()
            for sort, name in enumerate(clean_villages(villages)):
                kind = village_kind(name)
                session.add(Village(station_id=station.id, name=name, kind=kind, sort=sort))
            admin = User(
                station_id=station.id,
                login=admin_login,
                display_name=admin_display_name.strip() or admin_login,
                role=Role.ADMIN.value,
                password_hash=passwords.hash_password(password),
            )
            session.add(admin)
            seed_code_lists(session)
            session.flush()
            actor = actor_for(session, admin)
            audit.record(
                session,
                actor,
                "initialise",
                entity="station",
                entity_id=station.id,
                station=station_name,
                code=station_code,
            )
            return actor
