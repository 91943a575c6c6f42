"""The monthly and annual reports laid out for the station head to print, sign and stamp.

A4 with the station's header and 第 N 页 / 共 M 页; every cell is a wrapping paragraph
(pdf_common.table), so no figure or label runs past its cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from app.exports import report_partnership as partnership
from app.exports.pdf_common import Styles, styles, table, text, write_pdf
from app.exports.report_model import NOT_COUNTED, AnnualReport, MonthColumn, MonthlyReport, Number
from app.exports.satisfaction_text import percent, summary_lines

ANNUAL_COLUMNS = 5
"""Figures side by side in an annual table: with 14 rows of months they stay readable."""


def number(value: Number | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return f"{value:,}"


def share(done: Number, target: Number | None) -> str:
    if not target:
        return "—"
    return f"{Decimal(done) * 100 / Decimal(target):.1f}%"


def write_monthly_pdf(report: MonthlyReport, path: Path) -> Path:
    st = styles()
    story: list[Flowable] = [
        text(report.title, st.title),
        *_closed_lines(report, st),
        text(
            f"统计期间：{report.month.year}年{report.month.month}月1日至月末　"
            f"生成时间：{report.generated_at:%Y-%m-%d %H:%M}",
            st.small,
        ),
        Spacer(1, 3 * mm),
    ]
    sections: dict[str, list[list[str]]] = {}
    for f in report.figures:
        sections.setdefault(f.section, []).append(
            [
                f.label,
                f.unit,
                number(f.value),
                number(f.previous),
                number(f.year_to_date),
                number(f.target),
                share(f.year_to_date, f.target),
            ]
        )
    header = ["指标", "单位", "本月", "上月", "年度累计", "年度目标", "完成率"]
    widths = (3.2, 1, 1.3, 1.3, 1.4, 1.4, 1.2)
    for number_, (title, rows) in enumerate(sections.items(), start=1):
        story += [
            CondPageBreak(30 * mm),
            text(f"{_ordinal(number_)}、{title}", st.h1),
            table([header, *rows], widths, st),
        ]
        if title == "满意度":
            story += satisfaction_block(report, st)
        if title == "个案" and report.closed_by_reason:
            reasons = [[label, str(count)] for label, count in report.closed_by_reason]
            story += [
                text("本月结案原因", st.h2),
                table([["结案原因", "次数"], *reasons], (3, 1), st),
            ]
    count = len(sections)
    if "满意度" not in sections:
        # A month closed before surveys were counted: say so, never recount it.
        count += 1
        story += [CondPageBreak(30 * mm), text(f"{_ordinal(count)}、满意度", st.h1)]
        story += satisfaction_block(report, st)
    for split in report.splits:
        count += 1
        story += [CondPageBreak(30 * mm), text(f"{_ordinal(count)}、{split.title}", st.h1)]
        if not split.rows:
            story.append(text("（本月无记录）", st.body))
            continue
        rows = [[label, *(number(v) for v in values)] for label, values in split.rows]
        story.append(table([["", *split.columns], *rows], (2.2, *(1,) * len(split.columns)), st))
    count += 1
    story += [CondPageBreak(40 * mm), text(f"{_ordinal(count)}、五社联动", st.h1)]
    story += _partnership(report, st)
    count += 1
    story += [CondPageBreak(40 * mm), text(f"{_ordinal(count)}、与上月及年度累计比较", st.h1)]
    story += [text(line, st.body) for line in report.comparison]
    if report.corrections:
        count += 1
        story += [CondPageBreak(40 * mm), text(f"{_ordinal(count)}、更正说明", st.h1)]
        story.append(text("本月对已月结月份的更正（不改变已报送月报的数字）：", st.body))
        rows = [
            [f"{c.month.year}年{c.month.month}月", c.record, c.what, c.reason, c.by,
             f"{c.entered_on:%Y-%m-%d}"]
            for c in report.corrections
        ]  # fmt: skip
        header = ["更正月份", "记录", "操作", "更正原因", "更正人", "录入日期"]
        story.append(table([header, *rows], (1.7, 3.4, 0.8, 2.8, 1.1, 1.6), st))
    story += _signatures(st)
    return write_pdf(
        path,
        story,
        station_name=report.station.name,
        title=report.title,
        author=report.prepared_by,
    )


def satisfaction_block(report: MonthlyReport, st: Styles) -> list[Flowable]:
    s = report.satisfaction
    if s is None:
        return [text(f"满意度：{NOT_COUNTED}（本月月结时尚未统计满意度）。", st.body)]
    rate = "；".join(f"{label}：{value}" for label, value in summary_lines(s)[3:])
    scores = [[i.label, "—" if i.average is None else f"{i.average}", str(i.answered)]
              for i in s.scores]  # fmt: skip
    kinds = [[b.label, str(b.surveys), str(b.answered), str(b.satisfied), percent(b.rate)]
             for b in s.by_subject]  # fmt: skip
    return [
        text(rate, st.body),
        text("各项平均分（1到5分）", st.h2),
        table([["题目", "平均分", "回答份数"], *scores], (3, 1.2, 1.2), st),
        text("按服务类型", st.h2),
        table([["服务类型", "调查份数", "有效回答", "总体满意", "满意率"], *kinds],
              (2, 1.2, 1.2, 1.2, 1.2), st),
    ]  # fmt: skip


def _partnership(report: MonthlyReport, st: Styles) -> list[Flowable]:
    p = report.partnership
    if p is None:
        return [text(f"{partnership.NOT_COUNTED}：{partnership.NOT_COUNTED_NOTE}", st.body)]
    cells = [[_cell(v) for v in row] for row in partnership.party_rows(p)]
    parts: list[Flowable] = [
        text(partnership.PARTY_TITLE, st.h2),
        table([list(partnership.PARTY_HEADER), *cells], (2.6, 1.3, 1.1, 1.3, 1.5), st),
        text(partnership.DEPARTMENT_TITLE, st.h2),
    ]
    if not p.departments:
        return [*parts, text("（本月无转介）", st.body)]
    cells = [[_cell(v) for v in row] for row in partnership.department_rows(p)]
    widths = (2.4, 1.1, 1, 1, 1, 1.4)
    return [*parts, table([list(partnership.DEPARTMENT_HEADER), *cells], widths, st)]


def _cell(value: object) -> str:
    return number(value) if isinstance(value, int | Decimal) else str(value)


def _closed_lines(report: MonthlyReport, st: Styles) -> list[Flowable]:
    """已月结 under the title of a closed month, and whether it was corrected since."""
    if report.closed is None:
        return []
    stamp = report.closed
    lines = [text(f"已月结（{stamp.closed_at:%Y-%m-%d}，{stamp.closed_by}）", st.body)]
    if report.corrected_since_close:
        lines.append(
            text(
                f"月结后有更正 {report.corrected_since_close} 处，本表仍为月结时的数字。",
                st.small,
            )
        )
    return lines


def write_annual_pdf(report: AnnualReport, path: Path) -> Path:
    st = styles()
    story: list[Flowable] = [
        text(report.title, st.title),
        text(f"生成时间：{report.generated_at:%Y-%m-%d %H:%M}", st.small),
    ]
    if not report.rows:
        story.append(text("本年度尚未设置目标。", st.body))
    for start in range(0, len(report.rows), ANNUAL_COLUMNS):
        chunk = report.rows[start : start + ANNUAL_COLUMNS]
        story += [CondPageBreak(80 * mm), Spacer(1, 3 * mm), _annual_table(chunk, report, st)]
    story += _signatures(st)
    return write_pdf(
        path,
        story,
        station_name=report.station.name,
        title=report.title,
        author=report.prepared_by,
    )


def _annual_table(rows: Sequence[MonthColumn], report: AnnualReport, st: Styles) -> Flowable:
    header = ["月份", *(f"{r.label}（{r.unit}）" for r in rows)]
    body: list[list[str]] = []
    for month in range(12):
        line = [f"{month + 1}月"]
        for r in rows:
            cell = number(r.months[month])
            if report.targets_only:
                cell += f"（累计 {share(_sum(r.months[: month + 1]), r.target)}）"
            line.append(cell)
        body.append(line)
    body.append(["全年", *(number(r.total) for r in rows)])
    body.append(["年度目标", *(number(r.target) for r in rows)])
    body.append(["完成率", *(share(r.total, r.target) for r in rows)])
    return table([header, *body], (1.4, *(2,) * len(rows)), st)


def _sum(values: Sequence[Number]) -> Number:
    total: Number = 0
    for value in values:
        total += value
    return total


def _signatures(st: Styles) -> list[Flowable]:
    lines: list[Flowable] = [
        Spacer(1, 10 * mm),
        text("填报人：____________________　　站长签字：____________________", st.body),
        Spacer(1, 8 * mm),
        text("日期：______年____月____日　　　盖章：", st.body),
        Spacer(1, 25 * mm),
    ]
    return [CondPageBreak(60 * mm), KeepTogether(lines)]


def _ordinal(n: int) -> str:
    digits = "零一二三四五六七八九十"
    if n <= 10:
        return digits[n]
    return "十" + digits[n - 10] if n < 20 else str(n)
