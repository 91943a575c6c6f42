"""The 报表 page generates the month's Excel and PDF in the background."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDoubleSpinBox
from pytestqt.qtbot import QtBot

from app.services.context import Actor
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.ui.reports.page import ALL_STATIONS, ReportsPage
from app.ui.tasks import TaskRunner
from tests.unit.services.report_records import build


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path, tasks: TaskRunner
) -> ReportsPage:
    build(db, admin)
    widget = ReportsPage(reports=ReportService(db, admin), tasks=tasks, today=dt.date(2026, 11, 3))
    widget.folder.setText(str(tmp_path / "out"))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.station.count() == 3)
    return widget


def test_generates_the_monthly_report(qtbot: QtBot, page: ReportsPage, tmp_path: Path) -> None:
    assert page.month.date() == QDate(2026, 10, 1)  # last month by default
    assert page.station.currentText() == "梅林镇社工站（JX0426）"
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.last_written is not None, timeout=20000)
    written = page.last_written
    assert written is not None
    assert sorted(p.suffix for p in written.files) == [".pdf", ".xlsx"]
    assert all(p.exists() for p in written.files)
    xlsx = next(p for p in written.files if p.suffix == ".xlsx")
    assert xlsx.name == "梅林镇社工站_2026年10月_社会工作服务月报.xlsx"
    assert load_workbook(xlsx)["汇总"]["A1"].value.endswith("社会工作服务月报")
    shown = {
        str(page.table.model().index(r, 1).data()): str(page.table.model().index(r, 2).data())
        for r in range(page.table.rowCount())
    }
    assert shown["月末在案个案（个）"] == "3"
    assert shown["小组参与人次（人次）"] == "10"
    assert page.open_button.isEnabled()
    assert str(xlsx.parent) in page.status.text()
    page.grab().save(str(tmp_path / "reports_page.png"))


def test_all_stations_and_targets(qtbot: QtBot, page: ReportsPage) -> None:
    page.station.setCurrentIndex(page.station.findData(ALL_STATIONS))
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.last_written is not None, timeout=20000)
    assert page.table.rowCount() == 2
    page.last_written = None
    page.kind.setCurrentIndex(2)
    assert page.year.isEnabled() and not page.month.isEnabled()
    page.generate_button.click()  # still "all stations": only a monthly summary exists
    assert page.status.text() == "The all-stations summary is a monthly report."
    page.station.setCurrentIndex(0)
    page.pdf.setChecked(False)
    page.generate_button.click()
    qtbot.waitUntil(lambda: page.last_written is not None, timeout=20000)
    written = page.last_written
    assert written is not None
    assert [p.name for p in written.files] == ["梅林镇社工站_2026年_目标完成情况.xlsx"]


def test_targets_tab_saves_the_year(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    from app.ui.settings.report_targets_tab import ReportTargetsTab

    reports = ReportService(db, admin)
    tab = ReportTargetsTab(reports=reports, tasks=tasks, today=dt.date(2026, 3, 1))
    qtbot.addWidget(tab)
    tab.show()
    tab.boxes["cases_new"].setValue(60)
    hours = tab.boxes["volunteer_hours"]
    assert isinstance(hours, QDoubleSpinBox)
    hours.setValue(120.5)
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.status.text() != "")
    assert reports.targets(2026) == {"cases_new": 60, "volunteer_hours": Decimal("120.50")}
    tab.year.setValue(2027)
    qtbot.waitUntil(lambda: tab.boxes["cases_new"].value() == 0)
    tab.year.setValue(2026)
    qtbot.waitUntil(lambda: tab.boxes["cases_new"].value() == 60)
    tasks.wait()
