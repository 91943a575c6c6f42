"""What a station's move to the county checks: its photo files, and the rows that landed.

Every photo the file names must be in the station's photo folder with the sha256 its
record keeps (a file changed or swapped since it was added is refused, not carried).
After the copy the county's files are read back and hashed again, and the station's rows
at the county are counted and summed as (uuid, version) pairs per table; anything that
does not agree stops the move, whose transaction is then rolled back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import AppError
from app.services.packages.refs import chunks
from app.services.packages.tables import Spec, label
from app.store.models import Project, ProjectTarget

_CHUNK = 1024 * 1024
NOTHING = "没有迁移任何内容"


class MoveRefused(AppError):
    """A station's file that cannot be moved (as it is) into the county's database."""


@dataclass(frozen=True)
class PhotoFile:
    name: str
    sha256: str


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _listed(names: list[str]) -> str:
    shown = "、".join(names[:5])
    return shown + (f" 等 {len(names)} 个" if len(names) > 5 else "")


def station_photos(
    rows: Iterable[Mapping[str, Any]], folder: Path, *, what: str = "照片", unit: str = "张"
) -> list[PhotoFile]:
    """The files the station's records name (photos, documents, evidence), each checked
    against its record."""
    missing: list[str] = []
    changed: list[str] = []
    found: list[PhotoFile] = []
    for row in rows:
        name = Path(row["file_name"]).name
        path = folder / name
        if not path.is_file():
            missing.append(name)
            continue
        actual = file_sha256(path)
        # A photo recorded before hashes were kept has none: it is carried as it is.
        if row["sha256"] and actual != row["sha256"]:
            changed.append(name)
            continue
        found.append(PhotoFile(name, actual))
    if missing:
        raise MoveRefused(
            f"站点的{what}文件夹（{folder}）中缺少 {len(missing)} {unit}{what}："
            f"{_listed(missing)}。"
            f"{NOTHING}。请用 --photos 指定站点电脑上的照片文件夹（数据目录下的 photos，"
            "项目文件和整改材料在它旁边的 documents 和 evidence 中）。"
        )
    if changed:
        raise MoveRefused(
            f"{len(changed)} {unit}{what}与记录中的校验值不符（文件被改动、替换或已损坏）："
            f"{_listed(changed)}。{NOTHING}。请从站点的备份中找回原来的{what}后再迁移。"
        )
    return found


def copy_photos(photos: Iterable[PhotoFile], source: Path, target: Path) -> list[Path]:
    """Copy the photos the county does not have yet; returns the files written.

    A file already there is left as it is: the check afterwards says whether it is the
    same photo.
    """
    written: list[Path] = []
    target.mkdir(parents=True, exist_ok=True)
    for photo in photos:
        destination = target / photo.name
        if destination.exists():
            continue
        handle, temp = tempfile.mkstemp(dir=target, prefix=".incoming-", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out, (source / photo.name).open("rb") as src:
                while chunk := src.read(_CHUNK):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, destination)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise MoveRefused(
                f"照片 {photo.name} 没有复制到县里的照片文件夹（{exc.strerror or exc}），"
                f"{NOTHING}。请检查磁盘空间和文件夹权限后重试。"
            ) from exc
        written.append(destination)
    return written


def verify_photos(photos: Iterable[PhotoFile], target: Path) -> None:
    """Read every photo back at the county and compare its sha256 with the station's."""
    wrong = []
    for photo in photos:
        path = target / photo.name
        if not path.is_file() or file_sha256(path) != photo.sha256:
            wrong.append(photo.name)
    if wrong:
        raise MoveRefused(
            f"核对没有通过：县里照片文件夹（{target}）中的 {len(wrong)} 张照片与站点的不同"
            f"或无法读出：{_listed(wrong)}。{NOTHING}（已回滚）。请检查县里的照片文件夹后重试。"
        )


def versions_at(session: Session, spec: Spec, station_id: int, uuids: list[str]) -> dict[str, int]:
    """uuid → version of the station's rows with these uuids."""
    t = spec.table
    found: dict[str, int] = {}
    for part in chunks(uuids):
        stmt = select(t.c.uuid, t.c.version).where(t.c.station_id == station_id, t.c.uuid.in_(part))
        found.update({u: v for u, v in session.execute(stmt)})
    return found


def checksum(pairs: Mapping[str, int]) -> str:
    """sha256 over the sorted (uuid, version) pairs of one table."""
    digest = hashlib.sha256()
    for uuid in sorted(pairs):
        digest.update(f"{uuid}:{pairs[uuid]}\n".encode())
    return digest.hexdigest()


def verify_rows(
    expected: Mapping[str, Mapping[str, int]], actual: Mapping[str, Mapping[str, int]]
) -> None:
    """Per table: as many rows at the county as in the file, and the same checksum."""
    wrong = []
    for name, pairs in expected.items():
        there = actual.get(name, {})
        if len(there) != len(pairs):
            wrong.append(f"{label(name)}（文件 {len(pairs)} 条，县里 {len(there)} 条）")
        elif checksum(there) != checksum(pairs):
            wrong.append(f"{label(name)}（记录版本不符）")
    if wrong:
        raise MoveRefused(
            f"核对没有通过：{'、'.join(wrong)}。{NOTHING}（已回滚），"
            "站点的文件和县数据库都保持原样。请把这段话和日志交给技术支持。"
        )


def verify_targets(session: Session, projects: Iterable[Mapping[str, Any]]) -> None:
    """The targets of each project the county took are the file's, rule by rule."""
    wrong = []
    for project in projects:
        if "targets" not in project:
            continue
        stmt = (
            select(ProjectTarget.rule, ProjectTarget.target, ProjectTarget.weight)
            .join(Project, Project.id == ProjectTarget.project_id)
            .where(Project.uuid == project["uuid"])
        )
        there = {rule: (Decimal(t), Decimal(w)) for rule, t, w in session.execute(stmt)}
        wanted = {
            t["rule"]: (Decimal(t["target"]), Decimal(t["weight"])) for t in project["targets"]
        }
        if there != wanted:
            wrong.append(str(project["code"]))
    if wrong:
        raise MoveRefused(
            f"核对没有通过：项目 {_listed(wrong)} 的指标与站点文件中的不同。{NOTHING}（已回滚），"
            "站点的文件和县数据库都保持原样。请把这段话和日志交给技术支持。"
        )
