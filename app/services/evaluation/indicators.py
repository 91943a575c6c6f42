"""IndicatorService: the indicator systems (评估指标体系): import from the evaluator's sheet,
the template, the list and one system's tree.

Importing reads and checks the whole sheet first (app/services/evaluation/sheet.py) and
writes it in one transaction: a broken or inconsistent file leaves nothing behind. The
station head imports a system for their station; the county's administrator one for
every station (no station).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import DuplicateRecord, InvalidInput, NotFound
from app.domain.evaluation import Grade, IndicatorKind, Node, Scorer, VetoRule, scorer_of
from app.domain.roles import Permission, Role
from app.exports.evaluation_template import write_template
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.models import EvaluationIndicator, EvaluationSystem

from . import sheet
from .types import (
    SYSTEM,
    Imported,
    IndicatorView,
    ParsedSystem,
    SystemDetail,
    SystemSummary,
)

NAME_LIMIT = 200


@logs_refusals(SYSTEM)
class IndicatorService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def may_import(self) -> bool:
        return self._actor.can(Permission.EVALUATE)

    @staticmethod
    def write_template(path: Path) -> Path:
        """The template with its example (评估指标体系模板.xlsx)."""
        return write_template(path.with_suffix(".xlsx"))

    def import_file(
        self, path: Path, *, name: str | None = None, total: Decimal | None = None
    ) -> Imported:
        """Read, check and store the sheet as a new system; nothing is stored on a problem."""
        self._actor.require(Permission.EVALUATE)
        parsed = sheet.read(path, name=name, total=total)
        if not parsed.name or len(parsed.name) > NAME_LIMIT:
            raise InvalidInput(f"指标体系名称应为 1–{NAME_LIMIT} 个字。", field="name")
        station = None if self._actor.role is Role.ADMIN else self._actor.station_id
        with self._db.write() as session:
            system_id = store(session, self._actor, parsed, source=path.name, station_id=station)
        parents = {i.path[:-1] for i in parsed.indicators}
        return Imported(
            system_id=system_id, name=parsed.name, indicators=len(parsed.indicators),
            leaves=sum(1 for i in parsed.indicators if i.path not in parents),
            total_points=parsed.total_points, bonus_points=parsed.bonus_points,
            changes=Changes.of(SYSTEM, ids=(system_id,)),
        )  # fmt: skip

    def list(self) -> list[SystemSummary]:
        """The systems the actor's station may use: the county's and its own."""
        self._actor.require(Permission.REPORTS)
        with self._db.read() as session:
            stmt = select(EvaluationSystem).order_by(EvaluationSystem.name)
            if self._actor.role is not Role.ADMIN:
                stmt = stmt.where(
                    or_(
                        EvaluationSystem.station_id.is_(None),
                        EvaluationSystem.station_id == self._actor.station_id,
                    )
                )
            systems = list(session.scalars(stmt))
            counts = dict(
                session.execute(
                    select(EvaluationIndicator.system_id, func.count())
                    .where(EvaluationIndicator.system_id.in_([s.id for s in systems]))
                    .group_by(EvaluationIndicator.system_id)
                ).all()
            )
            return [_summary(s, counts.get(s.id, 0)) for s in systems]

    def get(self, system_id: int) -> SystemDetail:
        self._actor.require(Permission.REPORTS)
        with self._db.read() as session:
            return load(session, system_id)


def store(
    session: Session, actor: Actor, parsed: ParsedSystem, *, source: str, station_id: int | None
) -> int:
    """Write a parsed system and its tree (codes 1, 1.2, 1.2.3 in sheet order); its id."""
    existing = session.scalar(
        select(EvaluationSystem.id).where(EvaluationSystem.name == parsed.name)
    )
    if existing is not None:
        raise DuplicateRecord(
            f"已有名为“{parsed.name}”的指标体系，请另起名称（--name）后再导入。",
            existing_id=existing,
        )
    user = actor.user_id
    system = EvaluationSystem(
        name=parsed.name, total_points=parsed.total_points,
        bonus_points=parsed.bonus_points, veto_rule=parsed.veto_rule.value,
        grades=json.dumps([g.as_json() for g in parsed.grades], ensure_ascii=False),
        source_file=source[:260], station_id=station_id,
        created_by_id=user, updated_by_id=user,
    )  # fmt: skip
    session.add(system)
    session.flush()
    ids: dict[tuple[str, ...], int] = {}
    counters: dict[tuple[str, ...], int] = {}
    codes: dict[tuple[str, ...], str] = {}
    for sort, item in enumerate(parsed.indicators):
        parent = item.path[:-1]
        counters[parent] = counters.get(parent, 0) + 1
        code = f"{codes[parent]}.{counters[parent]}" if parent else str(counters[parent])
        codes[item.path] = code
        row = EvaluationIndicator(
            system_id=system.id, parent_id=ids.get(parent), level=item.level,
            sort=sort, code=code, name=item.path[-1][:400], points=item.points,
            kind=item.kind.value, scorer=item.scorer.value if item.scorer else None,
            notes=item.notes, source_row=item.first_row, station_id=station_id,
            created_by_id=user, updated_by_id=user,
        )  # fmt: skip
        session.add(row)
        session.flush()
        ids[item.path] = row.id
    audit.record(
        session, actor, "import", entity=SYSTEM, entity_id=system.id,
        name=parsed.name, indicators=len(parsed.indicators), total=str(parsed.total_points),
    )  # fmt: skip
    return system.id


def _summary(system: EvaluationSystem, count: int) -> SystemSummary:
    return SystemSummary(
        id=system.id, name=system.name, total_points=system.total_points,
        bonus_points=system.bonus_points, indicators=count,
    )  # fmt: skip


def grades_of(system: EvaluationSystem) -> tuple[Grade, ...]:
    return tuple(Grade.from_json(g) for g in json.loads(system.grades or "[]"))


def load(session: Session, system_id: int) -> SystemDetail:
    """A system with its indicators in sheet order, each with the scorer that counts."""
    system = session.get(EvaluationSystem, system_id)
    if system is None:
        raise NotFound("该指标体系不存在。")
    rows = list(
        session.scalars(
            select(EvaluationIndicator)
            .where(EvaluationIndicator.system_id == system_id)
            .order_by(EvaluationIndicator.sort, EvaluationIndicator.id)
        )
    )
    nodes = {r.id: node(r) for r in rows}
    parents = {r.parent_id for r in rows}
    views = tuple(
        IndicatorView(
            id=r.id, parent_id=r.parent_id, level=r.level, code=r.code, name=r.name,
            points=r.points, kind=IndicatorKind(r.kind), scorer=scorer_of(nodes[r.id], nodes),
            notes=r.notes, leaf=r.id not in parents,
        )
        for r in rows
    )  # fmt: skip
    return SystemDetail(
        summary=_summary(system, len(rows)),
        veto_rule=VetoRule(system.veto_rule),
        grades=grades_of(system),
        indicators=views,
    )


def node(row: EvaluationIndicator) -> Node:
    return Node(
        id=row.id, parent_id=row.parent_id, points=row.points, kind=IndicatorKind(row.kind),
        scorer=Scorer(row.scorer) if row.scorer else None,
    )  # fmt: skip
