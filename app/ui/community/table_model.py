"""The activity list as a lazy table model over ids (see app.ui.widgets.lazy_table)."""

from __future__ import annotations

from typing import Any

from app.services.community.service import ActivityService
from app.services.community.types import ActivityQuery, ActivityRow, ActivitySort
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_table import LazyIdTableModel


class ActivityTableModel(LazyIdTableModel[ActivityQuery, ActivityRow]):
    """Activities matching an `ActivityQuery`, newest first unless sorted otherwise."""

    HELD_ON, TITLE, TYPE, VILLAGE, WORKER, PARTICIPANTS = range(6)
    COLUMN_COUNT = 6
    FIRST_COLUMN = HELD_ON

    SORTS = {
        HELD_ON: ActivitySort.HELD_ON,
        TITLE: ActivitySort.TITLE,
        TYPE: ActivitySort.TYPE,
        WORKER: ActivitySort.WORKER,
        PARTICIPANTS: ActivitySort.PARTICIPANTS,
    }

    def __init__(
        self, *, activities: ActivityService, tasks: TaskRunner, parent: Any = None
    ) -> None:
        super().__init__(
            tasks=tasks,
            query=ActivityQuery(),
            find=lambda query: activities.search_ids(query),
            fetch=lambda ids: activities.rows(ids),
            parent=parent,
        )

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Activity"),
            self.tr("Type"),
            self.tr("Village"),
            self.tr("Worker"),
            self.tr("Participants"),
        )

    def _display(self, row: ActivityRow, column: int) -> str:
        if column == self.HELD_ON:
            return row.held_on.isoformat()
        if column == self.TITLE:
            return row.title
        if column == self.TYPE:
            return row.type_label
        if column == self.VILLAGE:
            return row.village
        if column == self.WORKER:
            return row.worker
        if column == self.PARTICIPANTS:
            return str(row.participants_total)
        return ""
