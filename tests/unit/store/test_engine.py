"""Engine set-up: pragmas on every connection, WAL concurrency, storage errors in Chinese."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import Connection, event, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError

from app.domain.clock import FixedClock
from app.domain.errors import ConflictError, StorageError
from app.services.context import Actor
from app.store import engine as engine_module
from app.store.engine import Database, clock_of, database_url, sqlite_path, storage_errors
from app.store.location import shown_location
from app.store.models import Village

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
    "busy_timeout": engine_module.BUSY_TIMEOUT_MS,
    "secure_delete": 1,
}


def pragmas(conn: Connection) -> dict[str, object]:
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMAS}


def test_every_connection_gets_the_safety_pragmas(db: Database) -> None:
    # Several connections at once, so the pool has to open new ones.
    with db.engine.connect() as first, db.engine.connect() as second, db.engine.connect() as third:
        for conn in (first, second, third):
            assert pragmas(conn) == PRAGMAS


def test_read_and_write_sessions_have_the_pragmas_too(db: Database) -> None:
    with db.read() as reader, db.write() as writer:
        assert pragmas(reader.connection()) == PRAGMAS
        assert pragmas(writer.connection()) == PRAGMAS


def test_the_busy_timeout_is_long_enough_to_wait_for_another_writer() -> None:
    assert engine_module.BUSY_TIMEOUT_MS >= 5_000


def test_readers_do_not_block_each_other_while_a_writer_holds_a_transaction(
    db: Database, admin: Actor
) -> None:
    started = time.monotonic()
    with db.write() as writer:
        village = writer.scalar(select(Village).where(Village.name == "梅林村"))
        assert village is not None
        village.name = "梅林新村"
        writer.flush()  # the write lock is held from here until the block ends
        with db.read() as first, db.read() as second:
            assert first.scalar(select(Village.name).where(Village.id == village.id)) == "梅林村"
            assert second.scalar(select(Village.name).where(Village.id == village.id)) == "梅林村"
    assert time.monotonic() - started < 2  # nobody waited on the busy timeout
    with db.read() as reader:
        assert reader.scalar(select(Village.name).where(Village.id == village.id)) == "梅林新村"


def test_a_writer_commits_while_readers_keep_their_snapshot(db: Database, admin: Actor) -> None:
    with db.read() as reader:
        count = len(reader.scalars(select(Village.id)).all())
        with db.write() as writer:
            writer.add(Village(station_id=admin.station_id, name="新村"))
        assert len(reader.scalars(select(Village.id)).all()) == count
    with db.read() as reader:
        assert len(reader.scalars(select(Village.id)).all()) == count + 1


def test_write_sessions_take_the_write_lock_at_begin(db: Database, db_path: Path) -> None:
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.write() as writer:
            writer.execute(text("SELECT 1"))
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


@contextmanager
def sent(db: Database) -> Iterator[list[str]]:
    """The statements SQLAlchemy sends inside the block, BEGIN included."""
    statements: list[str] = []

    def catch(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", catch)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", catch)


def test_a_single_statement_read_sends_no_begin_and_finds_the_same_rows(
    db: Database, admin: Actor
) -> None:
    villages = select(Village.id).where(Village.station_id == admin.station_id).order_by(Village.id)
    with sent(db) as one, db.read_one() as conn:
        found = list(conn.scalars(villages))
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        assert not raw.in_transaction  # nothing left for the pool to roll back
    with sent(db) as session, db.read() as reader:
        expected = list(reader.scalars(villages))
    assert len(found) == 3
    assert found == expected
    assert [s.split()[0] for s in one] == ["SELECT"]
    assert [s.split()[0] for s in session] == ["BEGIN", "SELECT"]
    # The connection it used goes on serving transactions as before.
    with sent(db) as written, db.write() as writer:
        writer.execute(text("SELECT 1"))
    assert written[0] == "BEGIN IMMEDIATE"


def test_each_statement_of_a_single_statement_read_sees_the_latest_commit(
    db: Database, admin: Actor
) -> None:
    # Why a read of two statements that must agree uses `read`: each one here is its
    # own snapshot, and a writer does not wait for the block to end.
    count = select(func.count()).select_from(Village)
    with db.read_one() as conn:
        before = conn.execute(count).scalar_one()
        with db.write() as writer:
            writer.add(Village(station_id=admin.station_id, name="新村"))
        assert conn.execute(count).scalar_one() == before + 1


def test_a_single_statement_read_keeps_its_transaction_on_the_server(pg_db: Database) -> None:
    # Only SQLite's reads leave out the BEGIN: this test's database is the server's.
    tables = text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'villages'")
    with pg_db.read_one() as conn:
        assert conn.execute(tables).scalar_one() == 1
        assert conn.in_transaction()
        raw = conn.connection.driver_connection
        assert raw is not None
        assert raw.info.transaction_status == TransactionStatus.INTRANS


def test_a_stale_save_becomes_a_conflict_in_chinese(db: Database, admin: Actor) -> None:
    with db.read() as reader:
        loaded = reader.scalars(select(Village).order_by(Village.id)).first()
    assert loaded is not None
    with db.write() as writer:
        writer.get_one(Village, loaded.id).name = "东山新村"
    with pytest.raises(ConflictError) as raised, db.write() as writer:
        stale = writer.merge(loaded, load=False)
        stale.name = "梅林新村"
    assert "其他人修改" in raised.value.message
    assert isinstance(raised.value.__cause__, StaleDataError)
    with db.read() as reader:
        assert reader.get_one(Village, loaded.id).name == "东山新村"


def test_a_locked_database_becomes_a_storage_error_in_chinese(
    db_path: Path, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    database = Database.open(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError) as raised, database.write() as writer:
            writer.add(Village(station_id=admin.station_id, name="新村"))
        assert "占用" in raised.value.message
        assert "locked" in raised.value.detail
    finally:
        other.close()
        database.dispose()


@pytest.mark.parametrize(
    ("sqlite_text", "words"),
    [
        ("database or disk is full", "磁盘空间已满"),
        ("attempt to write a readonly database", "只读"),
        ("disk I/O error", "U盘"),
        ("unable to open database file", "无法打开"),
        ("database disk image is malformed", "已损坏"),
    ],
)
def test_failures_of_the_file_become_storage_errors(sqlite_text: str, words: str) -> None:
    failure = OperationalError("INSERT", {}, sqlite3.OperationalError(sqlite_text))
    with pytest.raises(StorageError) as raised, storage_errors():
        raise failure
    assert words in raised.value.message
    assert raised.value.detail == sqlite_text


def test_a_file_that_is_not_a_database_is_refused_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are someone's notes\n" * 200)
    database = Database.open(path)
    try:
        with pytest.raises(StorageError, match="不是工作台的数据库"), database.read() as session:
            session.execute(text("SELECT count(*) FROM sqlite_master"))
    finally:
        database.dispose()


def test_a_damaged_file_is_reported_in_chinese(db_path: Path, admin: Actor) -> None:
    conn = sqlite3.connect(db_path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'code_items'").fetchone()
    size = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(db_path.read_bytes())
    page = (root[0] - 1) * size[0]
    data[page : page + 12] = b"\xff" * 12  # the table's b-tree header
    db_path.write_bytes(bytes(data))
    database = Database.open(db_path)
    try:
        with pytest.raises(StorageError, match="已损坏"), database.read() as session:
            session.execute(text("SELECT label FROM code_items")).all()
    finally:
        database.dispose()


def test_other_sql_errors_are_bugs_and_pass_through() -> None:
    failure = OperationalError("SELEC", {}, sqlite3.OperationalError("near SELEC: syntax error"))
    with pytest.raises(OperationalError), storage_errors():
        raise failure


def test_a_path_becomes_an_absolute_sqlite_url(tmp_path: Path) -> None:
    url = database_url(tmp_path / "a" / ".." / "b.sqlite3")
    assert url == f"sqlite:///{tmp_path / 'b.sqlite3'}"
    assert sqlite_path(url) == tmp_path / "b.sqlite3"


def test_a_url_is_kept_and_has_no_sqlite_path() -> None:
    url = "postgresql+psycopg://u:p@localhost/stationdesk"
    assert database_url(url) == url
    assert sqlite_path(url) is None
    assert sqlite_path("sqlite:///:memory:") is None


def test_column_defaults_follow_the_databases_clock(db: Database, admin: Actor) -> None:
    clock = FixedClock(dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.UTC))
    fixed = db.with_clock(clock)
    with fixed.write() as session:
        assert clock_of(session) is clock
        village = Village(station_id=admin.station_id, name="新村")
        session.add(village)
    clock.advance(hours=1)
    with fixed.write() as session:
        session.get_one(Village, village.id).name = "新村二组"
    with db.read() as session:
        stored = session.get_one(Village, village.id)
        assert (stored.created_at, stored.updated_at) == (
            dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.UTC),
            dt.datetime(2024, 3, 5, 9, 15, tzinfo=dt.UTC),
        )
        assert clock_of(session) is db.clock is not clock


def test_a_server_password_is_never_shown() -> None:
    shown = shown_location("postgresql+psycopg://county:s3cret@10.0.0.5:5432/stationdesk")
    assert shown == "postgresql+psycopg://county:***@10.0.0.5:5432/stationdesk"
    assert shown_location("/home/u/station.sqlite3") == "/home/u/station.sqlite3"
    assert "s3cret" not in shown_location("postgresql://county:s3cret@[bad")
