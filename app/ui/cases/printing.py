"""打印个案档案: choose where, decide on the full ID number, write the PDF, offer to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.services.cases.printing import CasePrintService
from app.services.cases.types import CaseDetail
from app.ui.clients.prompts import ask
from app.ui.tasks import TaskRunner


class CaseFilePrinter(QObject):
    """Prints one case file at a time through the background runner."""

    def __init__(self, *, printing: CasePrintService, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._printing = printing
        self._tasks = tasks
        self._parent = parent
        self.busy = False

    def choose_path(self, suggested: str) -> Path | None:
        """Ask where to save; None when the user cancels."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, self.tr("Save the case file"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def print_case(self, detail: CaseDetail) -> None:
        if self.busy:
            return
        path = self.choose_path(str(Path.home() / f"个案档案_{detail.case_no}.pdf"))
        if path is None:
            return
        if not detail.can_reveal:
            self.write(detail.id, path, reveal=False)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Print case file"),
            self.tr(
                "Print the client's full ID number? Showing it is recorded in the audit log. "
                "Without it the number is printed masked."
            ),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        full = box.addButton(self.tr("Full number"), QMessageBox.ButtonRole.YesRole)
        masked = box.addButton(self.tr("Masked"), QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(masked)

        def finished() -> None:
            chosen = box.clickedButton()
            box.deleteLater()
            if chosen in (full, masked):
                self.write(detail.id, path, reveal=chosen is full)

        box.finished.connect(finished)
        box.open()

    def write(self, case_id: int, path: Path, *, reveal: bool) -> None:
        printing = self._printing
        self.busy = True
        self._tasks.run(
            self,
            lambda: printing.case_file_pdf(case_id, path, reveal=reveal),
            on_done=self._written,
            on_finally=self._idle,
        )

    def _idle(self) -> None:
        self.busy = False

    def _written(self, path: Path) -> None:
        ask(
            self._parent,
            self.tr("The case file was saved to {path}. Open it now?").format(path=path),
            accept_text=self.tr("Open"),
            reject_text=self.tr("Close"),
            on_accept=lambda: self.open_file(path),
            icon=QMessageBox.Icon.Information,
        )

    @staticmethod
    def open_file(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
