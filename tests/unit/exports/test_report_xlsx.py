"""The monthly report workbook, reopened with openpyxl: cells, formats, masking, layout."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.services.context import Actor
from app.services.reports.service import ReportService
from app.store.engine import Database
from tests.unit.services.report_records import MONTH, Known, build


@pytest.fixture
def known(db: Database, admin: Actor) -> Known:
    return build(db, admin)


@pytest.fixture
def workbook(db: Database, admin: Actor, known: Known, tmp_path: Path) -> Path:
    path = tmp_path / "月报.xlsx"
    ReportService(db, admin).write_monthly(MONTH, xlsx=path)
    return path


def figure_rows(ws: Worksheet) -> dict[str, tuple[object, ...]]:
    rows = {}
    for row in ws.iter_rows(min_row=5, values_only=True):
        if row[0] is None:
            break
        rows[str(row[1])] = row
    return rows


def test_summary_sheet(workbook: Path) -> None:
    book = load_workbook(workbook)
    assert book.sheetnames[0] == "汇总" and book.sheetnames[-1] == "说明"
    ws = book["汇总"]
    assert ws["A1"].value == "梅林镇社工站 2026年10月 社会工作服务月报"
    assert "梅林镇社工站" in ws["A2"].value and "2026年10月" in ws["A2"].value
    assert "生成时间" in ws["A2"].value
    assert [c.value for c in ws[4]][:7] == [
        "类别",
        "指标",
        "单位",
        "本月",
        "上月",
        "年度累计",
        "年度目标",
    ]
    rows = figure_rows(ws)
    assert rows["月末在案个案"][3] == 3
    assert rows["本月结案"][3] == 4
    assert rows["小组参与人次"][3] == 10
    assert rows["链接资源折合金额"][3] == pytest.approx(1700.5)
    assert ws.freeze_panes == "A5"
    numbers = {str(ws.cell(row=r, column=2).value): ws.cell(row=r, column=4) for r in range(5, 33)}
    assert numbers["本月新接个案"].number_format == "0"
    assert numbers["链接资源折合金额"].number_format == "0.00"
    reasons = [c.value for c in ws["A"]]
    assert "本月结案原因" in reasons and "按村/社区" in reasons and "督导与培训（按人）" in reasons


def test_print_setup_on_every_sheet(workbook: Path) -> None:
    for ws in load_workbook(workbook).worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows


def test_detail_sheets(workbook: Path, known: Known) -> None:
    book = load_workbook(workbook)
    ws = book["新接个案"]
    assert ws.freeze_panes == "A4"
    assert ws["A3"].value == "个案编号"
    assert [ws.cell(row=r, column=1).value for r in (4, 5)] == ["K3", "K5"]
    intake = ws["F4"]
    assert intake.value == dt.datetime(2026, 10, 3) and intake.number_format == "yyyy-mm-dd"
    every = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert known.first_id_number not in every
    closed = book["月末在案个案"]
    assert closed["C4"].value == known.first_id_number[:2] + "*" * 16
    activities = book["社区活动"]
    titles = [activities.cell(row=r, column=2).value for r in (4, 5)]
    assert titles[1].startswith("'=")  # never runs as a formula
    volunteers = book["志愿服务"]
    assert volunteers["D4"].value == pytest.approx(2.5)
    assert volunteers["D4"].number_format == "0.00"
    sessions = book["小组节次"]
    last = [c.value for c in sessions[sessions.max_row]]
    assert last[:2] == [dt.datetime(2026, 10, 31), "23:30"]


def test_notes_sheet(workbook: Path) -> None:
    ws = load_workbook(workbook)["说明"]
    terms = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=3).value
        for r in range(4, ws.max_row + 1)
    }
    assert "人次" in terms and "在案" in terms
    assert "出席" in terms["小组参与人次"]


def test_county_and_annual_workbooks(
    db: Database, admin: Actor, known: Known, tmp_path: Path
) -> None:
    service = ReportService(db, admin)
    county = service.write_county(MONTH, tmp_path / "county.xlsx")
    ws = load_workbook(tmp_path / "county.xlsx")["汇总"]
    codes = [ws.cell(row=r, column=1).value for r in range(5, 5 + len(county.stations))]
    assert codes == ["JX0426", "JX0427"]
    total = [c.value for c in ws[5 + len(county.stations)]]
    assert total[1] == "合计"
    new_cases = 3 + county.keys.index("cases_new")
    assert total[new_cases - 1] == 3  # 2 here and 1 in the other station
    service.set_targets(2026, {"service_records": 60, "resource_yuan": Decimal("10000")})
    service.write_annual(2026, targets_only=True, xlsx=tmp_path / "targets.xlsx")
    ws = load_workbook(tmp_path / "targets.xlsx")["汇总"]
    assert ws["A1"].value == "梅林镇社工站 2026年 目标完成情况"
    rows = figure_rows(ws)
    assert rows["个案服务人次"][3 + 12] == 6
    assert rows["个案服务人次"][3 + 13] == 60
    assert ws.cell(row=5, column=3 + 15).number_format == "0.0%"
