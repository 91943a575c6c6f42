"""The group list as a lazy table model over ids (see app.ui.widgets.lazy_table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from app.services.groups.service import GroupService
from app.services.groups.types import GroupQuery, GroupRow, GroupSort, GroupStatus
from app.ui.clients.choices import enum_label
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_table import AnyIndex, LazyIdTableModel

_ENDED = QColor("#777777")


class GroupTableModel(LazyIdTableModel[GroupQuery, GroupRow]):
    """Groups matching a `GroupQuery`, one row each, filled lazily."""

    NAME, TYPE, STATUS, FACILITATORS, START, SESSIONS, MEMBERS = range(7)
    COLUMN_COUNT = 7
    FIRST_COLUMN = NAME

    SORTS = {
        NAME: GroupSort.NAME,
        TYPE: GroupSort.TYPE,
        STATUS: GroupSort.STATUS,
        START: GroupSort.START,
    }

    def __init__(self, *, groups: GroupService, tasks: TaskRunner, parent: Any = None) -> None:
        super().__init__(
            tasks=tasks,
            query=GroupQuery(),
            find=lambda query: groups.search_ids(query),
            fetch=lambda ids: groups.rows(ids),
            parent=parent,
        )

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Facilitators"),
            self.tr("Start"),
            self.tr("Sessions"),
            self.tr("Members"),
        )

    def _display(self, row: GroupRow, column: int) -> str:
        if column == self.NAME:
            return row.name
        if column == self.TYPE:
            return row.type_label
        if column == self.STATUS:
            return enum_label(GroupStatus, row.status)
        if column == self.FACILITATORS:
            return row.facilitators
        if column == self.START:
            return row.start_date.isoformat() if row.start_date else ""
        if column == self.SESSIONS:
            return f"{row.sessions_held}/{row.planned_sessions}"
        if column == self.MEMBERS:
            return str(row.members)
        return ""

    def _row_role(self, row: GroupRow, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status == GroupStatus.ENDED.value:
            return QBrush(_ENDED)
        return None
