"""打印小组工作档案: choose where, write the PDF in the background, offer to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.services.groups.printing import GroupPrintService
from app.services.groups.types import GroupDetail
from app.ui.clients.prompts import ask
from app.ui.tasks import TaskRunner


class GroupFilePrinter(QObject):
    """Prints one group file at a time through the background runner."""

    def __init__(self, *, printing: GroupPrintService, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._printing = printing
        self._tasks = tasks
        self._parent = parent
        self.busy = False

    def choose_path(self, suggested: str) -> Path | None:
        """Ask where to save; None when the user cancels."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save the group file"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def print_group(self, detail: GroupDetail) -> None:
        if self.busy:
            return
        path = self.choose_path(str(Path.home() / f"小组档案_{detail.name}.pdf"))
        if path is not None:
            self.write(detail.id, path)

    def write(self, group_id: int, path: Path) -> None:
        printing = self._printing
        self.busy = True
        self._tasks.run(
            self,
            lambda: printing.group_file_pdf(group_id, path),
            on_done=self._written,
            on_finally=self._idle,
        )

    def _idle(self) -> None:
        self.busy = False

    def _written(self, path: Path) -> None:
        ask(
            self._parent,
            self.tr("The group file was saved to {path}. Open it now?").format(path=path),
            accept_text=self.tr("Open"),
            reject_text=self.tr("Close"),
            on_accept=lambda: self.open_file(path),
            icon=QMessageBox.Icon.Information,
        )

    @staticmethod
    def open_file(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
