"""The project progress report laid out for the project lead to print and sign: the
contract, each target to date against the time elapsed, and the months side by side."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from app.exports.pdf_common import Styles, fields_table, styles, table, text, write_pdf
from app.exports.project_model import ProgressLine, ProjectProgress
from app.exports.project_xlsx import month_label
from app.exports.report_pdf import number

MONTH_COLUMNS = 5
"""Targets side by side in the monthly table, as in the annual report."""


def percent(value: object) -> str:
    return "—" if value is None else f"{value}%"


def write_progress_pdf(report: ProjectProgress, path: Path) -> Path:
    st = styles()
    p = report.project
    story: list[Flowable] = [
        text(report.title, st.title),
        fields_table(_contract(report), st),
        Spacer(1, 2 * mm),
        text(_summary(report), st.body),
        text(
            f"生成时间：{report.generated_at:%Y-%m-%d %H:%M}　填报人：{report.prepared_by}",
            st.small,
        ),
        text("一、指标完成情况", st.h1),
    ]
    if report.lines:
        header = ["指标", "单位", "权重", "目标值", "实际完成", "完成率", "应完成进度", "状态"]
        rows = [_row(line, report) for line in report.lines]
        story.append(table([header, *rows], (2.6, 0.9, 0.9, 1.3, 1.3, 1.1, 1.2, 1.1), st))
    else:
        story.append(text("本项目尚未设置指标。", st.body))
    heading: list[Flowable] = [
        text("二、按月完成情况", st.h1),
        text("各月实际完成数；已月结的整月取月结时保存的数字。", st.small),
    ]
    # Balanced chunks: 11 targets print as 4 + 4 + 3 columns, not 5 + 5 + 1.
    tables = -(-len(report.lines) // MONTH_COLUMNS)
    size = -(-len(report.lines) // tables) if tables else 0
    for start in range(0, len(report.lines), size or 1):
        chunk = report.lines[start : start + size]
        # Kept on one page when it fits (the section's heading with the first): its totals
        # belong under its months.
        story.append(KeepTogether([*heading, Spacer(1, 2 * mm), _month_table(chunk, report, st)]))
        heading = []
    story += heading
    story += [CondPageBreak(40 * mm), text("三、说明", st.h1)]
    story += [text(f"{d.label}：{d.text}", st.small) for d in report.definitions]
    story += _signatures(st)
    return write_pdf(
        path,
        story,
        station_name=f"{p.name}（{p.code}）",
        title=report.title,
        author=report.prepared_by,
    )


def _contract(report: ProjectProgress) -> list[tuple[str, str]]:
    p = report.project
    return [
        ("项目编号", p.code), ("合同编号", p.contract_no or "—"),
        ("购买方", p.buyer or "—"), ("承接机构", p.agency or "—"),
        ("项目周期", f"{p.starts_on:%Y-%m-%d} 至 {p.ends_on:%Y-%m-%d}"),
        ("合同金额", f"{number(p.amount_yuan)} 元"),
        ("项目负责人", p.lead or "—"), ("督导", p.supervisor or "—"),
        ("覆盖站点", "、".join(p.stations)), ("统计截至", f"{report.as_of:%Y-%m-%d}"),
    ]  # fmt: skip


def _summary(report: ProjectProgress) -> str:
    line = f"截至 {report.as_of:%Y-%m-%d}，项目周期已过 {report.expected}%（应完成进度）"
    if report.score is not None:
        line += f"，综合完成率 {report.score}%"
    behind = report.behind
    if behind:
        line += f"；进度落后的指标：{'、'.join(b.label for b in behind)}"
    elif report.lines:
        line += "；各项指标均未落后"
    return line + "。"


def _row(line: ProgressLine, report: ProjectProgress) -> list[str]:
    state = "" if line.done is None else ("进度落后" if line.behind else "正常")
    return [
        line.label, line.unit, weight(line.weight), number(line.target), number(line.actual),
        percent(line.done), percent(report.expected), state,
    ]  # fmt: skip


def weight(value: Decimal) -> str:
    """30.00 → "30"; no weight → "—" (all targets then weigh the same)."""
    return f"{value.normalize():f}" if value else "—"


def _signatures(st: Styles) -> list[Flowable]:
    lines: list[Flowable] = [
        Spacer(1, 8 * mm),
        text("填报人：__________________　　项目负责人签字：__________________", st.body),
        Spacer(1, 6 * mm),
        text("日期：______年____月____日　　　承接机构盖章：", st.body),
    ]
    return [CondPageBreak(35 * mm), KeepTogether(lines)]


def _month_table(lines: Sequence[ProgressLine], report: ProjectProgress, st: Styles) -> Flowable:
    header = ["月份", *(f"{line.label}（{line.unit}）" for line in lines)]
    body = [
        [month_label(report, i), *(number(line.months[i]) for line in lines)]
        for i in range(len(report.months))
    ]
    body.append(["累计", *(number(line.actual) for line in lines)])
    body.append(["目标值", *(number(line.target) for line in lines)])
    body.append(["完成率", *(percent(line.done) for line in lines)])
    return table([header, *body], (1.8, *(2,) * len(lines)), st)
