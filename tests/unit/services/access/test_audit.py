"""Reading the audit log."""

from __future__ import annotations

import json

from app.services.access.audit import AuditService, record
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Station


def test_recent_entries_come_newest_first_and_filter_by_record(
    db: Database, admin: Actor, clients: ClientService
) -> None:
    first = clients.create(ClientInput(name="张三"))
    second = clients.create(ClientInput(name="李四"))
    clients.update(first.id, version=first.version, data=ClientInput(name="张三丰"))
    log = AuditService(db, admin)
    assert [(r.action, r.entity_id) for r in log.recent(entity="client")] == [
        ("update", first.id),
        ("create", second.id),
        ("create", first.id),
    ]
    assert [r.action for r in log.recent(entity="client", entity_id=first.id)] == [
        "update",
        "create",
    ]
    assert len(log.recent(limit=2)) == 2
    newest = log.recent(entity="client", limit=1)[0]
    assert newest.login == "admin"
    assert newest.at.tzinfo is not None


def test_an_entry_without_an_actor_keeps_the_login_typed(db: Database, admin: Actor) -> None:
    with db.write() as session:
        record(session, None, "login_failed", login="nobody", reason="unknown user")
    [row] = AuditService(db, admin).recent(entity="")[:1]
    assert (row.login, row.action) == ("nobody", "login_failed")
    assert json.loads(row.detail) == {"reason": "unknown user"}


def test_a_station_sees_only_its_own_entries(db: Database, admin: Actor) -> None:
    with db.write() as session:
        other = Station(code="JX0427", name="东山镇社工站")
        session.add(other)
        session.flush()
        record(session, None, "login_failed", login="dong", station_id=other.id)
        record(session, admin, "create", entity="client", entity_id=1)
    assert [(r.login, r.action) for r in AuditService(db, admin).recent()][:2] == [
        ("admin", "create"),
        ("admin", "initialise"),
    ]
