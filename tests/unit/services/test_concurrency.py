"""Optimistic locking: of two edits made from the same copy, the second is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.domain.errors import ConflictError
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from tests.unit.services.conftest import TODAY


def test_the_second_of_two_edits_from_the_same_load_is_refused(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "zhao", "赵社工")
    first = ClientService(db, worker, today=TODAY)
    second = ClientService(db, admin, today=TODAY)
    created = first.create(ClientInput(name="张三", address="梅林村1组"))
    loaded_by_first = first.get(created.id)
    loaded_by_second = second.get(created.id)
    assert loaded_by_first.version == loaded_by_second.version

    first.update(
        created.id, version=loaded_by_first.version,
        data=ClientInput(name="张三", address="梅林村2组", risk_level="high"),
    )  # fmt: skip
    with pytest.raises(ConflictError) as raised:
        second.update(
            created.id, version=loaded_by_second.version,
            data=ClientInput(name="张三", address="梅林村3组"),
        )  # fmt: skip
    assert "赵社工" in raised.value.message
    assert "没有保存" in raised.value.message
    kept = second.get(created.id)
    assert (kept.address, kept.risk_level) == ("梅林村2组", "high")


@pytest.mark.parametrize("action", ["archive", "unarchive", "update"])
def test_archiving_from_a_stale_copy_is_refused_too(
    db: Database, admin: Actor, clients: ClientService, action: str
) -> None:
    created = clients.create(ClientInput(name="张三"))
    stale = created.version
    clients.update(created.id, version=stale, data=ClientInput(name="张三丰"))
    calls = {
        "archive": lambda: clients.archive(created.id, version=stale, reason="迁出"),
        "unarchive": lambda: clients.unarchive(created.id, version=stale),
        "update": lambda: clients.update(created.id, version=stale, data=ClientInput(name="张三")),
    }
    with pytest.raises(ConflictError):
        calls[action]()
    detail = clients.get(created.id)
    assert (detail.name, detail.status) == ("张三丰", "active")


def test_a_reload_after_a_conflict_saves(clients: ClientService) -> None:
    created = clients.create(ClientInput(name="张三"))
    clients.update(created.id, version=created.version, data=ClientInput(name="张三丰"))
    with pytest.raises(ConflictError):
        clients.update(created.id, version=created.version, data=ClientInput(name="张山"))
    fresh = clients.get(created.id)
    clients.update(created.id, version=fresh.version, data=ClientInput(name="张山"))
    assert clients.get(created.id).name == "张山"


def test_two_workstations_on_their_own_connections_get_the_conflict(
    db: Database, admin: Actor
) -> None:
    """Two PCs: two engines on one database, as two workstations on the county server."""
    other = Database.open(db.engine.url.render_as_string(hide_password=False))
    try:
        here = ClientService(db, admin, today=TODAY)
        there = ClientService(other, admin, today=TODAY)
        created = here.create(ClientInput(name="张三", address="梅林村1组"))
        loaded_here, loaded_there = here.get(created.id), there.get(created.id)
        if not db.is_sqlite:  # really two server sessions
            with db.engine.connect() as a, other.engine.connect() as b:
                pid = "SELECT pg_backend_pid()"
                assert a.exec_driver_sql(pid).scalar() != b.exec_driver_sql(pid).scalar()
        there.update(
            created.id, version=loaded_there.version,
            data=ClientInput(name="张三", address="梅林村2组"),
        )  # fmt: skip
        with pytest.raises(ConflictError) as raised:
            here.update(
                created.id, version=loaded_here.version,
                data=ClientInput(name="张三", address="梅林村3组"),
            )  # fmt: skip
        assert "没有保存" in raised.value.message
        assert here.get(created.id).address == "梅林村2组"
    finally:
        other.dispose()
