"""The client list as a table model over ids: rows are fetched lazily, in chunks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.codes import ClientStatus, RiskLevel, Sex
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery, ClientRow, ClientSort
from app.ui.clients.choices import enum_label
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_table import PENDING, AnyIndex, LazyIdTableModel

__all__ = ["PENDING", "ClientTableModel"]

_HIGH_RISK = QColor("#b3261e")
_ARCHIVED = QColor("#777777")


class ClientTableModel(LazyIdTableModel[ClientQuery, ClientRow]):
    """Clients matching a `ClientQuery`, one row each, filled lazily."""

    NAME, SEX, AGE, ID_NUMBER, PHONE, VILLAGE, CATEGORIES, RISK, WORKER, STATUS = range(10)
    COLUMN_COUNT = 10
    FIRST_COLUMN = NAME
    ClientIdRole = LazyIdTableModel.IdRole

    SORTS = {
        NAME: ClientSort.NAME,
        AGE: ClientSort.AGE,
        VILLAGE: ClientSort.VILLAGE,
        RISK: ClientSort.RISK,
        WORKER: ClientSort.WORKER,
    }

    def __init__(self, *, clients: ClientService, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(
            tasks=tasks,
            query=ClientQuery(),
            find=lambda query: clients.search_ids(query),
            fetch=lambda ids: clients.rows(ids),
            parent=parent,
        )

    def client_id(self, row: int) -> int | None:
        return self.record_id(row)

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("Age"),
            self.tr("ID number"),
            self.tr("Phone"),
            self.tr("Village/community"),
            self.tr("Categories"),
            self.tr("Risk"),
            self.tr("Worker"),
            self.tr("Status"),
        )

    def _row_role(self, row: ClientRow, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CATEGORIES:
            return row.categories or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status == ClientStatus.ARCHIVED.value:
                return QBrush(_ARCHIVED)
            if index.column() == self.RISK and row.risk_level == RiskLevel.HIGH.value:
                return QBrush(_HIGH_RISK)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ClientRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.SEX:
            return enum_label(Sex, row.sex)
        if column == self.AGE:
            return "" if row.age is None else str(row.age)
        if column == self.ID_NUMBER:
            return row.id_number_masked
        if column == self.PHONE:
            return row.phone_masked
        if column == self.VILLAGE:
            return row.village
        if column == self.CATEGORIES:
            return row.categories
        if column == self.RISK:
            return enum_label(RiskLevel, row.risk_level)
        if column == self.WORKER:
            return row.worker
        if column == self.STATUS:
            return enum_label(ClientStatus, row.status)
        return ""
