"""How the county demo goes in fast with a bounded write-ahead log.

The county (30 stations, ~1M service records, ~1.3M work-log lines) is written in two
transactions a station (clients and cases, then the daily records), each with a page cache
large enough to hold what it changes; after each, a checkpoint copies the WAL into the
database file and truncates it, so the file never holds the whole county twice. The
secondary indexes of the two biggest tables are dropped while they fill and built once at
the end (one sorted pass each, instead of a B-tree insert per row and index); their
per-station indexes stay, since the builder reads a station's rows back. ANALYZE ends
the load. Foreign keys are not checked row by row during the load (about a fifth of a
work-log line's insert) but once, by `foreign_key_check`, when it is done: a dangling
reference still fails the build.

`PRAGMA threads` (sorter helper threads) does not shorten the index builds: on the county
they took 5.3 s with none and 5.2–5.3 s with two, reading the table rather than sorting.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, cast

from sqlalchemy import Index, Table, event
from sqlalchemy.orm import Session

from app.store.engine import Database
from app.store.models import ServiceRecord, WorkLogEntry

DEFERRED_TABLES = (ServiceRecord, WorkLogEntry)
BULK_CACHE_KB = 256 * 1024


def deferred_indexes() -> list[Index]:
    """The non-unique indexes built after the load (not the station ones the builder uses)."""
    found = []
    for model in DEFERRED_TABLES:
        table = cast(Table, model.__table__)
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if not index.unique and [c.name for c in index.columns] != ["station_id"]:
                found.append(index)
    return found


@contextmanager
def bulk_load(
    db: Database, rebuilding: AbstractContextManager[object] | None = None
) -> Iterator[None]:
    """Indexes dropped for the block and built again after it (inside `rebuilding`, e.g. a
    timer), even when it fails; on SQLite, commits not waiting for the disk meanwhile
    (see `_unsynced`)."""
    indexes = deferred_indexes()
    with db.engine.begin() as conn:
        for index in indexes:
            index.drop(conn, checkfirst=True)
    if db.is_sqlite:
        event.listen(db.engine, "checkout", _unsynced)
    try:
        yield
        if db.is_sqlite:
            _check_references(db)
    finally:
        # One index per transaction, each checkpointed: together they would pass through
        # the WAL at once (a few hundred MB on the county).
        with rebuilding or nullcontext():
            for index in indexes:
                with db.engine.begin() as conn:
                    index.create(conn, checkfirst=True)
                checkpoint(db)
        if db.is_sqlite:
            event.remove(db.engine, "checkout", _unsynced)
            db.engine.dispose()  # the pool's connections wait for the disk again when reopened


def _unsynced(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
    """No fsync at each commit and checkpoint of the load. The county demo goes into a new
    file, and an application crash still loses nothing committed (WAL); only a power cut
    mid-build could leave a file to build again. The fsyncs of 70 commits of ~50 MB each
    kept the build waiting on the disk.

    Nor a foreign-key lookup per inserted row: `_check_references` checks them all at the
    end, at a quarter of the cost (the load deletes nothing, so no cascade is missed).
    The connections are disposed of after the load and come back with them on."""
    dbapi_conn.execute("PRAGMA synchronous=OFF")
    dbapi_conn.execute("PRAGMA foreign_keys=OFF")


def _check_references(db: Database) -> None:
    """Every reference the load wrote points at a row, or the load fails."""
    with db.engine.connect() as conn:
        found = conn.exec_driver_sql("PRAGMA foreign_key_check")
        dangling = found.fetchmany(3)
        found.close()  # an unfinished statement would keep the next commit from running
    if dangling:
        rows = "; ".join(
            f"{table} 第 {rowid} 行 → {parent}" for table, rowid, parent, _ in dangling
        )
        raise RuntimeError(f"示范数据有指向不存在记录的外键：{rows}")


def checkpoint(db: Database) -> None:
    """Copy the WAL into the database file and empty it (SQLite; nothing elsewhere)."""
    if not db.is_sqlite:
        return
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    """A large page cache for a station's transaction (SQLite): a station's records touch
    pages all over the big tables' per-station and per-date indexes, and with the default
    2 MB each insert reads a page back and spills another to the WAL."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before or -2000)}")
