"""The 考核 tab: the head scores, saves, confirms, prints and exports; a worker only reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from app.services.assessment.service import AssessmentService
from app.services.context import Actor
from app.store.engine import Database
from app.ui.assessment.page import AssessmentPage
from app.ui.tasks import TaskRunner
from tests.unit.services.assessment.assessment_records import TODAY, build


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> AssessmentPage:
    page = AssessmentPage(assessments=AssessmentService(db, actor, today=TODAY), tasks=tasks)
    qtbot.addWidget(page)
    page.resize(1093, 560)
    page.show()
    qtbot.waitUntil(lambda: page.detail.view is not None, timeout=10_000)
    return page


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def shown_name(page: AssessmentPage) -> str:
    return page.detail.view.sheet.worker_name if page.detail.view else ""


def test_the_head_scores_confirms_and_exports(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build(db, admin)
    page = make_page(qtbot, db, admin, tasks)
    # Last quarter is chosen; both workers are listed, 张社工 first (by pinyin: li, zhang).
    assert page.period().code == "2026Q3"
    assert [cell(page.table, r, 0) for r in range(page.table.rowCount())] == [
        "李社工", "张社工"
    ]  # fmt: skip
    page.table.selectRow(1)
    qtbot.waitUntil(lambda: shown_name(page) == "张社工", timeout=5_000)
    detail = page.detail
    values = {cell(detail.figures, r, 0): cell(detail.figures, r, 1)
              for r in range(detail.figures.rowCount())}  # fmt: skip
    assert values["期间经手个案"] == "5 个"
    assert values["补录比例"] == "20.0%（2 / 10 条）"
    assert detail.save_button.isVisible() and not detail.confirm_button.isEnabled()
    for _key, spin, _note in detail.spins:
        spin.setValue(4)
    detail.comment.setPlainText("稳定可靠")
    detail.save_button.click()
    qtbot.waitUntil(lambda: cell(page.table, 1, 1) == "待确认", timeout=5_000)
    assert cell(page.table, 1, 2) == "16 / 20"
    qtbot.waitUntil(lambda: detail.confirm_button.isEnabled(), timeout=5_000)
    box = page.ask_confirm()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: cell(page.table, 1, 1) == "已确认", timeout=5_000)
    qtbot.waitUntil(lambda: not detail.save_button.isEnabled(), timeout=5_000)
    assert detail.comment.isReadOnly()

    out = tmp_path / "考核.xlsx"
    monkeypatch.setattr(page, "choose_path", lambda _suggested: out)
    page.export_button.click()
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert tasks.wait()
    book = load_workbook(out, read_only=True)
    assert book["考核"]["A1"].value == "梅林镇社工站社工考核（2026年第3季度）"
    book.close()
    for box in page.findChildren(QMessageBox):
        box.close()

    page.print_sheet()
    qtbot.waitUntil(lambda: page.preview.dialog is not None, timeout=15_000)
    dialog = page.preview.dialog
    assert dialog is not None and len(dialog.pages) == 1
    dialog.close()


def test_a_worker_reads_only_their_own(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    built = build(db, admin)
    page = make_page(qtbot, db, built.a, tasks)
    assert page.table.rowCount() == 1 and shown_name(page) == "张社工"
    assert not page.detail.save_button.isVisible()
    assert not page.detail.confirm_button.isVisible()
    assert not page.export_button.isVisible()
    assert all(not spin.isEnabled() for _k, spin, _n in page.detail.spins)
    assert page.detail.print_button.isEnabled()
