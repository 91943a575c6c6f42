"""评估材料包: for a project and a period, one folder and its .zip holding what evaluators
ask for, in the order of their 台账 lists (pack_sections.py), with a table of contents.

Everything is written into a hidden folder beside the target and moved in only when the
whole pack, its contents and its zip are complete: cancelled or failed, nothing is left.
Every client name and ID number in the files is masked (pack_masking.py) unless a user
who may see full numbers asks for them with a reason, which goes to the audit log with
the pack.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidInput, ReasonRequired, StorageError
from app.domain.roles import Permission, Role
from app.exports.pack_contents import Block, PackDocument, Section, write_pack_document
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.services.lists.service import MIN_REASON
from app.services.reports.files import IsCancelled, StagedFiles, stop_if_cancelled
from app.services.reports.service import month_end, month_start
from app.store.engine import Database

from . import pack_sample
from .pack_items import FOLDERS, TITLES, PackContext, PackItem, PackSection
from .pack_masking import Masker
from .pack_sections import SECTIONS
from .service import ENTITY, ProjectService

Progress = Callable[[int, int], None]
CONTENTS = "00_目录.pdf"
MAX_SAMPLE = 500


@dataclass(frozen=True)
class PackRequest:
    project_id: int
    first_month: dt.date
    last_month: dt.date
    seed: int
    sample: int = 10
    """How many case files the evaluator samples (all of them when fewer)."""
    reveal: bool = False
    reason: str = ""


@dataclass(frozen=True)
class PackResult:
    folder: Path
    zip_path: Path
    files: int
    sampled: tuple[str, ...]
    masked: bool


@logs_refusals(ENTITY)
class EvidencePackService:
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        today: dt.date | None = None,
        photo_folder: Path | None = None,
        document_folder: Path | None = None,
        sections: tuple[PackSection, ...] = SECTIONS,
    ) -> None:
        self._db = db
        self._actor = actor
        self._today = today
        self._photos = photo_folder
        self._documents = document_folder
        self._sections = sections

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def may_build(self) -> bool:
        return self._actor.can(Permission.MANAGE_PROJECTS)

    @property
    def may_reveal(self) -> bool:
        """Whether the user may ask for full names and ID numbers (with a reason)."""
        return self._actor.can(Permission.REVEAL_ANY)

    def build(
        self,
        request: PackRequest,
        out: Path,
        *,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
    ) -> PackResult:
        """Write the pack to `out` and `out`.zip; ExportCancelled when `is_cancelled()`."""
        self._actor.require(Permission.MANAGE_PROJECTS)
        reason = " ".join(request.reason.split())
        if request.reveal:
            self._actor.require(Permission.REVEAL_ANY)
            if len(reason) < MIN_REASON:
                raise ReasonRequired(
                    f"材料包不遮挡姓名和身份证号须填写理由（至少{MIN_REASON}个字），"
                    "例如：评估机构现场核对原始档案。",
                    field="reason",
                )
        if not 0 <= request.sample <= MAX_SAMPLE:
            raise InvalidInput(f"抽查个案数应在 0 到 {MAX_SAMPLE} 之间。", field="sample")
        zip_path = out.with_name(out.name + ".zip")
        _check_free(out, zip_path)
        ctx = self._context(request)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
        try:
            with StagedFiles(zip_path) as staged:
                listed, steps = self._write(ctx, staging, progress, is_cancelled)
                _zip(staging, out.name, staged.path(zip_path))
                if progress is not None:
                    progress(steps, steps)
                stop_if_cancelled(is_cancelled)
                _move_in(staging, out)
                try:
                    staged.commit()
                except BaseException:
                    shutil.rmtree(out, ignore_errors=True)
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self._log(ctx, request, reason, out, listed)
        return PackResult(out, zip_path, listed, tuple(ctx.sampled), ctx.masker.active)

    def _context(self, request: PackRequest) -> PackContext:
        first_month, last_month = month_start(request.first_month), month_start(request.last_month)
        if last_month < first_month:
            raise InvalidInput("结束月份不能早于开始月份。", field="last_month")
        project = ProjectService(self._db, self._actor, today=self.today).get(request.project_id)
        info = project.info
        first = max(first_month, info.starts_on)
        last = min(month_end(last_month), info.ends_on, self.today)
        if first > last:
            raise InvalidInput(
                f"所选期间与项目周期（{info.starts_on} 至 {info.ends_on}）没有重叠，或尚未开始。",
                field="first_month",
            )
        stations = tuple(
            s
            for s in project.station_refs
            if self._actor.role is Role.ADMIN or s.id == self._actor.station_id
        )
        with self._db.read() as session:
            masker = (
                Masker.none()
                if request.reveal
                else Masker.for_stations(session, [s.id for s in stations])
            )
        return PackContext(
            db=self._db, actor=self._actor, project=project, first=first, last=last,
            stations=stations, masker=masker, seed=request.seed, sample_size=request.sample,
            today=self.today, photo_folder=self._photos, document_folder=self._documents,
        )  # fmt: skip

    def _write(
        self,
        ctx: PackContext,
        root: Path,
        progress: Progress | None,
        is_cancelled: IsCancelled | None,
    ) -> tuple[int, int]:
        """Every section's files, then the contents: (files written, the steps of the whole
        build, the zip being the last)."""
        planned: list[tuple[PackSection, list[PackItem]]] = []
        for section in self._sections:
            stop_if_cancelled(is_cancelled)
            planned.append((section, section.items(ctx)))
        total = sum(1 for _, items in planned for i in items if i.write) + 2
        done = 0
        listed: dict[str, list[tuple[str, str, str]]] = {key: [] for key in FOLDERS}
        for section, items in planned:
            folder = root / FOLDERS[section.category]
            if section.subfolder:
                folder = folder / section.subfolder
            for item in items:
                stop_if_cancelled(is_cancelled)
                path = _free_name(folder, item.name)
                if item.write is not None:
                    folder.mkdir(parents=True, exist_ok=True)
                    item.write(path)
                    done += 1
                    if progress is not None:
                        progress(done, total)
                shown = str(path.relative_to(root / FOLDERS[section.category]))
                listed[section.category].append((shown, item.title, item.note))
        stop_if_cancelled(is_cancelled)
        write_pack_document(self._contents(ctx, listed), root / CONTENTS)
        if progress is not None:
            progress(done + 1, total)
        return done + 1, total

    def _contents(
        self, ctx: PackContext, listed: dict[str, list[tuple[str, str, str]]]
    ) -> PackDocument:
        info = ctx.project.info
        sections = []
        for key, folder in FOLDERS.items():
            rows = listed[key]
            table = (
                ("序号", "文件", "内容"),
                *((str(n), name, f"{title}（{note}）" if note else title)
                  for n, (name, title, note) in enumerate(rows, 1)),
            )  # fmt: skip
            blocks = (Block(table=table, widths=(0.5, 3.3, 3.2)),) if rows else ()
            sections.append(Section(f"{folder}　{TITLES[key]}", blocks, empty="（本期无）"))
        masked = (
            "本材料包中服务对象的姓名和身份证号均已遮挡（姓名只留姓，身份证号只留前两位），"
            "住址已隐去。"
            if ctx.masker.active
            else "本材料包含服务对象完整姓名和身份证号（已记入操作日志），请妥善保管，不得外传。"
        )
        sampled = "、".join(ctx.sampled) or "（本期无个案）"
        return PackDocument(
            station_name="、".join(s.name for s in ctx.stations),
            title="评估材料包",
            subtitle=info.name,
            cover=_cover(ctx),
            sections=tuple(sections),
            printed_on=ctx.today,
            printed_by=ctx.actor.display_name,
            note="\n".join(
                (
                    pack_sample.method(ctx.seed, ctx.sample_size, *ctx.sampled[:1]),
                    f"抽中的个案：{sampled}",
                    masked,
                )
            ),
        )

    def _log(
        self, ctx: PackContext, request: PackRequest, reason: str, out: Path, files: int
    ) -> None:
        details: dict[str, Any] = {
            "what": "evidence_pack", "first": str(ctx.first), "last": str(ctx.last),
            "seed": request.seed, "sample": request.sample, "sampled": list(ctx.sampled),
            "files": files, "file": out.name, "revealed": request.reveal,
        }  # fmt: skip
        if request.reveal:
            details["reason"] = reason
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity=ENTITY, entity_id=request.project_id,
                **details,
            )  # fmt: skip


def _cover(ctx: PackContext) -> tuple[tuple[str, str], ...]:
    info = ctx.project.info
    return (
        ("项目编号", info.code), ("合同编号", info.contract_no), ("购买方", info.buyer),
        ("承接机构", info.agency), ("项目周期", f"{info.starts_on} 至 {info.ends_on}"),
        ("材料期间", f"{ctx.first} 至 {ctx.last}"), ("抽样种子", str(ctx.seed)),
        ("抽查个案数", f"{len(ctx.sampled)}（要求 {ctx.sample_size}）"),
    )  # fmt: skip


def _check_free(out: Path, zip_path: Path) -> None:
    if not out.parent.is_dir():
        raise InvalidInput(f"文件夹 {out.parent} 不存在。", field="out")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InvalidInput(f"{out} 已存在且不是空文件夹，请换一个名称或位置。", field="out")
    if zip_path.exists():
        raise InvalidInput(f"{zip_path} 已存在，请换一个名称或位置。", field="out")


def _free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or name_2, name_3… when two records give the same name."""
    path = folder / name
    n = 2
    while path.exists():
        path = folder / f"{Path(name).stem}_{n}{Path(name).suffix}"
        n += 1
    return path


def _zip(root: Path, top: str, target: Path) -> None:
    """The folder as `top/…` inside the zip (names in UTF-8, which zipfile marks)."""
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{top}/{path.relative_to(root).as_posix()}")
    except OSError as exc:
        raise StorageError(f"无法写入压缩包：{exc.strerror or exc}") from exc


def _move_in(staging: Path, out: Path) -> None:
    try:
        with contextlib.suppress(FileNotFoundError):
            out.rmdir()  # an empty folder chosen as the target
        os.replace(staging, out)
    except OSError as exc:
        raise StorageError(f"无法保存到 {out}：{exc.strerror or exc}") from exc
