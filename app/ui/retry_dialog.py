"""The county server went away in the middle of an action: say so, and offer to try the
same action again. The window it belongs to (a form with its unsaved input) stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.dialogs import app_title, keep_open


def ask_retry(
    parent: QWidget | None,
    message: str,
    on_retry: Callable[[], None],
    on_give_up: Callable[[], None],
) -> QMessageBox:
    """A non-blocking warning with 重试 and 取消; exactly one of the callbacks runs."""
    kept = QCoreApplication.translate(
        "RetryDialog", "What you entered is still here. Retry once the connection is back."
    )
    box = QMessageBox(QMessageBox.Icon.Warning, app_title(), f"{message}\n\n{kept}", parent=parent)
    box.setObjectName("retryBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    retry = box.addButton(
        QCoreApplication.translate("RetryDialog", "&Retry"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("RetryDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(retry)
    answered = False

    def clicked(button: object) -> None:
        nonlocal answered
        answered = True
        (on_retry if button is retry else on_give_up)()

    def finished(_result: int) -> None:
        if not answered:  # closed with Escape or the title bar: as 取消
            on_give_up()

    box.buttonClicked.connect(clicked)
    box.finished.connect(finished)
    keep_open(box)
    box.open()
    return box
