"""The health check of a database file: does it open, is it intact, is its schema current.

It only reads. A SQLite file is opened read-only (`mode=ro`), without the app's
connection set-up, which would switch the file to WAL; an unreadable file or one that
needs an upgrade is reported, never touched. It also recomputes the audit log's hash
chain, which shows a row edited or deleted after it was written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.services.access.audit_trail import check_chain
from app.store import file_guard, migrate, sqlite_files
from app.store.engine import database_url, sqlite_path
from app.store.models import Client, Station, User

SQLITE_HEADER = b"SQLite format 3\x00"
MAX_LISTED = 10


@dataclass(frozen=True)
class HealthReport:
    """What the check found; healthy when `problems` is empty."""

    location: str
    problems: tuple[str, ...]
    revision: str | None = None
    head: str | None = None
    stations: int | None = None
    users: int | None = None
    clients: int | None = None
    audit_rows: int | None = None
    audit_last_hash: str = ""
    """The newest audit row's hash: noted down, it shows later that no row was cut off."""

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(
    location: str | Path, *, full_check: sqlite_files.FullCheck | None = None
) -> HealthReport:
    """What is wrong with the database at `location`, if anything.

    `full_check` is SQLite's integrity and foreign key check of a file
    (`sqlite_files.full_check`); `stationdesk check` passes one it started early.
    """
    url = database_url(location)
    path = sqlite_path(url)
    shown = str(path) if path is not None else _without_password(url)
    if path is not None:
        problems = _file_problems(path, full_check or sqlite_files.full_check)
        if problems:
            return HealthReport(shown, tuple(problems))
        engine = sqlite_files.read_only_engine(path)
    else:
        engine = create_engine(url, poolclass=NullPool)
    try:
        return _schema_report(engine, shown)
    except SQLAlchemyError as exc:
        return HealthReport(shown, (f"无法读取数据库：{getattr(exc, 'orig', None) or exc}",))
    finally:
        engine.dispose()


def _without_password(url: str) -> str:
    return create_engine(url, poolclass=NullPool).url.render_as_string(hide_password=True)


def _file_problems(path: Path, full_check: sqlite_files.FullCheck) -> list[str]:
    if not path.exists():
        return [f"数据库文件不存在：{path}"]
    if not path.is_file():
        return [f"该路径不是文件：{path}"]
    if file_guard.placement(path).network:
        return [file_guard.NETWORK_MESSAGE.format(path=path)]
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        return [f"无法读取数据库文件（{exc.strerror}）：{path}"]
    if not header:
        return ["数据库文件是空的（0 字节），里面没有任何数据。"]
    if header != SQLITE_HEADER and file_guard.has_zeroed_header(path):
        return [
            "数据库文件开头被清零（断电或磁盘故障），文件已损坏。请不要继续使用它，并从备份恢复。"
        ]
    if header != SQLITE_HEADER:
        return [
            "这不是工作台的数据库文件（文件头不是 SQLite 格式），可能选错了文件，或文件已损坏。"
        ]
    return _integrity_problems(path, full_check)


def _integrity_problems(path: Path, full_check: sqlite_files.FullCheck) -> list[str]:
    """SQLite's full `integrity_check` and `foreign_key_check`, in words a user can pass on."""
    try:
        rows, broken = full_check(path)
    except sqlite_files.Unreadable as exc:
        return [f"数据库文件已损坏，无法读取（{exc}）。请从备份恢复。"]
    problems = []
    if rows != ["ok"]:
        problems.append(
            "完整性检查未通过，数据库文件已损坏。请不要继续使用它，并从备份恢复。"
            f"SQLite 报告：{'；'.join(rows[:MAX_LISTED])}"
        )
    if broken:
        tables = sorted({f"{table}→{parent}" for table, parent in broken})
        problems.append(
            f"外键检查发现 {len(broken)} 条记录引用了不存在的记录（{'、'.join(tables)}）。"
        )
    return problems


def _schema_report(engine: Engine, shown: str) -> HealthReport:
    problems: list[str] = []
    head = migrate.head_revision(engine)
    current = migrate.current_revision(engine)
    if current is None:
        empty = not inspect(engine).get_table_names()
        problems.append(
            "数据库是空的，还没有建立表结构；首次启动工作台或运行 stationdesk init 时会建立。"
            if empty
            else "数据库里没有版本记录，看起来不是工作台的数据库。"
        )
        return HealthReport(shown, tuple(problems), None, head)
    if current != head:
        if current in migrate.known_revisions():
            problems.append(
                f"数据库的表结构版本较旧（{current}，最新为 {head}），需要升级；"
                "启动工作台时会先备份再自动升级。"
            )
        else:
            problems.append(
                f"数据库由更新版本的工作台创建（版本 {current}），请先升级本程序再打开它。"
            )
        return HealthReport(shown, tuple(problems), current, head)
    with engine.connect() as conn:
        stations, users, clients = (
            conn.scalar(select(func.count()).select_from(model)) or 0
            for model in (Station, User, Client)
        )
        chain = check_chain(conn)
    if not users:
        problems.append(
            "数据库还没有初始化（没有站点和用户）；请运行 stationdesk init 或启动工作台。"
        )
    problems.extend(b.message for b in chain.breaks[:MAX_LISTED])
    if len(chain.breaks) > MAX_LISTED:
        problems.append(f"审计日志共有 {len(chain.breaks)} 处不符，以上只列出前 {MAX_LISTED} 处。")
    return HealthReport(
        shown, tuple(problems), current, head, stations, users, clients,
        audit_rows=chain.rows, audit_last_hash=chain.last_hash,
    )  # fmt: skip
