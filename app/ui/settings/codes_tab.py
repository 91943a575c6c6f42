"""Code lists: choose a list, add an item, rename one in place, retire it (administrator only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import CodeList
from app.domain.errors import AppError
from app.services.context import Changes
from app.services.settings.codes import CodeEntry, CodeService
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner


class CodesTab(QWidget):
    """Codes never change once made, so old records keep their meaning; labels may."""

    def __init__(
        self, *, codes: CodeService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._codes = codes
        self._tasks = tasks
        self.rows: list[CodeEntry] = []
        self.list_choice = QComboBox()
        for code_list in CodeList:
            self.list_choice.addItem(code_list.label, code_list)
        self.list_choice.currentIndexChanged.connect(self.reload)
        self.table = make_table([self.tr("Code"), self.tr("Name"), self.tr("Status")])
        self.table.itemChanged.connect(self._edited)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.retire_button = QPushButton(self.tr("Retire"))
        self.rename_button.clicked.connect(self._start_rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.new_code = QLineEdit()
        self.new_code.setPlaceholderText(self.tr("Code"))
        self.new_code.setMaximumWidth(120)
        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText(self.tr("Name of the new item"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.new_label.returnPressed.connect(self.add)
        choose = QFormLayout()
        choose.addRow(self.tr("Code list"), self.list_choice)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.rename_button)
        row_buttons.addWidget(self.retire_button)
        row_buttons.addStretch(1)
        adding = QHBoxLayout()
        adding.addWidget(self.new_code)
        adding.addWidget(self.new_label, 1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.table)
        layout.addLayout(row_buttons)
        layout.addLayout(adding)
        tasks.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    def code_list(self) -> CodeList:
        return CodeList(self.list_choice.currentData())

    def reload(self) -> None:
        codes, code_list = self._codes, self.code_list()

        def show(rows: list[CodeEntry]) -> None:
            # A slow answer for a list the user has already left is dropped.
            if code_list == self.code_list():
                self._show(rows)

        self._tasks.run(self, lambda: codes.entries(code_list, include_retired=True), on_done=show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("codes"):
            self.reload()

    def _show(self, rows: list[CodeEntry]) -> None:
        self.rows = rows
        set_rows(
            self.table,
            [
                [r.code, r.label, self.tr("In use") if r.active else self.tr("Retired")]
                for r in rows
            ],
            editable_column=1,
        )
        self._update_buttons()

    def selected(self) -> CodeEntry | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.rename_button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None)
        self.retire_button.setText(
            self.tr("Restore") if row is not None and not row.active else self.tr("Retire")
        )

    def add(self) -> None:
        codes, code_list = self._codes, self.code_list()
        code, label = self.new_code.text(), self.new_label.text()

        def added(_changes: Changes) -> None:
            self.new_code.clear()
            self.new_label.clear()

        self._tasks.run(
            self, lambda: codes.add(code_list=code_list, code=code, label=label), on_done=added
        )

    def _start_rename(self) -> None:
        item = self.table.item(self.table.currentRow(), 1)
        if item is not None:
            self.table.editItem(item)

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() != 1 or not 0 <= item.row() < len(self.rows):
            return
        row = self.rows[item.row()]
        if item.text().strip() != row.label:
            self.rename(row, item.text())

    def rename(self, row: CodeEntry, label: str) -> None:
        self._update(row, label=label, active=row.active)

    def toggle_retired(self) -> None:
        row = self.selected()
        if row is not None:
            self._update(row, label=row.label, active=not row.active)

    def _update(self, row: CodeEntry, *, label: str, active: bool) -> None:
        codes = self._codes

        def refused(_error: AppError) -> bool:
            self._show(self.rows)  # put the old label back; the message says why
            return False

        self._tasks.run(
            self,
            lambda: codes.update(item_id=row.id, version=row.version, label=label, active=active),
            on_error=refused,
        )
