"""导入名单 through the GUI: file, sheet, mapping with combo boxes, preview, import, report."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.context import Actor
from app.services.importing.service import RosterImportService
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.store.models import Client, ImportBatch
from app.ui.clients.import_dialog import ImportDialog
from app.ui.clients.import_preview_model import PreviewModel
from app.ui.clients.page import ClientsPage
from app.ui.tasks import TaskRunner
from tests.ui.items import cell
from tests.ui.shell_helpers import chinese_ui, visible
from tests.unit.services.importing import rosters

A = rosters.make_id(dt.date(1950, 1, 1), 1)
B = rosters.make_id(dt.date(1960, 1, 1), 3)


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    rows: list[list[object]] = [
        ["序号", "姓名", "公民身份号码", "村居", "联系电话", "备注"],
        [1, "甲", A, "梅林村", "13800138000", ""],
        [2, "乙", B.lower(), "东山村", "", "新增"],
        [3, "丙", 360428195001010011, "梅林村", "", ""],
    ]
    return rosters.write_xlsx(tmp_path / "低保名单.xlsx", rows, title="2025年农村低保名单")


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> ClientsPage:
    page = ClientsPage(
        clients=ClientService(db, actor), codes=CodeService(db, actor), tasks=tasks,
        importer=lambda: RosterImportService(db, actor),
    )  # fmt: skip
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching, timeout=5_000)
    return page


def plain(label: QLabel) -> str:
    """A label's text without the joiners that keep each column name on one line."""
    return label.text().replace("\u2060", "").replace("\u00a0", " ")


def boxes(dialog: ImportDialog) -> list[QMessageBox]:
    return [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]


def test_mapping_preview_and_import(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, roster: Path, tmp_path: Path
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    assert page.import_button.isVisible()
    page.import_button.click()
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.category_combo.count() > 0, timeout=5_000)
    dialog.set_file(roster)
    qtbot.waitUntil(lambda: dialog.sheet_combo.count() == 1 and not dialog.busy, timeout=5_000)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == ImportDialog.MAPPING, timeout=5_000)
    assert "3" in dialog.header_label.text()  # the header is the third row, under the title
    mapping = dialog.mapping
    assert mapping.columns() == {1: "name", 2: "id_number", 3: "village", 4: "phone"}
    assert "甲" in cell(mapping, 1, mapping.SAMPLE).text()
    mapping.set_field(4, "")  # the user leaves the phone column out
    dialog.mapping_name.setText("农村低保")
    dialog.save_mapping_button.click()
    qtbot.waitUntil(lambda: dialog.saved_combo.findData("农村低保") >= 0, timeout=5_000)
    for box in boxes(dialog):
        box.close()
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("dibao_rural"))

    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == ImportDialog.PREVIEW, timeout=10_000)
    shown = dialog.preview_page
    model = shown.model
    assert model.rowCount() == 3
    assert "新增 2" in shown.counts_label.text() and "错误 1" in shown.counts_label.text()
    # Which column filled which field, and the columns left out (the phone one by the user).
    assert shown.matches_label.isVisible()
    pairs = "姓名 → 姓名；公民身份号码 → 身份证号；村居 → 村/社区"
    assert dialog.preview is not None
    assert (
        shown.matches_text(dialog.preview)
        == f"Columns read: {pairs}. Not used: 序号、联系电话、备注."
    )
    assert "公民身份号码 → 身份证号" in plain(shown.matches_label)
    assert dialog.preview is not None
    with chinese_ui():
        assert (
            shown.matches_text(dialog.preview)
            == f"列的对应：{pairs}。未使用：序号、联系电话、备注。"
        )
    shown.filter_combo.setCurrentIndex(shown.filter_combo.findData("错误"))
    assert model.rowCount() == 1
    assert "数字格式" in model.data(model.index(0, PreviewModel.DETAIL))
    colour = model.data(model.index(0, 0), role=8).color()  # BackgroundRole
    assert colour == QColor("#fbe0e0")
    assert shown.errors_button.isEnabled()

    dialog.next_button.click()  # 导入: asks first
    qtbot.waitUntil(lambda: bool(boxes(dialog)), timeout=5_000)
    question = boxes(dialog)[0]
    assert "2" in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == ImportDialog.RESULT, timeout=10_000)
    assert "新增 2" in dialog.result_label.text()
    with db.read() as session:
        phones = set(session.scalars(select(Client.phone)))
        assert session.scalar(select(func.count()).select_from(Client)) == 2
    assert phones == {""}  # the phone column was unmapped
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5_000)  # the list refreshed

    report = tmp_path / "errors.xlsx"
    dialog.save_errors_to(report)
    qtbot.waitUntil(report.exists, timeout=5_000)
    qtbot.waitUntil(lambda: bool(boxes(dialog)), timeout=5_000)
    for box in boxes(dialog):
        box.close()
    dialog.close_button.click()
    qtbot.waitUntil(lambda: page.import_dialog is None, timeout=5_000)

    page.import_button.click()  # the next import shows this one in the log
    again = page.import_dialog
    assert again is not None
    qtbot.waitUntil(lambda: again.history.rowCount() == 1, timeout=5_000)
    assert cell(again.history, 0, 2).text() == "低保名单.xlsx"
    assert "新增 2" in cell(again.history, 0, 4).text()
    assert again.saved_combo.findData("农村低保") >= 0
    again.close_button.click()


def test_a_bad_file_is_explained(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    tasks.set_window(None)
    dialog = ImportDialog(importer=RosterImportService(db, admin), tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    tasks.set_window(dialog)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    dialog.set_file(empty)
    qtbot.waitUntil(lambda: bool(boxes(dialog)), timeout=5_000)
    assert "空的" in boxes(dialog)[0].text()
    assert not dialog.next_button.isEnabled()
    boxes(dialog)[0].close()


def test_supervisors_see_no_import_button(
    qtbot: QtBot, db: Database, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, make_actor(Role.SUPERVISOR), tasks)
    assert not page.import_button.isVisible()


def walk_to_preview(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.set_file(path)
    qtbot.waitUntil(lambda: dialog.sheet_combo.count() > 0 and not dialog.busy, timeout=5_000)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == ImportDialog.MAPPING, timeout=5_000)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("dibao_rural"))
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == ImportDialog.PREVIEW, timeout=10_000)


def test_the_template_saved_from_the_dialog_imports_its_examples(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    tasks.set_window(None)
    with chinese_ui():
        dialog = ImportDialog(importer=RosterImportService(db, admin), tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    tasks.set_window(dialog)
    assert dialog.template_button.isVisible()
    assert dialog.template_button.text() == "下载模板…"
    qtbot.waitUntil(lambda: dialog.category_combo.count() > 0 and not dialog.busy, timeout=5_000)
    template = tmp_path / "服务对象名单模板.xlsx"
    dialog.save_template_to(template)
    qtbot.waitUntil(lambda: bool(boxes(dialog)), timeout=5_000)
    assert str(template) in boxes(dialog)[0].text()
    boxes(dialog)[0].close()

    walk_to_preview(qtbot, dialog, template)
    shown = dialog.preview_page
    assert [shown.model.data(shown.model.index(r, 2)) for r in range(2)] == ["张示例", "李示例"]
    assert "新增 2" in shown.counts_label.text() and "错误 0" in shown.counts_label.text()
    assert "身份证号 → 身份证号" in plain(shown.matches_label)
    assert "Every column is used." in plain(shown.matches_label)


def test_a_unicode_text_roster_from_excel_is_previewed(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    rows: list[list[object]] = [["姓名", "身份证号码", "村"], ["张桂兰", A, "梅林村"]]
    path = rosters.write_csv(tmp_path / "名单.txt", rows, "utf-16-le-bom", delimiter="\t")
    tasks.set_window(None)
    dialog = ImportDialog(importer=RosterImportService(db, admin), tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    tasks.set_window(dialog)
    qtbot.waitUntil(lambda: dialog.category_combo.count() > 0 and not dialog.busy, timeout=5_000)
    walk_to_preview(qtbot, dialog, path)
    model = dialog.preview_page.model
    assert model.rowCount() == 1 and model.data(model.index(0, 2)) == "张桂兰"
    assert "身份证号码 → 身份证号" in plain(dialog.preview_page.matches_label)


def test_a_binary_file_is_refused_by_name(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    tasks.set_window(None)
    dialog = ImportDialog(importer=RosterImportService(db, admin), tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    tasks.set_window(dialog)
    path = tmp_path / "照片.csv"
    path.write_bytes(bytes(range(256)) * 16)
    dialog.set_file(path)
    qtbot.waitUntil(lambda: bool(boxes(dialog)), timeout=5_000)
    assert "“照片.csv”" in boxes(dialog)[0].text() and "编码" in boxes(dialog)[0].text()
    assert not dialog.next_button.isEnabled()
    boxes(dialog)[0].close()


def test_cancelling_the_import_saves_nothing(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    tasks: TaskRunner,
    roster: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started, release = threading.Event(), threading.Event()
    real = RosterImportService.commit

    def held(self: RosterImportService, preview: Any, *, progress: Any, **kw: Any) -> Any:
        def report(done: int, total: int) -> None:
            progress(done, total)
            if done:  # the new clients are written, in the import's transaction: hold here
                started.set()
                release.wait(10)

        return real(self, preview, progress=report, **kw)

    monkeypatch.setattr(RosterImportService, "commit", held)
    page = make_page(qtbot, db, admin, tasks)
    page.import_button.click()
    dialog = page.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.category_combo.count() > 0, timeout=5_000)
    walk_to_preview(qtbot, dialog, roster)
    dialog.commit()  # what 导入 does once confirmed
    qtbot.waitUntil(started.is_set, timeout=5_000)
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5_000)
    cancel = visible(QProgressDialog)[0].findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5_000)
    assert dialog.stack.currentIndex() == ImportDialog.PREVIEW  # back where it was
    assert dialog.outcome is None
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0
