"""Villages and communities: add, rename in place, retire (administrator only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import COMMUNITY, VILLAGE
from app.domain.errors import AppError
from app.services.context import Changes
from app.services.settings.stations import StationService, VillageRow
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner


class VillagesTab(QWidget):
    """Retired villages stay on old records but are no longer offered for new ones."""

    def __init__(
        self, *, stations: StationService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stations = stations
        self._tasks = tasks
        self.rows: list[VillageRow] = []
        self.table = make_table(
            [self.tr("Name"), self.tr("Type"), self.tr("Clients"), self.tr("Status")]
        )
        self.table.itemChanged.connect(self._edited)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.retire_button = QPushButton(self.tr("Retire"))
        self.rename_button.clicked.connect(self._start_rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("New village or community"))
        self.new_kind = QComboBox()
        for kind in (VILLAGE, COMMUNITY):
            self.new_kind.addItem(kind, kind)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.new_name.returnPressed.connect(self.add)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.rename_button)
        row_buttons.addWidget(self.retire_button)
        row_buttons.addStretch(1)
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(self.new_kind)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row_buttons)
        layout.addLayout(adding)
        tasks.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self._tasks.run(
            self, lambda: self._stations.villages(include_inactive=True), on_done=self._show
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("village"):
            self.reload()

    def _show(self, rows: list[VillageRow]) -> None:
        self.rows = rows
        set_rows(
            self.table,
            [
                [
                    r.name,
                    r.kind,
                    str(r.clients),
                    self.tr("In use") if r.active else self.tr("Retired"),
                ]
                for r in rows
            ],
            editable_column=0,
        )
        self._update_buttons()

    def selected(self) -> VillageRow | None:
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
        name = self.new_name.text()
        stations, kind = self._stations, self.new_kind.currentData()
        self._tasks.run(
            self,
            lambda: stations.add_village(name=name, kind=kind),
            on_done=lambda _changes: self.new_name.clear(),
        )

    def _start_rename(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.table.editItem(item)

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or not 0 <= item.row() < len(self.rows):
            return
        row = self.rows[item.row()]
        if item.text().strip() != row.name:
            self.rename(row, item.text())

    def rename(self, row: VillageRow, name: str) -> None:
        self._update(row, name=name, active=row.active)

    def toggle_retired(self) -> None:
        row = self.selected()
        if row is not None:
            self._update(row, name=row.name, active=not row.active)

    def _update(self, row: VillageRow, *, name: str, active: bool) -> None:
        stations = self._stations

        def refused(_error: AppError) -> bool:
            self._show(self.rows)  # put the old name back; the message says why
            return False

        self._tasks.run(
            self,
            lambda: stations.update_village(
                village_id=row.id, version=row.version, name=name, active=active
            ),
            on_error=refused,
        )
