"""Restoring a backup: verify it, set the current file aside, put the verified copy in place.

Nothing is overwritten: the backup is first turned into a verified plain copy next to the
database (checksum against its sidecar, decryption, `integrity_check`,
`foreign_key_check`), the current file is renamed `<name>.before-restore-<timestamp>`,
and only then the copy takes the database's name.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from app.domain.errors import InvalidInput, StorageError
from app.domain.roles import Permission
from app.services.access import audit
from app.services.access.auth import AuthService
from app.services.backup.crypto import decrypt_file, is_encrypted
from app.services.backup.types import RestoreResult, read_sidecar, sha256_of
from app.store import file_guard, migrate, sqlite_files
from app.store.base import Base
from app.store.engine import Database

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
IN_USE = (
    "数据库还在被其他窗口或程序使用，无法恢复。"
    "请关闭其他工作台窗口（以及打开这个数据库的其他程序）后再试。"
)


def counts_and_revision(path: Path) -> tuple[dict[str, int], str | None]:
    """Rows per table of the app's schema, and the Alembic revision, of a plain SQLite file."""
    return sqlite_files.counts_and_revision(path, Base.metadata.tables)


def verified_copy(backup: Path, scratch: Path, password: str | None) -> dict[str, int]:
    """Turn `backup` into a plain, checked copy at `scratch`; its record counts.

    A backup with a sidecar must still match the checksum taken when it was verified;
    one without (a file brought on a stick) must pass the checks now.
    """
    if not backup.is_file():
        raise InvalidInput(f"找不到备份文件：{backup}", field="backup")
    info = read_sidecar(backup)
    if info is not None and sha256_of(backup) != info.sha256:
        raise StorageError(f"备份文件与制作时的校验值不一致，已经损坏，不能用来恢复：{backup}")
    plain = scratch.with_name(scratch.name + ".plain")
    try:
        source = backup
        if is_encrypted(backup):
            if not password:
                raise InvalidInput("这个备份已加密，请输入备份密码。", field="password")
            decrypt_file(backup, plain, password)
            source = plain
        with open(source, "rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise InvalidInput(f"这个文件不是工作台的备份：{backup}", field="backup")
        try:
            sqlite_files.online_backup(source, scratch)
        except sqlite_files.CopyFailed as exc:
            raise StorageError(
                f"这个备份没有通过完整性检查，不能用来恢复：{backup}", detail=str(exc)
            ) from exc
    finally:
        plain.unlink(missing_ok=True)
    counts, revision = counts_and_revision(scratch)
    known = migrate.known_revisions()
    problem = ""
    if revision is None or "users" not in counts:
        problem = f"这个文件不是工作台的备份：{backup}"
    elif revision not in known:
        problem = "这个备份由更新版本的工作台制作，请先升级本程序再恢复。"
    if problem:
        scratch.unlink(missing_ok=True)
        raise InvalidInput(problem, field="backup")
    return counts


def scratch_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.restoring")


def set_aside(target: Path, now: dt.datetime) -> Path | None:
    """Rename the current file out of the way, after making sure nobody else has it open.

    Leaving WAL mode needs the file to itself (SQLite refuses while another connection
    is open), and it folds the WAL into the file, so the set-aside copy stands alone.
    """
    if not target.exists():
        return None
    try:
        if sqlite_files.leave_wal(target, timeout=0.5) == "wal":
            raise StorageError(IN_USE)
    except sqlite_files.FileBusy as exc:
        raise StorageError(IN_USE, detail=str(exc)) from exc
    except sqlite_files.Unreadable as exc:
        # A damaged file cannot leave WAL mode; it is moved aside with its companions.
        log.warning("setting aside %s as it is: %s", target, exc)
    return file_guard.move_aside(target, label="before-restore", now=now)


def swap_in(scratch: Path, target: Path, now: dt.datetime) -> Path | None:
    """Set the current file aside and rename the verified copy into its place."""
    try:
        aside = set_aside(target, now)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    if os.name != "nt":
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return aside


def _finish(db: Database, backup: Path, aside: Path | None, by: str) -> None:
    """Bring an older backup to the current schema and log the restore in the restored file."""
    migrate.upgrade(db.engine)
    with db.write() as session:
        audit.record(session, None, "restore", entity="database", login=by,
                     file=backup.name, set_aside=str(aside or ""))  # fmt: skip


def restore_database(
    *,
    target: Path,
    backup: Path,
    password: str | None,
    db: Database | None,
    by: str,
    now: dt.datetime,
) -> RestoreResult:
    """Restore `backup` over `target` (permission already checked by the caller).

    `db`, when given, is the app's open database on `target`: its pool is emptied here,
    so the caller must hold no session (the GUI's single task thread guarantees that).
    """
    scratch = scratch_for(target)
    counts = verified_copy(backup, scratch, password)
    if db is not None:
        db.dispose()
    aside = swap_in(scratch, target, now)
    opened = db or Database.open(target)
    try:
        _finish(opened, backup, aside, by)
    finally:
        if db is None:
            opened.dispose()
    log.warning("restored %s from %s by %s; previous file at %s", target, backup, by, aside)
    return RestoreResult(restored_from=backup, set_aside=aside, counts=counts)


def restore_as_backup_admin(
    *,
    target: Path,
    backup: Path,
    login: str,
    password: str,
    backup_password: str | None,
    now: dt.datetime,
) -> RestoreResult:
    """Restore when the current database cannot be used to log in (damaged or missing).

    The credentials are checked against the backup itself: only an administrator of the
    data being restored may restore it.
    """
    scratch = scratch_for(target)
    counts = verified_copy(backup, scratch, backup_password)
    try:
        copy = Database.open(scratch)
        try:
            actor = AuthService(copy).login(login=login, password=password)
            actor.require(Permission.RESTORE)
        finally:
            copy.dispose()
        _fold_wal(scratch)
    except BaseException:
        scratch.unlink(missing_ok=True)
        for suffix in file_guard.COMPANIONS:
            Path(str(scratch) + suffix).unlink(missing_ok=True)
        raise
    aside = swap_in(scratch, target, now)
    db = Database.open(target)
    try:
        _finish(db, backup, aside, login)
    finally:
        db.dispose()
    return RestoreResult(restored_from=backup, set_aside=aside, counts=counts)


def _fold_wal(path: Path) -> None:
    """Fold the WAL the login wrote into the copy, so it moves as one file."""
    sqlite_files.leave_wal(path)
