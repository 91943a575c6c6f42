"""A line edit for a stored, masked value (ID number, phone) that is kept unless retyped."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class MaskedLineEdit(QLineEdit):
    """Shows `138****1234` for a stored value; `value()` is None until the user types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._masked = ""
        self._touched = False
        self.textEdited.connect(self._edited)

    @property
    def keeps_stored(self) -> bool:
        """True while the stored value is shown (masked or revealed) and not retyped."""
        return bool(self._masked) and not self._touched

    def show_masked(self, masked: str) -> None:
        self._masked = masked
        self._touched = False
        self.setText(masked)

    def show_revealed(self, full: str) -> None:
        """The full stored value, after an audited reveal; it is still kept unless edited."""
        self.setText(full)

    def mask_again(self) -> None:
        """Hide a revealed stored value again (when the window locks); typed text stays."""
        if self.keeps_stored:
            self.setText(self._masked)

    def value(self) -> str | None:
        """What to save: None keeps the stored value, "" removes it."""
        return None if self.keeps_stored else self.text().strip()

    def _edited(self) -> None:
        self._touched = True

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.keeps_stored and "*" in self.text():
            # Typing replaces the masked value rather than mixing digits into the stars.
            QTimer.singleShot(0, self.selectAll)
