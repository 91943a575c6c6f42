"""打印小组工作档案: make the PDF in the background, preview it, print or save it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.services.groups.printing import GroupPrintService
from app.services.groups.types import GroupDetail
from app.ui.print_preview import PrintPreview
from app.ui.tasks import TaskRunner


class GroupFilePrinter(QObject):
    """Prints one group file at a time, through the print preview."""

    def __init__(self, *, printing: GroupPrintService, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._printing = printing
        self.preview = PrintPreview(
            tasks=tasks,
            parent=parent,
            saved_text=self.tr("The group file was saved to {path}. Open it now?"),
        )

    @property
    def busy(self) -> bool:
        return self.preview.busy

    def print_group(self, detail: GroupDetail) -> None:
        printing, group_id = self._printing, detail.id
        self.preview.start(
            lambda path: printing.group_file_pdf(group_id, path),
            file_name=f"小组档案_{detail.name}.pdf",
        )
