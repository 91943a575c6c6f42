"""What the evidence pack's sections work with: the context of one build, the files a
section adds (each written on its own, so the build can report progress and stop between
two files) and the folders in the order of evaluators' 台账 lists."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain import project_documents as kinds
from app.domain.roles import Role
from app.services.context import Actor
from app.services.projects.pack_masking import Masker
from app.services.projects.types import ProjectDetail, StationRef
from app.store.engine import Database

FOLDERS: dict[str, str] = {
    kinds.STAFF: "01_人员",
    kinds.RULES: "02_制度",
    kinds.PROJECT: "03_项目",
    kinds.NEEDS: "04_需求",
    kinds.SERVICES: "05_服务",
    kinds.VOLUNTEERS: "06_志愿者与资源",
    kinds.SUPERVISION: "07_督导与培训",
    kinds.PLANS: "08_计划与报告",
    kinds.PHOTOS: "09_照片",
}
"""The 台账 categories in the evaluators' order, each the pack's folder."""
TITLES: dict[str, str] = {
    kinds.STAFF: "人员",
    kinds.RULES: "制度",
    kinds.PROJECT: "项目",
    kinds.NEEDS: "需求",
    kinds.SERVICES: "服务（按方法）",
    kinds.VOLUNTEERS: "志愿者与资源",
    kinds.SUPERVISION: "督导与培训",
    kinds.PLANS: "计划与报告",
    kinds.PHOTOS: "照片",
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class PackContext:
    db: Database
    actor: Actor
    project: ProjectDetail
    first: dt.date
    """The period's first day inside the project's period."""
    last: dt.date
    """The period's last day inside the project's period, not after today."""
    stations: tuple[StationRef, ...]
    """The project's stations the actor may gather from (the administrator: all)."""
    masker: Masker
    seed: int
    sample_size: int
    today: dt.date
    photo_folder: Path | None
    document_folder: Path | None
    sampled: list[str] = dataclasses.field(default_factory=list)
    """The case numbers drawn (the case section fills it; the contents name them)."""

    def actor_for(self, station: StationRef) -> Actor:
        """The actor as the station's services expect it: the services read one station,
        so the county's administrator gathers each covered station's records as its own."""
        if self.actor.role is Role.ADMIN and station.id != self.actor.station_id:
            return dataclasses.replace(self.actor, station_id=station.id, station_name=station.name)
        return self.actor

    @property
    def many_stations(self) -> bool:
        return len(self.stations) > 1


@dataclass(frozen=True)
class PackItem:
    """One file of the pack: where it goes inside its section's folder, what the contents
    say of it, and how it is written (None: listed only, e.g. a document whose file is
    missing, with `note` saying so)."""

    name: str
    title: str
    write: Callable[[Path], object] | None
    note: str = ""


@dataclass(frozen=True)
class PackSection:
    category: str
    """A key of FOLDERS: where the files go and where the contents list them."""
    title: str
    items: Callable[[PackContext], list[PackItem]]
    subfolder: str = ""
    """A folder of its own inside the category's (个案抽查, 小组…), or "" for none."""


def file_name(*parts: str, suffix: str) -> str:
    """A file name from its parts, safe on every system and not too long."""
    stem = "_".join(_UNSAFE.sub("_", p.strip()) for p in parts if p and p.strip())
    return f"{stem[:80].rstrip('. ')}{suffix}"
