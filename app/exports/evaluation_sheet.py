"""A round's score sheet (评分表) as Excel and PDF: the round, every indicator with its
points and each scorer's score, the totals and grade, and the 整改 items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.exports.pdf_common import fields_table, styles, table, text, write_pdf
from app.exports.roster_errors import safe


@dataclass(frozen=True)
class SheetRow:
    level: int
    code: str
    name: str
    points: str
    kind: str
    scorer: str
    counted: str
    """The score that counts ("" for a parent or an unscored leaf)."""
    others: tuple[str, ...]
    comment: str


@dataclass(frozen=True)
class ScoreSheet:
    title: str
    station: str
    info: tuple[tuple[str, str], ...]
    other_scorers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    results: tuple[tuple[str, str], ...]
    rectifications: tuple[tuple[str, str, str, str, str], ...]
    """(内容, 责任人, 期限, 状态, 完成情况)."""
    prepared_by: str
    generated_at: dt.datetime


def _header(sheet: ScoreSheet) -> list[str]:
    return ["编号", "指标", "分值", "类型", "评分主体", "得分", *sheet.other_scorers, "评语"]


def _cells(row: SheetRow) -> list[str]:
    name = "　" * (row.level - 1) + row.name
    return [row.code, name, row.points, row.kind, row.scorer, row.counted, *row.others,
            row.comment]  # fmt: skip


RECT_HEADER = ("整改内容", "责任人", "整改期限", "状态", "完成情况")


def write_sheet_xlsx(sheet: ScoreSheet, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    ws = book.active
    assert isinstance(ws, Worksheet)
    ws.title = "评分表"
    ws.append([safe(sheet.title)])
    ws["A1"].font = Font(bold=True, size=14)
    for label, value in sheet.info:
        ws.append([label, safe(value)])
    ws.append([])
    header = _header(sheet)
    ws.append(header)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    ws.print_title_rows = f"{ws.max_row}:{ws.max_row}"
    numeric = range(5, 6 + len(sheet.other_scorers))
    for row in sheet.rows:
        cells = _cells(row)
        ws.append([_number(c) if i == 2 or i in numeric else safe(c)
                   for i, c in enumerate(cells)])  # fmt: skip
        if row.level == 1:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
    ws.append([])
    for label, value in sheet.results:
        ws.append(["", label, safe(value)])
        ws.cell(ws.max_row, 2).font = Font(bold=True)
    for column, width in zip("ABCDEFGHIJK", (8, 40, 7, 9, 11, 7, 9, 9, 9, 9, 30), strict=False):
        ws.column_dimensions[column].width = width
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    items = book.create_sheet("整改事项")
    items.append(list(RECT_HEADER))
    for item in sheet.rectifications:
        items.append([safe(c) for c in item])
    for column, width in zip("ABCDE", (40, 10, 12, 8, 30), strict=True):
        items.column_dimensions[column].width = width
    book.save(path)
    return path


def _number(value: str) -> object:
    """Points and scores as numbers, so the sheet can add them up; other text as is."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return safe(value)
    return int(number) if number == number.to_integral_value() else float(number)


def write_sheet_pdf(sheet: ScoreSheet, path: Path) -> Path:
    st = styles()
    header = _header(sheet)
    widths: Sequence[float] = (0.8, 4.2, 0.8, 0.9, 1.1, 0.8, *(0.9,) * len(sheet.other_scorers),
                               2.2)  # fmt: skip
    story: list[Flowable] = [
        text(sheet.title, st.title),
        fields_table(list(sheet.info), st),
        Spacer(1, 3 * mm),
        text("一、评分", st.h1),
        table([header, *(_cells(r) for r in sheet.rows)], widths, st),
        Spacer(1, 3 * mm),
        text("二、结果", st.h1),
        fields_table(list(sheet.results), st),
        text("三、整改事项", st.h1),
    ]
    if sheet.rectifications:
        story.append(table([list(RECT_HEADER), *map(list, sheet.rectifications)],
                           (4, 1.2, 1.3, 1, 3), st))  # fmt: skip
    else:
        story.append(text("无。", st.body))
    story += [
        Spacer(1, 8 * mm),
        text(
            f"生成时间：{sheet.generated_at:%Y-%m-%d %H:%M}　填报人：{sheet.prepared_by}", st.small
        ),
        Spacer(1, 6 * mm),
        text("评估人员签字：__________________　　站点负责人签字：__________________", st.body),
    ]
    return write_pdf(path, story, station_name=sheet.station, title=sheet.title,
                     author=sheet.prepared_by)  # fmt: skip
