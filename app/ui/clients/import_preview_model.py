"""The preview table of a roster import: one line per row, coloured by verdict."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.importing.results import EXIT, Preview, PreviewRow, Verdict

_COLOURS = {
    Verdict.NEW.value: "#e3f4e1",
    Verdict.UPDATE.value: "#fff4cc",
    Verdict.SAME.value: "#ffffff",
    Verdict.ERROR.value: "#fbe0e0",
    Verdict.DUPLICATE.value: "#f3e3f7",
    EXIT: "#e4ecf7",
}
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Rows of a `Preview`, then the people who left the roster; filterable by verdict."""

    ROW, VERDICT, NAME, ID_NUMBER, DETAIL = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[str, str, str, str, str]] = []
        self._shown: list[tuple[str, str, str, str, str]] = []
        self._filter = ""

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Row"),
            self.tr("Result"),
            self.tr("Name"),
            self.tr("ID number"),
            self.tr("Details"),
        )

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self._all = []
        if preview is not None:
            self._all = [self._line(r) for r in preview.rows]
            self._all += [
                (
                    "",
                    EXIT,
                    e.name,
                    e.id_masked,
                    self.tr("No longer on the roster: {village}").format(village=e.village or "-"),
                )
                for e in preview.exits
            ]
        self._shown = self._filtered()
        self.endResetModel()

    @staticmethod
    def _line(row: PreviewRow) -> tuple[str, str, str, str, str]:
        detail = row.reason or "；".join(str(c) for c in row.changes)
        return (str(row.row_number), row.verdict.value, row.name, row.id_masked, detail)

    def set_filter(self, verdict: str) -> None:
        """Show only lines of one verdict ("" for all)."""
        self.beginResetModel()
        self._filter = verdict
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[tuple[str, str, str, str, str]]:
        if not self._filter:
            return list(self._all)
        return [line for line in self._all if line[self.VERDICT] == self._filter]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return line[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(_COLOURS.get(line[self.VERDICT], "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None
