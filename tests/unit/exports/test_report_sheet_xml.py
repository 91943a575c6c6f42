"""Rows written as XML hold the very cells openpyxl writes for the same values and looks."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.exports.list_xlsx import plain
from app.exports.report_sheet_xml import SheetRows, SpooledRows, Styled, close_sheets
from app.exports.xlsx_styles import HEADER, SECTION, TITLE, Look, number_format, styles_of

DAY = dt.date(2026, 7, 3)
FRAMED = Look(border=True)
LOOKED: list[list[Styled]] = [
    [("梅林镇社工站 月报", TITLE)],
    [("站点：梅林镇社工站", None)],
    [],
    [("类别", HEADER), ("", HEADER), ("a < b", HEADER)],
    [("个案", FRAMED), (3, Look("0", border=True)), (Decimal("1700.50"), Look("0.00"))],
    [(None, Look("0.0%", border=True, bold=True)), (0.4567, Look("0.0%", border=True))],
    [(DAY, Look("yyyy-mm-dd", border=True, wrap="top")), ("", None), (" 空格 ", FRAMED)],
    [("满意度", SECTION), (dt.datetime(2026, 7, 3, 9, 30), Look("yyyy-mm-dd hh:mm"))],
    [("（无）", None), (12, None), (DAY, None)],
]
FORMATTED = (True, False, False, True, False)
"""A date column, two text columns, a decimal column and another text column."""
LISTED: list[tuple[object, ...]] = [
    (DAY, "张三", 120, Decimal("12.50"), "村委会"),
    (None, "a & b <c>", 0, 7, " 前后有空格 "),
    (dt.date(1900, 1, 15), "=1+1", -3, "—", ""),
    (dt.datetime(2026, 7, 3, 9, 30), "#N/A", 10**20, "", "+86 138"),
    ("不详", "x\x01y", True, None, "长" * 40_000),
    (DAY, None, 0.1, Decimal("NaN"), dt.datetime(2026, 1, 2, 3, 4)),
    (DAY, "   ", Decimal("3.25"), DAY, "\t制表"),
    (None, None, None, dt.datetime(2026, 7, 1, 8, 0), None),
]


def _through_openpyxl(book: Workbook) -> None:
    """Each value as openpyxl's own cell, as the report sheets were written before."""
    ws: WriteOnlyWorksheet = book.create_sheet("明细")
    styles = styles_of(book)
    for row in LOOKED:
        ws.append([v if look is None else styles.cell(ws, v, look) for v, look in row])
    for values in LISTED:
        cells: list[object] = []
        for value, formatted in zip(values, FORMATTED, strict=True):
            if not formatted or value is None or type(value) is dt.date:
                cells.append(plain(value) if isinstance(value, str) else value)
                continue
            shown = plain(value) if isinstance(value, str) else value
            cells.append(styles.cell(ws, shown, Look(number_format(shown))))
        ws.append(cells)


def _as_xml(book: Workbook) -> None:
    rows = SheetRows(book.create_sheet("明细"), styles_of(book))
    for row in LOOKED:
        rows.add(row) if row else rows.blank()
    rows.list_rows(FORMATTED, LISTED)
    close_sheets(book)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _saved(tmp_path: Path, name: str, fill: object) -> Path:
    book = Workbook(write_only=True)
    fill(book)  # type: ignore[operator]
    book.save(tmp_path / name)
    return tmp_path / name


def test_same_sheet_and_styles_as_openpyxl_cells(tmp_path: Path) -> None:
    cells = _parts(_saved(tmp_path, "cells.xlsx", _through_openpyxl))
    xml = _parts(_saved(tmp_path, "xml.xlsx", _as_xml))
    assert xml.keys() == cells.keys()
    for name in cells:
        if name != "docProps/core.xml":  # its creation time
            assert xml[name] == cells[name], name


def test_rows_read_back(tmp_path: Path) -> None:
    ws = load_workbook(_saved(tmp_path, "xml.xlsx", _as_xml))["明细"]
    assert ws["A1"].value == "梅林镇社工站 月报" and ws["A1"].font.b
    assert ws["A3"].value is None and ws["C4"].value == "a < b"
    assert ws["B5"].value == 3 and ws["B5"].border.left.style == "thin"
    assert ws["C5"].value == 1700.5 and ws["C5"].number_format == "0.00"
    first = next(ws.iter_rows(min_row=10, max_row=10))
    assert first[0].value == dt.datetime(2026, 7, 3) and first[0].number_format == "yyyy-mm-dd"
    assert [c.value for c in first[1:]] == ["张三", 120, 12.5, "村委会"]
    assert ws["B11"].value == "a & b <c>" and ws["E11"].value == " 前后有空格 "
    assert ws["B12"].value == "'=1+1" and ws["E12"].value is None
    assert ws.max_row == len(LOOKED) + len(LISTED)


def _list_frame(book: Workbook) -> WriteOnlyWorksheet:
    ws: WriteOnlyWorksheet = book.create_sheet("名单")
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = "A2:E10"
    ws.append(["服务对象名单"])
    ws.append(["姓名", "出生日期", "年龄", "分数", "备注"])
    return ws


def _list_through_openpyxl(book: Workbook) -> None:
    """A list as list_xlsx.py wrote it before: each row through `append`."""
    ws = _list_frame(book)
    for values in LISTED:
        ws.append([plain(v) if isinstance(v, str) else v for v in values])


def _list_spooled(book: Workbook) -> None:
    rows = SpooledRows(_list_frame(book), first_row=3)
    for values in LISTED:
        rows.add(values)
    rows.close()


def test_a_spooled_list_is_the_sheet_openpyxl_writes(tmp_path: Path) -> None:
    cells = _parts(_saved(tmp_path, "cells.xlsx", _list_through_openpyxl))
    spooled = _parts(_saved(tmp_path, "spooled.xlsx", _list_spooled))
    assert spooled.keys() == cells.keys()
    for name in cells:
        if name != "docProps/core.xml":  # its creation time
            assert spooled[name] == cells[name], name
    ws = load_workbook(tmp_path / "spooled.xlsx")["名单"]
    assert ws["A1"].value == "服务对象名单" and ws["B3"].value == "张三"
    assert ws.max_row == 2 + len(LISTED)
