"""打印个案档案: decide on the full ID number, make the PDF, preview it, print or save it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.services.cases.printing import CasePrintService
from app.services.cases.types import CaseDetail
from app.ui.print_preview import PrintPreview
from app.ui.reveal_prompt import ask_reveal
from app.ui.tasks import TaskRunner


class CaseFilePrinter(QObject):
    """Prints one case file at a time, through the print preview."""

    def __init__(self, *, printing: CasePrintService, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._printing = printing
        self._parent = parent
        self.preview = PrintPreview(
            tasks=tasks,
            parent=parent,
            saved_text=self.tr("The case file was saved to {path}. Open it now?"),
        )

    @property
    def busy(self) -> bool:
        return self.preview.busy

    def print_case(self, detail: CaseDetail) -> None:
        if self.busy:
            return
        if not detail.can_reveal:
            self.write(detail, reveal=False)
            return
        ask_reveal(
            self._parent,
            title=self.tr("Print case file"),
            question=self.tr(
                "Print the client's full ID number? Showing it is recorded in the audit log. "
                "Without it the number is printed masked."
            ),
            full=self.tr("Full number"),
            on_chosen=lambda reveal: self.write(detail, reveal=reveal),
        )

    def write(self, detail: CaseDetail, *, reveal: bool) -> None:
        printing, case_id = self._printing, detail.id
        self.preview.start(
            lambda path: printing.case_file_pdf(case_id, path, reveal=reveal),
            file_name=f"个案档案_{detail.case_no}.pdf",
        )
