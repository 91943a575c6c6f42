"""The rows of a client's story: 发生日期, kind, and what happened with a line about it.

What and its details share one column: the detail pane is narrow, and a line cut short
at its end still says what happened; the tooltip holds the whole text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from app.services.clients.story_types import StoryEntry
from app.ui.widgets.rows_model import Index, RowsModel


class StoryModel(RowsModel[StoryEntry]):
    """Every entry of the story as loaded (a client's story is small: no lazy fetching)."""

    DATE, KIND, WHAT = range(3)
    ENTRY_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("Date"), self.tr("Kind"), self.tr("What"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry)
        if role == self.ENTRY_ROLE:
            return entry
        return None

    def _text(self, e: StoryEntry, column: int) -> str:
        if column == self.DATE:
            return e.on.isoformat()
        if column == self.KIND:
            return e.kind.label
        summary = " ".join(e.summary.split())
        return f"{e.title}　{summary}" if summary else e.title

    def _tooltip(self, e: StoryEntry) -> str:
        lines = [f"{e.on.isoformat()} {e.title}"]
        if e.summary:
            lines.append(e.summary)
        if e.late:
            entered = e.entered_at.astimezone().strftime("%Y-%m-%d %H:%M")
            lines.append(self.tr("Entered later, on {time}").format(time=entered))
        lines.append(self.tr("Double-click or press Enter to open the record."))
        return "\n".join(lines)
