"""The audit log as an Excel workbook: one sheet, one row per entry, nothing runnable."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from app.exports.list_xlsx import (
    CHECK_EVERY,
    ExportCancelled,
    replace_file,
    temporary_beside,
)
from app.exports.roster_errors import safe

HEADERS = ("时间", "用户", "操作", "记录类型", "记录编号", "详情")


def write_audit_log(
    path: Path,
    rows: Iterable[Sequence[str]],
    *,
    total: int = 0,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the rows under the headers; the number of rows written.

    Written beside `path` and moved in when done: cancelled (ExportCancelled, looked at
    between rows) or failed, no file is left half-written.
    """
    temporary = temporary_beside(path)
    try:
        count = _write(temporary, rows, total, progress, is_cancelled)
        replace_file(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def _write(
    path: Path,
    rows: Iterable[Sequence[str]],
    total: int,
    progress: Callable[[int, int], None] | None,
    is_cancelled: Callable[[], bool] | None,
) -> int:
    # openpyxl loads when the log is exported, not with every service that audits.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
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
    try:
        for row in rows:
            # Every value is text, escaped: a login or a detail typed by a user could look
            # like a formula and run when the county opens the file.
            sheet.append([_text(value) for value in row])
            count += 1
            if count % CHECK_EVERY == 0:
                if is_cancelled is not None and is_cancelled():
                    raise ExportCancelled()
                if progress is not None:
                    progress(count, total)
    except BaseException:
        sheet.close()  # end the row stream, or it fails later on a closed file
        raise
    book.save(path)
    return count


def _text(value: object) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Escape first (a NUL start counts as unsafe), then drop what a worksheet cannot hold.
    return ILLEGAL_CHARACTERS_RE.sub("", safe(str(value)))
