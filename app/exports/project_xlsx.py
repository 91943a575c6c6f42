"""The project progress workbook: 进度 (each target to date against the time elapsed, and
the contract), 按月 (the actuals month by month and the cumulative share done), 说明.

Laid out like the report workbooks (app/exports/report_xlsx.py), whose sheet helpers it
uses: numbers as numbers, shares as percentages, A4 landscape, header rows repeated.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from app.exports.project_model import ProgressLine, ProjectProgress
from app.exports.report_model import Cell
from app.exports.report_xlsx import _heading, _notes, _save, _share

PROGRESS = "进度"
BY_MONTH = "按月"


def info_line(report: ProjectProgress) -> str:
    p = report.project
    return (
        f"项目编号：{p.code}　周期：{p.starts_on:%Y-%m-%d} 至 {p.ends_on:%Y-%m-%d}　"
        f"统计截至：{report.as_of:%Y-%m-%d}　生成时间：{report.generated_at:%Y-%m-%d %H:%M}　"
        f"填报人：{report.prepared_by}"
    )


def month_label(report: ProjectProgress, index: int) -> str:
    m = report.months[index]
    label = f"{m.month.year}年{m.month.month}月"
    return f"{label}（已月结）" if m.closed else label


def write_progress_xlsx(report: ProjectProgress, path: Path) -> Path:
    book = Workbook(write_only=True)
    progress_sheets(book, report)
    return _save(book, path)


def progress_sheets(book: Workbook, report: ProjectProgress) -> None:
    """进度, 按月 and 说明 (the evidence pack's indicator table adds its record lists)."""
    info = info_line(report)
    header = ("指标", "单位", "权重", "目标值", "实际完成", "完成率", "应完成进度", "状态")
    ws = _heading(book, PROGRESS, report.title, info, header, (20, 7, 8, 11, 11, 10, 11, 10))
    expected = float(report.expected / 100)
    for line in report.lines:
        done = None if line.actual is None else _share(line.actual, line.target)
        ws.add((line.label, line.unit, line.weight, line.target, line.actual, done, expected,
                _state(line)))  # fmt: skip
    if not report.lines:
        ws.add(("（本项目尚未设置指标）",))
    ws.blank()
    if report.score is not None:
        ws.add(("综合完成率", "", "", "", "", float(report.score / 100)), bold=True)
        ws.blank()
    p = report.project
    contract: list[tuple[str, Cell]] = [
        ("项目名称", p.name), ("合同编号", p.contract_no), ("购买方", p.buyer),
        ("承接机构", p.agency), ("项目周期", f"{p.starts_on:%Y-%m-%d} 至 {p.ends_on:%Y-%m-%d}"),
        ("合同金额（元）", p.amount_yuan), ("覆盖站点", "、".join(p.stations)),
        ("项目负责人", p.lead), ("督导", p.supervisor),
    ]  # fmt: skip
    ws.table("项目信息", ("项目", "内容"), contract)
    _by_month(book, report, info)
    _notes(book, report.title, info, report.definitions)


def _state(line: ProgressLine) -> str:
    if line.done is None:
        return ""
    return "进度落后" if line.behind else "正常"


def _by_month(book: Workbook, report: ProjectProgress, info: str) -> None:
    months = tuple(month_label(report, i) for i in range(len(report.months)))
    header = ("指标", "单位", *months, "累计", "目标值")
    widths = (20, 7, *(11,) * len(months), 11, 11)
    ws = _heading(book, BY_MONTH, f"{report.title}：按月", info, header, widths)
    for line in report.lines:
        ws.add((line.label, line.unit, *line.months, line.actual, line.target))
    ws.blank()
    cumulative = [
        (line.label, "", *(None if v is None else _share(v, line.target) for v in line.running))
        for line in report.lines
    ]
    ws.table("累计完成率（截至各月末）", ("指标", "", *months), cumulative)
