"""The dialog for bugs: what happened, a copyable report, and where the log file is."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

import app
from app.ui.dialogs import keep_open
from app.ui.logging_setup import log_path

log = logging.getLogger(__name__)


def report_text(exc: BaseException) -> str:
    """Version, platform and traceback: what a support contact needs."""
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return (
        f"Station Desk {app.__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n\n" + "".join(lines)
    )


class CrashDialog(QDialog):
    """What happened, the report to copy, and the log file's path."""

    def __init__(self, parent: QWidget | None, exc: BaseException) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.report = report_text(exc)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Something went wrong that the program did not expect. Your saved data "
                    "is safe. Please copy the report below and send it to your support "
                    "contact.\nLog file: {path}"
                ).format(path=str(log_path()))
            )
        )
        text = QPlainTextEdit(self.report)
        text.setReadOnly(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.report))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


def show_crash(parent: QWidget | None, exc: BaseException) -> CrashDialog:
    """Log the bug and show its report without blocking the caller."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    dialog = CrashDialog(parent, exc)
    keep_open(dialog)
    dialog.open()
    return dialog


def install_excepthook() -> None:
    """Uncaught exceptions in the GUI thread reach the crash dialog instead of vanishing."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        show_crash(QApplication.activeWindow(), exc)

    sys.excepthook = hook
