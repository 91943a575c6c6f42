"""Engine and session set-up.

SQLite gets the pragmas of docs/architecture.md on every connection, and SQLAlchemy's
pysqlite recipe so that transactions begin when SQLAlchemy says so (Python's sqlite3
legacy handling would otherwise break SAVEPOINTs and transactional DDL). Writes start
with BEGIN IMMEDIATE so that two writers queue on the busy timeout instead of failing
on a lock upgrade; reads use a plain BEGIN and never block each other under WAL.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.clock import Clock, SystemClock
from app.domain.errors import ConflictError, StorageError
from app.store import month_lock, tombstones
from app.store.base import CLOCK_OPTION

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def database_url(location: str | Path) -> str:
    """A plain path becomes a SQLite URL; anything with `://` is taken as a URL."""
    text = str(location)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


# SQLite's own wording, and what to tell the user about it.
_STORAGE_MESSAGES = (
    (
        "database is locked",
        "数据库正被其他程序或窗口占用，请稍后再试；如一直出现，请关闭其他工作台窗口。",
    ),
    ("database or disk is full", "磁盘空间已满，刚才的操作没有保存。请清理磁盘后再试。"),
    ("readonly database", "数据库文件是只读的，刚才的操作没有保存。请检查文件权限或U盘写保护。"),
    ("disk i/o error", "读写数据库文件时出错，刚才的操作没有保存。请检查磁盘或U盘是否已拔出。"),
    ("unable to open database", "无法打开数据库文件，请检查路径和权限。"),
    ("malformed", "数据库文件已损坏。请不要继续写入，并从备份恢复。"),
    (
        "file is not a database",
        "这个文件不是工作台的数据库，或者已经损坏。请确认打开的是正确的文件。",
    ),
)


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLite's failures of the file itself into errors the user can act on."""
    try:
        yield
    except sa_exc.DatabaseError as exc:
        # Not only OperationalError: a damaged file or one that is no database at all
        # comes as sqlite3.DatabaseError itself.
        text = str(exc.orig).lower()
        for needle, message in _STORAGE_MESSAGES:
            if needle in text:
                raise StorageError(message, detail=str(exc.orig)) from exc
        raise
    except StaleDataError as exc:
        raise ConflictError(
            "这条记录刚被其他人修改过，您的修改没有保存。请重新载入后再改。"
        ) from exc


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see the "begin" hook below).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    for pragma in (
        f"busy_timeout={BUSY_TIMEOUT_MS}",
        "journal_mode=WAL",
        # WAL with NORMAL may roll back a confirmed commit after a power cut.
        "synchronous=FULL",
        "foreign_keys=ON",
        "secure_delete=ON",
    ):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(location: str | Path, **kwargs: Any) -> Engine:
    url = database_url(location)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
    return engine


def clock_of(session: Session) -> Clock:
    """The clock of the Database that opened `session`, for code handed only a session."""
    clock: Clock = session.info.get(CLOCK_OPTION) or SystemClock()
    return clock


class Database:
    """The engine, the two kinds of session the services use, and the clock they follow.

    The clock rides on the sessions' execution options, so the created/updated/audit
    timestamps that columns fill by default come from it as well as the services' own.
    """

    def __init__(self, engine: Engine, *, clock: Clock | None = None) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._clock = clock or SystemClock()
        reader = engine.execution_options(**{CLOCK_OPTION: self._clock})
        writer = reader.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else reader
        info = {CLOCK_OPTION: self._clock}
        self._reader = sessionmaker(reader, expire_on_commit=False, info=info)
        self._writer = sessionmaker(writer, expire_on_commit=False, info=info)
        # Records dated in a closed month (月结) change only as corrections.
        for factory in (self._reader, self._writer):
            month_lock.install(factory)
            # Deletions are kept by uuid so a data package can carry them.
            tombstones.install(factory)

    @classmethod
    def open(cls, location: str | Path, *, clock: Clock | None = None) -> Database:
        return cls(make_engine(location), clock=clock)

    @property
    def clock(self) -> Clock:
        return self._clock

    def with_clock(self, clock: Clock) -> Database:
        """The same engine (and so the same connections) seen through another clock."""
        return Database(self.engine, clock=clock)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; closing the session ends its transaction.

        Loaded objects stay readable after the block (closing does not expire them).
        """
        with storage_errors(), self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction: committed at the end, rolled back on error."""
        with storage_errors(), self._writer() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
