"""The report workbooks: 汇总 (every figure and its breakdowns), one detail sheet per list
of records behind the figures, and 说明 (what each figure counts).

Numbers are written as numbers, dates as dates; every text cell is escaped so nothing can
run as a formula. Each sheet prints on A4 landscape, fitted to the page width, with its
header row repeated on every page. The file appears only once it is complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.errors import StorageError
from app.exports import report_partnership as partnership
from app.exports.county_model import CountyOverview
from app.exports.list_xlsx import cell_text, replace_file, temporary_beside
from app.exports.report_model import (
    NOT_COUNTED,
    AnnualReport,
    Cell,
    CountySummary,
    Definition,
    Detail,
    MonthlyReport,
    Number,
)
from app.exports.report_sheet_xml import SheetRows, close_sheets
from app.exports.satisfaction_text import percent, summary_lines
from app.exports.xlsx_styles import (
    HEADER,
    SECTION,
    TITLE,
    Look,
    number_format,
    styles_of,
)

SUMMARY = "汇总"
NOTES = "说明"
CORRECTIONS = "更正说明"


def write_monthly_xlsx(report: MonthlyReport, path: Path) -> Path:
    book = Workbook(write_only=True)
    info = _info(report.station.name, f"{report.month.year}年{report.month.month}月", report)
    if report.closed is not None:
        info += f"　已月结：{report.closed.closed_at:%Y-%m-%d} {report.closed.closed_by}"
        if report.corrected_since_close:
            info += f"（月结后有更正 {report.corrected_since_close} 处，本表为月结时的数字）"
    header = ("类别", "指标", "单位", "本月", "上月", "年度累计", "年度目标", "年度完成率")
    ws = _heading(book, SUMMARY, report.title, info, header, (12, 20, 7, 11, 11, 11, 11, 11))
    for f in report.figures:
        share = _share(f.year_to_date, f.target)
        ws.add((f.section, f.label, f.unit, f.value, f.previous, f.year_to_date, f.target, share))
    ws.blank()
    reasons = [(label, count) for label, count in report.closed_by_reason]
    ws.table("本月结案原因", ("结案原因", "次数"), reasons)
    _satisfaction(ws, report)
    for split in report.splits:
        rows = [(label, *values) for label, values in split.rows]
        ws.table(split.title, (_dimension(split.title), *split.columns), rows)
    _partnership(ws, report)
    for detail in report.details:
        _detail(book, detail, f"{report.title}：{detail.title}", info)
    if report.corrections:
        _corrections(book, report, info)
    _notes(book, report.title, info, report.definitions)
    return _save(book, path)


def _partnership(ws: _Sheet, report: MonthlyReport) -> None:
    p = report.partnership
    if p is None:
        ws.table(
            partnership.PARTY_TITLE,
            ("", ""),
            [(partnership.NOT_COUNTED, partnership.NOT_COUNTED_NOTE)],
        )
        return
    ws.table(partnership.PARTY_TITLE, partnership.PARTY_HEADER, partnership.party_rows(p))
    ws.table(
        partnership.DEPARTMENT_TITLE, partnership.DEPARTMENT_HEADER, partnership.department_rows(p)
    )


def write_annual_xlsx(report: AnnualReport, path: Path) -> Path:
    book = Workbook(write_only=True)
    info = _info(report.station.name, f"{report.year}年", report)
    months = tuple(f"{m}月" for m in range(1, 13))
    header = ("类别", "指标", "单位", *months, "全年", "年度目标", "完成率")
    widths = (12, 20, 7, *(8,) * 12, 10, 10, 9)
    ws = _heading(book, SUMMARY, report.title, info, header, widths)
    for r in report.rows:
        total = _share(r.total, r.target)
        ws.add((r.section, r.label, r.unit, *r.months, r.total, r.target, total))
    if report.targets_only:
        ws.blank()
        cumulative = []
        for r in report.rows:
            done = [sum(r.months[: i + 1], start=Decimal(0)) for i in range(12)]
            cumulative.append((r.label, *(_share(d, r.target) for d in done)))
        ws.table("累计完成率（截至各月末）", ("指标", *months), cumulative)
    _notes(book, report.title, info, report.definitions)
    return _save(book, path)


def write_county_xlsx(summary: CountySummary, path: Path) -> Path:
    book = Workbook(write_only=True)
    month = f"{summary.month.year}年{summary.month.month}月"
    title = f"{month} 各社工站社会工作服务月报汇总"
    made = f"{summary.generated_at:%Y-%m-%d %H:%M}"
    info = f"月份：{month}　站点：{len(summary.stations)} 个　生成时间：{made}"
    header = ("站点代码", "站点", *summary.labels)
    ws = _heading(book, SUMMARY, title, info, header, (10, 18, *(10,) * len(summary.labels)))
    totals: list[Number] = [0] * len(summary.keys)
    for station in summary.stations:
        ws.add((station.station.code, station.station.name, *station.values))
        totals = [a + b for a, b in zip(totals, station.values, strict=True)]
    ws.add(("", "合计", *totals), bold=True)
    _notes(book, title, info, summary.definitions)
    return _save(book, path)


def write_county_overview_xlsx(overview: CountyOverview, path: Path) -> Path:
    """县级总览: each station's key figures, its month close and its last data package."""
    book = Workbook(write_only=True)
    month = f"{overview.month.year}年{overview.month.month}月"
    title = f"{month} 县级总览"
    made = f"{overview.generated_at:%Y-%m-%d %H:%M}"
    info = (
        f"月份：{month}　站点：{len(overview.stations)} 个（已月结 {overview.closed} 个）"
        f"　生成时间：{made}"
    )
    header = ("站点代码", "站点", *overview.labels, "月结", "最近数据包", "收到日期",
              "待处理冲突")  # fmt: skip
    widths = (10, 18, *(10,) * len(overview.labels), 16, 11, 12, 11)
    ws = _heading(book, SUMMARY, title, info, header, widths)
    for s in overview.stations:
        closed = f"已月结 {s.closed_at:%Y-%m-%d}" if s.closed_at is not None else "未月结"
        package = s.package
        ws.add((
            s.station.code, s.station.name,
            *("未统计" if v is None else v for v in s.values),
            closed,
            f"第 {package.sequence} 号" if package is not None else "",
            package.received_at.date() if package is not None else None,
            s.open_conflicts,
        ))  # fmt: skip
    ws.add(("", "合计", *overview.totals, "", "", None,
            sum(s.open_conflicts for s in overview.stations)), bold=True)  # fmt: skip
    return _save(book, path)


def _satisfaction(ws: _Sheet, report: MonthlyReport) -> None:
    s = report.satisfaction
    if s is None:
        ws.table(
            "满意度", ("项目", "内容"), [("满意度", f"{NOT_COUNTED}（本月月结时尚未统计满意度）")]
        )
        return
    ws.table("满意度", ("项目", "内容"), summary_lines(s))
    ws.table(
        "满意度：各项平均分（1到5分）",
        ("题目", "平均分", "回答份数"),
        [(i.label, i.average, i.answered) for i in s.scores],
    )
    ws.table(
        "满意度：按服务类型",
        ("服务类型", "调查份数", "有效回答", "总体满意", "满意率"),
        [(b.label, b.surveys, b.answered, b.satisfied, percent(b.rate)) for b in s.by_subject],
    )


# ---- layout -----------------------------------------------------------------------------


class _Sheet:
    """A write-only sheet filled top to bottom, each value with its number format. Its rows
    go in as XML (report_sheet_xml) when the workbook is saved."""

    def __init__(self, book: Workbook, name: str, widths: Sequence[float], header_row: int):
        self.styles = styles_of(book)
        self.ws: Worksheet = book.create_sheet(_sheet_name(name))
        # Write-only sheets take widths, panes and print setup before the first row.
        for number, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(number)].width = width
        self.ws.freeze_panes = f"A{header_row + 1}"
        _print_setup(self.ws, header_row)
        self.rows = SheetRows(self.ws, self.styles)

    def title(self, title: str, info: str) -> None:
        self.rows.add([(cell_text(title), TITLE)])
        self.rows.add([(cell_text(info), None)])

    def blank(self) -> None:
        self.rows.blank()

    def header(self, titles: Sequence[str]) -> None:
        self.rows.add([(cell_text(t), HEADER) for t in titles])

    def add(
        self, values: Sequence[Cell | float], *, bold: bool = False, wrap: bool = False
    ) -> None:
        """A framed row, each value in its number format."""
        align = "top" if wrap else None
        self.rows.add(
            [
                (_value(value), Look(number_format(value), border=True, bold=bold, wrap=align))
                for value in values
            ]
        )

    def table(
        self, title: str, header: Sequence[str], rows: Sequence[Sequence[Cell | float]]
    ) -> None:
        """A titled sub-table below the figures; "（无）" when it has no rows."""
        self.rows.add([(cell_text(title), SECTION)])
        self.header(header)
        if not rows:
            self.rows.add([("（无）", None)])
        for values in rows:
            self.add(values)
        self.blank()


def _info(station: str, period: str, report: MonthlyReport | AnnualReport) -> str:
    return (
        f"站点：{station}（{report.station.code}）　期间：{period}　"
        f"生成时间：{report.generated_at:%Y-%m-%d %H:%M}　填报人：{report.prepared_by}"
    )


def _heading(
    book: Workbook,
    name: str,
    title: str,
    info: str,
    header: Sequence[str],
    widths: Sequence[float],
) -> _Sheet:
    """Title, station/period/time line, a blank row and the header (row 4, frozen)."""
    sheet = _Sheet(book, name, widths, 4)
    sheet.title(title, info)
    sheet.blank()
    sheet.header(header)
    return sheet


def _print_setup(ws: Worksheet, header_row: int) -> None:
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _dimension(title: str) -> str:
    """The first column's header of a breakdown: "按社工" → "社工"."""
    return title.removeprefix("按").split("（")[0] if title.startswith("按") else "姓名"


def _value(value: Cell | float) -> Cell | float:
    """Text made safe for a cell (never a formula), empty text as no value."""
    return cell_text(value) or None if isinstance(value, str) else value


def _share(done: Number, target: Number | None) -> float | None:
    """The part of the target done, as a fraction Excel shows as a percentage."""
    if not target:
        return None
    return round(float(done) / float(target), 4)


def _detail(book: Workbook, detail: Detail, title: str, info: str) -> None:
    """The records behind a figure, one row each."""
    sheet = _Sheet(book, detail.title, [c.width for c in detail.columns], 3)
    if detail.rows:
        last = get_column_letter(len(detail.columns))
        sheet.ws.auto_filter.ref = f"A3:{last}{3 + len(detail.rows)}"
    sheet.title(title, f"{info}　共 {len(detail.rows)} 条")
    sheet.header([c.header for c in detail.columns])
    formatted = [c.kind in ("date", "decimal") for c in detail.columns]
    sheet.rows.list_rows(formatted, detail.rows)


def _corrections(book: Workbook, report: MonthlyReport, info: str) -> None:
    """更正说明: this month's corrections to earlier closed months (their reports stay)."""
    sheet = _Sheet(book, CORRECTIONS, (10, 40, 7, 40, 10, 11), 3)
    sheet.title(f"{report.title}：{CORRECTIONS}", info)
    sheet.header(("更正月份", "记录", "操作", "更正原因", "更正人", "录入日期"))
    for c in report.corrections:
        month = f"{c.month.year}年{c.month.month}月"
        sheet.add((month, c.record, c.what, c.reason, c.by, c.entered_on), wrap=True)


def _notes(book: Workbook, title: str, info: str, definitions: Sequence[Definition]) -> None:
    sheet = _Sheet(book, NOTES, (20, 7, 90), 3)
    sheet.title(f"{title}：指标说明", info)
    sheet.header(("指标或用语", "单位", "口径"))
    for d in definitions:
        sheet.add((d.label, d.unit, d.text), wrap=True)


def _sheet_name(title: str) -> str:
    """A sheet name Excel accepts: no []:*?/\\ and at most 31 characters."""
    return "".join("_" if ch in "[]:*?/\\" else ch for ch in title)[:31]


def _save(book: Workbook, path: Path) -> Path:
    close_sheets(book)
    temporary = temporary_beside(path)
    try:
        book.save(temporary)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError(f"无法保存 Excel 文件：{exc.strerror or exc}") from exc
    replace_file(temporary, path)
    return path
