"""Non-blocking dialogs: kept alive while open, deleted once closed, and the common messages.

A dialog opened with `open()` returns at once; something must hold it until the user
closes it. `keep_open` does, then deletes it on the GUI thread and asks for a garbage
collection there (closing a dialog is when its reference cycles become garbage).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.ui import garbage

_open_dialogs: set[QDialog] = set()


def keep_open(dialog: QDialog) -> None:
    """Hold a reference to a non-blocking dialog until it closes, then let it go."""
    _open_dialogs.add(dialog)

    def release() -> None:
        _open_dialogs.discard(dialog)
        dialog.deleteLater()
        garbage.collect_soon()

    dialog.finished.connect(release)
    # Deleted unfinished (with the window it belongs to): nothing left to hold.
    dialog.destroyed.connect(lambda: _open_dialogs.discard(dialog))


def show_message(parent: QWidget | None, text: str) -> QMessageBox:
    """A warning that does not block the caller (the event loop keeps running)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, app_title(), text, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    keep_open(box)
    box.open()
    return box


def confirm(parent: QWidget | None, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask a yes/no question without blocking; `on_yes` runs only if the user agrees."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        app_title(),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    yes = QMessageBox.StandardButton.Yes

    def clicked(button: Any) -> None:
        if box.standardButton(button) == yes:
            on_yes()

    box.buttonClicked.connect(clicked)
    keep_open(box)
    box.open()
    return box


def app_title() -> str:
    # The context predates this module; keeping it keeps the translation.
    return QCoreApplication.translate("TaskRunner", "Station Desk")
