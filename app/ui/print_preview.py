"""打印预览: every PDF the window prints is made in the background by its exporter, shown
in a print preview, and from there printed on the system printer or saved as a PDF file.

The preview draws the PDF itself (rendered by pypdfium2), so what is printed is exactly
what a saved file would hold: one PDF page per printer page, fitted to the paper. The
dialog and the drawing (app/ui/print_pages.py) load with the first preview.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.errors import StorageError
from app.ui.clients.prompts import ask
from app.ui.dialogs import keep_open
from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner

if TYPE_CHECKING:
    from app.ui.print_pages import PdfPreviewDialog


@dataclass(frozen=True)
class PreparedPdf:
    """A PDF made for printing, held in memory (its temporary file is gone)."""

    file_name: str
    data: bytes


def save_pdf(data: bytes, path: Path) -> Path:
    """Write the PDF beside its place and move it there: never half a file under its name."""
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=".pdf.part", dir=path.parent
        )
    except OSError as exc:
        raise StorageError(f"无法在 {path.parent} 写入文件：{exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(name)
        if isinstance(exc, PermissionError):
            raise StorageError(
                f"无法保存到 {path.name}：文件可能正在打开，请关闭后再保存。"
            ) from exc
        raise StorageError(f"无法保存到 {path}：{exc.strerror or exc}") from exc
    return path


class PrintPreview(QObject):
    """Makes a PDF in the background, previews it, and prints or saves it from there."""

    def __init__(self, *, tasks: TaskRunner, parent: QWidget, saved_text: str) -> None:
        """`saved_text` tells where a saved copy went ("{path}"), asking to open it."""
        super().__init__(parent)
        self._tasks = tasks
        self._parent = parent
        self._saved_text = saved_text
        self.busy = False
        self.dialog: PdfPreviewDialog | None = None
        """The preview opened last (tests reach it here)."""

    def start(self, make: Callable[[Path], object], *, file_name: str) -> None:
        """Preview the PDF that `make(path)` writes (on the worker thread) at `path`."""
        if self.busy:
            return

        def work(_progress: Progress, is_cancelled: IsCancelled) -> PreparedPdf:
            # The temporary file carries the name the PDF would be saved under, so the
            # export's audit entry names it.
            with tempfile.TemporaryDirectory(prefix="stationdesk-print-") as folder:
                path = Path(folder) / file_name
                make(path)
                data = path.read_bytes()
            if is_cancelled():
                raise Cancelled()
            return PreparedPdf(file_name, data)

        self.busy = True
        self._tasks.run_with_progress(
            self,
            work,
            label=self.tr("Preparing the print preview…"),
            on_done=self.show,
            on_finally=self._idle,
        )

    def _idle(self) -> None:
        self.busy = False

    def show(self, prepared: PreparedPdf) -> None:
        from app.ui.print_pages import PdfPages, PdfPreviewDialog

        dialog = PdfPreviewDialog(PdfPages(prepared.data), self._parent.window())
        dialog.save_action.triggered.connect(lambda: self.save_as(prepared))
        dialog.print_requested.connect(lambda: self.print_pages(dialog))
        self.dialog = dialog
        keep_open(dialog)
        # Non-blocking: the event loop and the background tasks go on while it is open.
        dialog.open()

    def print_pages(self, dialog: PdfPreviewDialog) -> None:
        """Draw the pages on the dialog's printer in the background.

        QPainter may paint on a QPrinter off the GUI thread. Not cancellable: a printer
        sent half a job prints half a document. The busy dialog sits over the preview,
        so nothing repaints it (pdfium is used by one thread at a time) while it prints.
        """
        pages, printer = dialog.pages, dialog.printer()
        self._tasks.run_busy(
            dialog, lambda: pages.paint(printer), label=self.tr("Printing, please wait…")
        )

    def save_as(self, prepared: PreparedPdf) -> None:
        path = self.choose_path(prepared.file_name)
        if path is None:
            return
        data = prepared.data
        self._tasks.run(self, lambda: save_pdf(data, path), on_done=self._saved)

    def choose_path(self, suggested: str) -> Path | None:
        """Ask where to save; None when the user cancels."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self._open_dialog() or self._parent,
            self.tr("Save as PDF"),
            str(Path.home() / suggested),
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def _saved(self, path: Path) -> None:
        parent = self._open_dialog() or self._parent
        ask(
            parent,
            self._saved_text.format(path=path),
            accept_text=self.tr("Open"),
            reject_text=self.tr("Close"),
            on_accept=lambda: self.open_file(path),
            icon=QMessageBox.Icon.Information,
        )

    def _open_dialog(self) -> PdfPreviewDialog | None:
        dialog = self.dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            return dialog
        return None

    @staticmethod
    def open_file(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
