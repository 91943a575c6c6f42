"""The county server lost in the middle of a session: the action fails as a whole with
"无法连接到县级服务器", nothing of it is written, and the same action tried again works.

On a real PostgreSQL: the server's backend is terminated under a write (between its
statements), and a server of the test's own is stopped and started again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from app.domain.errors import ServerUnreachable
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.store.engine import Database, make_engine, storage_errors
from app.store.models import AuditEntry, Client
from tests import postgres
from tests.conftest import initialise_station


@pytest.fixture
def db(pg_db: Database) -> Database:
    """These tests are about a server: PostgreSQL only."""
    return pg_db


def names(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Client.name).order_by(Client.id)))


def audit_rows(db: Database) -> int:
    with db.read() as session:
        stmt = select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "client")
        return session.scalar(stmt) or 0


@pytest.fixture
def terminate_at_audit(db: Database) -> Iterator[list[int]]:
    """The server ends the session's backend just before the action's audit row (its last
    statement): the client row is already sent, the commit never comes."""
    killer = make_engine(
        db.engine.url.render_as_string(hide_password=False),
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
    )
    ended: list[int] = []

    def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if ended or not statement.startswith("INSERT INTO audit_log"):
            return
        pid = conn.connection.dbapi_connection.info.backend_pid
        with killer.connect() as admin:
            admin.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid)}, 5000)")
        ended.append(pid)

    event.listen(db.engine, "before_cursor_execute", before)
    yield ended
    event.remove(db.engine, "before_cursor_execute", before)
    killer.dispose()


def test_a_backend_ended_mid_action_writes_nothing_and_the_retry_works(
    db: Database, admin: Actor, terminate_at_audit: list[int]
) -> None:
    clients = ClientService(db, admin)
    audited = audit_rows(db)
    with pytest.raises(ServerUnreachable) as raised:
        clients.create(ClientInput(name="陈桂兰", phone="13800000001"))
    assert terminate_at_audit, "the backend was not ended"
    assert raised.value.message.startswith("无法连接到县级服务器")
    assert names(db) == []  # the client row went with the transaction
    assert audit_rows(db) == audited
    saved = clients.create(ClientInput(name="陈桂兰", phone="13800000001"))  # 重试
    assert names(db) == ["陈桂兰"]
    assert audit_rows(db) == audited + 1
    assert clients.get(saved.id).name == "陈桂兰"


def test_a_lost_connection_reads_as_the_server_unreachable() -> None:
    lost = OperationalError(
        "INSERT", {}, psycopg.OperationalError("consuming input failed: EOF"),
        connection_invalidated=True,
    )  # fmt: skip
    with pytest.raises(ServerUnreachable) as raised, storage_errors():
        raise lost
    assert "无法连接到县级服务器" in raised.value.message
    assert raised.value.detail == "consuming input failed: EOF"


@pytest.fixture
def own_server() -> Iterator[postgres.Cluster]:
    try:
        with postgres.own_cluster() as server:
            yield server
    except postgres.Unavailable as why:
        if postgres.required() and "已设置" not in str(why):
            pytest.fail(str(why))
        pytest.skip(str(why))


def test_a_server_stopped_and_started_again(own_server: postgres.Cluster) -> None:
    db = Database.open(own_server.url)
    try:
        SetupService(db).prepare()
        actor = initialise_station(db)
        clients = ClientService(db, actor)
        clients.create(ClientInput(name="甲"))
        own_server.stop()
        with pytest.raises(ServerUnreachable):
            clients.create(ClientInput(name="乙"))
        own_server.start()
        clients.create(ClientInput(name="乙"))  # 重试, once the server is back
        # Restarted while the window sat idle: the pooled connection is dead, and the
        # next action does not notice (pool_pre_ping reconnects).
        own_server.stop()
        own_server.start()
        clients.create(ClientInput(name="丙"))
        assert names(db) == ["甲", "乙", "丙"]
    finally:
        db.dispose()
