"""The files records point at, as they travel in a package: activity photos, project
documents (项目文件) and the evidence of 整改 items.

Each lies in its own folder of the data folder under the random name its record keeps
(`file_name`), with the sha256 taken when it was added. In a package each file is a part
of its own (`files/` for photos, as before; `documents/`, `evidence/`), so the manifest's
checksum covers it; the county writes a file only when the part's bytes are those its
record names, and never over a file it already has.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.packages.types import PackageRefused
from app.store.location import data_dir


@dataclass(frozen=True)
class Kind:
    table: str
    part: str
    """The package's folder for these files."""
    folder: str
    """The data folder's subfolder (and the attribute of Folders)."""
    what: str
    unit: str
    """The measure word a count of them takes."""


KINDS = (
    Kind("activity_photos", "files/", "photos", "照片", "张"),
    Kind("project_documents", "documents/", "documents", "项目文件", "个"),
    Kind("rectification_files", "evidence/", "evidence", "整改材料", "个"),
)
MISMATCH = "数据包中的{what} {name} 与记录中的校验值不符，没有导入任何内容。请让站点重新导出。"


@dataclass(frozen=True)
class Folders:
    photos: Path
    documents: Path
    evidence: Path

    @classmethod
    def under(cls, root: Path) -> Folders:
        """The data folder's layout (as app/services/community/photos.py and the projects'
        and evaluations' services keep it)."""
        return cls(root / "photos", root / "documents", root / "evidence")

    @classmethod
    def default(cls) -> Folders:
        return cls.under(data_dir())

    @classmethod
    def beside(cls, photos: Path) -> Folders:
        """The other folders beside a photo folder, as in the data folder."""
        return cls(photos, photos.parent / "documents", photos.parent / "evidence")

    def of(self, kind: Kind) -> Path:
        path: Path = getattr(self, kind.folder)
        return path


def name_of(row: Mapping[str, Any]) -> str:
    return Path(row["file_name"]).name


def gather_files(
    tables: Mapping[str, list[dict[str, Any]]], folders: Folders
) -> tuple[dict[str, bytes], list[str]]:
    """(part name → bytes, names of the files not found) of the rows' files."""
    parts: dict[str, bytes] = {}
    missing: list[str] = []
    for kind in KINDS:
        for row in tables.get(kind.table, []):
            path = folders.of(kind) / name_of(row)
            if path.is_file():
                parts[kind.part + name_of(row)] = path.read_bytes()
            else:
                missing.append(name_of(row))
    return parts, missing


def check_files(
    rows_by_table: Mapping[str, Iterable[dict[str, Any]]], files: dict[str, bytes]
) -> None:
    """Refuse a file whose bytes are not those its record names (before anything is written)."""
    for kind in KINDS:
        for row in rows_by_table.get(kind.table, []):
            data = files.get(kind.part + name_of(row))
            digest = row.get("sha256")
            if data is not None and digest and hashlib.sha256(data).hexdigest() != digest:
                raise PackageRefused(MISMATCH.format(what=kind.what, name=name_of(row)))


def write_files(
    rows_by_table: Mapping[str, Iterable[dict[str, Any]]], files: dict[str, bytes], folders: Folders
) -> None:
    """Write the files of these rows that the package holds and the folders lack."""
    for kind in KINDS:
        folder = folders.of(kind)
        for row in rows_by_table.get(kind.table, []):
            name = name_of(row)
            data = files.get(kind.part + name)
            if data is None or (folder / name).exists():
                continue
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-", suffix=".part")
            with os.fdopen(handle, "wb") as fh:
                fh.write(data)
            os.replace(temp, folder / name)
