"""The print preview's dialog and the drawing of a PDF's pages on a printer.

Apart from app/ui/print_preview.py so that Qt's print support (and this code) loads
when something is first previewed, not with every page that can print (~1 MB).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QToolBar, QWidget

from app.domain.errors import StorageError
from app.ui.screen_fit import available_area

PRINT_DPI = 300
"""The most a page is rendered at for the printer: a page at a printer's 1200 dpi would
take half a gigabyte; 300 dpi prints text sharply."""
PREVIEW_DPI = 120
"""The preview only shows the page on screen: a lower resolution opens it much faster."""


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
