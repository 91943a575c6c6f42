"""The 报表 page generates the month's Excel and PDF in the background."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.services.context import Actor, Changes
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.store.models import MonthCorrection, ServiceRecord
from app.ui.correction_dialog import CorrectionReasonDialog
from app.ui.reports.month_diff_dialog import MonthDiffDialog
from app.ui.reports.page import ALL_STATIONS, ReportsPage
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import chinese_ui, visible
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


def test_generate_before_the_stations_have_loaded_says_so(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    # Their list comes from a task, delivered once the event loop runs: not yet here.
    widget = ReportsPage(reports=ReportService(db, admin), tasks=tasks, today=dt.date(2026, 11, 3))
    qtbot.addWidget(widget)
    assert widget.station.count() == 0
    widget.generate()
    assert widget.status.text() == "The stations are still loading: try again in a moment."
    assert widget.generate_button.isEnabled() and widget.last_written is None
    qtbot.waitUntil(lambda: widget.station.count() > 0)


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


@pytest.fixture
def closing_page(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path, tasks: TaskRunner
) -> Iterator[ReportsPage]:
    """The page with the month close line, in Chinese; October 2026 (report_records) is over."""
    build(db, admin)
    with chinese_ui():
        widget = ReportsPage(
            reports=ReportService(db, admin),
            months=MonthCloseService(db, admin),
            tasks=tasks,
            today=dt.date(2026, 11, 3),
        )
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitUntil(lambda: widget.station.count() == 3)
        yield widget


def test_the_figures_column_of_targets_reads_target_not_training_hours(
    qtbot: QtBot, closing_page: ReportsPage, tmp_path: Path
) -> None:
    closing_page.folder.setText(str(tmp_path))
    closing_page.pdf.setChecked(False)
    closing_page.generate_button.click()
    qtbot.waitUntil(lambda: closing_page.last_written is not None, timeout=20000)
    table = closing_page.table
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())]
    assert headers == ["类别", "指标", "本月", "上月", "年度累计", "目标"]


def visible_box(page: QWidget, kind: type[QDialog] = QMessageBox) -> Any:
    return next(w for w in page.findChildren(kind) if w.isVisible())


def test_closing_a_month_shows_the_banner(
    qtbot: QtBot, closing_page: ReportsPage, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    bar = closing_page.month_close
    assert bar is not None
    qtbot.waitUntil(lambda: not bar.close_button.isHidden())
    assert bar.close_button.text() == "月结…" and bar.banner.isHidden()
    bar.close_button.click()
    box = visible_box(closing_page)
    assert "2026-10" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not bar.banner.isHidden())
    assert bar.banner.text().startswith("已月结：") and bar.banner.text().endswith("王站长")
    assert bar.close_button.text() == "重新月结…"
    assert bar.corrected.isHidden() and bar.diff_button.isHidden()
    # September is not closed; the all-stations summary has no close line.
    closing_page.month.setDate(QDate(2026, 9, 1))
    qtbot.waitUntil(lambda: bar.status is not None and bar.status.month.month == 9)
    assert bar.banner.isHidden()
    closing_page.month.setDate(QDate(2026, 10, 1))
    qtbot.waitUntil(lambda: not bar.banner.isHidden())

    # A correction made elsewhere shows up; 查看差异… lists it beside the figures.
    with MonthCloseService(db, admin).correcting("时长记错了"), db.write() as session:
        record = session.scalars(
            select(ServiceRecord).where(ServiceRecord.served_on == dt.date(2026, 10, 1))
        ).one()
        record.duration_min = 90
    tasks.bus.changed.emit(Changes.of("case"))
    qtbot.waitUntil(lambda: not bar.corrected.isHidden())
    assert bar.corrected.text() == "这个月结后有更正（1 处）"
    bar.diff_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in bar.findChildren(MonthDiffDialog)))
    dialog = visible_box(bar, MonthDiffDialog)
    rows = {
        dialog.figures.item(r, 0).text().split("\n")[0]: [
            dialog.figures.item(r, c).text() for c in (1, 2, 3)
        ]
        for r in range(dialog.figures.rowCount())
    }
    assert rows["个案服务时长（小时）"] == ["3.25", "3.75", "+0.50"]
    assert rows["个案服务人次（人次）"] == ["4", "4", "0"]
    assert dialog.corrections.rowCount() == 1
    assert dialog.corrections.item(0, 4).text() == "时长记错了"
    dialog.reject()


def test_a_change_in_a_closed_month_asks_the_head_for_a_reason(
    qtbot: QtBot, closing_page: ReportsPage, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    MonthCloseService(db, admin).close(dt.date(2026, 10, 1))

    def lengthen() -> str:
        with db.write() as session:
            record = session.scalars(
                select(ServiceRecord).where(ServiceRecord.served_on == dt.date(2026, 10, 1))
            ).one()
            record.duration_min += 15
        return "saved"

    done: list[str] = []
    tasks.set_correcting(MonthCloseService(db, admin).correcting)
    tasks.run(closing_page, lengthen, on_done=done.append)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in closing_page.findChildren(QDialog)))
    dialog = visible_box(closing_page, CorrectionReasonDialog)
    assert "2026年10月已月结" in dialog.message.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error.text()  # a reason is required
    dialog.reason.setText("时长记错了")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: done == ["saved"])
    with db.read() as session:
        assert session.scalars(select(MonthCorrection.reason)).all() == ["时长记错了"]

    # Without the right (a worker's window) the message is all there is.
    tasks.set_correcting(None)
    tasks.run(closing_page, lengthen, on_done=done.append)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in closing_page.findChildren(QMessageBox)))
    assert "2026年10月已月结" in visible_box(closing_page).text()
    assert done == ["saved"]


def test_print_previews_the_report(qtbot: QtBot, page: ReportsPage, tmp_path: Path) -> None:
    preview = page.preview
    with chinese_ui():
        page.print_button.click()
        qtbot.waitUntil(
            lambda: preview.dialog is not None and preview.dialog.isVisible(), timeout=20_000
        )
        dialog = preview.dialog
        assert dialog is not None
        assert dialog.save_action.text() == "另存为PDF…"
        dialog.grab().save(str(tmp_path / "report-preview.png"))
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None and widget.pageCount() == len(dialog.pages) >= 1
    assert not (tmp_path / "out").exists()  # nothing saved unless asked
    dialog.close()

    page.station.setCurrentIndex(page.station.findData(ALL_STATIONS))
    page.print_button.click()
    assert "Excel only" in page.status.text()


def test_cancel_stops_between_the_files_and_writes_none(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real = ReportService.write_monthly

    def held(self: ReportService, *args: Any, progress: Any, **kw: Any) -> Any:
        def report(done: int, total: int) -> None:
            progress(done, total)
            if done == 2:  # the workbook is written (beside its place), the PDF is next
                started.set()
                release.wait(10)

        return real(self, *args, progress=report, **kw)

    monkeypatch.setattr(ReportService, "write_monthly", held)
    page.generate_button.click()
    qtbot.waitUntil(started.is_set, timeout=20_000)
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5_000)
    cancel = visible(QProgressDialog)[0].findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    release.set()
    qtbot.waitUntil(page.generate_button.isEnabled, timeout=10_000)
    assert page.last_written is None
    assert page.status.text() == "No file was written."
    assert list((tmp_path / "out").iterdir()) == []
