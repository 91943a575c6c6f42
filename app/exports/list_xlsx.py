"""A list (clients, cases, …) as one Excel sheet, written row by row in `write_only` mode.

The writer knows layout only: the service hands it columns and rows of plain values that are
already masked. Every text cell is escaped, so nothing a user typed can run as a formula
when the county opens the file, and the file appears only once it is complete.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import StorageError
from app.exports.roster_errors import safe

CHECK_EVERY = 500
"""Rows between two looks at progress and cancellation: often enough, and cheap."""
HEADER_ROW = 3
_HEADER_COLOUR = "DDEBF7"
_UNSAFE_FIRST = frozenset("=+-@\t\r\0")
"""First characters `roster_errors.safe` escapes."""

Cell = str | int | float | dt.date | None


class ExportCancelled(Exception):
    """The user cancelled; the partly written file has been removed."""


@dataclass(frozen=True)
class ListColumn:
    """A column: its Chinese header and its width in characters."""

    title: str
    width: int = 12


@dataclass(frozen=True)
class ListSheet:
    """What goes above the table: the sheet name, a title and one line of context."""

    name: str
    title: str
    note: str
    columns: tuple[ListColumn, ...]


def cell_text(value: str) -> str:
    """Text a worksheet can hold and will never run (`=`, `+`, `-`, `@`, tab, CR…)."""
    if not value:
        return value
    value = safe(value)
    # Almost every value is printable; only the others can hold what a sheet refuses.
    if value.isprintable():
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def plain(value: str) -> str | None:
    """`cell_text` for a cell, None for empty text (Excel counts "" as filled). The inline
    test first: calling cell_text for every cell costs more than the test."""
    if value[:1] in _UNSAFE_FIRST or not value.isprintable():
        value = cell_text(value)
    return value or None


def write_list(
    path: Path,
    sheet: ListSheet,
    rows: Iterable[Sequence[Cell]],
    *,
    total: int,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the sheet to `path` (a temporary file: see `replace_file`); rows written.

    `total` is the expected row count, for progress and the header's filter range.
    Raises `ExportCancelled` as soon as `is_cancelled()` turns true.
    """
    # openpyxl loads when a file is written, not with the window (it costs start time).
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    from app.exports.report_sheet_xml import SpooledRows

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet.name[:31])
    # Write-only sheets take widths, panes and print setup before the first row.
    for number, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(number)].width = column.width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    last = get_column_letter(max(len(sheet.columns), 1))
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(total, 1)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    title = WriteOnlyCell(ws, value=cell_text(sheet.title))
    title.font = Font(bold=True, size=14)
    ws.append([title])
    note = WriteOnlyCell(ws, value=cell_text(sheet.note))
    note.alignment = Alignment(wrap_text=False)
    ws.append([note])
    header = []
    for column in sheet.columns:
        cell = WriteOnlyCell(ws, value=cell_text(column.title))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_COLOUR)
        header.append(cell)
    ws.append(header)

    # The rows as the XML openpyxl would write for them, without a cell object each
    # (report_sheet_xml.py): writing them took most of a 100,000-row export.
    listed = SpooledRows(ws, HEADER_ROW + 1)
    count = 0
    add = listed.add
    try:
        for row in rows:
            add(row)
            count += 1
            if count % CHECK_EVERY == 0:
                if is_cancelled is not None and is_cancelled():
                    raise ExportCancelled()
                if progress is not None:
                    progress(count, total)
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()
    except BaseException:
        listed.discard()  # openpyxl removes its own temporary files at exit
        raise
    try:
        listed.close()
        book.save(path)
    except OSError as exc:
        raise StorageError(f"无法保存 Excel 文件：{exc.strerror or exc}") from exc
    if progress is not None:
        progress(count, max(total, count))
    return count


def temporary_beside(path: Path) -> Path:
    """An empty temporary file in the target's folder, so the final rename stays on one disk."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=".xlsx.part", dir=path.parent
        )
    except OSError as exc:
        raise StorageError(f"无法在 {path.parent} 写入文件：{exc.strerror or exc}") from exc
    os.close(handle)
    return Path(name)


def replace_file(temporary: Path, path: Path) -> None:
    """Put the finished file in place in one step (a reader never sees half a file)."""
    try:
        os.replace(temporary, path)
    except PermissionError as exc:
        raise StorageError(
            f"无法保存到 {path.name}：文件可能正在 Excel 中打开，请关闭后再导出。"
        ) from exc
    except OSError as exc:
        raise StorageError(f"无法保存到 {path}：{exc.strerror or exc}") from exc
