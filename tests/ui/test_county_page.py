"""县级总览: the county administrator's stations side by side, with the drill-down into
报表 and the Excel export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.domain.clock import FixedClock
from app.domain.roles import Role
from app.services.context import Actor, Changes
from app.services.county.service import CountyService
from app.services.reports.closing import MonthCloseService
from app.store.engine import Database
from app.store.models import PackageLog
from app.ui.county.page import CountyPage
from app.ui.main_window import COUNTY, PAGES, MainWindow
from app.ui.reports.page import ReportsPage
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import chinese_ui
from tests.unit.services.report_records import MONTH, Known, build


@pytest.fixture
def known(db: Database, admin: Actor) -> Known:
    known = build(db, admin)
    november = db.with_clock(FixedClock(dt.datetime(2026, 11, 3, 9, 0)))
    MonthCloseService(november, admin).close(MONTH, station_id=known.other_station_id)
    return known


@pytest.fixture
def page(qtbot: QtBot, db: Database, admin: Actor, known: Known, tasks: TaskRunner) -> CountyPage:
    widget = CountyPage(county=CountyService(db, admin), tasks=tasks, today=dt.date(2026, 11, 3))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.overview is not None)
    return widget


def _row(page: CountyPage, code: str) -> list[str]:
    table = page.table
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == code:
            return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
    raise AssertionError(f"no row for {code}")


def test_stations_side_by_side(page: CountyPage) -> None:
    assert page.month.date() == QDate(2026, 10, 1)  # last month, as 报表
    assert page.table.rowCount() == 3  # two stations and the county's total
    own, other = _row(page, "JX0426"), _row(page, "JX0427")
    assert own[1] == "梅林镇社工站"
    assert own[2:5] == ["2", "3", "4"]  # new cases, open cases, service records
    assert own[-4:] == ["Open", "Online", "", "0"]
    assert other[-4].startswith("Closed 2026-11-03")
    total = [page.table.item(2, c).text() for c in range(5)]  # type: ignore[union-attr]
    assert total[1:5] == ["County total", "3", "4", "5"]
    assert "2 stations; 1 have closed 2026-10" in page.summary.text()


def test_a_month_without_records_counts_nothing(qtbot: QtBot, page: CountyPage) -> None:
    page.month.setDate(QDate(2025, 1, 1))
    qtbot.waitUntil(lambda: page.overview is not None and page.overview.month.year == 2025)
    assert _row(page, "JX0426")[2:5] == ["0", "0", "0"]
    assert _row(page, "JX0427")[-4] == "Open"


def test_double_click_asks_for_the_station_report(
    qtbot: QtBot, page: CountyPage, known: Known
) -> None:
    with qtbot.waitSignal(page.open_report) as asked:
        page._open_row(1, 3)
    assert asked.args == [known.other_station_id, "2026-10"]
    with qtbot.assertNotEmitted(page.open_report):
        page._open_row(2, 3)  # the county's total


def test_export(qtbot: QtBot, page: CountyPage, tmp_path: Path) -> None:
    path = tmp_path / "总览.xlsx"
    page.export_to(path)
    qtbot.waitUntil(lambda: "Saved" in page.summary.text())
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        codes = [r[0] for r in book["汇总"].iter_rows(min_row=5, values_only=True)]
    finally:
        book.close()
    assert codes == ["JX0426", "JX0427", None]


def test_chinese(qtbot: QtBot, db: Database, admin: Actor, known: Known, tasks: TaskRunner) -> None:
    with chinese_ui():
        widget = CountyPage(
            county=CountyService(db, admin), tasks=tasks, today=dt.date(2026, 11, 3)
        )
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: widget.overview is not None)
        assert _row(widget, "JX0427")[-4] == "已月结 2026-11-03"
        assert _row(widget, "JX0426")[-3] == "在线"


def test_county_administrator_gets_the_page_and_its_drill_down(
    qtbot: QtBot, open_window: Callable[..., MainWindow], admin: Actor, known: Known
) -> None:
    window = open_window(admin)
    qtbot.waitUntil(lambda: COUNTY in window.page_keys())
    assert window.nav.count() == len(PAGES) + 1
    window.nav.setCurrentRow(window.page_keys().index(COUNTY))
    county = window.page(COUNTY)
    assert isinstance(county, CountyPage)
    assert window.current_key() == COUNTY
    county.month.setDate(QDate(2026, 10, 1))
    qtbot.waitUntil(lambda: county.overview is not None and county.overview.month == MONTH)
    row = next(
        r
        for r in range(county.table.rowCount())
        if county.table.item(r, 0).text() == "JX0427"  # type: ignore[union-attr]
    )
    county.table.cellDoubleClicked.emit(row, 2)
    assert window.current_key() == "reports"
    reports = window.page("reports")
    assert isinstance(reports, ReportsPage)
    qtbot.waitUntil(lambda: reports.station.currentData() == known.other_station_id)
    assert reports.month.date() == QDate(2026, 10, 1)
    qtbot.waitUntil(lambda: reports.table.rowCount() > 0)
    assert "东岗镇社工站" in reports.status.text()
    figures = {
        reports.table.item(r, 1).text(): reports.table.item(r, 2).text()  # type: ignore[union-attr]
        for r in range(reports.table.rowCount())
    }
    assert figures["个案服务人次（人次）"] == "1"  # the other station's, not the own


def test_no_county_page_for_a_station(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    known: Known,
    tasks: TaskRunner,
) -> None:
    window = open_window(make_actor(Role.HEAD))
    assert tasks.wait()
    qtbot.wait(50)
    assert COUNTY not in window.page_keys()
    assert window.nav.count() == len(PAGES)


def test_a_change_elsewhere_is_counted_again_when_seen(
    qtbot: QtBot, page: CountyPage, tasks: TaskRunner, db: Database, admin: Actor, known: Known
) -> None:
    with db.write() as session:
        session.add(
            PackageLog(
                station_id=known.other_station_id, direction="import", package_id="p1",
                sequence=1, status="applied", created_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC),
            )
        )  # fmt: skip
    page.hide()
    tasks.bus.changed.emit(Changes.of("package"))
    assert _row(page, "JX0427")[-3] == "Online"  # not counted while hidden
    page.show()
    qtbot.waitUntil(lambda: _row(page, "JX0427")[-3] == "No. 1")
