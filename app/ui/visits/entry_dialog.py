"""Add or edit an entry the worker types into their work log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QSpinBox, QWidget

from app.services.context import Changes
from app.services.visits.worklog_types import EntryInput, EntryView
from app.services.visits.worklogs import WorkLogService
from app.ui.cases.fields import items_combo, text_box
from app.ui.clients.choices import select_data
from app.ui.tasks import TaskRunner
from app.ui.visits.form_dialog import FormDialog


class EntryDialog(FormDialog):
    """A new entry on `day` of `user_id`'s log, or `entry` to edit."""

    def __init__(
        self,
        *,
        worklogs: WorkLogService,
        tasks: TaskRunner,
        kinds: list[tuple[str, object]],
        user_id: int,
        day: dt.date,
        entry: EntryView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit log entry") if entry else self.tr("Add log entry")
        super().__init__(title=title, tasks=tasks, parent=parent)
        self.setMinimumWidth(420)
        self._worklogs = worklogs
        self._user_id = user_id
        self._day = day
        self._entry = entry
        self.kind = items_combo(self, kinds)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 1440)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(entry.minutes if entry else 60)
        self.description = text_box(self, 72)
        if entry is not None:
            select_data(self.kind, entry.kind)
            self.description.setPlainText(entry.description)
        self.add_row(self.tr("Kind of work"), self.kind, "kind")
        self.add_row(self.tr("Duration"), self.minutes, "minutes")
        self.add_row(self.tr("What was done *"), self.description, "description")
        self.add_button(self.tr("Save"), self.call)

    def call(self) -> Callable[[], Changes]:
        data = EntryInput(
            kind=self.kind.currentData() or "",
            minutes=self.minutes.value(),
            description=self.description.toPlainText(),
        )
        worklogs, entry, user_id, day = self._worklogs, self._entry, self._user_id, self._day
        if entry is None:
            return lambda: worklogs.add_entry(user_id, day, data)
        return lambda: worklogs.update_entry(entry.id, version=entry.version, data=data)
