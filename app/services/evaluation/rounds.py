"""EvaluationService: evaluation rounds (评估) of a station, each scorer's scores, the total
and grade, finishing a round, and the round's score sheet in Excel and PDF.

Everyone who may see reports reads their station's rounds (the county's administrator
every station's); the station head and the administrator record them (EVALUATE). A
finished round's scores are final; finishing applies the grade's consequence (a 整改方案
item due within the grade's days).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.evaluation import (
    Consequence,
    IndicatorKind,
    RectificationStatus,
    RoundKind,
    Scorer,
    score,
)
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.models import (
    EvaluationIndicator,
    EvaluationRound,
    EvaluationScore,
    EvaluationSystem,
    Project,
    Rectification,
    Station,
)

from . import indicators, rectifications
from .types import (
    RECTIFICATION,
    ROUND,
    RoundDetail,
    RoundInput,
    RoundSummary,
    ScoreInput,
    ScoreView,
)

PLAN_ITEM = "按评估结果提交整改方案"


@logs_refusals(ROUND)
class EvaluationService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def today(self) -> dt.date:
        return self._db.clock.today()

    @property
    def may_record(self) -> bool:
        return self._actor.can(Permission.EVALUATE)

    # ---- reading ----------------------------------------------------------------------

    def rounds(self, *, station_id: int | None = None) -> list[RoundSummary]:
        """The rounds of the actor's station (any station, or all, for the administrator),
        oldest first: the history of scores over time."""
        self._actor.require(Permission.REPORTS)
        with self._db.read() as session:
            stmt = select(EvaluationRound).order_by(EvaluationRound.held_on, EvaluationRound.id)
            if self._actor.role is not Role.ADMIN:
                stmt = stmt.where(EvaluationRound.station_id == self._actor.station_id)
            elif station_id is not None:
                stmt = stmt.where(EvaluationRound.station_id == station_id)
            return [self._summary(session, r) for r in session.scalars(stmt)]

    def get(self, round_id: int) -> RoundDetail:
        with self._db.read() as session:
            return self._detail(session, self._visible(session, round_id))

    def _visible(self, session: Session, round_id: int) -> EvaluationRound:
        self._actor.require(Permission.REPORTS)
        row = session.get(EvaluationRound, round_id)
        if row is None:
            raise NotFound("该评估记录不存在。")
        if self._actor.role is not Role.ADMIN and row.station_id != self._actor.station_id:
            raise PermissionDenied("只能查看本站的评估记录。")
        return row

    def _summary(self, session: Session, row: EvaluationRound) -> RoundSummary:
        return self._detail(session, row, with_items=False).summary

    def _detail(
        self, session: Session, row: EvaluationRound, *, with_items: bool = True
    ) -> RoundDetail:
        system = indicators.load(session, row.system_id)
        by_id = {i.id: i for i in system.indicators}
        stored = list(
            session.scalars(select(EvaluationScore).where(EvaluationScore.round_id == row.id))
        )
        given = {(s.indicator_id, Scorer(s.scorer)): s.score for s in stored}
        sys_row = session.get_one(EvaluationSystem, row.system_id)
        outcome = score(
            [indicators.node(r) for r in _indicator_rows(session, row.system_id)],
            given, bonus_cap=sys_row.bonus_points, grades=system.grades,
            veto_rule=system.veto_rule, held_on=row.held_on,
        )  # fmt: skip
        open_items = session.scalar(
            select(func.count()).where(
                Rectification.round_id == row.id,
                Rectification.status == RectificationStatus.OPEN.value,
            )
        )
        station = session.get_one(Station, row.station_id)
        summary = RoundSummary(
            id=row.id, station_name=station.name, system_name=system.summary.name,
            kind=RoundKind(row.kind), held_on=row.held_on, agency=row.agency,
            total=outcome.total, grade=outcome.grade.label if outcome.grade else "",
            stars=outcome.stars, vetoed=outcome.vetoed, finished=row.finished_at is not None,
            open_items=open_items or 0,
        )  # fmt: skip
        project = session.get(Project, row.project_id) if row.project_id else None
        grade = outcome.grade
        consequence = grade.consequence.label if grade else ""
        if grade and grade.consequence is Consequence.PLAN and outcome.plan_due:
            consequence = f"{consequence}（{outcome.plan_due:%Y-%m-%d} 前）"
        items = rectifications.views(session, [row.id], today=self.today) if with_items else ()
        return RoundDetail(
            summary=summary, evaluators=row.evaluators,
            project=f"{project.name}（{project.code}）" if project else "", note=row.note,
            system=system,
            scores=tuple(
                ScoreView(s.indicator_id, Scorer(s.scorer), s.score, s.comment)
                for s in sorted(stored, key=lambda s: (by_id[s.indicator_id].code, s.scorer))
            ),
            base=outcome.base, bonus=outcome.bonus, by_scorer=outcome.by_scorer,
            counted=outcome.counted, scored=outcome.scored, leaves=outcome.leaves,
            consequence=consequence, plan_due=outcome.plan_due,
            rectifications=tuple(items), version=row.version,
        )  # fmt: skip

    # ---- recording --------------------------------------------------------------------

    def add_round(self, data: RoundInput) -> Changes:
        self._actor.require(Permission.EVALUATE)
        station_id = data.station_id or self._actor.station_id
        if self._actor.role is not Role.ADMIN and station_id != self._actor.station_id:
            raise PermissionDenied("站长只能为本站登记评估。")
        if data.held_on > self.today:
            raise InvalidInput("评估日期不能晚于今天。", field="held_on")
        user = self._actor.user_id
        with self._db.write() as session:
            if session.get(EvaluationSystem, data.system_id) is None:
                raise InvalidInput("请选择指标体系。", field="system")
            if data.project_id is not None and session.get(Project, data.project_id) is None:
                raise InvalidInput("该服务项目不存在。", field="project")
            row = EvaluationRound(
                station_id=station_id, system_id=data.system_id, project_id=data.project_id,
                kind=data.kind.value, held_on=data.held_on, agency=data.agency.strip()[:200],
                evaluators=data.evaluators.strip()[:400], note=data.note.strip(),
                created_by_id=user, updated_by_id=user,
            )  # fmt: skip
            session.add(row)
            session.flush()
            audit.record(
                session, self._actor, "create", entity=ROUND, entity_id=row.id,
                kind=data.kind.value, held_on=f"{data.held_on}", system=data.system_id,
            )  # fmt: skip
        return Changes.of(ROUND, ids=(row.id,))

    def record_scores(self, round_id: int, scores: Sequence[ScoreInput]) -> Changes:
        """Set (or with score None remove) each scorer's score of an indicator."""
        self._actor.require(Permission.EVALUATE)
        user = self._actor.user_id
        with self._db.write() as session:
            row = self._editable(session, round_id)
            leaves = {i.id: i for i in indicators.load(session, row.system_id).indicators if i.leaf}
            existing = {
                (s.indicator_id, s.scorer): s
                for s in session.scalars(
                    select(EvaluationScore).where(EvaluationScore.round_id == round_id)
                )
            }
            for item in scores:
                leaf = leaves.get(item.indicator_id)
                if leaf is None:
                    raise InvalidInput("只能为最末级指标评分。", field="indicator")
                current = existing.get((item.indicator_id, item.scorer.value))
                if item.score is None:
                    if current is not None:
                        session.delete(current)
                    continue
                _check_score(item.score, leaf.points, leaf.kind, leaf.name)
                if current is None:
                    session.add(
                        EvaluationScore(
                            station_id=row.station_id, round_id=round_id,
                            indicator_id=item.indicator_id, scorer=item.scorer.value,
                            score=item.score, comment=item.comment.strip(),
                            created_by_id=user, updated_by_id=user,
                        )
                    )  # fmt: skip
                else:
                    current.score, current.comment = item.score, item.comment.strip()
                    current.updated_by_id = user
            session.flush()
            audit.record(
                session, self._actor, "score", entity=ROUND, entity_id=round_id,
                scores={f"{s.indicator_id}/{s.scorer.value}": str(s.score) for s in scores},
            )  # fmt: skip
        return Changes.of(ROUND, ids=(round_id,))

    def finish(self, round_id: int) -> Changes:
        """Make the scores final; a grade that asks for a 整改方案 gets that item."""
        self._actor.require(Permission.EVALUATE)
        with self._db.write() as session:
            row = self._editable(session, round_id)
            detail = self._detail(session, row, with_items=False)
            row.finished_at = self._db.clock.now()
            row.finished_by_id = self._actor.user_id
            if detail.plan_due is not None:
                rectifications.add(
                    session, self._actor, row, what=PLAN_ITEM, owner="站长",
                    due_on=detail.plan_due,
                )  # fmt: skip
            audit.record(
                session, self._actor, "finish", entity=ROUND, entity_id=round_id,
                total=str(detail.summary.total), grade=detail.summary.grade,
            )  # fmt: skip
        return Changes.of(ROUND, RECTIFICATION, ids=(round_id,))

    def _editable(self, session: Session, round_id: int) -> EvaluationRound:
        row = self._visible(session, round_id)
        if row.finished_at is not None:
            raise InvalidInput("该评估已完成，评分不能再修改。")
        return row

    # ---- files ------------------------------------------------------------------------

    def write_sheet(
        self, round_id: int, *, xlsx: Path | None = None, pdf: Path | None = None
    ) -> RoundDetail:
        """The round's score sheet (评分表) as Excel and/or PDF."""
        from app.exports.evaluation_sheet import write_sheet_pdf, write_sheet_xlsx

        from .printing import sheet_model

        detail = self.get(round_id)
        model = sheet_model(detail, prepared_by=self._actor.display_name,
                            generated_at=self._db.clock.local_now())  # fmt: skip
        if xlsx is not None:
            write_sheet_xlsx(model, xlsx)
        if pdf is not None:
            write_sheet_pdf(model, pdf)
        return detail


def _indicator_rows(session: Session, system_id: int) -> list[EvaluationIndicator]:
    return list(
        session.scalars(
            select(EvaluationIndicator).where(EvaluationIndicator.system_id == system_id)
        )
    )


def _check_score(value: Decimal, points: Decimal, kind: IndicatorKind, name: str) -> None:
    if kind is IndicatorKind.VETO:
        if value not in (Decimal(0), Decimal(1)):
            raise InvalidInput(f"“{name}”是一票否决项：记 1 表示触发，0 表示未触发。")
        return
    if value < 0 or value > points:
        raise InvalidInput(f"“{name}”的得分应在 0 到 {points.normalize():f} 分之间。")
