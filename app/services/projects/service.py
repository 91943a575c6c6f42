"""ProjectService: the purchased-service projects a user may see, adding one, and its
progress report (项目进度) to Excel and PDF.

Everyone who may see reports reads the projects covering their station (the county's
administrator every project); the station head and the administrator add them. A head
may only cover their own station: a project over several stations is the county's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.domain import project_rules
from app.domain.errors import DuplicateRecord, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.services.reports.annual_targets import as_number
from app.services.reports.service import month_start
from app.store.engine import Database
from app.store.models import Project, ProjectStation, ProjectTarget, Station

from . import progress
from .types import (
    ProjectDetail,
    ProjectInfo,
    ProjectInput,
    ProjectProgress,
    ProjectSummary,
    StationRef,
    TargetInput,
    TargetView,
)

Progress = Callable[[int, int], None]
ENTITY = "project"
_LIMITS = {"code": 32, "name": 200, "contract_no": 64, "buyer": 200, "agency": 200,
           "lead": 64, "supervisor": 64}  # fmt: skip
_LABELS = {"code": "项目编号", "name": "项目名称", "contract_no": "合同编号", "buyer": "购买方",
           "agency": "承接机构", "lead": "项目负责人", "supervisor": "督导"}  # fmt: skip


@logs_refusals(ENTITY)
class ProjectService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def may_manage(self) -> bool:
        return self._actor.can(Permission.MANAGE_PROJECTS)

    # ---- reading ----------------------------------------------------------------------

    def stations(self) -> list[StationRef]:
        """The stations the actor may see projects of, and cover with a new one."""
        self._actor.require(Permission.REPORTS)
        with self._db.read() as session:
            stmt = select(Station).order_by(Station.code)
            if self._actor.role is not Role.ADMIN:
                stmt = stmt.where(Station.id == self._actor.station_id)
            return [StationRef(s.id, s.code, s.name) for s in session.scalars(stmt)]

    def list(self) -> list[ProjectSummary]:
        """The projects covering the actor's station (all of them for the administrator),
        the newest period first."""
        self._actor.require(Permission.REPORTS)
        with self._db.read() as session:
            stmt = select(Project).order_by(Project.starts_on.desc(), Project.code)
            if self._actor.role is not Role.ADMIN:
                stmt = stmt.where(Project.id.in_(self._covering_own()))
            projects = list(session.scalars(stmt))
            names = _station_names(session, [p.id for p in projects])
            counts = _target_counts(session, [p.id for p in projects])
            return [
                ProjectSummary(
                    id=p.id, code=p.code, name=p.name, starts_on=p.starts_on,
                    ends_on=p.ends_on, stations=names.get(p.id, ()),
                    targets=counts.get(p.id, 0), annual_year=p.annual_year,
                )
                for p in projects
            ]  # fmt: skip

    def by_code(self, code: str) -> ProjectDetail:
        with self._db.read() as session:
            project = session.scalar(select(Project).where(Project.code == code.strip()))
            if project is None:
                raise NotFound(f"没有编号为 {code} 的项目（stationdesk project list 列出项目）。")
            return self._detail(session, self._visible(session, project.id))

    def get(self, project_id: int) -> ProjectDetail:
        with self._db.read() as session:
            return self._detail(session, self._visible(session, project_id))

    def _covering_own(self) -> Select[int]:
        return select(ProjectStation.project_id).where(
            ProjectStation.station_id == self._actor.station_id
        )

    def _visible(self, session: Session, project_id: int) -> Project:
        return visible(session, self._actor, project_id)

    def _detail(self, session: Session, project: Project) -> ProjectDetail:
        refs = tuple(
            StationRef(s.id, s.code, s.name)
            for s in session.scalars(
                select(Station)
                .join(ProjectStation, ProjectStation.station_id == Station.id)
                .where(ProjectStation.project_id == project.id)
                .order_by(Station.code)
            )
        )
        targets = tuple(
            TargetView(
                rule=t.rule,
                label=project_rules.BY_KEY[t.rule].label,
                unit=project_rules.BY_KEY[t.rule].unit,
                target=as_number(t.rule, t.target),
                weight=Decimal(t.weight).quantize(Decimal("0.01")),
            )
            for t in session.scalars(
                select(ProjectTarget)
                .where(ProjectTarget.project_id == project.id)
                .order_by(ProjectTarget.sort, ProjectTarget.id)
            )
            if t.rule in project_rules.BY_KEY
        )
        return ProjectDetail(
            id=project.id,
            info=info_of(project, refs),
            station_refs=refs,
            targets=targets,
            note=project.note,
            annual_year=project.annual_year,
        )

    # ---- adding -----------------------------------------------------------------------

    def add(self, data: ProjectInput) -> Changes:
        """A new project with its stations and targets (heads: their own station only)."""
        self._actor.require(Permission.MANAGE_PROJECTS)
        texts = _clean_texts(data)
        _check_period(data.starts_on, data.ends_on)
        targets = _clean_targets(data)
        if data.amount_yuan < 0:
            raise InvalidInput("合同金额不能是负数。", field="amount_yuan")
        stations = sorted(set(data.station_ids))
        if not stations:
            raise InvalidInput("请至少选择一个项目覆盖的站点。", field="station_ids")
        if self._actor.role is not Role.ADMIN and stations != [self._actor.station_id]:
            raise PermissionDenied("站长只能为本站添加项目；覆盖多个站点的项目由县级管理员添加。")
        user = self._actor.user_id
        with self._db.write() as session:
            known = set(session.scalars(select(Station.id).where(Station.id.in_(stations))))
            if known != set(stations):
                raise NotFound("所选站点不存在。")
            taken = session.scalar(select(Project.id).where(Project.code == texts["code"]))
            if taken is not None:
                raise DuplicateRecord(f"项目编号 {texts['code']} 已被使用。", existing_id=taken)
            project = Project(
                **texts, starts_on=data.starts_on, ends_on=data.ends_on,
                amount_yuan=data.amount_yuan, note=data.note.strip(),
                station_id=stations[0] if len(stations) == 1 else None,
                created_by_id=user, updated_by_id=user,
            )  # fmt: skip
            session.add(project)
            session.flush()
            for sid in stations:
                session.add(
                    ProjectStation(
                        project_id=project.id, station_id=sid, created_by_id=user,
                        updated_by_id=user,
                    )
                )  # fmt: skip
            for sort, t in enumerate(targets):
                session.add(
                    ProjectTarget(
                        project_id=project.id, rule=t.rule, target=t.target, weight=t.weight,
                        sort=sort, created_by_id=user, updated_by_id=user,
                    )
                )  # fmt: skip
            session.flush()
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=project.id,
                code=project.code, first=f"{data.starts_on}", last=f"{data.ends_on}",
                stations=stations, targets={t.rule: str(t.target) for t in targets},
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(project.id,))

    # ---- progress ---------------------------------------------------------------------

    def progress(self, project_id: int, month: dt.date) -> ProjectProgress:
        """Each target by month and to date against the time elapsed (see progress.py)."""
        with self._db.read() as session:
            project = self._visible(session, project_id)
            return progress.compute(
                session,
                self._detail(session, project),
                month_start(month),
                today=self.today,
                generated_at=self._db.clock.local_now().replace(tzinfo=None, microsecond=0),
                prepared_by=self._actor.display_name,
            )

    def write_progress(
        self,
        project_id: int,
        month: dt.date,
        *,
        xlsx: Path | None = None,
        pdf: Path | None = None,
        progress: Progress | None = None,
    ) -> ProjectProgress:
        from app.exports.project_pdf import write_progress_pdf
        from app.exports.project_xlsx import write_progress_xlsx

        total = 1 + bool(xlsx) + bool(pdf)
        report = self.progress(project_id, month)
        done = 1
        if progress is not None:
            progress(done, total)
        for path, writer in ((xlsx, write_progress_xlsx), (pdf, write_progress_pdf)):
            if path is None:
                continue
            writer(report, path)
            done += 1
            if progress is not None:
                progress(done, total)
        files = [str(p) for p in (xlsx, pdf) if p is not None]
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity="report", entity_id=None,
                kind="project_progress", period=f"{month:%Y-%m}", code=report.project.code,
                files=files,
            )  # fmt: skip
        return report


def visible(session: Session, actor: Actor, project_id: int) -> Project:
    """The project, if the actor may see it (it covers their station; the administrator
    sees every project)."""
    actor.require(Permission.REPORTS)
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound("该项目不存在。")
    if actor.role is not Role.ADMIN:
        covered = session.scalars(
            select(ProjectStation.station_id).where(ProjectStation.project_id == project.id)
        ).all()
        if actor.station_id not in covered:
            raise PermissionDenied("只能查看覆盖本站的项目。")
    return project


def info_of(project: Project, stations: tuple[StationRef, ...]) -> ProjectInfo:
    return ProjectInfo(
        code=project.code,
        name=project.name,
        contract_no=project.contract_no,
        buyer=project.buyer,
        agency=project.agency,
        starts_on=project.starts_on,
        ends_on=project.ends_on,
        amount_yuan=Decimal(project.amount_yuan).quantize(Decimal("0.01")),
        lead=project.lead,
        supervisor=project.supervisor,
        stations=tuple(s.name for s in stations),
    )


def _clean_texts(data: ProjectInput) -> dict[str, str]:
    texts = {field: str(getattr(data, field)).strip() for field in _LIMITS}
    for field, limit in _LIMITS.items():
        if len(texts[field]) > limit:
            raise InvalidInput(f"{_LABELS[field]}不能超过 {limit} 个字。", field=field)
    for field in ("code", "name"):
        if not texts[field]:
            raise InvalidInput(f"请填写{_LABELS[field]}。", field=field)
    return texts


def _check_period(starts_on: dt.date, ends_on: dt.date) -> None:
    if ends_on < starts_on:
        raise InvalidInput("项目结束日期不能早于开始日期。", field="ends_on")
    if (ends_on - starts_on).days > 366 * 5:
        raise InvalidInput("项目周期不能超过五年。", field="ends_on")


def _clean_targets(data: ProjectInput) -> list[TargetInput]:
    seen: set[str] = set()
    clean = []
    for t in data.targets:
        rule = project_rules.rule(t.rule)
        if rule.key in seen:
            raise InvalidInput(f"指标“{rule.label}”重复了。", field="targets")
        seen.add(rule.key)
        try:
            target = Decimal(t.target).quantize(Decimal("0.01"))
            weight = Decimal(t.weight).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise InvalidInput(f"“{rule.label}”的目标值或权重不是数字。", field="targets") from None
        if target <= 0:
            raise InvalidInput(f"“{rule.label}”的目标值应大于 0。", field="targets")
        if rule.is_rate and target > 100:
            raise InvalidInput(f"“{rule.label}”是百分比，目标值不能超过 100。", field="targets")
        if not rule.decimal and target != target.to_integral_value():
            raise InvalidInput(f"“{rule.label}”的目标值应为整数。", field="targets")
        if weight < 0 or weight > 1000:
            raise InvalidInput(f"“{rule.label}”的权重应在 0 到 1000 之间。", field="targets")
        clean.append(TargetInput(rule.key, target, weight))
    return clean


def _station_names(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    names: dict[int, list[str]] = {}
    rows = session.execute(
        select(ProjectStation.project_id, Station.name)
        .join(Station, Station.id == ProjectStation.station_id)
        .where(ProjectStation.project_id.in_(ids))
        .order_by(Station.code)
    )
    for project_id, name in rows:
        names.setdefault(project_id, []).append(name)
    return {k: tuple(v) for k, v in names.items()}


def _target_counts(session: Session, ids: list[int]) -> dict[int, int]:
    rows = session.execute(
        select(ProjectTarget.project_id, func.count())
        .where(ProjectTarget.project_id.in_(ids))
        .group_by(ProjectTarget.project_id)
    )
    return {project_id: count for project_id, count in rows}
