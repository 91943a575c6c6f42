"""县级裁决: the county's decisions on this station's conflicts, from its return packages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services.context import Changes
from app.services.packages.service import PackageService
from app.services.packages.types import DecisionRow
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner


class DecisionsTable(QWidget):
    """Which record, each field and whose value the county kept, who decided, and what
    became of it here."""

    def __init__(
        self, *, packages: PackageService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._packages = packages
        self._tasks = tasks
        self.rows: list[DecisionRow] = []
        self.table = make_table(
            [self.tr("Record"), self.tr("Decision"), self.tr("Here"), self.tr("Decided by"),
             self.tr("Decided on")]
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("County decisions on this station's conflicts"), self))
        layout.addWidget(self.table)
        tasks.bus.changed.connect(self._on_changed)

    def reload(self) -> None:
        self._tasks.run(self, self._packages.decisions, on_done=self._show)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("package"):
            self.reload()

    def _show(self, rows: list[DecisionRow]) -> None:
        self.rows = rows
        set_rows(
            self.table,
            [
                (
                    d.entity_label,
                    "；".join(f.text for f in d.fields),
                    d.outcome_label,
                    d.decided_by,
                    d.decided_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                )
                for d in rows
            ],
        )
