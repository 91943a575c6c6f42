"""Guarding the database file: where it lives, who has it open, and whether it is intact.

Run `open_checks` before the app opens the file. It refuses a file on a network share
(SQLite's locking is unreliable there and WAL does not work), takes the one-instance
lock, and looks at the file's header, size, WAL header and schema: milliseconds, where
`quick_check` takes seconds on a county database. `quick_check` runs in the background
once the window shows its data; if it finds damage it leaves a `.recheck` mark, and the
next start runs it before opening. A damaged file is moved aside with its -wal and -shm,
Firefox's `.corrupt` pattern: it is never deleted or overwritten, so whatever it still
holds can be rescued later.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import IO

from app.domain.errors import StorageError
from app.store import sqlite_files

log = logging.getLogger(__name__)

FULL_CHECK_DAYS = 7
COMPANIONS = ("-wal", "-shm")
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs",
     "ceph", "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "ncpfs"}
)  # fmt: skip
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4

NETWORK_MESSAGE = (
    "数据库文件在网络共享文件夹上：{path}\n"
    "SQLite 数据库放在网络共享上时，文件锁不可靠，多台电脑同时使用可能损坏数据，"
    "因此工作台不能在这里打开它。请把数据库复制到本机硬盘上使用；"
    "如果需要几台电脑共用数据，请使用县级服务器（数据库服务器）方式。"
)
REMOVABLE_WARNING = (
    "数据库文件在U盘或移动硬盘上：{path}\n"
    "使用中拔出或断电可能损坏数据。建议把数据库放在本机硬盘上，U盘只用来存放备份。"
)
SECOND_INSTANCE_MESSAGE = (
    "数据库 {path} 已经在另一个工作台窗口中打开（锁文件：{lock}）。\n"
    "同一个数据库同一时间只能由一个窗口使用，请切换到已打开的窗口，或先关闭它再打开。"
)


@dataclass(frozen=True)
class Placement:
    network: bool
    removable: bool


def _mount_for(path: Path, mounts: Path) -> tuple[str, str] | None:
    """The (mount point, filesystem type) that holds `path`, from a /proc/mounts-like file."""
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[str, str] | None = None
    text = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        # /proc/mounts escapes spaces in mount points as \040.
        point = parts[1].replace("\\040", " ")
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, parts[2])
    return best


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def placement(
    path: Path,
    *,
    platform: str = sys.platform,
    mounts: Path = Path("/proc/mounts"),
    drive_type: Callable[[str], int] | None = None,
) -> Placement:
    """Whether `path` is on a network share or a removable drive, as far as the OS says."""
    if platform == sys.platform:
        path = Path(os.path.abspath(path))
    if platform == "win32":
        text = str(path).replace("/", "\\").upper()
        # \\server\share and \\?\UNC\server\share are shares; \\?\C:\ is a local long path.
        long_local = text.startswith(("\\\\?\\", "\\\\.\\")) and not text.startswith("\\\\?\\UNC\\")
        if text.startswith("\\\\") and not long_local:
            return Placement(network=True, removable=False)
        drive = PureWindowsPath(text.removeprefix("\\\\?\\")).drive
        kind = (drive_type or _windows_drive_type)(drive + "\\" if drive else "\\")
        return Placement(network=kind == DRIVE_REMOTE, removable=kind == DRIVE_REMOVABLE)
    if platform.startswith("linux"):
        found = _mount_for(path, mounts)
        if found is None:
            return Placement(network=False, removable=False)
        point, fstype = found
        removable = point.startswith(("/media/", "/run/media/"))
        return Placement(network=fstype in NETWORK_FILESYSTEMS, removable=removable)
    return Placement(network=False, removable=False)


Probe = Callable[[Path], Placement]


def check_location(path: Path, *, probe: Probe = placement) -> tuple[str, ...]:
    """Refuse a network share (StorageError); return a warning for a removable drive."""
    where = probe(path)
    if where.network:
        raise StorageError(NETWORK_MESSAGE.format(path=path))
    return (REMOVABLE_WARNING.format(path=path),) if where.removable else ()


class InstanceLock:
    """An exclusive lock on `<database>.lock`, held for as long as the process uses the file.

    The OS drops the lock when the process ends, even on a crash or power cut, so a stale
    lock file never keeps anyone out: only a live holder does.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = database.with_name(database.name + ".lock")
        self._fh: IO[bytes] | None = None

    def acquire(self) -> InstanceLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the process's lifetime
        try:
            _lock(fh)
        except OSError:
            fh.close()
            raise StorageError(
                SECOND_INSTANCE_MESSAGE.format(path=self.database, lock=self.path)
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n".encode())
        fh.flush()
        self._fh = fh
        _held.add(self)
        return self

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        if self._fh is not None:
            _unlock(self._fh)
            self._fh.close()
            self._fh = None
            _held.discard(self)


# Held locks stay referenced here: a lock must not end because its owner forgot it.
_held: set[InstanceLock] = set()


if sys.platform == "win32":
    import msvcrt

    def _lock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def move_aside(path: Path, *, label: str = "corrupt", now: dt.datetime | None = None) -> Path:
    """Rename a file (and its -wal/-shm) to `<name>.<label>-<timestamp>`; never delete it."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while any(Path(str(target) + s).exists() for s in ("", *COMPANIONS)):
        n += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    # The companions first: the main file's name is what the next start looks for.
    for suffix in COMPANIONS:
        companion = Path(str(path) + suffix)
        if companion.exists():
            os.rename(companion, str(target) + suffix)
    os.rename(path, target)
    log.warning("moved the database %s aside to %s", path, target)
    return target


SQLITE_HEADER = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def has_zeroed_header(path: Path) -> bool:
    """The first page's header wiped to zeros: a torn write or a failing disk, not a document.

    Such a file is a damaged database (moved aside, a backup offered), where a file with
    some other header is more likely a wrong choice (left alone).
    """
    with open(path, "rb") as fh:
        head = fh.read(100)
    return len(head) == 100 and not any(head) and path.stat().st_size >= 512


def damage(path: Path, *, quick: bool = True) -> list[str]:
    """SQLite's complaints about the file; an empty file counts as damaged (a torn write)."""
    if path.stat().st_size == 0:
        return ["数据库文件是空的（0 字节）"]
    try:
        return sqlite_files.integrity_problems(path, quick=quick)
    except sqlite_files.FileBusy as exc:
        raise _busy(path, exc) from exc


def refuse_foreign_file(path: Path) -> None:
    """A file that is not SQLite at all is more likely a wrong choice than a damaged database.

    It is neither opened nor moved: moving someone's document aside would be a surprise.
    """
    if path.stat().st_size and not is_sqlite_file(path) and not has_zeroed_header(path):
        raise StorageError(
            f"这个文件不是工作台的数据库（或文件开头已损坏），没有打开，也没有改动：{path}\n"
            "请检查所选文件。若确认是本站数据库，请用“stationdesk restore”从备份恢复。"
        )


WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32


def recheck_mark(path: Path) -> Path:
    """Left by a background check that found damage: the next start checks in full."""
    return path.with_name(path.name + ".recheck")


def header_problems(path: Path) -> list[str]:
    """What the file's own header and its WAL's header show, read in a few milliseconds.

    The page size, the page count the header records (the file must hold them all when
    no WAL holds newer pages), the WAL's page size, and whether SQLite reads the schema.
    """
    size = path.stat().st_size
    if size == 0:
        return ["数据库文件是空的（0 字节）"]
    with open(path, "rb") as fh:
        head = fh.read(100)
    if len(head) < 100:
        return [f"数据库文件只有 {size} 字节，文件头不完整"]
    (raw_page,) = struct.unpack(">H", head[16:18])
    page = 65536 if raw_page == 1 else raw_page
    if page < 512 or page & (page - 1) or head[:16] != SQLITE_HEADER:
        return ["数据库文件头已损坏"]
    changes, pages, valid_for = (struct.unpack(">I", head[o : o + 4])[0] for o in (24, 28, 92))
    wal = Path(str(path) + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if wal_size >= WAL_HEADER:
        with open(wal, "rb") as fh:
            magic, _version, wal_page = struct.unpack(">III", fh.read(12))
        if magic in WAL_MAGIC and wal_page != page:
            return [f"WAL 文件的页大小（{wal_page}）与数据库（{page}）不一致"]
    elif changes == valid_for and pages and size < pages * page:
        return [f"数据库文件不完整：应有 {pages * page} 字节，只有 {size} 字节"]
    try:
        return sqlite_files.schema_problems(path)
    except sqlite_files.FileBusy as exc:
        raise _busy(path, exc) from exc


def _busy(path: Path, exc: Exception) -> StorageError:
    return StorageError(
        f"数据库正被其他程序占用，暂时无法打开：{path}\n请关闭其他正在使用它的程序后再试。",
        detail=str(exc),
    )


def full_check_due(last: dt.date | None, today: dt.date) -> bool:
    return last is None or (today - last).days >= FULL_CHECK_DAYS


@dataclass(frozen=True)
class OpenCheck:
    """The result of the start-up checks; `lock` must stay held while the app runs."""

    path: Path
    lock: InstanceLock
    warnings: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    moved_to: Path | None = None

    @property
    def damaged(self) -> bool:
        return self.moved_to is not None


def open_checks(path: Path, *, probe: Probe = placement) -> OpenCheck:
    """Refuse a share, take the lock, check the header, and move a damaged file aside.

    `quick_check` runs here only when a background check marked the file (`recheck_mark`).
    Raises StorageError for a network share or when another instance holds the file.
    """
    warnings = check_location(path, probe=probe)
    lock = InstanceLock(path).acquire()
    if not path.exists():
        return OpenCheck(path, lock, warnings)
    mark = recheck_mark(path)
    try:
        refuse_foreign_file(path)
        problems = header_problems(path)
        if not problems and mark.exists():
            problems = damage(path)
    except BaseException:
        lock.release()
        raise
    if not problems:
        mark.unlink(missing_ok=True)
        return OpenCheck(path, lock, warnings)
    log.error("start-up check of %s failed: %s", path, problems[:3])
    mark.unlink(missing_ok=True)  # the file it was about is moved aside now
    return OpenCheck(path, lock, warnings, tuple(problems), move_aside(path))
