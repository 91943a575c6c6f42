"""Logging in, locking out, changing one's own password."""

from __future__ import annotations

import datetime as dt
import functools
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from app.domain.errors import AuthenticationFailed, InvalidInput
from app.domain.roles import Role
from app.services.access import audit, passwords
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Station, User

MAX_FAILURES = 6
LOCK_MINUTES = 30


@functools.cache
def _dummy_hash() -> str:
    """Made at the first unknown login, not at import: an argon2 hash is start time."""
    return passwords.hash_password("timing-equaliser")


def actor_for(session: Session, user: User) -> Actor:
    station = session.get(Station, user.station_id)
    return Actor(
        user_id=user.id,
        login=user.login,
        display_name=user.display_name,
        role=Role(user.role),
        station_id=user.station_id,
        station_name=station.name if station else "",
        must_change_password=user.must_change_password,
    )


class AuthService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def login(self, *, login: str, password: str) -> Actor:
        """Check the password; failures are counted and logged, and lock the account at six."""
        login = login.strip()
        # Failures are committed (counted and logged) before the error is raised.
        with self._db.write() as session:
            outcome = self._check(session, login, password)
        if isinstance(outcome, AuthenticationFailed):
            raise outcome
        return outcome

    def _check(self, session: Session, login: str, password: str) -> Actor | AuthenticationFailed:
        user = session.scalar(select(User).where(User.login == login))
        now = self._db.clock.now()
        if user is None:
            passwords.verify(_dummy_hash(), password)  # same time as a real check
            audit.record(session, None, "login_failed", login=login, reason="unknown user")
            return AuthenticationFailed("用户名或密码不正确。")
        if not user.active:
            audit.record(
                session, None, "login_failed", entity="user", entity_id=user.id, login=login,
                station_id=user.station_id, reason="inactive",
            )  # fmt: skip
            return AuthenticationFailed("该账号已停用，请联系管理员。")
        if user.locked_until is not None and user.locked_until > now:
            audit.record(
                session, None, "login_failed", entity="user", entity_id=user.id, login=login,
                station_id=user.station_id, reason="locked",
            )  # fmt: skip
            local = user.locked_until.astimezone().strftime("%H:%M")
            return AuthenticationFailed(
                f"该账号因多次密码错误已锁定，请于 {local} 后再试，或请管理员解锁。"
            )
        if not passwords.verify(user.password_hash, password):
            user.failed_logins += 1
            detail: dict[str, object] = {"failures": user.failed_logins}
            message = "用户名或密码不正确。"
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
                detail["locked"] = True
                message = f"密码连续错误{MAX_FAILURES}次，账号已锁定{LOCK_MINUTES}分钟。"
            audit.record(
                session,
                None,
                "login_failed",
                entity="user",
                entity_id=user.id,
                login=login,
                station_id=user.station_id,
                **detail,
            )
            return AuthenticationFailed(message)
        if passwords.needs_rehash(user.password_hash):
            user.password_hash = passwords.hash_password(password)
        # Bookkeeping, not an edit: written past the version counter, so the same user
        # logging in on two PCs at once, or a head's open form on this user, meets no
        # conflict (an ORM change would bump `version`).
        users = cast(Table, User.__table__)
        session.execute(
            update(users)
            .where(users.c.id == user.id)
            .values(failed_logins=0, locked_until=None, last_login_at=now)
        )
        actor = actor_for(session, user)
        audit.record(session, actor, "login", entity="user", entity_id=user.id)
        return actor

    def change_password(self, *, actor: Actor, old_password: str, new_password: str) -> Actor:
        with self._db.write() as session:
            user = session.get_one(User, actor.user_id)
            if not passwords.verify(user.password_hash, old_password):
                raise InvalidInput("原密码不正确。", field="old_password")
            passwords.check_rules(new_password, login=user.login)
            if old_password == new_password:
                raise InvalidInput("新密码不能与原密码相同。", field="password")
            user.password_hash = passwords.hash_password(new_password)
            user.must_change_password = False
            user.updated_by_id = actor.user_id
            audit.record(session, actor, "password_changed", entity="user", entity_id=user.id)
            return actor_for(session, user)
