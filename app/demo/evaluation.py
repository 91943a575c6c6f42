"""The demo station's third-party evaluations (评估), so a new user sees them filled in.

The indicator system is the template's Hunan-like example (130 base points, 20 bonus,
stars from points), imported as the county's. Two rounds: a finished mid-term review four
months back (三星, its 整改 items done) and a monthly on-site visit three weeks back,
scored higher (四星), with one 整改 item still open.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.evaluation import (
    IndicatorKind,
    RectificationStatus,
    RoundKind,
    Scorer,
    scorer_of,
)
from app.services.context import Actor
from app.services.evaluation import indicators, sheet
from app.store.models import (
    EvaluationIndicator,
    EvaluationRound,
    EvaluationScore,
    Project,
    Rectification,
)

AGENCY = "长沙市明德社会工作评估中心"
# (kind, days back, finished, share of points the third party gives, 整改 items)
# Each item: (what, owner, due days after the round, closed days after the round or None).
ROUNDS = (
    (RoundKind.MIDTERM, 120, True, Decimal("0.72"), (
        ("个案档案缺少服务计划审批记录，补齐并由站长签字", "站长", 30, 21),
        ("功能室标识不统一，按省标更换", "站长", 45, 40),
    )),
    (RoundKind.MONTHLY, 21, False, Decimal("0.78"), (
        ("社区活动照片与签到表未归档，整理入台账", "站长", 10, 8),
        ("年度需求评估报告未完成，补充问卷分析", "站长", 35, None),
    )),
)  # fmt: skip


def add_evaluations(session: Session, actor: Actor, today: dt.date) -> int:
    """The system and the station's two rounds; returns the rounds written."""
    with tempfile.TemporaryDirectory() as folder:
        path = indicators.write_template(Path(folder) / "指标体系.xlsx")
        parsed = sheet.read(path, name="湖南星级社工站评估指标（演示）")
    system_id = indicators.store(session, actor, parsed, source=path.name, station_id=None)
    leaves = _leaves(session, system_id)
    project_id = session.scalar(
        select(Project.id).where(Project.station_id == actor.station_id).order_by(Project.id)
    )
    user = actor.user_id
    for index, (kind, back, finished, share, items) in enumerate(ROUNDS):
        held_on = today - dt.timedelta(days=back)
        row = EvaluationRound(
            station_id=actor.station_id, system_id=system_id, project_id=project_id,
            kind=kind.value, held_on=held_on, agency=AGENCY, evaluators="刘评估、陈评估",
            created_by_id=user, updated_by_id=user,
        )  # fmt: skip
        if finished:
            row.finished_at = dt.datetime.combine(held_on, dt.time(17), tzinfo=dt.UTC)
            row.finished_by_id = user
        session.add(row)
        session.flush()
        for position, (leaf_id, points, kind_, scorer) in enumerate(leaves):
            given = _score(points, kind_, share, position + index)
            _add_score(session, row, leaf_id, scorer, given, user)
            if index == 0 and kind_ is not IndicatorKind.VETO:
                # The station's self-assessment beside the mid-term review.
                own = _score(points, kind_, Decimal("0.9"), position)
                _add_score(session, row, leaf_id, Scorer.SELF, own, user)
        for what, owner, due, closed in items:
            session.add(
                Rectification(
                    station_id=actor.station_id, round_id=row.id, what=what, owner=owner,
                    due_on=held_on + dt.timedelta(days=due),
                    status=(RectificationStatus.OPEN if closed is None
                            else RectificationStatus.CLOSED).value,
                    closed_on=None if closed is None else held_on + dt.timedelta(days=closed),
                    closed_by_id=None if closed is None else user,
                    closing_note="" if closed is None else "已整改，材料已归档",
                    created_by_id=user, updated_by_id=user,
                )
            )  # fmt: skip
    session.flush()
    return len(ROUNDS)


def _leaves(session: Session, system_id: int) -> list[tuple[int, Decimal, IndicatorKind, Scorer]]:
    rows = list(
        session.scalars(
            select(EvaluationIndicator)
            .where(EvaluationIndicator.system_id == system_id)
            .order_by(EvaluationIndicator.sort)
        )
    )
    nodes = {r.id: indicators.node(r) for r in rows}
    parents = {r.parent_id for r in rows}
    return [
        (r.id, r.points, IndicatorKind(r.kind), scorer_of(nodes[r.id], nodes))
        for r in rows
        if r.id not in parents
    ]


def _score(points: Decimal, kind: IndicatorKind, share: Decimal, position: int) -> Decimal:
    """Most of the points, a little more or less from one indicator to the next."""
    if kind is IndicatorKind.VETO:
        return Decimal(0)
    if kind is IndicatorKind.BONUS:
        share = share * Decimal("0.4")  # bonus points are hard to earn
    wobble = Decimal((position * 7) % 5 - 2) / 20
    value = points * min(Decimal(1), share + wobble)
    halves = (value * 2).quantize(Decimal(1), ROUND_HALF_UP) / 2  # scores in half points
    return max(Decimal(0), min(points, halves))


def _add_score(
    session: Session, row: EvaluationRound, leaf: int, scorer: Scorer, score: Decimal, user: int
) -> None:
    session.add(
        EvaluationScore(
            station_id=row.station_id, round_id=row.id, indicator_id=leaf, scorer=scorer.value,
            score=score, comment="", created_by_id=user, updated_by_id=user,
        )
    )  # fmt: skip
