"""A project's progress (项目进度): each target's actual month by month and to date,
against the share of the period that has passed.

The actuals are the monthly report's own figures (reports/monthly.py), summed over the
stations the project covers, each month clipped to the project's period. A month a
station has closed (月结) gives the figures stored at closing, never a recount; a month
the period cuts (the project starts or ends inside it) is counted from the records over
the days inside the period, since the stored report covers the whole month.

Expected progress is linear: on day d of an N-day period a target on schedule is d/N
done. A target is behind when its share done is below BEHIND_RATIO of that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.orm import Session

from app.domain import project_rules
from app.domain.errors import InvalidInput
from app.exports.report_model import Definition, Number
from app.services.reports import closed_months, monthly
from app.services.reports.definitions import BY_KEY as FIGURES
from app.services.reports.service import add_months, month_end

from .types import ProgressLine, ProgressMonth, ProjectDetail, ProjectProgress, TargetView

BEHIND_RATIO = Decimal("0.9")
"""Behind: less than 90% of where the target should be by now."""
TERMS: tuple[tuple[str, str], ...] = (
    (
        "应完成进度",
        "截至统计日（所选月份的最后一天；当月为今天；不晚于项目结束日）项目周期已过天数 ÷ "
        "项目周期总天数：按时间均匀推进时目标应完成的比例。",
    ),
    ("完成率", "截至统计日的实际完成数 ÷ 目标值。"),
    (
        "进度落后",
        f"完成率低于应完成进度的 {BEHIND_RATIO:.0%}；比率指标（满意率）低于目标即为落后。",
    ),
    (
        "比率指标",
        "满意率按项目周期内（截至统计日）各月总体满意份数之和 ÷ 有效回答份数之和计算，"
        "不是各月满意率的平均；每月一栏是当月的满意率（当月无有效回答为“—”）；"
        "比率不随时间累积，所以不按应完成进度衡量。",
    ),
    (
        "综合完成率",
        "各指标完成率（超过 100% 的按 100% 计）按权重加权平均；未设权重时各指标权重相同。",
    ),
    (
        "已月结",
        "项目覆盖的站点已月结的整月，取月结时保存的数字；项目开始或结束所在的不完整月份，"
        "按项目周期内的日期从记录统计。",
    ),
)


def compute(
    session: Session,
    project: ProjectDetail,
    month: dt.date,
    *,
    today: dt.date,
    generated_at: dt.datetime,
    prepared_by: str,
) -> ProjectProgress:
    info = project.info
    if month > info.ends_on or month_end(month) < info.starts_on:
        period = f"{info.starts_on} 至 {info.ends_on}"
        raise InvalidInput(
            f"项目周期为 {period}，{month.year}年{month.month}月不在其中。", field="month"
        )
    as_of = min(month_end(month), info.ends_on, today)
    station_ids = [s.id for s in project.station_refs]
    rules = [project_rules.BY_KEY[t.rule] for t in project.targets]
    months, values = _months(session, station_ids, rules, info.starts_on, as_of)
    expected = _expected(info.starts_on, info.ends_on, as_of)
    lines = tuple(_line(t, values, expected) for t in project.targets)
    return ProjectProgress(
        project=info,
        month=month,
        as_of=as_of,
        expected=expected,
        months=tuple(months),
        lines=lines,
        score=_score(lines),
        generated_at=generated_at,
        prepared_by=prepared_by,
        definitions=definitions(project.targets),
    )


def _months(
    session: Session,
    station_ids: Sequence[int],
    rules: Sequence[project_rules.ProjectRule],
    starts_on: dt.date,
    as_of: dt.date,
) -> tuple[list[ProgressMonth], list[dict[str, Number]]]:
    """Each month of the period up to `as_of`: the rules' figures summed over the stations
    (only those figures are counted), by figure key."""
    # A rate's halves are counts: whole numbers, whatever the rate's own decimals.
    decimal = {r.figure: r.decimal for r in rules if not r.is_rate}
    wanted = {r.figure for r in rules} | {r.per for r in rules if r.is_rate}
    months: list[ProgressMonth] = []
    values: list[dict[str, Number]] = []
    month = starts_on.replace(day=1)
    while month <= as_of:
        first, last = max(month, starts_on), min(month_end(month), as_of)
        whole = first == month and last == month_end(month)
        stored: dict[int, dict[str, Number]] = {}
        if whole:
            for sid in station_ids:
                closing = closed_months.current(session, sid, month)
                if closing is not None:
                    report = closed_months.stored_report(session, closing)
                    stored[sid] = {f.key: f.value for f in report.figures}
        counted = [sid for sid in station_ids if sid not in stored]
        per_station = list(stored.values())
        if counted:
            per_station += monthly.figures(session, counted, first, last, only=wanted).values()
        values.append(
            {
                # A month closed before a figure existed (满意度) stored none of it: 0,
                # as the lock kept any record dated in it out since.
                key: _total([f.get(key, 0) for f in per_station], decimal.get(key, False))
                for key in wanted
            }
        )
        months.append(ProgressMonth(month, first, last, closed=not counted))
        month = add_months(month, 1)
    return months, values


def _total(values: Sequence[Number], decimal: bool) -> Number:
    if decimal:
        return sum((Decimal(v) for v in values), Decimal(0)).quantize(Decimal("0.01"))
    return sum(int(v) for v in values)


def _expected(starts_on: dt.date, ends_on: dt.date, as_of: dt.date) -> Decimal:
    if as_of < starts_on:
        return Decimal(0)
    passed = (min(as_of, ends_on) - starts_on).days + 1
    total = (ends_on - starts_on).days + 1
    return _percent(Decimal(passed), Decimal(total))


def _percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _line(
    target: TargetView, values: Sequence[dict[str, Number]], expected: Decimal
) -> ProgressLine:
    rule = project_rules.BY_KEY[target.rule]
    if rule.is_rate:
        return _rate_line(target, rule, values)
    months = [v[rule.figure] for v in values]
    actual = _total(months, rule.decimal)
    done = _percent(Decimal(actual), Decimal(target.target)) if target.target else None
    return ProgressLine(
        rule=target.rule,
        label=target.label,
        unit=target.unit,
        weight=target.weight,
        target=target.target,
        months=tuple(months),
        actual=actual,
        done=done,
        behind=done is not None and done < expected * BEHIND_RATIO,
        running=tuple(_total(months[: i + 1], rule.decimal) for i in range(len(months))),
    )


def _rate_line(
    target: TargetView, rule: project_rules.ProjectRule, values: Sequence[dict[str, Number]]
) -> ProgressLine:
    """A rate: each month's own, and to date the sum of the numerators over the sum of the
    denominators. It is behind when below its target: a rate does not grow with time."""
    parts = [(int(v[rule.figure]), int(v[rule.per])) for v in values]
    running = []
    part = whole = 0
    for n, d in parts:
        part, whole = part + n, whole + d
        running.append(_rate(part, whole))
    actual = running[-1] if running else None
    done = (
        _percent(actual, Decimal(target.target)) if target.target and actual is not None else None
    )
    return ProgressLine(
        rule=target.rule,
        label=target.label,
        unit=target.unit,
        weight=target.weight,
        target=target.target,
        months=tuple(_rate(n, d) for n, d in parts),
        actual=actual,
        done=done,
        behind=done is not None and done < 100,
        running=tuple(running),
    )


def _rate(part: int, whole: int) -> Decimal | None:
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _score(lines: Sequence[ProgressLine]) -> Decimal | None:
    scored = [line for line in lines if line.done is not None]
    if not scored:
        return None
    weights = [line.weight for line in scored]
    if not any(weights):
        weights = [Decimal(1)] * len(scored)
    total = sum(
        (
            w * min(line.done or Decimal(0), Decimal(100))
            for w, line in zip(weights, scored, strict=True)
        ),
        Decimal(0),
    )
    return (total / sum(weights, Decimal(0))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def definitions(targets: Sequence[TargetView]) -> tuple[Definition, ...]:
    """The 说明: what each target counts (the monthly report's wording), then the terms."""
    rules = [project_rules.BY_KEY[t.rule] for t in targets]
    return tuple(Definition(r.label, r.unit, _counts(r)) for r in rules) + tuple(
        Definition(term, "", text) for term, text in TERMS
    )


def _counts(rule: project_rules.ProjectRule) -> str:
    if rule.is_rate:
        part, whole = FIGURES[rule.figure], FIGURES[rule.per]
        return (
            f"{part.label} ÷ {whole.label} × 100%，两者各按周期内各月相加后再相除。"
            f"{part.label}：{part.definition.replace('本月', '当月')}"
        )
    return FIGURES[rule.figure].definition.replace("本月", "当月")
