"""The mapping step of a roster import: one combo box per column of the file."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.services.importing.header import FIELDS
from app.services.importing.results import MappingProposal, column_letter

SAMPLES = 3


class MappingTable(QTableWidget):
    """A row per column of the roster: its header, a few values and the field it fills."""

    HEADER, SAMPLE, FIELD = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("mappingTable")
        self.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Client field")]
        )
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.HEADER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._headers: tuple[str, ...] = ()

    def set_proposal(self, proposal: MappingProposal) -> None:
        self._headers = proposal.headers
        width = max([len(proposal.headers), *(len(r) for r in proposal.sample)], default=0)
        self.setRowCount(width)
        for column in range(width):
            name = proposal.headers[column] if column < len(proposal.headers) else ""
            letter = column_letter(column)
            self.setItem(column, self.HEADER, QTableWidgetItem(f"{letter}  {name}".rstrip()))
            values = [r[column] for r in proposal.sample[:SAMPLES] if column < len(r) and r[column]]
            self.setItem(column, self.SAMPLE, QTableWidgetItem("、".join(values)))
            combo = QComboBox(self)
            combo.addItem(self.tr("(not imported)"), "")
            for key, label, _names in FIELDS:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(proposal.columns.get(column, "")), 0))
            self.setCellWidget(column, self.FIELD, combo)

    def combo(self, column: int) -> QComboBox:
        widget = self.cellWidget(column, self.FIELD)
        assert isinstance(widget, QComboBox)
        return widget

    def set_field(self, column: int, key: str) -> None:
        combo = self.combo(column)
        combo.setCurrentIndex(max(combo.findData(key), 0))

    def columns(self) -> dict[int, str]:
        """Column index → field, as the user left it."""
        chosen = {}
        for column in range(self.rowCount()):
            key = self.combo(column).currentData()
            if key:
                chosen[column] = str(key)
        return chosen

    def duplicated(self) -> list[str]:
        """Labels of fields chosen for more than one column."""
        seen: dict[str, int] = {}
        for key in self.columns().values():
            seen[key] = seen.get(key, 0) + 1
        labels = {key: label for key, label, _ in FIELDS}
        return [labels[k] for k, n in seen.items() if n > 1]

    @property
    def headers(self) -> tuple[str, ...]:
        return self._headers
