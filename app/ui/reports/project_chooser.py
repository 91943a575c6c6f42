"""The 报表 page's project row: the projects covering the station, and 新建服务项目… for
those who may add one. The list follows every change to projects (a new one, the year's
targets saved in 设置)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from app.services.context import Changes
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectSummary
from app.ui.dialogs import keep_open
from app.ui.reports.project_dialog import ProjectDialog
from app.ui.tasks import TaskRunner


class ProjectChooser(QWidget):
    def __init__(
        self,
        *,
        projects: ProjectService | None,
        tasks: TaskRunner,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._projects = projects
        self._tasks = tasks
        self._today = today
        self.combo = QComboBox(self)
        self.combo.setPlaceholderText(self.tr("No project covers this station yet"))
        self.new_button = QPushButton(self.tr("New project…"), self)
        self.new_button.setVisible(projects is not None and projects.may_manage)
        self.new_button.clicked.connect(self.new_project)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.new_button)
        self.setFocusProxy(self.combo)
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
        self.combo.clear()
        for p in projects:
            self.combo.addItem(f"{p.name}（{p.code}）", p.id)
        self.combo.setCurrentIndex(max(self.combo.findData(chosen), 0) if projects else -1)

    def new_project(self) -> None:
        if self._projects is None:
            return
        dialog = ProjectDialog(
            projects=self._projects, tasks=self._tasks, today=self._today, parent=self
        )
        keep_open(dialog)
        dialog.open()
