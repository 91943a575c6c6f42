"""The print preview draws a PDF's pages onto the printer and saves the PDF untouched."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect, QSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from app.domain.errors import StorageError
from app.ui.print_pages import PdfPages, fitted, match_page
from app.ui.print_preview import PrintPreview, save_pdf
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import chinese_ui, visible


def known_pdf(path: Path, pages: int, *, wide: bool = False) -> Path:
    """A PDF of `pages` pages, each saying its number."""
    sheet = canvas.Canvas(str(path), pagesize=landscape(A4) if wide else A4)
    for number in range(1, pages + 1):
        sheet.setFont("Helvetica", 48)
        sheet.drawString(120, 400, f"Page {number}")
        sheet.rect(40, 40, 300, 200)
        sheet.showPage()
    sheet.save()
    return path


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_each_page_of_the_pdf_is_one_printed_page(qapp: object, tmp_path: Path) -> None:
    pages = PdfPages(known_pdf(tmp_path / "in.pdf", 3, wide=True).read_bytes())
    assert len(pages) == 3
    printer = pdf_printer(tmp_path / "printed.pdf")
    match_page(printer, pages.page_size())
    pages.paint(printer)
    pages.close()
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == 3
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape


def test_a_page_is_fitted_to_the_paper_and_centred() -> None:
    assert fitted(QSize(100, 200), QRect(0, 0, 400, 400)) == QRect(100, 0, 200, 400)
    assert fitted(QSize(300, 100), QRect(10, 10, 150, 150)) == QRect(10, 60, 150, 50)


def test_the_preview_shows_every_page_prints_them_and_saves_the_pdf(
    qtbot: QtBot, owner: QWidget, tasks: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = known_pdf(tmp_path / "source.pdf", 4)
    made: list[str] = []

    def make(path: Path) -> None:
        made.append(path.name)
        path.write_bytes(source.read_bytes())

    preview = PrintPreview(tasks=tasks, parent=owner, saved_text="saved to {path}")
    preview.start(make, file_name="个案档案_X.pdf")
    qtbot.waitUntil(
        lambda: preview.dialog is not None and preview.dialog.isVisible(), timeout=10_000
    )
    dialog = preview.dialog
    assert dialog is not None
    assert made == ["个案档案_X.pdf"]  # the exporter wrote under the name it is saved as
    assert not preview.busy
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None and widget.pageCount() == 4

    # What the dialog's print button sends to a printer: here a PDF printer.
    printer = pdf_printer(tmp_path / "printed.pdf")
    dialog.paintRequested.emit(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 4

    with chinese_ui():
        dialog.grab().save(str(tmp_path / "preview.png"))

    # 打印, once the printer is chosen: the pages are drawn in the background.
    dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer().setOutputFileName(str(tmp_path / "sent.pdf"))
    dialog.print_requested.emit()
    qtbot.waitUntil(lambda: (tmp_path / "sent.pdf").exists(), timeout=20_000)
    tasks.wait()
    qtbot.waitUntil(lambda: not visible(QProgressDialog), timeout=10_000)
    assert len(PdfReader(tmp_path / "sent.pdf").pages) == 4

    # 另存为PDF… saves the very file that was previewed.
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(preview, "choose_path", lambda _name: target)
    opened: list[Path] = []
    monkeypatch.setattr(preview, "open_file", opened.append)
    dialog.save_action.trigger()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=10_000)
    assert target.read_bytes() == source.read_bytes()
    offer = visible(QMessageBox)[0]
    assert offer.text() == f"saved to {target}"
    offer.buttons()[0].click()
    assert opened == [target]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    for box in visible(QMessageBox):
        box.close()

    # With no printer installed, 打印 can only make a PDF file: it saves one.
    assert dialog.print_action is not None
    again = tmp_path / "again.pdf"
    monkeypatch.setattr(preview, "choose_path", lambda _name: again)
    dialog.print_action.trigger()
    qtbot.waitUntil(again.exists, timeout=10_000)
    dialog.close()


def test_cancelling_the_preparation_opens_no_preview(
    qtbot: QtBot, owner: QWidget, tasks: TaskRunner, tmp_path: Path
) -> None:
    source = known_pdf(tmp_path / "source.pdf", 1)
    started, release = threading.Event(), threading.Event()

    def slow(path: Path) -> None:
        started.set()
        release.wait(10)
        path.write_bytes(source.read_bytes())

    preview = PrintPreview(tasks=tasks, parent=owner, saved_text="{path}")
    preview.start(slow, file_name="x.pdf")
    qtbot.waitUntil(started.is_set, timeout=5_000)
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5_000)
    cancel = visible(QProgressDialog)[0].findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not preview.busy, timeout=5_000)
    assert preview.dialog is None


def test_a_pdf_that_cannot_be_saved_leaves_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        save_pdf(b"%PDF-1.4", tmp_path / "no such folder" / "x.pdf")
    (tmp_path / "x.pdf").mkdir()  # a folder where the file should go: the move fails
    with pytest.raises(StorageError):
        save_pdf(b"%PDF-1.4", tmp_path / "x.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]
    assert (tmp_path / "x.pdf").is_dir()
