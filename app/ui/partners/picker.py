"""A partner picker: an editable combo box offering the directory's partners that still
takes any typed name (a partner not in the directory yet stays free text)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.services.choice import Choice


class PartnerPicker(QComboBox):
    def __init__(self, parent: QWidget | None = None, *, max_length: int = 100) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        line = self.lineEdit()
        assert line is not None
        line.setMaxLength(max_length)
        completer = self.completer()
        if completer is not None:
            # Part of a name finds it: 残联 finds 县残联.
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_partners(self, partners: Sequence[Choice], *, extra: Sequence[str] = ()) -> None:
        """The directory's partners, then `extra` names offered without a partner."""
        text = self.currentText()
        self.clear()
        for partner in partners:
            self.addItem(partner.label, partner.id)
        for name in extra:
            self.addItem(name, None)
        self.setCurrentIndex(-1)
        self.setEditText(text)

    def set_placeholder(self, text: str) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(text)

    def text(self) -> str:
        return self.currentText().strip()

    def setText(self, text: str) -> None:
        self.setEditText(text)

    def partner_id(self) -> int | None:
        """The picked partner's id; None for a typed name (the service matches it exactly)."""
        index = self.findText(self.text(), Qt.MatchFlag.MatchExactly)
        data = self.itemData(index) if index >= 0 else None
        return data if isinstance(data, int) else None
