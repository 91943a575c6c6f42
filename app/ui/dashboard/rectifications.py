"""工作台's open 整改 items: by due date, overdue ones first and in red; hidden when none.

An item opens the 评估 page (`open_list("evaluation", {"round": id})`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.context import Changes
from app.services.evaluation.types import RECTIFICATION, ROUND, RectificationView
from app.ui.tasks import TaskRunner

OVERDUE_COLOUR = "#b42318"
SHOWN = 8


class RectificationBox(QGroupBox):
    picked = Signal(int)
    """The round id of the chosen item."""

    def __init__(
        self,
        *,
        open_items: Callable[[], Sequence[RectificationView]],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open rectification items"))
        self.setObjectName("rectificationBox")
        self._open_items = open_items
        self._tasks = tasks
        self.items: list[RectificationView] = []
        self.list = QListWidget(self)
        self.list.setMaximumHeight(120)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)
        self.hide()
        tasks.bus.changed.connect(self._changed)

    def refresh(self) -> None:
        fn = self._open_items
        self._tasks.run(self, lambda: list(fn()), on_done=self._show)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(RECTIFICATION) or changes.touches(ROUND):
            self.refresh()

    def _show(self, items: list[RectificationView]) -> None:
        self.items = items
        self.list.clear()
        for item in items[:SHOWN]:
            due = f"{item.due_on:%m-%d}"
            text = (
                self.tr("Overdue {due}: {what}") if item.overdue else self.tr("Due {due}: {what}")
            ).format(due=due, what=item.what)
            if item.owner:
                text += f"（{item.owner}）"
            row = QListWidgetItem(text, self.list)
            row.setData(Qt.ItemDataRole.UserRole, item.round_id)
            row.setToolTip(f"{item.round_label} · {item.station_name}\n{item.what}")
            if item.overdue:
                row.setForeground(QColor(OVERDUE_COLOUR))
        if len(items) > SHOWN:
            self.list.addItem(self.tr("… and {count} more").format(count=len(items) - SHOWN))
        self.setVisible(bool(items))

    def _activated(self, row: QListWidgetItem) -> None:
        round_id = row.data(Qt.ItemDataRole.UserRole)
        if round_id is not None:
            self.picked.emit(int(round_id))
