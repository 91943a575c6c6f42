"""The audit log as an Excel workbook: one sheet, one row per entry, nothing runnable."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from app.exports.roster_errors import safe

HEADERS = ("时间", "用户", "操作", "记录类型", "记录编号", "详情")


def write_audit_log(path: Path, rows: Iterable[Sequence[str]]) -> int:
    """Write the rows under the headers; the number of rows written."""
    # openpyxl loads when the log is exported, not with every service that audits.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("审计日志")
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["F"].width = 60
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        # Every value is text, escaped: a login or a detail typed by a user could look
        # like a formula and run when the county opens the file.
        # Escape first (a NUL start counts as unsafe), then drop what a sheet cannot hold.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", safe(str(value))) for value in row])
        count += 1
    book.save(path)
    return count
