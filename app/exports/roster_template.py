"""The roster template workbook: a sheet to fill in (headers and examples) and a 说明 sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.exports.roster_errors import safe

TemplateCell = str | int | float | dt.date | None
_REQUIRED_COLOUR = "F8CBAD"
_HEADER_COLOUR = "FFF2CC"
_TEXT = "@"
_DATE = "yyyy-mm-dd"


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    required: bool = False
    text: bool = False  # kept as text: Excel would round an ID number typed as a number
    date: bool = False
    width: int = 12
    note: str = ""  # what to write in it, for the 说明 sheet


def write_roster_template(
    path: Path,
    *,
    columns: Sequence[TemplateColumn],
    examples: Sequence[Sequence[TemplateCell]],
    notes: Sequence[str],
    sheet: str = "名单",
) -> None:
    """Write the template; `notes` are the lines above the column table on 说明."""
    # openpyxl loads when a template is saved, not with the clients page.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    required_fill = PatternFill("solid", fgColor=_REQUIRED_COLOUR)
    header_fill = PatternFill("solid", fgColor=_HEADER_COLOUR)
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has its first sheet
    ws.title = sheet
    bold = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        # The column's own format applies to what the user types under the examples.
        if column.text:
            ws.column_dimensions[letter].number_format = _TEXT
        elif column.date:
            ws.column_dimensions[letter].number_format = _DATE
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font = bold
        cell.fill = required_fill if column.required else header_fill
    for row_number, example in enumerate(examples, start=2):
        for index, (column, value) in enumerate(zip(columns, example, strict=True), start=1):
            cell = ws.cell(row=row_number, column=index, value=value)
            if column.text:
                cell.number_format = _TEXT
            elif column.date:
                cell.number_format = _DATE
    ws.freeze_panes = "A2"

    guide = book.create_sheet("说明")
    guide.column_dimensions["A"].width = 14
    guide.column_dimensions["B"].width = 10
    guide.column_dimensions["C"].width = 90
    wrap = Alignment(wrap_text=True, vertical="top")
    for line in notes:
        guide.append([safe(line)])
    guide.append([])
    guide.append(["列名", "是否必填", "填写说明"])
    for cell in guide[guide.max_row]:
        cell.font = bold
        cell.fill = header_fill
    for column in columns:
        guide.append([column.header, "必填" if column.required else "可不填", safe(column.note)])
        guide.cell(row=guide.max_row, column=3).alignment = wrap
    book.save(path)
