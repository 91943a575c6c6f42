"""待办: what is due for the logged-in user (the station head: the whole station).

Each item opens its case; the dashboard reuses this list.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from app.services.cases.reminders import Reminder, ReminderService
from app.services.context import Changes
from app.ui.cases.todo_model import TodoModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.column_widths import ColumnWidths

CLIENT_COLUMN = TodoModel.CLIENT
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
        self.model = TodoModel(
            [
                self.tr("To do"),
                self.tr("Due"),
                self.tr("Case no."),
                self.tr("Client"),
                self.tr("Worker"),
                self.tr("Details"),
            ],
            self,
        )
        self.tree = QTreeView(self)
        self.tree.setObjectName("todoList")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setModel(self.model)
        for column, width in enumerate((104, 92, 120, 72, 72)):
            self.tree.setColumnWidth(column, width)
        self.column_widths = ColumnWidths(self.tree, "todoList")
        # Whom an item is about is read first: the client comes right after what is due.
        self.tree.header().moveSection(CLIENT_COLUMN, 1)
        self.tree.setToolTip(self.tr("Double-click or press Enter to open the case."))
        self.tree.activated.connect(self._activated)
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
        self.model.set_rows(items)
        self.column_widths.fit()  # the last column takes what is left
        self.empty.setVisible(not items)
        self.loaded.emit(len(items))

    def _activated(self, index: QModelIndex) -> None:
        case_id = index.siblingAtColumn(TodoModel.KIND).data(TodoModel.CASE_ID_ROLE)
        if isinstance(case_id, int):
            self.open_case.emit(case_id)
