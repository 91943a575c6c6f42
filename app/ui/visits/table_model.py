"""The visit list as a lazy table model over ids (see app.ui.widgets.lazy_table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.services.visits.service import VisitService
from app.services.visits.types import VisitQuery, VisitResult, VisitRow, VisitSort
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_table import AnyIndex, LazyIdTableModel

_CASE = QColor("#b3261e")


class VisitTableModel(LazyIdTableModel[VisitQuery, VisitRow]):
    """Visits matching a `VisitQuery`, newest first unless sorted otherwise."""

    DATE, TYPE, HOUSEHOLD, CLIENTS, VILLAGE, WORKER, MINUTES, NEEDS, RESULT = range(9)
    COLUMN_COUNT = 9
    FIRST_COLUMN = DATE

    SORTS = {DATE: VisitSort.DATE, VILLAGE: VisitSort.VILLAGE, WORKER: VisitSort.WORKER}

    def __init__(self, *, visits: VisitService, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(
            tasks=tasks,
            query=VisitQuery(),
            find=lambda query: visits.search_ids(query),
            fetch=lambda ids: visits.rows(ids),
            parent=parent,
        )

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Type"),
            self.tr("Household"),
            self.tr("Clients"),
            self.tr("Village"),
            self.tr("Worker"),
            self.tr("Minutes"),
            self.tr("New needs"),
            self.tr("Result"),
        )

    def _display(self, row: VisitRow, column: int) -> str:
        values = {
            self.DATE: row.visited_on.isoformat(),
            self.TYPE: row.visit_type_label,
            self.HOUSEHOLD: row.household,
            self.CLIENTS: row.clients,
            self.VILLAGE: row.village,
            self.WORKER: row.worker,
            self.MINUTES: str(row.duration_min),
            self.NEEDS: str(row.new_need_count) if row.new_need_count else "",
            self.RESULT: row.result_label,
        }
        return values.get(column, "")

    def _row_role(self, row: VisitRow, index: AnyIndex, role: int) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.MINUTES, self.NEEDS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.RESULT
            and row.result == VisitResult.OPEN_CASE.value
        ):
            return QBrush(_CASE)
        return None
