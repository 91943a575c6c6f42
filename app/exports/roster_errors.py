"""The error report of a roster import: each refused row as it was, plus the reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain.text import without_hidden

_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r", "\0")


@dataclass(frozen=True)
class ErrorLine:
    row_number: int
    cells: tuple[str, ...]
    verdict: str
    reason: str


def safe(value: str) -> str:
    """A cell Excel will not run as a formula (nor any value with a control start).

    Hidden controls (bidi overrides such as U+202E, NUL…) are dropped: they would make the
    cell show something else than it holds.
    """
    value = without_hidden(value)[0]
    return "'" + value if value.startswith(_UNSAFE_START) else value


def write_error_report(
    path: Path, *, headers: Sequence[str], lines: Iterable[ErrorLine], sheet: str = "未导入的行"
) -> int:
    """Write the report (write-only, so a large one stays small in memory); returns rows."""
    # openpyxl loads when a file is written: `safe` is used far more widely than this.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    # Write-only sheets take widths and frozen panes before the first row.
    ws.column_dimensions["C"].width = 48
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    titles = ["原行号", "结果", "原因", *headers]
    header_cells = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=safe(title))
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="FFF2CC")
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    for line in lines:
        # Every cell as text, so an ID number never becomes a rounded number again.
        ws.append(
            [line.row_number, line.verdict, safe(line.reason), *(safe(c) for c in line.cells)]
        )
        count += 1
    book.save(path)
    return count
