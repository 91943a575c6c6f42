"""The 报表 page's 满意度 row: interview rounds, and surveys typed into a sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.satisfaction.interviews import InterviewService
from app.services.satisfaction.surveys import SurveyService
from app.services.satisfaction.types import ImportResult
from app.ui.clients.prompts import tell
from app.ui.dialogs import keep_open, show_message
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.satisfaction.rounds_dialog import RoundsDialog


class SatisfactionBar(QWidget):
    def __init__(
        self,
        *,
        surveys: SurveyService,
        interviews: InterviewService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._surveys = surveys
        self._interviews = interviews
        self._tasks = tasks
        self.dialog: QWidget | None = None
        """The dialog opened last (tests reach it here)."""
        self.rounds_button = QPushButton(self.tr("Interview rounds…"), self)
        self.rounds_button.setObjectName("interviewRounds")
        self.template_button = QPushButton(self.tr("Survey sheet template…"), self)
        self.import_button = QPushButton(self.tr("Import surveys…"), self)
        self.import_button.setObjectName("importSurveys")
        self.import_button.setVisible(surveys.can_record)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Satisfaction:"), self))
        for button in (self.rounds_button, self.template_button, self.import_button):
            layout.addWidget(button)
        layout.addStretch(1)
        self.rounds_button.clicked.connect(self.open_rounds)
        self.template_button.clicked.connect(self.choose_template_path)
        self.import_button.clicked.connect(self.choose_sheet)

    def open_rounds(self) -> RoundsDialog:
        from app.ui.satisfaction.rounds_dialog import RoundsDialog

        dialog = RoundsDialog(interviews=self._interviews, tasks=self._tasks, parent=self)
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog

    def choose_template_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the survey sheet template"),
            str(Path.home() / "满意度调查导入模板.xlsx"), self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.write_template(Path(path))

    def write_template(self, path: Path) -> None:
        surveys = self._surveys
        self._tasks.run(self, lambda: surveys.write_template(path), on_done=self._template_saved)

    def _template_saved(self, path: Path) -> None:
        tell(self, self.tr("The template was saved to {path}.").format(path=path))

    def choose_sheet(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import surveys"), str(Path.home()),
            self.tr("Excel workbook (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.import_sheet(Path(path))

    def import_sheet(self, path: Path) -> None:
        surveys = self._surveys
        self._tasks.run(self, lambda: surveys.import_sheet(path), on_done=self._imported)

    def _imported(self, result: ImportResult) -> None:
        if result.errors:
            text = self.tr("Nothing was imported. Correct these rows and import again:")
            self.dialog = show_message(self, text + "\n" + "\n".join(result.errors[:30]))
        else:
            tell(self, self.tr("{n} survey(s) imported.").format(n=result.imported))
