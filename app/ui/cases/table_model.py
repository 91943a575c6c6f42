"""The case list as a lazy table model over ids (see app.ui.widgets.lazy_table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.case_rules import Stage, Urgency
from app.domain.codes import RiskLevel
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery, CaseRow, CaseSort
from app.ui.clients.choices import enum_label
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_table import AnyIndex, LazyIdTableModel

_HIGH = QColor("#b3261e")
_CLOSED = QColor("#777777")


class CaseTableModel(LazyIdTableModel[CaseQuery, CaseRow]):
    """Cases matching a `CaseQuery`, one row each, filled lazily."""

    CASE_NO, CLIENT, WORKER, STAGE, RISK, URGENCY, NEXT_CONTACT, STATUS = range(8)
    COLUMN_COUNT = 8
    FIRST_COLUMN = CASE_NO

    SORTS = {
        CASE_NO: CaseSort.CASE_NO,
        CLIENT: CaseSort.CLIENT,
        WORKER: CaseSort.WORKER,
        RISK: CaseSort.RISK,
        NEXT_CONTACT: CaseSort.NEXT_CONTACT,
    }

    def __init__(self, *, cases: CaseService, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(
            tasks=tasks,
            query=CaseQuery(),
            find=lambda query: cases.search_ids(query),
            fetch=lambda ids: cases.rows(ids),
            parent=parent,
        )
        self.today = cases.today

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case no."),
            self.tr("Client"),
            self.tr("Worker"),
            self.tr("Stage"),
            self.tr("Risk"),
            self.tr("Urgency"),
            self.tr("Next contact"),
            self.tr("Status"),
        )

    def status(self, row: CaseRow) -> str:
        if row.paused:
            return self.tr("Paused")
        if Stage(row.stage).locked:
            return self.tr("Closed")
        if row.next_contact_date is not None and row.next_contact_date < self.today:
            return self.tr("Contact overdue")
        return self.tr("Open")

    def _display(self, row: CaseRow, column: int) -> str:
        if column == self.CASE_NO:
            return row.case_no
        if column == self.CLIENT:
            return row.client_name
        if column == self.WORKER:
            return row.worker
        if column == self.STAGE:
            return row.stage_label
        if column == self.RISK:
            return enum_label(RiskLevel, row.risk_level)
        if column == self.URGENCY:
            return enum_label(Urgency, row.urgency)
        if column == self.NEXT_CONTACT:
            return row.next_contact_date.isoformat() if row.next_contact_date else ""
        if column == self.STATUS:
            return self.status(row)
        return ""

    def _row_role(self, row: CaseRow, index: AnyIndex, role: int) -> Any:
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if Stage(row.stage).locked:
            return QBrush(_CLOSED)
        column = index.column()
        if column == self.RISK and row.risk_level == RiskLevel.HIGH.value:
            return QBrush(_HIGH)
        if column == self.URGENCY and row.urgency == Urgency.URGENT.value:
            return QBrush(_HIGH)
        overdue = row.next_contact_date is not None and row.next_contact_date < self.today
        if column in (self.NEXT_CONTACT, self.STATUS) and overdue and not row.paused:
            return QBrush(_HIGH)
        return None
