"""Refused actions are logged (who, what, when) and counted per user for the administrator."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

import app.services
from app.desk import Desk
from app.domain.errors import AuthenticationFailed, PermissionDenied, ReasonRequired
from app.domain.roles import Role
from app.services.access import auth
from app.services.access.audit import AuditService
from app.services.access.auth import AuthService
from app.services.access.refusals import MARK, logs_refusals
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.lists.service import ListExportService
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import AuditEntry

# Helpers the decorated services use inside their own calls, never called from outside.
NOT_BOUNDARIES = {"ListExporter", "LinkFinder", "ClientChecks", "ClientHistory"}


def refusals(db: Database) -> list[AuditEntry]:
    with db.read() as session:
        stmt = select(AuditEntry).where(AuditEntry.action == "refused").order_by(AuditEntry.id)
        return list(session.scalars(stmt))


def detail(entry: AuditEntry) -> dict[str, object]:
    found: dict[str, object] = json.loads(entry.detail)
    return found


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "lixia", "李霞")


def test_a_wrong_role_is_logged(db: Database, admin: Actor, worker: Actor) -> None:
    with pytest.raises(PermissionDenied) as raised:
        UserService(db, worker).unlock(login="admin")
    [entry] = refusals(db)
    assert (entry.user_login, entry.user_id, entry.station_id) == (
        "lixia", worker.user_id, worker.station_id,
    )  # fmt: skip
    assert (entry.entity, detail(entry)) == (
        "user", {"operation": "UserService.unlock", "message": raised.value.message},
    )  # fmt: skip
    assert entry.at.tzinfo is not None


def test_a_refused_reveal_is_logged_though_its_transaction_rolled_back(
    db: Database, admin: Actor, worker: Actor
) -> None:
    client = ClientService(db, admin).create(ClientInput(name="刘建国")).id
    with pytest.raises(PermissionDenied):
        ClientService(db, worker).reveal(client)
    [entry] = refusals(db)
    assert (entry.entity, entry.entity_id) == ("client", client)
    assert detail(entry)["operation"] == "ClientService.reveal"
    with db.read() as session:
        reveals = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all()
    assert reveals == []


def test_a_reveal_without_a_reason_is_logged(db: Database, admin: Actor, tmp_path: Path) -> None:
    with pytest.raises(ReasonRequired):
        ListExportService(db, admin).export("clients", tmp_path / "x.xlsx", full_ids=True)
    [entry] = refusals(db)
    assert (entry.user_login, detail(entry)["operation"]) == ("admin", "ListExportService.export")
    assert not (tmp_path / "x.xlsx").exists()


def test_a_locked_account_counts_as_refused(db: Database, admin: Actor, worker: Actor) -> None:
    for _ in range(auth.MAX_FAILURES + 2):
        with pytest.raises(AuthenticationFailed):
            AuthService(db).login(login="lixia", password="wrong-password")
    with pytest.raises(PermissionDenied):
        ClientService(db, worker).reveal(ClientService(db, admin).create(ClientInput("张三")).id)
    since = db.clock.now() - dt.timedelta(days=7)
    [counted] = AuditService(db, admin).refusals(since=since)
    assert (counted.login, counted.count) == ("lixia", auth.MAX_FAILURES + 3)
    with db.read() as session:
        reasons = [
            json.loads(p or "{}").get("reason")
            for p in session.scalars(
                select(AuditEntry.personal).where(AuditEntry.action == "login_failed")
            )
        ]
    assert reasons[-2:] == ["locked", "locked"]


def test_refusals_are_counted_per_user_within_the_period(
    db: Database, admin: Actor, worker: Actor, make_actor: Callable[..., Actor]
) -> None:
    other = make_actor(Role.SUPERVISOR, "dudao")
    for actor, times in ((worker, 3), (other, 1)):
        for _ in range(times):
            with pytest.raises(PermissionDenied):
                UserService(db, actor).list()
    log = AuditService(db, admin)
    now = db.clock.now()
    counts = log.refusals(since=now - dt.timedelta(days=7))
    assert [(c.login, c.count) for c in counts] == [("lixia", 3), ("dudao", 1)]
    assert [c.login for c in log.refusals(since=now - dt.timedelta(days=7), at_least=3)] == [
        "lixia"
    ]
    assert log.refusals(since=now + dt.timedelta(seconds=1)) == []
    with pytest.raises(PermissionDenied):
        AuditService(db, worker).refusals(since=now)


def test_a_temporary_password_refused_by_the_desk_is_logged(db: Database, admin: Actor) -> None:
    secret = (
        UserService(db, admin).add(login="lixia", display_name="李霞", role=Role.WORKER).password
    )
    with pytest.raises(PermissionDenied):
        Desk.login(db, user="lixia", password=secret)
    [entry] = refusals(db)
    assert (entry.user_login, detail(entry)["operation"]) == ("lixia", "Desk.login")


def test_a_service_calling_another_logs_one_refusal(db: Database, admin: Actor) -> None:
    @logs_refusals("thing")
    class Inner:
        def __init__(self, db: Database, actor: Actor) -> None:
            self._db, self._actor = db, actor

        def act(self, thing_id: int) -> None:
            raise PermissionDenied("不行。")

    @logs_refusals()
    class Outer(Inner):
        def outer(self) -> None:
            Inner(self._db, self._actor).act(7)

    with pytest.raises(PermissionDenied):
        Outer(db, admin).outer()
    [entry] = refusals(db)
    assert detail(entry)["operation"] == "Outer.outer"
    with pytest.raises(PermissionDenied):
        Inner(db, admin).act(thing_id=8)
    assert (refusals(db)[-1].entity, refusals(db)[-1].entity_id) == ("thing", 8)


def covered(cls: type) -> bool:
    """Decorated, or a base used only through decorated services."""
    below: list[type] = cls.__subclasses__()
    return bool(cls.__dict__.get(MARK)) or (bool(below) and all(covered(c) for c in below))


def test_every_service_logs_its_refusals() -> None:
    """A new service with an actor must be decorated, or its refusals would leave no trace."""
    missing = []
    for info in pkgutil.walk_packages(app.services.__path__, "app.services."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            init = cls.__dict__.get("__init__")
            if cls.__module__ != module.__name__ or not inspect.isfunction(init):
                continue
            if "_actor" in init.__code__.co_names and not covered(cls):
                missing.append(name)
    assert sorted(set(missing) - NOT_BOUNDARIES) == []
