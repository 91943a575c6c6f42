"""What every group dialog shares: when someone else changed the group meanwhile, the
user is offered a reload (the rest is `ServiceFormDialog`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.services.groups.types import GroupSaved
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceFormDialog

SaveCall = Callable[[], GroupSaved]


class GroupFormDialog(ServiceFormDialog):
    """A dialog that saves one change to a group (`saved` carries the GroupSaved)."""

    def __init__(self, *, title: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(title=title, tasks=tasks, min_width=520, parent=parent)

    def reload_question(self) -> str:
        return self.tr("Reload the group? What you typed here is dropped.")
