"""Engine and session set-up.

SQLite gets the pragmas of docs/architecture.md on every connection, and SQLAlchemy's
pysqlite recipe so that transactions begin when SQLAlchemy says so (Python's sqlite3
legacy handling would otherwise break SAVEPOINTs and transactional DDL). Writes start
with BEGIN IMMEDIATE so that two writers queue on the busy timeout instead of failing
on a lock upgrade; reads use a plain BEGIN and never block each other under WAL, and a
read of one statement (`Database.read_one`) none at all.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.clock import Clock, SystemClock
from app.domain.errors import ConflictError, ServerUnreachable, StorageError
from app.store import month_lock, tombstones
from app.store.base import CLOCK_OPTION
from app.store.location import file_of

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# libpq's words when it has no password to offer (none in the URL, PGPASSWORD or .pgpass).
NO_PASSWORD = "no password supplied"
# Rows `PRAGMA optimize` samples per index when it finds a table's statistics missing or
# far out of date: milliseconds, where a full ANALYZE of a county file reads all of it.
ANALYSIS_LIMIT = 400


def database_url(location: str | Path) -> str:
    """A plain path becomes a SQLite URL; anything with `://` is taken as a URL.

    A libpq-style `postgresql://` (or `postgres://`) URL gets the psycopg 3 driver, the
    only one installed: SQLAlchemy would otherwise look for psycopg2.
    """
    text = str(location)
    for scheme in ("postgresql://", "postgres://"):
        if text.startswith(scheme):
            return "postgresql+psycopg://" + text[len(scheme) :]
    path = file_of(text)
    return text if path is None else f"sqlite:///{path}"


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

UNREACHABLE = (
    "无法连接到县级服务器：请检查网络、服务器地址和端口，或请县里管理员确认服务器已开启。"
    "刚才的操作没有保存，可以稍后重试。"
)

# PostgreSQL's (libpq's) wording. The originals stay in the error's detail for the log;
# none of them holds the password.
_SERVER_MESSAGES = (
    (
        "password authentication failed",
        "数据库密码不对：请检查 PGPASSWORD 或密码文件（~/.pgpass，Windows 为 "
        "%APPDATA%\\postgresql\\pgpass.conf）里这个数据库账号的密码。",
    ),
    (
        NO_PASSWORD,
        "没有数据库密码：请把县里给的密码文件放到 ~/.pgpass（Windows 为 "
        "%APPDATA%\\postgresql\\pgpass.conf），或设置 PGPASSWORD。",
    ),
    (
        "no pg_hba.conf entry",
        "数据库服务器不允许从这台电脑连接：请县里管理员在 pg_hba.conf 里放行。",
    ),
    ('fatal:  database "', "数据库服务器上没有这个数据库：请检查连接地址里的库名。"),
    ('fatal:  role "', "数据库服务器上没有这个账号：请检查连接地址里的数据库账号。"),
    (
        "ssl was required",
        "数据库服务器不支持加密连接（SSL），而 sslmode 要求加密：请检查服务器设置。",
    ),
    ("certificate", "数据库服务器的证书没有通过检查：请检查 sslmode 和证书设置。"),
    (
        "row-level security",
        "数据库服务器拒绝了这次写入：这条记录不属于本站。刚才的操作没有保存。",
    ),
    (
        "permission denied",
        "数据库服务器拒绝了这个操作：本站的数据库账号无权这样做。刚才的操作没有保存。",
    ),
    ("could not translate host name", "找不到数据库服务器：请检查连接地址里的服务器名。"),
    ("timeout expired", "连接县级服务器超时：请检查网络，稍后再试。刚才的操作没有保存。"),
    ("connection", UNREACHABLE),  # refused, closed, no route to host, terminated
)
# What may simply be tried again once the network or the server is back.
_RETRYABLE = ("timeout expired", "connection")


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLite's failures of the file itself, and a server's refusals, into errors the
    user can act on."""
    try:
        yield
    except sa_exc.DatabaseError as exc:
        # Not only OperationalError: a damaged file or one that is no database at all
        # comes as sqlite3.DatabaseError itself.
        text = str(exc.orig).lower()
        postgres = exc.orig.__class__.__module__.startswith("psycopg")
        if postgres and getattr(exc, "connection_invalidated", False):
            # SQLAlchemy saw the connection die under a statement (server restarted, backend
            # terminated, network gone); the pool drops it, and the transaction never ran.
            raise ServerUnreachable(UNREACHABLE, detail=str(exc.orig)) from exc
        for needle, message in _SERVER_MESSAGES if postgres else _STORAGE_MESSAGES:
            if needle in text:
                kind = ServerUnreachable if postgres and needle in _RETRYABLE else StorageError
                raise kind(message, detail=str(exc.orig)) from exc
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


def _on_close(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # What SQLite asks of a connection before it closes: refresh the statistics of the
    # tables its queries leaned on, if they went stale (usually nothing, at most a
    # sampled ANALYZE of a table or two).
    try:
        dbapi_conn.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        dbapi_conn.execute("PRAGMA optimize")
    except sqlite3.Error as exc:  # read-only media, a locked or damaged file: stats can wait
        log.debug("PRAGMA optimize skipped: %s", exc)


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "")
    if mode is None:
        return  # Database.read_one: one statement in SQLite's autocommit mode
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(location: str | Path, **kwargs: Any) -> Engine:
    url = database_url(location)
    if make_url(url).get_backend_name() == "postgresql":
        # A pooled connection may have died while the window sat idle (the server was
        # restarted, the network dropped): test it on checkout and reconnect, rather than
        # fail the user's next action.
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        event.listen(engine, "close", _on_close)
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
        # No BEGIN (read_one): SQLAlchemy's transaction then has nothing to roll back.
        self._single = reader.execution_options(sqlite_begin=None) if self.is_sqlite else reader
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
    def read_one(self) -> Iterator[Connection]:
        """A connection for a read of one statement, for the queries asked on every keystroke.

        On SQLite the statement runs outside a transaction: one SELECT in autocommit mode
        is atomic and reads one snapshot, so a BEGIN and a ROLLBACK around it buy nothing
        (with the ORM session they were over half of a client search's fixed cost). Each
        further statement would see the file as it is then: a read that needs two
        statements to agree uses `read`. Elsewhere it is a transaction, as `read`'s.
        """
        with storage_errors(), self._single.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction: committed at the end, rolled back on error."""
        with storage_errors(), self._writer() as session, session.begin():
            yield session

    def checkpoint(self) -> None:
        """Fold the WAL back into the file as far as no reader needs it, waiting for no one.

        A PASSIVE checkpoint never blocks the window's readers or writers; after a backup
        it keeps the WAL from growing while the backup held its snapshot.
        """
        if not self.is_sqlite:
            return
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[union-attr]
        finally:
            raw.close()

    def analyze(self, *tables: str) -> None:
        """Fresh planner statistics for `tables` (all when none), after a bulk load.

        A full pass, not a sample: a sampled ANALYZE sees the first few hundred rows of
        each index, all of one station, and takes a station for a few hundred records.
        """
        with storage_errors(), self.engine.connect() as conn:
            for table in tables or ("",):
                conn.exec_driver_sql(f"ANALYZE {table}".strip())
            conn.commit()

    def dispose(self) -> None:
        self.engine.dispose()
