"""User accounts as the administrator manages them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, NotFound
from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import User
from tests.unit.conftest import STAFF_PASSWORD
from tests.unit.services.conftest import audit_actions


def test_the_list_shows_the_stations_users(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    make_actor(Role.SUPERVISOR, "sun", "孙督导")
    rows = UserService(db, admin).list()
    assert [(r.login, r.display_name, r.role, r.active) for r in rows] == [
        ("admin", "王站长", Role.ADMIN, True),
        ("sun", "孙督导", Role.SUPERVISOR, True),
    ]
    assert not any(r.locked or r.must_change_password for r in rows)


def test_adding_a_user_with_a_chosen_password(db: Database, admin: Actor) -> None:
    added = UserService(db, admin).add(
        login=" zhao.w ", display_name=" 赵社工 ", role=Role.WORKER, title="assistant",
        password="chosen-pass",
    )  # fmt: skip
    assert (added.login, added.password) == ("zhao.w", "chosen-pass")
    assert added.changes.touches("user")
    row = UserService(db, admin).list()[1]
    assert (row.login, row.display_name, row.title, row.must_change_password) == (
        "zhao.w", "赵社工", "assistant", False,
    )  # fmt: skip
    assert audit_actions(db, entity="user") == ["create"]


@pytest.mark.parametrize(
    ("login", "display_name", "password", "field"),
    [
        ("a", "赵", "chosen-pass", "login"),
        ("赵社工", "赵", "chosen-pass", "login"),
        ("zhao w", "赵", "chosen-pass", "login"),
        ("zhao", "  ", "chosen-pass", "display_name"),
        ("zhao", "赵", "short", "password"),
        ("admin", "赵", "chosen-pass", "login"),
    ],
)
def test_bad_new_users_are_refused(
    db: Database, admin: Actor, login: str, display_name: str, password: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        UserService(db, admin).add(
            login=login, display_name=display_name, role=Role.WORKER, password=password
        )
    assert raised.value.field == field
    assert len(UserService(db, admin).list()) == 1


def test_a_reset_gives_a_temporary_password_and_clears_a_lock(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    make_actor(Role.WORKER, "zhao")
    with db.write() as session:
        user = session.scalars(select(User).where(User.login == "zhao")).one()
        user.locked_until = db.clock.now() + dt.timedelta(minutes=30)
        user.failed_logins = 3
    reset = UserService(db, admin).reset_password(login="zhao")
    row = UserService(db, admin).list()[1]
    assert row.must_change_password and not row.locked
    actor = AuthService(db).login(login="zhao", password=reset.password)
    assert actor.must_change_password
    assert audit_actions(db, entity="user") == ["reset_password", "login"]


def test_deactivating_and_reactivating(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    make_actor(Role.WORKER, "zhao")
    service = UserService(db, admin)
    service.set_active(login="zhao", active=False)
    assert [r.active for r in service.list()] == [True, False]
    service.set_active(login="zhao", active=True)
    assert AuthService(db).login(login="zhao", password=STAFF_PASSWORD).login == "zhao"
    assert audit_actions(db, entity="user")[:2] == ["deactivate", "activate"]


def test_an_administrator_cannot_deactivate_themselves(db: Database, admin: Actor) -> None:
    with pytest.raises(InvalidInput, match="自己"):
        UserService(db, admin).set_active(login="admin", active=False)


@pytest.mark.parametrize("action", ["reset_password", "unlock"])
def test_an_unknown_login_is_not_found(db: Database, admin: Actor, action: str) -> None:
    with pytest.raises(NotFound, match="nobody"):
        getattr(UserService(db, admin), action)(login="nobody")
