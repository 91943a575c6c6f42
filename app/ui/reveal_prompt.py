"""Print with the full numbers or masked? Asked only of users who may reveal them.

Window-modal and not blocking (the box is opened, not exec'd): the answer arrives through
`on_chosen(reveal)`, and not at all when the user cancels. Masked is the default button,
since showing a full ID number is recorded in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_reveal(
    parent: QWidget, *, title: str, question: str, full: str, on_chosen: Callable[[bool], None]
) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent
    )
    full_button = box.addButton(full, QMessageBox.ButtonRole.YesRole)
    masked = box.addButton(
        QCoreApplication.translate("RevealPrompt", "Masked"), QMessageBox.ButtonRole.NoRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(masked)

    def finished() -> None:
        chosen = box.clickedButton()
        box.deleteLater()
        if chosen in (full_button, masked):
            on_chosen(chosen is full_button)

    box.finished.connect(finished)
    box.open()
    return box
