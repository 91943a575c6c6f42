"""A round's 整改 items: due date, what, owner, status and evidence; overdue ones in red."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.domain.evaluation import RectificationStatus
from app.services.evaluation.types import RectificationView

OVERDUE_COLOUR = "#b42318"


class RectificationTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.shown: list[RectificationView] = []
        self.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("What to rectify"), self.tr("Owner"), self.tr("Status"),
             self.tr("Evidence")]
        )  # fmt: skip
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(4, 140)

    def show_items(self, items: Sequence[RectificationView]) -> None:
        self.shown = list(items)
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            status = item.status.label
            if item.overdue:
                status = self.tr("Overdue")
            elif item.status is RectificationStatus.CLOSED and item.closed_on:
                status = f"{status} {item.closed_on:%Y-%m-%d} {item.closed_by}".strip()
            cells = (f"{item.due_on:%Y-%m-%d}", item.what, item.owner, status,
                     "、".join(item.files))  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.closing_note or text)
                if item.overdue:
                    cell.setForeground(QColor(OVERDUE_COLOUR))
                self.setItem(row, column, cell)
            first = self.item(row, 0)
            if first is not None:
                first.setData(Qt.ItemDataRole.UserRole, item.id)

    def current(self) -> RectificationView | None:
        row = self.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None
