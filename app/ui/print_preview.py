"""打印预览: every PDF the window prints is made in the background by its exporter, shown
in a print preview, and from there printed on the system printer or saved as a PDF file.

The preview draws the PDF itself (rendered by pypdfium2), so what is printed is exactly
what a saved file would hold: one PDF page per printer page, fitted to the paper.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QMarginsF,
    QObject,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QToolBar, QWidget

from app.domain.errors import StorageError
from app.ui.clients.prompts import ask
from app.ui.dialogs import keep_open
from app.ui.screen_fit import available_area
from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner

PRINT_DPI = 300
"""The most a page is rendered at for the printer: a page at a printer's 1200 dpi would
take half a gigabyte; 300 dpi prints text sharply."""
PREVIEW_DPI = 120
"""The preview only shows the page on screen: a lower resolution opens it much faster."""


@dataclass(frozen=True)
class PreparedPdf:
    """A PDF made for printing, held in memory (its temporary file is gone)."""

    file_name: str
    data: bytes


class PdfPages:
    """A PDF's pages painted onto a printer, one page per printer page."""

    def __init__(self, data: bytes) -> None:
        # Imported here: only printing needs pdfium, and the window starts without it.
        import pypdfium2

        self._data = data  # pdfium reads from this buffer while the document is open
        self._document: Any = pypdfium2.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._document)

    def page_size(self) -> QSizeF:
        """The first page's size in points."""
        width, height = self._document[0].get_size()
        return QSizeF(width, height)

    def paint(self, printer: QPrinter) -> None:
        """Draw every page (the preview's `paintRequested`, and the real print)."""
        painter = QPainter()
        if not painter.begin(printer):
            raise StorageError("无法开始打印：打印机没有准备好。")
        try:
            engine = printer.paintEngine()
            # The preview records the pages as pictures; a printer's engine is never one.
            previewing = engine is not None and engine.type() == QPaintEngine.Type.Picture
            dpi = PREVIEW_DPI if previewing else min(printer.resolution(), PRINT_DPI)
            area = QRect(0, 0, printer.width(), printer.height())
            for index in range(len(self._document)):
                if index and not printer.newPage():
                    raise StorageError("打印机拒绝了下一页。")
                page = self._document[index]
                try:
                    bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
                    image = QImage(
                        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                        QImage.Format.Format_RGBX8888,
                    )  # fmt: skip
                    _draw_in_bands(painter, image, fitted(image.size(), area))
                    del image  # it reads the bitmap's memory: gone before the bitmap
                    bitmap.close()
                finally:
                    page.close()
        finally:
            painter.end()

    def close(self) -> None:
        """Let the document go (again is harmless)."""
        if self._document is not None:
            self._document.close()
            self._document = None


BAND_ROWS = 256
"""Rows of a page image drawn at once. Qt's printer compresses what it is given while
holding Python's lock: a whole page at 300 dpi held it ~0.5 s, and the window with it."""


def _draw_in_bands(painter: QPainter, image: QImage, target: QRect) -> None:
    """Draw `image` into `target` a band of rows at a time.

    Each band reaches one row into the next: bands that only met could show a hairline
    where a viewer smooths their edges.
    """
    scale = target.height() / image.height()
    for top in range(0, image.height(), BAND_ROWS):
        rows = min(BAND_ROWS + 1, image.height() - top)
        painter.drawImage(
            QRectF(target.left(), target.top() + top * scale, target.width(), rows * scale),
            image,
            QRectF(0, top, image.width(), rows),
        )


def fitted(size: QSize, area: QRect) -> QRect:
    """`size` scaled to fit `area` (aspect kept), centred in it."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = area.left() + (area.width() - scaled.width()) // 2
    top = area.top() + (area.height() - scaled.height()) // 2
    return QRect(left, top, scaled.width(), scaled.height())


def match_page(printer: QPrinter, size: QSizeF) -> None:
    """Give the printer the PDF's paper (A4, landscape or not) and no margins of its own.

    The PDF carries its margins; the printer's would shrink every page a second time.
    """
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    orientation = (
        QPageLayout.Orientation.Landscape
        if size.width() > size.height()
        else QPageLayout.Orientation.Portrait
    )
    layout = QPageLayout(
        QPageSize(portrait, QPageSize.Unit.Point), orientation, QMarginsF(0, 0, 0, 0)
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)


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


class PdfPreviewDialog(QPrintPreviewDialog):
    """The print preview of one PDF, with 另存为PDF… beside the dialog's own 打印.

    The dialog's 打印 would draw every page on the GUI thread (about half a second a page
    at 300 dpi): it asks for the printer, then `print_requested` has the pages drawn in
    the background.
    """

    print_requested = Signal()

    def __init__(self, pages: PdfPages, parent: QWidget | None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        match_page(printer, pages.page_size())
        super().__init__(printer, parent)
        # The dialog does not own its printer: held here for as long as the dialog lives.
        self._printer = printer
        self.pages = pages
        self.setWindowTitle(self.tr("Print preview"))
        self.save_action = QAction(self.tr("Save as PDF…"), self)
        self.save_action.setToolTip(self.tr("Save the document as a PDF file instead of printing"))
        self.print_action: QAction | None = None
        toolbar = self.findChild(QToolBar)
        if toolbar is not None and toolbar.actions():
            # First on the toolbar: on a small screen the last actions fold behind ">>".
            first = toolbar.actions()[0]
            toolbar.insertAction(first, self.save_action)
            toolbar.insertSeparator(first)
            # Qt's own 打印 comes last; it keeps its place and icon, and runs ours.
            self.print_action = toolbar.actions()[-1]
            self.print_action.triggered.disconnect()
            self.print_action.triggered.connect(self.choose_printer)
        # Room for a whole page and the whole toolbar, where the screen allows.
        area = available_area(parent or self)
        self.resize(min(1100, area.width() * 9 // 10), area.height() * 9 // 10)
        self.paintRequested.connect(pages.paint)
        self.finished.connect(lambda _result: pages.close())
        self.destroyed.connect(lambda: pages.close())  # closed with its window, unfinished

    def choose_printer(self) -> None:
        if self._printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
            # No printer installed: a PDF file is all that can be made.
            self.save_action.trigger()
            return
        chooser = QPrintDialog(self._printer, self)
        # exec: the system's own print dialog (native on Windows) is shown modal anyway.
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.print_requested.emit()


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
