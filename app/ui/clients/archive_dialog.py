"""Asking why a client is archived (归档): moved away, deceased, no longer needs service."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class ArchiveDialog(QDialog):
    """A reason is required; common ones are offered, any other can be typed."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Archive client"))
        intro = QLabel(
            self.tr(
                "Archive {name}? The record is kept and can be restored; it leaves the list "
                "of active clients."
            ).format(name=name),
            self,
        )
        intro.setWordWrap(True)
        self.reason = QComboBox(self)
        self.reason.setObjectName("archiveReason")
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                self.tr("Moved away"),
                self.tr("Deceased"),
                self.tr("No longer needs services"),
                self.tr("Registered twice by mistake"),
            ]
        )
        self.reason.setCurrentIndex(-1)
        line = self.reason.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Choose or type a reason"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Archive"))
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(
            lambda text: self.ok_button.setEnabled(bool(text.strip()))
        )

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason:"), self))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def text(self) -> str:
        return self.reason.currentText().strip()
