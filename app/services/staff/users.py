"""User accounts: the administrator adds, resets and unlocks them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit, passwords
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.models import Station, User

LOGIN = re.compile(r"^[A-Za-z0-9_.\-]{2,32}$")


@dataclass(frozen=True)
class UserRow:
    id: int
    login: str
    display_name: str
    role: Role
    title: str
    active: bool
    locked: bool
    must_change_password: bool
    last_login_at: dt.datetime | None
    version: int
    station: str = ""
    """The user's station (the administrator of a county database sees every station's)."""


@dataclass(frozen=True)
class NewPassword:
    """A temporary password to hand to the user; they must change it at first login."""

    login: str
    password: str
    changes: Changes


@logs_refusals("user")
class UserService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def list(self) -> list[UserRow]:
        """The station's users; every station's for the administrator (users belong to a
        station, the county's administrator looks after all of them)."""
        self._actor.require(Permission.MANAGE_USERS)
        now = self._db.clock.now()
        with self._db.read() as session:
            stations = dict(session.execute(select(Station.id, Station.name)).all())
            stmt = select(User).order_by(User.active.desc(), User.login)
            if not self._all_stations:
                stmt = stmt.where(User.station_id == self._actor.station_id)
            users = session.scalars(stmt)
            return [
                UserRow(
                    id=u.id,
                    login=u.login,
                    display_name=u.display_name,
                    role=Role(u.role),
                    title=u.title,
                    active=u.active,
                    locked=u.locked_until is not None and u.locked_until > now,
                    must_change_password=u.must_change_password,
                    last_login_at=u.last_login_at,
                    version=u.version,
                    station=stations.get(u.station_id, ""),
                )
                for u in users
            ]

    def add(
        self,
        *,
        login: str,
        display_name: str,
        role: Role,
        title: str = "none",
        password: str | None = None,
        station_id: int | None = None,
    ) -> NewPassword:
        """Add a user. Without `password` a temporary one is made and must be changed.

        The user belongs to the actor's station unless the administrator names another
        (`station_id`) of a database with several.
        """
        self._actor.require(Permission.MANAGE_USERS)
        if station_id is not None and station_id != self._actor.station_id:
            if self._actor.role is not Role.ADMIN:
                raise PermissionDenied("只有管理员可以为其他站点添加用户。")
        else:
            station_id = self._actor.station_id
        login = login.strip()
        if not LOGIN.match(login):
            raise InvalidInput("用户名应为2至32位字母、数字、点、下划线或短横线。", field="login")
        if not display_name.strip():
            raise InvalidInput("请填写姓名。", field="display_name")
        temporary = password is None
        secret = passwords.temporary_password() if password is None else password
        passwords.check_rules(secret, login=login)
        with self._db.write() as session:
            if session.get(Station, station_id) is None:
                raise InvalidInput("所选站点不存在。", field="station")
            if session.scalar(select(User.id).where(User.login == login)) is not None:
                raise InvalidInput(f"用户名 {login} 已被使用。", field="login")
            user = User(
                station_id=station_id,
                login=login,
                display_name=display_name.strip(),
                role=role.value,
                title=title,
                password_hash=passwords.hash_password(secret),
                must_change_password=temporary,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
            )
            session.add(user)
            session.flush()
            elsewhere = {} if station_id == self._actor.station_id else {"of_station": station_id}
            audit.record(
                session, self._actor, "create", entity="user", entity_id=user.id,
                login=login, role=role.value, **elsewhere,
            )  # fmt: skip
        return NewPassword(login, secret, Changes.of("user"))

    def reset_password(self, *, login: str) -> NewPassword:
        self._actor.require(Permission.MANAGE_USERS)
        secret = passwords.temporary_password()
        with self._db.write() as session:
            user = self._by_login(session, login)
            user.password_hash = passwords.hash_password(secret)
            user.must_change_password = True
            user.failed_logins = 0
            user.locked_until = None
            user.updated_by_id = self._actor.user_id
            audit.record(session, self._actor, "reset_password", entity="user", entity_id=user.id)
        return NewPassword(login, secret, Changes.of("user"))

    def unlock(self, *, login: str) -> Changes:
        self._actor.require(Permission.MANAGE_USERS)
        with self._db.write() as session:
            user = self._by_login(session, login)
            user.failed_logins = 0
            user.locked_until = None
            user.updated_by_id = self._actor.user_id
            audit.record(session, self._actor, "unlock", entity="user", entity_id=user.id)
        return Changes.of("user")

    def set_active(self, *, login: str, active: bool) -> Changes:
        self._actor.require(Permission.MANAGE_USERS)
        with self._db.write() as session:
            user = self._by_login(session, login)
            if user.id == self._actor.user_id and not active:
                raise InvalidInput("不能停用自己的账号。")
            user.active = active
            user.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "activate" if active else "deactivate",
                entity="user", entity_id=user.id,
            )  # fmt: skip
        return Changes.of("user")

    @property
    def _all_stations(self) -> bool:
        return self._actor.role is Role.ADMIN

    def _by_login(self, session: Session, login: str) -> User:
        stmt = select(User).where(User.login == login.strip())
        if not self._all_stations:
            stmt = stmt.where(User.station_id == self._actor.station_id)
        user = session.scalar(stmt)
        if user is None:
            raise NotFound(f"本站没有用户 {login}。")
        return user
