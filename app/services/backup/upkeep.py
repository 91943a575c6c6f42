"""The database file's background check, run once the window shows its data.

The start-up check only reads the file's header and schema (milliseconds); this is the
`quick_check` of every page, seconds on a county database. On the day's first start the
backup stands in for it: its copy is the file page for page, and the copy is checked.
What it finds cannot be mended under the open window, so it marks the file: the next
start checks in full, moves a damaged file aside and offers the newest verified backup.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import StorageError
from app.services.backup.service import BackupService
from app.services.backup.types import BackupReason
from app.store import file_guard, sqlite_files

log = logging.getLogger(__name__)

DAMAGED = (
    "后台检查发现数据库文件有损坏。请暂停录入，关闭工作台后重新打开："
    "工作台会先把这个文件改名保存（不会删除），再提供最近一次校验过的备份供恢复。"
)


def quick_check(database: Path, *, is_cancelled: Callable[[], bool] | None = None) -> bool:
    """True when the file passes; a damaged one is marked and StorageError raised.

    A file another program holds locked is left for another time (False). Raises
    `sqlite_files.Cancelled` when `is_cancelled()` turns true while it runs.
    """
    try:
        problems = sqlite_files.integrity_problems(database, quick=True, is_cancelled=is_cancelled)
    except sqlite_files.FileBusy:
        return False
    if not problems:
        return True
    log.error("background quick_check of %s failed: %s", database, problems[:3])
    file_guard.recheck_mark(database).write_text("\n".join(problems[:20]), encoding="utf-8")
    raise StorageError(DAMAGED, detail="; ".join(problems[:5]))


def daily(
    backups: BackupService, *, is_cancelled: Callable[[], bool] | None = None
) -> BackupReason | None:
    """The day's backup if it is due, else the `quick_check` of the file; what was made."""
    if backups.due():
        backups.backup_now(reason=BackupReason.DAILY, is_cancelled=is_cancelled)
        return BackupReason.DAILY
    quick_check(backups.database, is_cancelled=is_cancelled)
    return None
