"""What the backup service hands out: a backup's metadata, retention, the start-up report."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.store.file_guard import OpenCheck
from app.store.sqlite_files import Cancelled

SIDECAR_SUFFIX = ".json"
_READ = 4 << 20
SIDECAR_FORMAT = 1

# Settings (whole database) that tune the backups; each has a default below.
KEEP_DAILY_KEY = "backup.keep_daily"
KEEP_WEEKLY_KEY = "backup.keep_weekly"
KEEP_MONTHLY_KEY = "backup.keep_monthly"
LAST_FULL_CHECK_KEY = "backup.last_full_check"

# The tables whose row counts a backup's listing shows; every table is counted.
SHOWN_TABLES = ("clients", "cases", "service_records")


class BackupReason(enum.StrEnum):
    DAILY = "daily"
    EXIT = "exit"
    MANUAL = "manual"

    @property
    def label(self) -> str:
        return _REASON_LABELS[self]

    @property
    def automatic(self) -> bool:
        return self is not BackupReason.MANUAL


_REASON_LABELS = {
    BackupReason.DAILY: "每日自动",
    BackupReason.EXIT: "退出时自动",
    BackupReason.MANUAL: "手动（保留至手动删除）",
}


@dataclass(frozen=True)
class Retention:
    """How many generations survive pruning: the newest of each day, week and month."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup file and what its JSON sidecar says about it."""

    path: Path
    created_at: dt.datetime
    reason: BackupReason
    app_version: str
    revision: str | None
    counts: dict[str, int]
    sha256: str
    size: int
    encrypted: bool

    @property
    def sidecar(self) -> Path:
        return sidecar_of(self.path)

    def count(self, table: str) -> int:
        return self.counts.get(table, 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SIDECAR_FORMAT,
            "file": self.path.name,
            "created_at": self.created_at.astimezone(dt.UTC).isoformat(),
            "reason": self.reason.value,
            "app_version": self.app_version,
            "revision": self.revision,
            "counts": self.counts,
            "sha256": self.sha256,
            "size": self.size,
            "encrypted": self.encrypted,
            "verified": "integrity_check ok, foreign_key_check empty",
        }

    @classmethod
    def from_json(cls, path: Path, data: dict[str, Any]) -> BackupInfo:
        return cls(
            path=path,
            created_at=dt.datetime.fromisoformat(data["created_at"]),
            reason=BackupReason(data["reason"]),
            app_version=str(data["app_version"]),
            revision=data.get("revision"),
            counts={str(k): int(v) for k, v in data["counts"].items()},
            sha256=str(data["sha256"]),
            size=int(data["size"]),
            encrypted=bool(data["encrypted"]),
        )


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def write_sidecar(info: BackupInfo) -> None:
    """Write the sidecar through a temporary file, so a torn write never looks verified."""
    partial = info.sidecar.with_name(info.sidecar.name + ".partial")
    with open(partial, "w", encoding="utf-8") as fh:
        json.dump(info.to_json(), fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, info.sidecar)


def read_sidecar(path: Path) -> BackupInfo | None:
    """The metadata of the backup at `path`, or None when its sidecar is missing or unreadable."""
    try:
        data = json.loads(sidecar_of(path).read_text(encoding="utf-8"))
        return BackupInfo.from_json(path, data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did; the app must sign in again, as the users may differ."""

    restored_from: Path
    set_aside: Path | None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StartReport:
    """The start-up checks of the database file and, if it was damaged, the backup to offer."""

    check: OpenCheck
    offer: BackupInfo | None

    @property
    def damaged(self) -> bool:
        return self.check.damaged

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.check.warnings

    def message(self) -> str:
        """The explanation for the user when the file was damaged (empty otherwise)."""
        if not self.check.damaged:
            return ""
        text = (
            f"数据库文件已损坏，无法安全使用：{self.check.path}\n"
            f"原文件没有删除，已改名保存为：{self.check.moved_to}\n"
        )
        if self.offer is None:
            return text + "没有找到可用的备份。可以新建数据库，或请技术支持协助修复原文件。"
        when = self.offer.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return text + (
            f"最近一次经过校验的备份是 {when} 的备份"
            f"（服务对象 {self.offer.count('clients')} 名，个案 {self.offer.count('cases')} 个）。"
            "建议从这个备份恢复；此后录入的内容需要重新补录。"
        )


def sha256_of(
    path: Path, *, from_disk: bool = False, is_cancelled: Callable[[], bool] | None = None
) -> str:
    """The file's sha256; `from_disk` asks the OS to drop its cache so the device is re-read.

    Raises `sqlite_files.Cancelled` when `is_cancelled()` turns true (looked at per block).
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        if from_disk and hasattr(os, "posix_fadvise"):
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while block := fh.read(_READ):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            digest.update(block)
    return digest.hexdigest()
