"""待办: what is due for the logged-in user (the station head: the whole station).

Each item opens its case; the dashboard reuses this list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.services.cases.reminders import Reminder, ReminderKind, ReminderService
from app.services.context import Changes
from app.ui.tasks import TaskRunner
from app.ui.widgets.column_widths import ColumnWidths

_URGENT_KINDS = frozenset({ReminderKind.NO_CONTACT, ReminderKind.CONTACT_DUE})
_RED = QColor("#b3261e")


CLIENT_COLUMN = 3
"""The client's column among the items' texts (shown second)."""


class TodoList(QWidget):
    """Reminders from `ReminderService.todo`, refreshed whenever a case changes."""

    open_case = Signal(int)
    loaded = Signal(int)  # how many items are shown

    def __init__(
        self,
        *,
        reminders: ReminderService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reminders = reminders
        self._tasks = tasks
        self._generation = 0
        self.items: list[Reminder] = []
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("todoList")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [
                self.tr("To do"),
                self.tr("Due"),
                self.tr("Case no."),
                self.tr("Client"),
                self.tr("Worker"),
                self.tr("Details"),
            ]
        )
        for column, width in enumerate((104, 92, 120, 72, 72)):
            self.tree.setColumnWidth(column, width)
        self.column_widths = ColumnWidths(self.tree, "todoList")
        # Whom an item is about is read first: the client comes right after what is due.
        self.tree.header().moveSection(CLIENT_COLUMN, 1)
        self.tree.setToolTip(self.tr("Double-click or press Enter to open the case."))
        self.tree.itemActivated.connect(self._activated)
        self.empty = QLabel(self.tr("Nothing is due. Well done."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        tasks.bus.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        reminders = self._reminders
        self._tasks.run(self, reminders.todo, on_done=lambda items: self._show(generation, items))

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in ("case", "client", "user", "settings")):
            self.refresh()

    def _show(self, generation: int, items: list[Reminder]) -> None:
        if generation != self._generation:
            return
        self.items = items
        self.tree.clear()
        for reminder in items:
            item = QTreeWidgetItem(
                [
                    reminder.kind_label,
                    reminder.due.isoformat(),
                    reminder.case_no,
                    reminder.client_name,
                    reminder.worker,
                    reminder.text,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, reminder.case_id)
            if reminder.kind in _URGENT_KINDS:
                item.setForeground(0, QBrush(_RED))
            self.tree.addTopLevelItem(item)
        self.column_widths.fit()  # the last column takes what is left
        self.empty.setVisible(not items)
        self.loaded.emit(len(items))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(case_id, int):
            self.open_case.emit(case_id)
