"""项目进度's 项目文件… and 评估材料包…: documents attached and removed in their dialog, and
the pack built in the background into a new folder and its zip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.context import Actor
from app.services.projects.documents import ProjectDocumentService
from app.services.projects.pack import EvidencePackService
from app.services.projects.service import ProjectService
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.ui.reports.evidence_pack_dialog import EvidencePackDialog
from app.ui.reports.page import PROJECT, ReportsPage
from app.ui.reports.project_documents_dialog import ProjectDocumentsDialog
from app.ui.tasks import TaskRunner
from tests.unit.services.projects.project_records import TODAY, build


def page_for(
    qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner, folder: Path
) -> ReportsPage:
    widget = ReportsPage(
        reports=ReportService(db, actor),
        projects=ProjectService(db, actor, today=TODAY),
        documents=ProjectDocumentService(db, actor, folder=folder / "documents"),
        packs=EvidencePackService(
            db, actor, today=TODAY, photo_folder=folder / "photos",
            document_folder=folder / "documents",
        ),
        tasks=tasks,
        today=TODAY,
    )  # fmt: skip
    widget.folder.setText(str(folder / "out"))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.project.count() == 1)
    widget.kind.setCurrentIndex(widget.kind.findData(PROJECT))
    return widget


@pytest.fixture
def page(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path, tasks: TaskRunner
) -> ReportsPage:
    build(db, admin)
    return page_for(qtbot, db, admin, tasks, tmp_path)


def test_documents_are_added_and_removed_in_their_dialog(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    assert page.projects.documents_button.isEnabled()
    dialog = page.projects.show_documents()
    assert isinstance(dialog, ProjectDocumentsDialog)
    paper = tmp_path / "管理制度.pdf"
    paper.write_bytes(b"rules")
    dialog.kind.setCurrentIndex(dialog.kind.findData("rules"))
    dialog.dated.setDate(QDate(2026, 3, 20))
    dialog.add_file(paper)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    row = [dialog.table.model().index(0, c).data() for c in range(4)]
    assert row == ["制度", "2026-03-20", "管理制度", "管理制度.pdf"]
    dialog.add_file(tmp_path / "gone.pdf")
    qtbot.waitUntil(lambda: "找不到文件" in dialog.error.text())
    dialog.table.selectRow(0)
    question = dialog.remove_selected()
    assert question is not None and "管理制度" in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)


def test_the_pack_is_built_in_the_background(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    assert page.projects.pack_button.isEnabled()
    dialog = page.projects.build_pack()
    assert isinstance(dialog, EvidencePackDialog)
    assert dialog.first.date() == QDate(2026, 3, 1)
    assert dialog.last.date() == QDate(2026, 6, 1)  # the project runs on: up to today
    dialog.last.setDate(QDate(2026, 5, 1))
    dialog.seed.setValue(2026)
    dialog.sample.setValue(2)
    assert not dialog.reason.isEnabled()
    dialog.build()
    qtbot.waitUntil(lambda: dialog.built is not None, timeout=60_000)
    assert dialog.built is not None
    out = tmp_path / "out" / "评估材料包_XM-2026_202603-202605"
    assert dialog.built.folder == out and (out / "00_目录.pdf").is_file()
    assert out.with_name(out.name + ".zip").is_file()
    assert len(dialog.built.sampled) == 2 and dialog.open_button.isEnabled()
    assert "2" in dialog.status.text() and str(out) in dialog.status.text()
    # A second pack of the same months goes beside the first, never over it.
    assert dialog.target() == out.with_name(out.name + "_2")


def test_a_worker_sees_neither_button(
    qtbot: QtBot, db: Database, admin: Actor, tmp_path: Path, tasks: TaskRunner,
    make_actor: object,
) -> None:  # fmt: skip
    build(db, admin)
    worker = make_actor(Role.WORKER)  # type: ignore[operator]
    page = page_for(qtbot, db, worker, tasks, tmp_path)
    assert not page.projects.pack_button.isVisibleTo(page)
    assert page.projects.documents_button.isVisibleTo(page)  # the list is for everyone
