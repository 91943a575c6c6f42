"""Backups of the SQLite file: automatic generations, copies to a USB stick, restoring.

Every backup is made with SQLite's online backup API, in large steps from one read
snapshot, into a temporary file (never a copy of the live file), checked with
`quick_check` (its checksum taken meanwhile on a second thread), and only then renamed
into place with a JSON sidecar (time, app version, schema revision, record counts,
sha256). A backup without a sidecar is not listed: it never finished its checks.

The full `integrity_check` and `foreign_key_check` are the weekly check's (about ten
times a backup's time on a county database). The app makes its daily backup in the
background while it is open, never on exit; closing the app stops a backup under way
between two steps (`is_cancelled`) and removes its partial file.

Restoring (see `backup_restore`) needs the app's connections closed: the GUI runs
`restore` through its task runner, whose single worker thread means no other service
call holds a session; the service then disposes the engine's pool and checks it is the
file's only user before moving the current file aside.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import logging
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

import app
from app.domain.clock import Clock, SystemClock
from app.domain.errors import InvalidInput, NotFound, PermissionDenied, StorageError
from app.domain.roles import Permission
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.backup import restore as backup_restore
from app.services.backup.crypto import encrypt_file
from app.services.backup.types import (
    KEEP_DAILY_KEY,
    KEEP_MONTHLY_KEY,
    KEEP_WEEKLY_KEY,
    LAST_FULL_CHECK_KEY,
    BackupInfo,
    BackupReason,
    RestoreResult,
    Retention,
    StartReport,
    read_sidecar,
    sha256_of,
    sidecar_of,
    write_sidecar,
)
from app.services.context import Actor
from app.services.settings.stations import SettingsService
from app.store import file_guard, sqlite_files
from app.store.engine import Database, sqlite_path
from app.store.location import data_dir, default_database
from app.store.models import Setting

log = logging.getLogger(__name__)
IsCancelled = Callable[[], bool]

PLAIN_SUFFIX = ".sqlite3"
ENCRYPTED_SUFFIX = ".sdenc"
DAY = dt.timedelta(days=1)
MIN_PASSWORD = 8
_READ = 1 << 20


def backup_folder(database: Path) -> Path:
    """`<data dir>/backups` for the default database; a subfolder for any other file."""
    root = data_dir() / "backups"
    resolved = Path(database).resolve()
    if resolved == Path(default_database()).resolve():
        return root
    tag = hashlib.sha1(str(resolved).encode(), usedforsecurity=False).hexdigest()[:8]
    return root / f"{resolved.stem}-{tag}"


def list_in(folder: Path) -> list[BackupInfo]:
    """The backups in `folder` that finished their checks, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.suffix in (PLAIN_SUFFIX, ENCRYPTED_SUFFIX) and not path.name.startswith("."):
            info = read_sidecar(path)
            if info is not None:
                found.append(info)
    return sorted(found, key=lambda b: b.created_at, reverse=True)


def newest_verified(folder: Path) -> BackupInfo | None:
    """The newest backup whose bytes still match the checksum taken when it was verified."""
    for info in list_in(folder):
        try:
            if sha256_of(info.path) == info.sha256:
                return info
        except OSError:
            continue
        log.warning("backup %s no longer matches its checksum", info.path)
    return None


def generations_to_keep(backups: Iterable[BackupInfo], retention: Retention) -> set[Path]:
    """The newest backup of each of the last N days, ISO weeks and months (and the newest)."""
    ordered = sorted(backups, key=lambda b: b.created_at, reverse=True)
    keep = {ordered[0].path} if ordered else set()
    buckets: tuple[tuple[int, Callable[[dt.datetime], object]], ...] = (
        (retention.daily, lambda t: t.date()),
        (retention.weekly, lambda t: t.isocalendar()[:2]),
        (retention.monthly, lambda t: (t.year, t.month)),
    )
    for count, bucket in buckets:
        seen: set[object] = set()
        for info in ordered:
            key = bucket(info.created_at.astimezone())
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(info.path)
    return keep


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable; Windows has no directory handles and needs none."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@logs_refusals("backup")
class BackupService:
    """Backups of one SQLite database file, kept in `backup_folder(file)`."""

    def __init__(
        self,
        db: Database,
        actor: Actor | None = None,
        *,
        folder: Path | None = None,
        clock: Clock | None = None,
    ) -> None:
        path = sqlite_path(db.engine.url.render_as_string(hide_password=False))
        if path is None:
            raise InvalidInput("备份只适用于本机数据库文件；服务器上的数据库由服务器管理员备份。")
        self._db = db
        self._actor = actor
        self._path = path
        self.folder = folder or backup_folder(path)
        self._clock = clock or db.clock

    @property
    def database(self) -> Path:
        return self._path

    @property
    def may_restore(self) -> bool:
        """Whether the user may restore (the UI hides the button otherwise)."""
        return self._actor is not None and self._actor.can(Permission.RESTORE)

    # ---- making backups ---------------------------------------------------------------

    def due(self) -> bool:
        """True when no backup is younger than a day (the app backs up daily while running)."""
        newest = next(iter(list_in(self.folder)), None)
        return newest is None or self._clock.local_now() - newest.created_at >= DAY

    def backup_if_due(self, *, is_cancelled: IsCancelled | None = None) -> BackupInfo | None:
        """The day's backup if none is younger than a day; Cancelled if stopped meanwhile."""
        if not self.due():
            return None
        return self.backup_now(reason=BackupReason.DAILY, is_cancelled=is_cancelled)

    def backup_now(
        self,
        *,
        reason: BackupReason = BackupReason.MANUAL,
        password: str | None = None,
        is_cancelled: IsCancelled | None = None,
    ) -> BackupInfo:
        """A verified backup in the local folder, then older generations are pruned.

        Automatic backups need no permission: they are the app's own safety copies and
        stay in the data folder. A manual one needs Permission.BACKUP and is audited.
        Raises `sqlite_files.Cancelled` (nothing left behind) when `is_cancelled()` turns true.
        """
        if not reason.automatic:
            self._require(Permission.BACKUP)
        info = self._make(reason, password, is_cancelled)
        if not reason.automatic:
            self._audit("backup", file=info.path.name, encrypted=info.encrypted)
        self.prune()
        self._db.checkpoint()
        return info

    def backup_to(self, *, folder: Path, password: str | None = None) -> BackupInfo:
        """Back up locally, then copy to `folder` (a USB stick), fsync, re-read and compare."""
        self._require(Permission.BACKUP)
        if not folder.is_dir():
            raise InvalidInput(f"找不到文件夹：{folder}。请检查U盘是否已插好。", field="folder")
        local = self._make(BackupReason.MANUAL, password)
        self.prune()
        copy = _copy_verified(local, folder)
        self._audit("backup_export", folder=str(folder), file=copy.path.name,
                    encrypted=copy.encrypted)  # fmt: skip
        return copy

    def list_backups(self) -> list[BackupInfo]:
        """The local backups, newest first, with their dates and record counts."""
        self._require(Permission.BACKUP)
        return list_in(self.folder)

    def prune(self) -> list[Path]:
        """Delete the automatic generations the settings no longer keep; the removed paths.

        A backup made by hand (before a risky change, say) is never pruned: it stays until
        a person deletes it.
        """
        automatic = [b for b in list_in(self.folder) if b.reason.automatic]
        keep = generations_to_keep(automatic, self.retention())
        removed = []
        for info in automatic:
            if info.path not in keep:
                info.path.unlink(missing_ok=True)
                info.sidecar.unlink(missing_ok=True)
                removed.append(info.path)
        if removed:
            log.info("pruned %d old backups from %s", len(removed), self.folder)
        return removed

    def delete(self, path: Path) -> None:
        """Delete one backup of the local folder by hand (the automatic ones prune themselves)."""
        self._require(Permission.BACKUP)
        found = next((b for b in list_in(self.folder) if b.path == Path(path)), None)
        if found is None:
            raise NotFound(f"备份文件已不存在：{path}")
        found.path.unlink(missing_ok=True)
        found.sidecar.unlink(missing_ok=True)
        self._audit("backup_delete", file=found.path.name, encrypted=found.encrypted)

    def retention(self) -> Retention:
        settings = SettingsService(self._db)
        default = Retention()
        return Retention(
            daily=int(settings.get(KEEP_DAILY_KEY, default.daily)),
            weekly=int(settings.get(KEEP_WEEKLY_KEY, default.weekly)),
            monthly=int(settings.get(KEEP_MONTHLY_KEY, default.monthly)),
        )

    # ---- checks and restoring ----------------------------------------------------------

    def weekly_check(self, *, is_cancelled: IsCancelled | None = None) -> bool:
        """The full integrity and foreign key check, when a week has passed; True if it ran.

        Raises StorageError, explaining what to do, when the check fails, and
        `sqlite_files.Cancelled` when `is_cancelled()` turns true while it runs.
        """
        today = self._clock.local_now().date()
        last = SettingsService(self._db).get(LAST_FULL_CHECK_KEY)
        if not file_guard.full_check_due(dt.date.fromisoformat(last) if last else None, today):
            return False
        try:
            problems = sqlite_files.integrity_problems(self._path, is_cancelled=is_cancelled)
        except sqlite_files.FileBusy:
            return False  # another program holds the file; the check runs another time
        if problems:
            raise StorageError(
                "每周完整性检查发现数据库有问题。请暂停录入，"
                "由管理员在“备份与恢复”中从最近的备份恢复（当前文件会改名保留）。",
                detail="; ".join(problems[:5]),
            )
        self._remember_full_check(today)
        return True

    def restore(self, *, backup: Path, password: str | None = None) -> RestoreResult:
        """Put a verified backup in place of the database; the current file is kept aside.

        Needs Permission.RESTORE. After it the app must sign in again.
        """
        self._require(Permission.RESTORE)
        assert self._actor is not None
        return backup_restore.restore_database(
            target=self._path, backup=backup, password=password, db=self._db,
            by=self._actor.login, now=self._clock.local_now(),
        )  # fmt: skip

    # ---- helpers -----------------------------------------------------------------------

    def _require(self, permission: Permission) -> None:
        if self._actor is None:
            raise PermissionDenied("请先登录。")
        self._actor.require(permission)

    def _audit(self, action: str, *, file: str, encrypted: bool, folder: str = "") -> None:
        with self._db.write() as session:
            audit.record(session, self._actor, action, entity="backup", file=file,
                         encrypted=encrypted, folder=folder)  # fmt: skip

    def _name(self, now: dt.datetime, reason: BackupReason, encrypted: bool) -> Path:
        suffix = ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX
        stem = f"{self._path.stem}-{now:%Y%m%d-%H%M%S}-{reason.value}"
        target, n = self.folder / f"{stem}{suffix}", 1
        while target.exists() or sidecar_of(target).exists():
            n += 1
            target = self.folder / f"{stem}-{n}{suffix}"
        return target

    def _make(
        self, reason: BackupReason, password: str | None, is_cancelled: IsCancelled | None = None
    ) -> BackupInfo:
        if not self._path.exists():
            raise StorageError(f"数据库文件不存在：{self._path}")
        if password is not None and len(password) < MIN_PASSWORD:
            raise InvalidInput(
                f"备份密码至少 {MIN_PASSWORD} 个字符。请记好它：忘记密码就无法从这个备份恢复。",
                field="password",
            )
        now = self._clock.local_now()
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._name(now, reason, bool(password))
        snapshot = target.with_name(f".{target.name}.snapshot")
        try:
            # A plain copy's checksum is taken while quick_check reads it (the same bytes
            # end up as the backup); an encrypted one's only once it is encrypted.
            digest = _snapshot(self._path, snapshot, is_cancelled, hashed=not password)
            counts, revision = backup_restore.counts_and_revision(snapshot)
            if password:
                partial = target.with_name(target.name + ".partial")
                encrypt_file(snapshot, partial, password)
                os.replace(partial, target)
                digest = sha256_of(target)
            else:
                os.replace(snapshot, target)
        except OSError as exc:
            raise _local_error(exc, self.folder) from exc
        finally:
            snapshot.unlink(missing_ok=True)
        _fsync_dir(self.folder)
        assert digest is not None
        info = BackupInfo(
            path=target, created_at=now, reason=reason, app_version=app.__version__,
            revision=revision, counts=counts, sha256=digest,
            size=target.stat().st_size, encrypted=bool(password),
        )  # fmt: skip
        write_sidecar(info)
        _fsync_dir(self.folder)
        log.info("backup %s made (%s, %d bytes)", target, reason.value, info.size)
        return info

    def _remember_full_check(self, day: dt.date) -> None:
        """Bookkeeping of the app itself, not a user's setting: written without an actor."""
        with self._db.write() as session:
            row = session.scalar(
                select(Setting).where(
                    Setting.key == LAST_FULL_CHECK_KEY, Setting.station_id.is_(None)
                )
            )
            if row is None:
                session.add(Setting(key=LAST_FULL_CHECK_KEY, value=f'"{day.isoformat()}"'))
            else:
                row.value = f'"{day.isoformat()}"'


def _snapshot(
    source: Path, target: Path, is_cancelled: IsCancelled | None, *, hashed: bool
) -> str | None:
    """The online backup, verified, and its sha256 when `hashed`; a failed check means the
    database itself is damaged."""

    def checksum(copy: Path) -> str:
        return sha256_of(copy, is_cancelled=is_cancelled)

    try:
        return sqlite_files.snapshot(
            source, target, is_cancelled=is_cancelled, while_checking=checksum if hashed else None
        )
    except sqlite_files.CopyFailed as exc:
        text = str(exc)
        if "full" in text.lower():
            raise StorageError(
                "磁盘空间已满，备份没有完成。请清理磁盘后再试。", detail=text
            ) from exc
        # The copy is the file page for page: the next start checks the file in full.
        file_guard.recheck_mark(source).write_text(text, encoding="utf-8")
        raise StorageError(
            "备份前的完整性检查没有通过：数据库可能已损坏，这次没有生成备份。"
            "请暂停录入，由管理员在“备份与恢复”中从最近的备份恢复（当前文件会改名保留）。",
            detail=text,
        ) from exc


def _local_error(exc: OSError, folder: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(f"磁盘空间已满，无法在 {folder} 保存备份。请清理磁盘后再试。")
    return StorageError(f"无法在 {folder} 保存备份（{exc.strerror}）。", detail=str(exc))


def _usb_error(exc: OSError, folder: Path, local: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        text = (
            f"U盘（{folder}）空间不足，备份没有复制过去。请换一个U盘或删除上面不需要的文件后再试。"
        )
    else:
        text = (
            f"无法把备份写到 {folder}：U盘可能已被拔出、写保护或已损坏（{exc.strerror}）。"
            "请重新插好U盘后再试。"
        )
    return StorageError(f"{text}\n本机上的备份已经保存好：{local}", detail=str(exc))


def _copy_verified(local: BackupInfo, folder: Path) -> BackupInfo:
    """Copy a local backup and its sidecar to `folder`, then re-read the copy and compare."""
    target = folder / local.path.name
    partial = target.with_name(target.name + ".partial")
    try:
        free = shutil.disk_usage(folder).free
        if free < local.size + 64 * 1024:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        with open(local.path, "rb") as src, open(partial, "wb") as dst:
            shutil.copyfileobj(src, dst, _READ)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(partial, target)
        _fsync_dir(folder)
        copy = replace(local, path=target)
        write_sidecar(copy)
        _fsync_dir(folder)
        same = sha256_of(target, from_disk=True) == local.sha256
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise _usb_error(exc, folder, local.path) from exc
    if not same:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
            copy.sidecar.unlink(missing_ok=True)
        raise StorageError(
            f"复制到 {folder} 的备份校验不一致，U盘可能有问题，已删除这份有问题的副本。"
            f"请换一个U盘再试。本机上的备份已经保存好：{local.path}"
        )
    return copy


def open_checks(database: Path, *, probe: file_guard.Probe = file_guard.placement) -> StartReport:
    """The start-up checks, and the newest verified backup to offer if the file was damaged.

    Raises StorageError for a network share or a second instance. Keep `report.check.lock`
    until the app exits.
    """
    check = file_guard.open_checks(database, probe=probe)
    offer = newest_verified(backup_folder(database)) if check.damaged else None
    return StartReport(check, offer)


def restore_offered(
    *, database: Path, backup: Path, password: str | None = None, clock: Clock | None = None
) -> RestoreResult:
    """Restore the backup offered at start, after the damaged file was moved aside.

    Needs no login: nothing is overwritten (refused if a file is in the way), and the
    restored data asks for its own login afterwards.
    """
    if database.exists():
        raise InvalidInput(f"数据库文件已存在，请在程序中以管理员身份恢复：{database}")
    return backup_restore.restore_database(
        target=database,
        backup=backup,
        password=password,
        db=None,
        by="",
        now=(clock or SystemClock()).local_now(),
    )
