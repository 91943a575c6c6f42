"""The rows of 待办: one per reminder, its texts read from the reminder when drawn.

A station's list holds hundreds of reminders, on the dashboard and on the cases page at
once; the model keeps only the reminders themselves, never an item per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.cases.reminders import Reminder, ReminderKind
from app.ui.widgets.rows_model import Index, RowsModel

_URGENT_KINDS = frozenset({ReminderKind.NO_CONTACT, ReminderKind.CONTACT_DUE})
_RED = QBrush(QColor("#b3261e"))


class TodoModel(RowsModel[Reminder]):
    """The reminders as given, in the service's order (the list does not sort)."""

    KIND, DUE, CASE_NO, CLIENT, WORKER, DETAILS = range(6)
    CASE_ID_ROLE = Qt.ItemDataRole.UserRole
    """On the first column: the case the reminder opens."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        reminder = self.row_at(index.row()) if index.isValid() else None
        if reminder is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(reminder, column)
        if column == self.KIND:
            if role == Qt.ItemDataRole.ForegroundRole and reminder.kind in _URGENT_KINDS:
                return _RED
            if role == self.CASE_ID_ROLE:
                return reminder.case_id
        return None


def _text(r: Reminder, column: int) -> str | None:
    texts = (r.kind_label, r.due.isoformat(), r.case_no, r.client_name, r.worker, r.text)
    return texts[column] if 0 <= column < len(texts) else None
