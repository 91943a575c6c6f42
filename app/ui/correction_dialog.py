"""更正原因: asked when a change falls in a closed month (月结) and the user may correct it.

The task runner asks (app/ui/tasks.py) and runs the same change again inside
`MonthCloseService.correcting(reason)`; a user without the right only sees the message.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.dialogs import app_title, keep_open


class CorrectionReasonDialog(QDialog):
    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(app_title())
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "You may correct it: the change is kept as a correction to the closed month, "
                "its signed figures stay as they are, and next month's report lists it."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason for the correction"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Correct"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        for widget in (self.message, explain, self.reason, self.error, self.buttons):
            layout.addWidget(widget)
        self.resize(460, self.sizeHint().height())

    def _accept(self) -> None:
        if len(self.reason.text().strip()) < 2:
            self.error.setText(self.tr("Please give the reason for the correction."))
            self.reason.setFocus()
            return
        self.accept()


def ask_reason(
    parent: QWidget | None,
    message: str,
    on_reason: Callable[[str], None],
    on_cancel: Callable[[], None],
) -> CorrectionReasonDialog:
    """Open the dialog without blocking; exactly one of the callbacks runs when it closes."""
    dialog = CorrectionReasonDialog(message, parent)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            on_reason(dialog.reason.text().strip())
        else:
            on_cancel()

    dialog.finished.connect(finished)
    keep_open(dialog)
    dialog.open()
    return dialog
