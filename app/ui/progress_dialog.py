"""The window-modal progress of one long task: with 取消 where stopping is safe, without
it (and then it cannot be closed either) where stopping half-way is not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 300
"""A task done sooner shows no dialog at all (no flash for a quick one)."""


class TaskProgressDialog(QProgressDialog):
    """A busy bar until the task reports its progress."""

    def __init__(self, label: str, cancel_text: str | None, parent: QWidget | None) -> None:
        super().__init__(label, cancel_text or "", 0, 0, parent)
        self.cancellable = cancel_text is not None
        if not self.cancellable:
            self.setCancelButton(None)  # no button: the task cannot be stopped
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing a progress dialog cancels it: not for a task that must finish.
        if self.cancellable:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.cancellable and event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)
