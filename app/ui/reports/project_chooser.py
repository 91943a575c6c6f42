"""The 报表 page's project row: the projects covering the station, 新建服务项目… for those
who may add one, the project's documents (项目文件…) and its evidence pack (评估材料包…),
the chosen project's progress in a month (shown at once, or printed).
The list follows every change to projects (a new one, the year's targets saved in 设置)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from app.domain.errors import AppError
from app.services.context import Changes
from app.services.projects.documents import ProjectDocumentService
from app.services.projects.pack import EvidencePackService
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectProgress, ProjectSummary
from app.ui.dialogs import keep_open
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.print_preview import PrintPreview


class ProjectChooser(QWidget):
    previewed = Signal(str, object)  # the summary line, the ProjectProgress
    preview_refused = Signal(str)  # why there is no progress (a month outside the period)

    def __init__(
        self,
        *,
        projects: ProjectService | None,
        tasks: TaskRunner,
        today: dt.date,
        documents: ProjectDocumentService | None = None,
        packs: EvidencePackService | None = None,
        folder: Callable[[], Path] = Path.home,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._projects = projects
        self._documents = documents
        self._packs = packs
        self._folder = folder
        self._tasks = tasks
        self._today = today
        self._summaries: dict[int, ProjectSummary] = {}
        self.combo = QComboBox(self)
        self.combo.setPlaceholderText(self.tr("No project covers this station yet"))
        self.new_button = QPushButton(self.tr("New project…"), self)
        self.new_button.setVisible(projects is not None and projects.may_manage)
        self.new_button.clicked.connect(self.new_project)
        self.documents_button = QPushButton(self.tr("Documents…"), self)
        self.documents_button.setVisible(documents is not None)
        self.documents_button.clicked.connect(self.show_documents)
        self.pack_button = QPushButton(self.tr("Evidence pack…"), self)
        self.pack_button.setToolTip(
            self.tr("Build the evaluation's evidence pack of the project (a folder and a zip)")
        )
        self.pack_button.setVisible(packs is not None and packs.may_build)
        self.pack_button.clicked.connect(self.build_pack)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        for button in (self.new_button, self.documents_button, self.pack_button):
            row.addWidget(button)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._chosen)
        self._chosen()
        if projects is not None:
            tasks.bus.changed.connect(self._changed)
            self.reload()

    def reload(self) -> None:
        if self._projects is not None:
            self._tasks.run(self, self._projects.list, on_done=self._show)

    def _changed(self, changes: Changes) -> None:
        if changes.touches("project"):
            self.reload()

    def _show(self, projects: list[ProjectSummary]) -> None:
        chosen = self.combo.currentData()
        self._summaries = {p.id: p for p in projects}
        self.combo.clear()
        for p in projects:
            self.combo.addItem(f"{p.name}（{p.code}）", p.id)
        self.combo.setCurrentIndex(max(self.combo.findData(chosen), 0) if projects else -1)

    def _chosen(self) -> None:
        chosen = self.combo.currentData() is not None
        self.documents_button.setEnabled(chosen)
        self.pack_button.setEnabled(chosen)

    def new_project(self) -> None:
        from app.ui.reports.project_dialog import ProjectDialog

        if self._projects is None:
            return
        dialog = ProjectDialog(
            projects=self._projects, tasks=self._tasks, today=self._today, parent=self
        )
        keep_open(dialog)
        dialog.open()

    def show_documents(self) -> QWidget | None:
        from app.ui.reports.project_documents_dialog import ProjectDocumentsDialog

        project = self._summaries.get(self.combo.currentData())
        if self._documents is None or project is None:
            return None
        dialog = ProjectDocumentsDialog(
            documents=self._documents, project_id=project.id, project_name=project.name,
            tasks=self._tasks, today=self._today, parent=self,
        )  # fmt: skip
        keep_open(dialog)
        dialog.open()
        return dialog

    def build_pack(self) -> QWidget | None:
        from app.ui.reports.evidence_pack_dialog import EvidencePackDialog

        project = self._summaries.get(self.combo.currentData())
        if self._packs is None or project is None:
            return None
        dialog = EvidencePackDialog(
            packs=self._packs, project=project, folder=self._folder(), tasks=self._tasks,
            today=self._today, parent=self,
        )  # fmt: skip
        keep_open(dialog)
        dialog.open()
        return dialog

    def preview(self, month: dt.date) -> None:
        """The chosen project's progress in `month`; the files wait for 生成."""
        project_id, projects = self.combo.currentData(), self._projects
        if project_id is None or projects is None:
            return
        self._tasks.run(
            self,
            lambda: projects.progress(project_id, month),
            on_done=lambda report: self.previewed.emit(self._summary(report), report),
            on_error=self._refused,
        )

    def _summary(self, report: ProjectProgress) -> str:
        summary = self.tr("As of %1, %2% of the project's period has passed.")
        summary = summary.replace("%1", f"{report.as_of:%Y-%m-%d}")
        summary = summary.replace("%2", f"{report.expected}")
        if report.score is not None:
            score = self.tr("Weighted completion: %1%.").replace("%1", f"{report.score}")
            summary += " " + score
        return summary

    def _refused(self, error: AppError) -> bool:
        """Said on the page, not in a message box."""
        self.preview_refused.emit(error.message)
        return True

    def print_progress(self, month: dt.date, preview: PrintPreview) -> None:
        project_id, projects = self.combo.currentData(), self._projects
        if project_id is None or projects is None:
            return
        preview.start(
            lambda path: projects.write_progress(project_id, month, pdf=path),
            file_name=f"{self.combo.currentText()}_{month:%Y年%m月}_项目进度.pdf",
        )
