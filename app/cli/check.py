"""`stationdesk check`: is the database intact, current and consistent, is there a backup.

SQLite's full `integrity_check` is most of the time the check takes (about 13 s on a
county's 1.5 GB file), so it starts first, before the modules that read the schema and the
backups have loaded: this module imports only what that start needs, and the rest
(SQLAlchemy, the models, the backup service) loads on the other core meanwhile.
"""

from __future__ import annotations

import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from app.cli.context import EXIT_UNHEALTHY, Context, database_option
from app.store import file_guard, sqlite_files
from app.store.location import file_of


def add_parser(commands: Any) -> None:
    """Add `check` to the `stationdesk` command line."""
    check = commands.add_parser("check", parents=[database_option()], help="检查数据库完整性和版本")
    check.set_defaults(handler=run_check)


def run_check(ctx: Context) -> int:
    # Three readers at once: SQLite's check, the backups' checksums (each as large as the
    # database) and, on this thread, the schema, counts and audit chain once loaded.
    with ThreadPoolExecutor(max_workers=2) as pool:
        full_check = _started(pool, ctx.location)
        backups = pool.submit(_backup_lines, ctx)
        from app.services.backup.health import check_database

        report = check_database(ctx.location, full_check=full_check)
    if not report.healthy:
        print(f"数据库有问题：{report.location}", file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
        for line in backups.result():
            print(line, file=sys.stderr)
        return EXIT_UNHEALTHY
    print(f"数据库正常：{report.location}")
    print(f"  表结构版本：{report.revision}（最新）")
    print(f"  站点 {report.stations} 个，用户 {report.users} 个，服务对象 {report.clients} 名")
    print(
        f"  审计日志 {report.audit_rows} 条，校验链完整；"
        f"最新一条的校验值：{report.audit_last_hash[:16]}"
    )
    for line in backups.result():
        print(line)
    return 0


def _started(pool: ThreadPoolExecutor, location: str) -> sqlite_files.FullCheck:
    """`sqlite_files.full_check`, already running on `pool` for a local SQLite file.

    A file on a network share is not read (the check refuses it, as the window does);
    anything that is not a SQLite file is left for the check to explain.
    """
    path = file_of(location)
    if path is None or not _local_sqlite_file(path):
        return sqlite_files.full_check
    running: Future[tuple[list[str], list[tuple[str, str]]]] = pool.submit(
        sqlite_files.full_check, path
    )

    def full_check(checked: Path) -> tuple[list[str], list[tuple[str, str]]]:
        return running.result() if checked == path else sqlite_files.full_check(checked)

    return full_check


def _local_sqlite_file(path: Path) -> bool:
    try:
        return file_guard.is_sqlite_file(path) and not file_guard.placement(path).network
    except OSError:  # missing or unreadable: the check says which
        return False


def _backup_lines(ctx: Context) -> list[str]:
    from app.cli.backup import backup_lines

    return backup_lines(ctx.location, clock=ctx.clock)
