"""The evidence pack's quality records: satisfaction surveys by month, and the third-party
evaluation rounds of the period with their 整改 items (what, who, due, done).

Figures only, no person: a survey row names the kind of service and who answered, never
the client, so the sheet needs no masking beyond what the build applies to every file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from sqlalchemy import select

from app.domain import satisfaction
from app.domain.evaluation import RoundKind
from app.exports.report_model import Column, Detail

from .pack_items import PackContext, PackItem
from .pack_records import STATION


def quality(ctx: PackContext) -> list[PackItem]:
    from app.exports.pack_xlsx import write_records_xlsx

    def write(path: Path) -> None:
        info = f"项目：{ctx.project.info.name}　期间：{ctx.first:%Y-%m}至{ctx.last:%Y-%m}"
        sheets = [surveys_by_month(ctx), rounds(ctx), rectifications(ctx)]
        write_records_xlsx(ctx.project.info.name, info, ctx.masker.apply(sheets), path)

    title = "满意度调查（按月）、第三方评估与整改事项"
    return [PackItem("满意度与整改.xlsx", title, write)]


def surveys_by_month(ctx: PackContext) -> Detail:
    """Per station and month: surveys, answered, satisfied and the rate (满意率)."""
    from app.store.models import SatisfactionSurvey

    counts: dict[tuple[int, dt.date], list[int]] = defaultdict(lambda: [0, 0, 0])
    with ctx.db.read() as session:
        rows = session.execute(
            select(
                SatisfactionSurvey.station_id,
                SatisfactionSurvey.surveyed_on,
                SatisfactionSurvey.respondent,
                SatisfactionSurvey.overall,
            ).where(
                SatisfactionSurvey.station_id.in_([s.id for s in ctx.stations]),
                SatisfactionSurvey.surveyed_on.between(ctx.first, ctx.last),
            )
        )
        for station_id, day, respondent, overall in rows:
            cell = counts[(station_id, day.replace(day=1))]
            cell[0] += 1
            if respondent != satisfaction.Respondent.NONE:
                cell[1] += 1
                cell[2] += satisfaction.is_satisfied(overall)
    names = {s.id: s.name for s in ctx.stations}
    columns = (
        STATION,
        Column("月份", 10),
        Column("调查份数", 10, "int"),
        Column("有效回答", 10, "int"),
        Column("满意", 8, "int"),
        Column("满意率", 10),
    )
    return Detail(
        "满意度调查（按月）",
        columns,
        tuple(
            (
                names[sid],
                f"{month:%Y-%m}",
                total,
                answered,
                satisfied,
                f"{satisfied / answered:.1%}" if answered else "—",
            )
            for (sid, month), (total, answered, satisfied) in sorted(counts.items())
        ),
    )


def rounds(ctx: PackContext) -> Detail:
    from app.store.models import EvaluationRound

    with ctx.db.read() as session:
        found = session.scalars(
            select(EvaluationRound)
            .where(
                EvaluationRound.station_id.in_([s.id for s in ctx.stations]),
                EvaluationRound.held_on.between(ctx.first, ctx.last),
            )
            .order_by(EvaluationRound.held_on, EvaluationRound.id)
        ).all()
    names = {s.id: s.name for s in ctx.stations}
    columns = (
        STATION,
        Column("日期", 11, "date"),
        Column("类型", 10),
        Column("评估机构", 24),
        Column("状态", 8),
    )
    return Detail(
        "第三方评估",
        columns,
        tuple(
            (
                names[r.station_id],
                r.held_on,
                RoundKind(r.kind).label,
                r.agency,
                "已完成" if r.finished_at is not None else "评分中",
            )
            for r in found
        ),
    )


def rectifications(ctx: PackContext) -> Detail:
    """The 整改 items of the period's rounds, and those due in it."""
    from app.store.models import EvaluationRound, Rectification

    with ctx.db.read() as session:
        found = session.execute(
            select(Rectification, EvaluationRound.held_on)
            .join(EvaluationRound, EvaluationRound.id == Rectification.round_id)
            .where(
                Rectification.station_id.in_([s.id for s in ctx.stations]),
                (EvaluationRound.held_on.between(ctx.first, ctx.last))
                | (Rectification.due_on.between(ctx.first, ctx.last)),
            )
            .order_by(Rectification.due_on, Rectification.id)
        ).all()
    names = {s.id: s.name for s in ctx.stations}
    columns = (
        STATION,
        Column("评估日期", 11, "date"),
        Column("整改事项", 40),
        Column("责任人", 10),
        Column("期限", 11, "date"),
        Column("状态", 8),
        Column("完成日期", 11, "date"),
    )
    return Detail(
        "整改事项",
        columns,
        tuple(
            (
                names[r.station_id],
                held_on,
                r.what,
                r.owner,
                r.due_on,
                "已完成" if r.closed_on is not None else "未完成",
                r.closed_on,
            )
            for r, held_on in found
        ),
    )
