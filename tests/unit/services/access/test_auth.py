"""Logging in, lockout after six failures, password rules and the first-login change."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from sqlalchemy import select

from app.domain.clock import FixedClock
from app.domain.errors import AuthenticationFailed, InvalidInput
from app.domain.roles import Role
from app.services.access import auth, passwords
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import AuditEntry, User
from tests.conftest import ADMIN_PASSWORD


def user(db: Database, login: str) -> User:
    with db.read() as session:
        return session.scalars(select(User).where(User.login == login)).one()


def audit_rows(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def details(entry: AuditEntry) -> dict[str, object]:
    """The row's details with its personal values (a free-text reason is one)."""
    merged: dict[str, object] = json.loads(entry.detail or "{}")
    return merged | json.loads(entry.personal or "{}")


def test_a_correct_password_logs_in(db: Database, admin: Actor) -> None:
    actor = AuthService(db).login(login=" admin ", password=ADMIN_PASSWORD)
    assert actor == admin
    assert actor.station_name == "梅林镇社工站"
    assert user(db, "admin").last_login_at is not None
    [entry] = audit_rows(db, "login")
    assert (entry.user_id, entry.entity, entry.entity_id) == (admin.user_id, "user", admin.user_id)


def test_logging_in_is_no_edit_of_the_user(db: Database, admin: Actor) -> None:
    """Two PCs logging in as one user, or a head's open form on them, meet no conflict:
    the login's bookkeeping does not move the record's version."""
    before = user(db, "admin")
    first = db.with_clock(FixedClock(dt.datetime(2026, 11, 3, 9)))
    for database in (first, db):
        AuthService(database).login(login="admin", password=ADMIN_PASSWORD)
    after = user(db, "admin")
    assert after.version == before.version
    assert after.last_login_at is not None and after.last_login_at != before.last_login_at


@pytest.mark.parametrize(("login", "reason"), [("admin", None), ("nobody", "unknown user")])
def test_a_failed_login_is_refused_and_audited(
    db: Database, admin: Actor, login: str, reason: str | None
) -> None:
    with pytest.raises(AuthenticationFailed) as raised:
        AuthService(db).login(login=login, password="wrong-password")
    assert raised.value.message == "用户名或密码不正确。"
    [entry] = audit_rows(db, "login_failed")
    assert entry.user_login == login
    assert entry.user_id is None
    detail = details(entry)
    assert detail.get("reason") == reason
    if reason is None:
        assert (detail["failures"], entry.station_id) == (1, admin.station_id)


def test_six_failures_lock_the_account_for_thirty_minutes(db: Database, admin: Actor) -> None:
    clock = FixedClock(dt.datetime(2025, 6, 30, 9, 0, tzinfo=dt.UTC))
    service = AuthService(db.with_clock(clock))
    for _ in range(auth.MAX_FAILURES - 1):
        with pytest.raises(AuthenticationFailed, match="不正确"):
            service.login(login="admin", password="wrong-password")
    with pytest.raises(AuthenticationFailed, match="已锁定30分钟"):
        service.login(login="admin", password="wrong-password")
    assert user(db, "admin").locked_until == clock.now() + dt.timedelta(minutes=30)
    with pytest.raises(AuthenticationFailed, match="锁定"):
        service.login(login="admin", password=ADMIN_PASSWORD)
    locked = audit_rows(db, "login_failed")[-1]
    assert details(locked).get("reason") == "locked"
    # The refused attempt names the account and its station, so the station's admin sees it.
    assert (locked.entity_id, locked.station_id) == (admin.user_id, admin.station_id)
    clock.advance(minutes=29)
    with pytest.raises(AuthenticationFailed, match="锁定"):
        service.login(login="admin", password=ADMIN_PASSWORD)
    clock.advance(minutes=2)
    assert service.login(login="admin", password=ADMIN_PASSWORD).user_id == admin.user_id
    assert user(db, "admin").locked_until is None


def test_the_administrator_can_unlock_an_account(db: Database, admin: Actor) -> None:
    with db.write() as session:
        locked = session.scalars(select(User).where(User.login == "admin")).one()
        locked.locked_until = db.clock.now() + dt.timedelta(minutes=20)
    assert UserService(db, admin).list()[0].locked
    UserService(db, admin).unlock(login="admin")
    assert not UserService(db, admin).list()[0].locked
    assert AuthService(db).login(login="admin", password=ADMIN_PASSWORD).login == "admin"


def test_a_deactivated_account_cannot_log_in(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "zhao")
    UserService(db, admin).set_active(login=worker.login, active=False)
    with pytest.raises(AuthenticationFailed, match="停用"):
        AuthService(db).login(login="zhao", password="staff-pass-1")


@pytest.mark.parametrize(
    ("password", "words"),
    [("short1", "至少需要8位"), ("Admin", "至少需要8位"), ("ADMINISTRATOR", "用户名相同")],
)
def test_password_rules(password: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as raised:
        passwords.check_rules(password, login="administrator")
    assert raised.value.field == "password"


def test_a_new_user_must_change_the_temporary_password(db: Database, admin: Actor) -> None:
    temporary = UserService(db, admin).add(login="zhao", display_name="赵社工", role=Role.WORKER)
    assert len(temporary.password) == 10
    assert not set(temporary.password) & set("01ilo")
    service = AuthService(db)
    actor = service.login(login="zhao", password=temporary.password)
    assert actor.must_change_password
    with pytest.raises(InvalidInput) as raised:
        service.change_password(actor=actor, old_password="wrong-old", new_password="new-pass-12")
    assert raised.value.field == "old_password"
    with pytest.raises(InvalidInput, match="不能与原密码相同"):
        service.change_password(
            actor=actor, old_password=temporary.password, new_password=temporary.password
        )
    with pytest.raises(InvalidInput, match="至少需要8位"):
        service.change_password(actor=actor, old_password=temporary.password, new_password="short")
    changed = service.change_password(
        actor=actor, old_password=temporary.password, new_password="new-pass-12"
    )
    assert not changed.must_change_password
    assert not service.login(login="zhao", password="new-pass-12").must_change_password
    assert [e.entity_id for e in audit_rows(db, "password_changed")] == [actor.user_id]


def test_passwords_are_hashed_with_argon2id_at_least_at_owasp_cost(
    db: Database, admin: Actor
) -> None:
    stored = user(db, "admin").password_hash
    assert ADMIN_PASSWORD not in stored
    parameters = extract_parameters(stored)
    assert parameters.type is Type.ID
    assert parameters.memory_cost >= 19 * 1024
    assert parameters.time_cost >= 2
    assert parameters.parallelism >= 1


def test_a_weaker_old_hash_is_upgraded_at_login(db: Database, admin: Actor) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(ADMIN_PASSWORD)
    with db.write() as session:
        session.scalars(select(User).where(User.login == "admin")).one().password_hash = weak
    AuthService(db).login(login="admin", password=ADMIN_PASSWORD)
    upgraded = user(db, "admin").password_hash
    assert upgraded != weak
    assert not passwords.needs_rehash(upgraded)
    assert passwords.verify(upgraded, ADMIN_PASSWORD)


def test_a_damaged_hash_does_not_verify() -> None:
    assert not passwords.verify("not-a-hash", "anything")
