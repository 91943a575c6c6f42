"""A red line under a field that says, in the user's language, what is wrong with it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)


class ErrorLabel(QLabel):
    """Hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b3261e;")
        self.setWordWrap(True)
        self.hide()

    def set_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def on_change(widget: QWidget, react: Callable[[], None]) -> None:
    """Call `react` whenever the user changes what `widget` holds (any kind of field).

    A composite field is followed through its `changed` signal or its inner `edit`.
    """

    def changed(*_signal_args: object) -> None:
        react()

    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.textChanged.connect(changed)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(changed)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(changed)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(changed)
    elif isinstance(widget, QListWidget):
        widget.itemChanged.connect(changed)
    elif hasattr(widget, "changed"):
        widget.changed.connect(changed)
    elif isinstance(getattr(widget, "edit", None), QWidget):
        on_change(widget.edit, react)  # type: ignore[attr-defined]
