"""The 报表 page's 项目进度: a project's progress shows when it is chosen, and 生成 writes
its Excel and PDF in the background."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.context import Actor
from app.services.projects.service import ProjectService
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.ui.reports.page import PROJECT, ReportsPage
from app.ui.reports.project_dialog import ProjectDialog
from app.ui.tasks import TaskRunner
from tests import pdf_reading
from tests.unit.services.projects.project_records import TODAY, build


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path, tasks: TaskRunner
) -> ReportsPage:
    build(db, admin)
    widget = ReportsPage(
        reports=ReportService(db, admin),
        projects=ProjectService(db, admin, today=TODAY),
        tasks=tasks,
        today=TODAY,
    )
    widget.folder.setText(str(tmp_path / "out"))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.project.count() == 1 and widget.station.count() > 0)
    return widget


def shown(page: ReportsPage) -> dict[str, list[str]]:
    model = page.table.model()
    return {
        str(model.index(r, 0).data()): [
            str(model.index(r, c).data()) for c in range(1, model.columnCount())
        ]
        for r in range(model.rowCount())
    }


def test_choosing_a_project_shows_its_progress(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    assert not page.project.isEnabled()
    page.kind.setCurrentIndex(page.kind.findData(PROJECT))
    assert page.project.isEnabled() and page.month.isEnabled()
    assert not page.station.isEnabled() and not page.year.isEnabled()
    assert page.project.currentText() == "梅林镇社会工作服务项目（XM-2026）"
    page.month.setDate(QDate(2026, 5, 1))
    qtbot.waitUntil(lambda: shown(page).get("个案服务人次", [])[2:3] == ["3"])
    assert shown(page)["个案服务人次"] == ["人次", "30", "3", "10.0%", "21.4%", "Behind"]
    assert shown(page)["新接个案"][-1] == "On track"
    assert page.status.text() == (
        "As of 2026-05-31, 21.4% of the project's period has passed. Weighted completion: 23.5%."
    )
    page.grab().save(str(tmp_path / "project_progress.png"))


def test_a_month_outside_the_period_says_so_on_the_page(qtbot: QtBot, page: ReportsPage) -> None:
    page.kind.setCurrentIndex(page.kind.findData(PROJECT))
    page.month.setDate(QDate(2026, 1, 1))
    qtbot.waitUntil(lambda: "不在其中" in page.status.text())
    assert page.table.rowCount() == 0


def test_generate_writes_both_files(qtbot: QtBot, page: ReportsPage) -> None:
    page.kind.setCurrentIndex(page.kind.findData(PROJECT))
    page.month.setDate(QDate(2026, 5, 1))
    page.generate_button.click()
    # Excel and PDF on a busy machine: a generous wait, not a speed check.
    qtbot.waitUntil(lambda: page.last_written is not None, timeout=60_000)
    written = page.last_written
    assert written is not None
    names = sorted(p.name for p in written.files)
    assert names == [
        "梅林镇社会工作服务项目_2026年05月_项目进度.pdf",
        "梅林镇社会工作服务项目_2026年05月_项目进度.xlsx",
    ]
    xlsx = next(p for p in written.files if p.suffix == ".xlsx")
    assert load_workbook(xlsx)["进度"]["A1"].value == "梅林镇社会工作服务项目 项目进度"
    assert "Saved" in page.status.text()


def test_a_new_project_appears_in_the_list(
    qtbot: QtBot, page: ReportsPage, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    reports = ReportService(db, admin)
    tasks.run(page, lambda: reports.set_targets(2026, {"cases_new": 10}))
    qtbot.waitUntil(lambda: page.project.count() == 2)
    assert page.project.findText("梅林镇社工站2026年度合同目标（JX0426-2026）") >= 0
    assert page.project.currentText() == "梅林镇社会工作服务项目（XM-2026）"  # kept


def _dialog(qtbot: QtBot, page: ReportsPage) -> ProjectDialog:
    page.kind.setCurrentIndex(page.kind.findData(PROJECT))
    page.projects.new_button.click()
    qtbot.waitUntil(lambda: bool(page.findChildren(ProjectDialog)))
    dialog = page.findChildren(ProjectDialog)[0]
    qtbot.waitUntil(lambda: dialog.stations.count() == 2)  # the admin of two stations
    return dialog


def test_a_project_added_in_the_dialog_is_offered(
    qtbot: QtBot, page: ReportsPage, db: Database, admin: Actor
) -> None:
    assert page.projects.new_button.isVisibleTo(page)
    dialog = _dialog(qtbot, page)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.error.text() == "请填写项目编号。"
    assert dialog.isVisible()  # nothing typed is lost
    dialog.code.setText("HJH-2026")
    dialog.name.setText("禾计划梅林项目")
    dialog.buyer.setText("测试县民政局")
    dialog.starts.setDate(QDate(2026, 5, 1))
    dialog.ends.setDate(QDate(2027, 4, 30))
    own = dialog.stations.item(0)
    assert own is not None and own.text() == "梅林镇社工站（JX0426）"
    own.setCheckState(Qt.CheckState.Checked)
    dialog.set_target("cases_new", 40, 60)
    dialog.set_target("volunteer_hours", 12.5)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.project.count() == 2)
    qtbot.waitUntil(lambda: not page.findChildren(ProjectDialog))  # closed on saving
    detail = ProjectService(db, admin).by_code("HJH-2026")
    assert detail.info.buyer == "测试县民政局"
    assert [(t.rule, t.target, t.weight) for t in detail.targets] == [
        ("cases_new", 40, Decimal("60.00")),
        ("volunteer_hours", Decimal("12.50"), Decimal("0.00")),
    ]
    assert [s.code for s in detail.station_refs] == ["JX0426"]


def test_workers_have_no_new_project_button(
    qtbot: QtBot, db: Database, admin: Actor, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    worker = make_actor(Role.WORKER)
    widget = ReportsPage(
        reports=ReportService(db, worker), projects=ProjectService(db, worker), tasks=tasks
    )
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.projects.new_button.isVisibleTo(widget)


def test_print_previews_the_project_progress(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.kind.setCurrentIndex(page.kind.findData(PROJECT))
    page.month.setDate(QDate(2026, 5, 1))
    preview = page.preview
    page.print_button.click()
    qtbot.waitUntil(
        lambda: preview.dialog is not None and preview.dialog.isVisible(), timeout=20_000
    )
    dialog = preview.dialog
    assert dialog is not None and len(dialog.pages) >= 1
    assert not (tmp_path / "out").exists()  # nothing saved unless asked
    written = tmp_path / "progress.pdf"
    suggested: list[str] = []

    def choose_path(name: str) -> Path:
        suggested.append(name)
        return written

    monkeypatch.setattr(preview, "choose_path", choose_path)
    monkeypatch.setattr(preview, "open_file", lambda _path: None)
    dialog.save_action.trigger()
    qtbot.waitUntil(written.exists, timeout=10_000)
    dialog.close()
    assert suggested == ["梅林镇社会工作服务项目（XM-2026）_2026年05月_项目进度.pdf"]
    assert "项目进度" in "".join(pdf_reading.text(written).split())
