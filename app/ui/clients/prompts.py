"""Non-blocking questions: the event loop (and the background tasks) keep running."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    text: str,
    *,
    accept_text: str,
    reject_text: str,
    on_accept: Callable[[], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """Ask a yes/no question; `on_accept` runs only when the first button is chosen."""
    box = QMessageBox(icon, _title(), text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(reject_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)

    def finished() -> None:
        chosen = box.clickedButton() is yes
        box.deleteLater()
        if chosen:
            on_accept()

    box.finished.connect(finished)
    box.open()
    return box


def tell(parent: QWidget, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    """Show a message without waiting for it to be read."""
    box = QMessageBox(icon, _title(), text, QMessageBox.StandardButton.Ok, parent)
    box.finished.connect(box.deleteLater)
    box.open()


def _title() -> str:
    return QCoreApplication.translate("ClientPrompts", "Station Desk")
