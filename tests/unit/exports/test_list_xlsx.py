"""The list writer: escaping, dates as dates, cancellation, progress, the header block."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from app.exports.list_xlsx import (
    CHECK_EVERY,
    HEADER_ROW,
    Cell,
    ExportCancelled,
    ListColumn,
    ListSheet,
    cell_text,
    temporary_beside,
    write_list,
)

SHEET = ListSheet(
    name="服务对象",
    title="梅林镇社工站 服务对象名单",
    note="共 2 条",
    columns=(ListColumn("姓名", 10), ListColumn("出生日期", 12), ListColumn("年龄", 6)),
)


@pytest.mark.parametrize(
    "raw",
    ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=1+1"],
)
def test_formula_looking_text_is_escaped(raw: str) -> None:
    assert cell_text(raw) == "'" + raw
    assert not cell_text(raw).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_plain_text_is_kept() -> None:
    assert cell_text("张三") == "张三"
    assert cell_text("") == ""
    assert cell_text("a\x01b") == "ab"


def test_written_sheet_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    rows: list[list[Cell]] = [["=cmd|' /C calc'!A0", dt.date(1950, 3, 8), 75], ["李秀英", "", None]]
    count = write_list(path, SHEET, rows, total=2)
    assert count == 2
    book = openpyxl.load_workbook(path)
    ws = book["服务对象"]
    assert ws["A1"].value == "梅林镇社工站 服务对象名单"
    assert [c.value for c in ws[HEADER_ROW]] == ["姓名", "出生日期", "年龄"]
    first = ws[HEADER_ROW + 1]
    assert first[0].value == "'=cmd|' /C calc'!A0"
    assert first[0].data_type == "s"
    assert first[1].value == dt.datetime(1950, 3, 8)
    assert first[1].number_format == "yyyy-mm-dd"
    assert first[2].value == 75
    assert ws.cell(HEADER_ROW + 2, 2).value is None  # empty text: an empty cell
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_cancel_stops_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    seen: list[int] = []
    rows = ([f"人{i}", None, i] for i in range(CHECK_EVERY * 4))
    with pytest.raises(ExportCancelled):
        write_list(
            path,
            SHEET,
            rows,
            total=CHECK_EVERY * 4,
            progress=lambda done, _total: seen.append(done),
            is_cancelled=lambda: len(seen) >= 2,
        )
    assert not path.exists()
    assert seen == [CHECK_EVERY, CHECK_EVERY * 2]


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_list(
        tmp_path / "x.xlsx",
        SHEET,
        ([f"人{i}", None, i] for i in range(CHECK_EVERY + 3)),
        total=CHECK_EVERY + 3,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1] == (CHECK_EVERY + 3, CHECK_EVERY + 3)


def test_temporary_file_sits_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "名单.xlsx"
    temporary = temporary_beside(target)
    assert temporary.parent == target.parent
    assert temporary.name.endswith(".part")


def test_every_unsafe_text_is_caught_while_writing(tmp_path: Path) -> None:
    path = tmp_path / "unsafe.xlsx"
    texts = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\0x", "a\x01b", "普通"]
    write_list(path, SHEET, [[t, None, None] for t in texts], total=len(texts))
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    written = [row[0].value for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    assert written[-3:] == ["x", "ab", "普通"]  # hidden controls dropped, nothing left to run
    # Reading XML back turns a CR into a newline; what matters is the quote in front.
    assert [str(v)[0] for v in written[:6]] == ["'"] * 6


def test_hidden_controls_never_reach_a_cell(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    write_list(path, SHEET, [["王\u202e五", None, None], ["=\u2066x", None, None]], total=2)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    names = [sheet.cell(row=r, column=1).value for r in (HEADER_ROW + 1, HEADER_ROW + 2)]
    assert names == ["王五", "'=x"]
