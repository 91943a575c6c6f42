"""The detail rows written as XML hold the very cells openpyxl writes for the same values."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook

from app.exports.list_xlsx import plain
from app.exports.report_sheet_xml import write_rows
from app.exports.xlsx_styles import HEADER, Look, number_format, styles_of

DAY = dt.date(2026, 7, 3)
FORMATTED = (True, False, False, True, False)
"""A date column, two text columns, a decimal column and another text column."""
ROWS: list[tuple[object, ...]] = [
    (DAY, "张三", 120, Decimal("12.50"), "村委会"),
    (None, "a & b <c>", 0, 7, " 前后有空格 "),
    (dt.date(1900, 1, 15), "=1+1", -3, "—", ""),
    (dt.datetime(2026, 7, 3, 9, 30), "#N/A", 10**20, "", "+86 138"),
    ("不详", "x\x01y", True, None, "长" * 40_000),
    (DAY, None, 0.1, Decimal("NaN"), dt.datetime(2026, 1, 2, 3, 4)),
    (DAY, "   ", Decimal("3.25"), DAY, "\t制表"),
    (None, None, None, dt.datetime(2026, 7, 1, 8, 0), None),
]


def _through_openpyxl(book: Workbook, rows: Sequence[Sequence[object]]) -> None:
    """Each value as openpyxl's own cell, as the detail sheets were written before."""
    ws = book.create_sheet("明细")
    styles = styles_of(book)
    ws.append([styles.cell(ws, "日期", HEADER)])
    for values in rows:
        cells: list[object] = []
        for value, formatted in zip(values, FORMATTED, strict=True):
            if not formatted or value is None or type(value) is dt.date:
                cells.append(plain(value) if isinstance(value, str) else value)
                continue
            shown = plain(value) if isinstance(value, str) else value
            cells.append(styles.cell(ws, shown, Look(number_format(shown))))
        ws.append(cells)


def _as_xml(book: Workbook, rows: Sequence[Sequence[object]]) -> None:
    ws = book.create_sheet("明细")
    styles = styles_of(book)
    ws.append([styles.cell(ws, "日期", HEADER)])
    write_rows(ws, styles, FORMATTED, rows, 2)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_same_sheet_and_styles_as_openpyxl_cells(tmp_path: Path) -> None:
    files = []
    for name, fill in (("cells", _through_openpyxl), ("xml", _as_xml)):
        book = Workbook(write_only=True)
        fill(book, ROWS)
        files.append(tmp_path / f"{name}.xlsx")
        book.save(files[-1])
    cells, xml = (_parts(path) for path in files)
    assert xml.keys() == cells.keys()
    for name in cells:
        if name != "docProps/core.xml":  # its creation time
            assert xml[name] == cells[name], name


def test_rows_read_back(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    _as_xml(book, ROWS)
    book.save(tmp_path / "xml.xlsx")
    ws = load_workbook(tmp_path / "xml.xlsx")["明细"]
    first = next(ws.iter_rows(min_row=2, max_row=2))
    assert first[0].value == dt.datetime(2026, 7, 3) and first[0].number_format == "yyyy-mm-dd"
    assert [c.value for c in first[1:]] == ["张三", 120, 12.5, "村委会"]
    assert first[3].number_format == "0.00"
    assert ws["B3"].value == "a & b <c>" and ws["E3"].value == " 前后有空格 "
    assert ws["B4"].value == "'=1+1" and ws["E4"].value is None
    assert ws.max_row == 1 + len(ROWS)
