"""The conflicts a package left: both values of each field, and a person's choice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Changes
from app.services.packages.service import PackageService
from app.services.packages.types import ConflictRow
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner

COUNTY, STATION = "county", "station"


class ConflictsPanel(QWidget):
    """Open conflicts on the left; the chosen one's fields, side by side, on the right."""

    def __init__(
        self, *, packages: PackageService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._packages = packages
        self._tasks = tasks
        self.rows: list[ConflictRow] = []
        self.list = make_table([self.tr("No."), self.tr("Station"), self.tr("Record")])
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.fields: QTableWidget = make_table(
            [self.tr("Field"), self.tr("County value"), self.tr("Station value"), self.tr("Keep")]
        )
        self.choices: list[QComboBox] = []
        self.merged = QLabel(self)
        self.merged.setWordWrap(True)
        self.status = QLabel(self)
        self.save_button = QPushButton(self.tr("Save decision"), self)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        right = QVBoxLayout()
        right.addWidget(self.fields, 1)
        right.addWidget(self.merged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 2)
        tasks.bus.changed.connect(self._on_changed)

    def reload(self) -> None:
        self._tasks.run(self, self._packages.conflicts, on_done=self._show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("package"):
            self.reload()

    def _show(self, rows: list[ConflictRow]) -> None:
        self.rows = rows
        set_rows(self.list, [(str(c.id), c.station_code, c.entity_label) for c in rows])
        self.status.setText(
            self.tr("{count} conflicts wait for a decision.").format(count=len(rows))
            if rows
            else self.tr("No conflicts.")
        )
        self._show_selected()

    def selected(self) -> ConflictRow | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _show_selected(self) -> None:
        conflict = self.selected()
        diffs = conflict.fields if conflict is not None else ()
        set_rows(self.fields, [(f.label, f.county, f.station, "") for f in diffs])
        self.choices = []
        for row in range(len(diffs)):
            box = QComboBox(self.fields)
            box.addItem(self.tr("County value"), COUNTY)
            box.addItem(self.tr("Station value"), STATION)
            self.fields.setCellWidget(row, 3, box)
            self.choices.append(box)
        # The fields only one side changed merge without a choice: named, not asked.
        merged = conflict.merged if conflict is not None else ()
        self.merged.setText(
            self.tr("Merged without a decision: {fields}").format(
                fields="、".join(m.text for m in merged)
            )
            if merged
            else ""
        )
        self.save_button.setEnabled(conflict is not None)

    def save(self) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        choices = {
            f.field: str(box.currentData())
            for f, box in zip(conflict.fields, self.choices, strict=True)
        }
        packages, conflict_id = self._packages, conflict.id
        self.save_button.setEnabled(False)
        self._tasks.run(self, lambda: packages.resolve(conflict_id, choices=choices))
