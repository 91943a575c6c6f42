"""The score sheet of a round, as the writers in app/exports/evaluation_sheet.py take it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.evaluation import IndicatorKind, Scorer, stars_text
from app.exports.evaluation_sheet import ScoreSheet, SheetRow

from .types import RoundDetail


def points(value: Decimal) -> str:
    return f"{value.normalize():f}"


def sheet_model(detail: RoundDetail, *, prepared_by: str, generated_at: dt.datetime) -> ScoreSheet:
    s = detail.summary
    given = {(v.indicator_id, v.scorer): v for v in detail.scores}
    used = {v.scorer for v in detail.scores}
    # Scorers who gave scores that do not count (the self-assessment beside the third
    # party's, say) get a column each, so both stand side by side.
    others = tuple(sc for sc in Scorer if sc in used)
    rows = []
    for ind in detail.system.indicators:
        mine = given.get((ind.id, ind.scorer))
        if ind.kind is IndicatorKind.VETO and ind.leaf:
            counted = "" if mine is None else ("触发" if mine.score >= 1 else "未触发")
        elif ind.leaf and ind.id in detail.counted:
            counted = points(detail.counted[ind.id])
        else:
            counted = ""
        comments = [f"{sc.label}：{v.comment}" for sc in Scorer
                    if (v := given.get((ind.id, sc))) is not None and v.comment]  # fmt: skip
        rows.append(
            SheetRow(
                level=ind.level, code=ind.code, name=ind.name,
                points="" if ind.kind is IndicatorKind.VETO else points(ind.points),
                kind=ind.kind.label, scorer=ind.scorer.label if ind.leaf else "",
                counted=counted,
                others=tuple(
                    points(v.score) if (v := given.get((ind.id, sc))) is not None else ""
                    for sc in others
                ),
                comment="；".join(comments),
            )
        )  # fmt: skip
    system = detail.system.summary
    results = [
        ("基础得分", f"{points(detail.base)} / {points(system.total_points)}"),
        ("加分", f"{points(detail.bonus)} / {points(system.bonus_points)}"),
        ("总分", points(s.total)),
        ("一票否决", f"已触发（{detail.system.veto_rule.label}）" if s.vetoed else "未触发"),
        ("等级", f"{s.grade} {stars_text(s.stars)}".strip() or "—"),
        ("后果", detail.consequence or "—"),
        ("已评分", f"{detail.scored} / {detail.leaves} 项"),
        ("状态", "已完成" if s.finished else "评分中"),
    ]
    results += [(f"{sc.label}小计", points(v)) for sc, v in detail.by_scorer.items()]
    return ScoreSheet(
        title=f"{s.station_name} {s.held_on:%Y-%m-%d} {s.kind.label}评估评分表",
        station=s.station_name,
        info=(
            ("站点", s.station_name),
            ("评估类型", s.kind.label),
            ("评估日期", f"{s.held_on:%Y-%m-%d}"),
            ("评估机构", s.agency or "—"),
            ("评估人员", detail.evaluators or "—"),
            ("指标体系", system.name),
            ("服务项目", detail.project or "—"),
            ("备注", detail.note or "—"),
        ),
        other_scorers=tuple(sc.label for sc in others),
        rows=tuple(rows),
        results=tuple(results),
        rectifications=tuple(
            (
                r.what,
                r.owner,
                f"{r.due_on:%Y-%m-%d}",
                r.status.label,
                f"{r.closed_on:%Y-%m-%d} {r.closed_by} {r.closing_note}".strip()
                if r.closed_on
                else "",
            )
            for r in detail.rectifications
        ),
        prepared_by=prepared_by,
        generated_at=generated_at,
    )
