"""What the buttons of the group panel open: the dialogs and the one-click changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.services.clients.service import ClientService
from app.services.groups.service import GroupService
from app.services.groups.types import GroupDetail, MemberView, SessionView
from app.ui.dialogs import confirm, keep_open
from app.ui.groups.choices import GroupChoices
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.groups.form_dialog import GroupFormDialog
    from app.ui.groups.plan_dialog import GroupPlanDialog


class GroupActions(QObject):
    """Opens one dialog at a time for the group shown; `saved` once a change is stored."""

    saved = Signal(object)  # GroupSaved
    reload_requested = Signal()

    def __init__(
        self,
        *,
        groups: GroupService,
        clients: ClientService,
        tasks: TaskRunner,
        own_id: int | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._groups = groups
        self._clients = clients
        self._tasks = tasks
        self._own_id = own_id
        self._parent = parent
        self.dialog: QDialog | None = None
        """The dialog open now (tests drive it)."""

    def new_group(self, choices: GroupChoices) -> GroupPlanDialog:
        from app.ui.groups.plan_dialog import GroupPlanDialog

        dialog = GroupPlanDialog(
            groups=self._groups,
            tasks=self._tasks,
            choices=choices,
            own_id=self._own_id,
            parent=self._parent,
        )
        self._show(dialog)
        return dialog

    def open(
        self,
        key: str,
        detail: GroupDetail,
        choices: GroupChoices,
        *,
        member: MemberView | None = None,
        session: SessionView | None = None,
    ) -> None:
        from app.ui.groups.end_dialog import EndDialog
        from app.ui.groups.member_dialogs import LeaveDialog
        from app.ui.groups.plan_dialog import GroupPlanDialog
        from app.ui.groups.session_dialog import SessionDialog

        groups, tasks, parent = self._groups, self._tasks, self._parent
        if key == "edit":
            self._show(
                GroupPlanDialog(
                    groups=groups, tasks=tasks, choices=choices, detail=detail, parent=parent
                )
            )
        elif key == "start":
            self._start(detail)
        elif key == "add_member":
            self._add_member(detail)
        elif key == "remove_member" and member is not None:
            self._show(
                LeaveDialog(groups=groups, tasks=tasks, detail=detail, member=member, parent=parent)
            )
        elif key == "add_session":
            self._show(SessionDialog(groups=groups, tasks=tasks, detail=detail, parent=parent))
        elif key == "edit_session" and session is not None:
            self._show(
                SessionDialog(
                    groups=groups, tasks=tasks, detail=detail, session=session, parent=parent
                )
            )
        elif key == "end":
            self._show(EndDialog(groups=groups, tasks=tasks, detail=detail, parent=parent))

    def _show(self, dialog: GroupFormDialog) -> None:
        dialog.saved.connect(self.saved)
        dialog.reload_requested.connect(self.reload_requested)
        self._keep(dialog)

    def _keep(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        keep_open(dialog)
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _start(self, detail: GroupDetail) -> None:
        groups, group_id, version = self._groups, detail.id, detail.version

        def start() -> None:
            self._tasks.run(
                self, lambda: groups.start(group_id, version=version), on_done=self.saved.emit
            )

        confirm(
            self._parent,
            self.tr("Start “{name}” now? Its status becomes running.").format(name=detail.name),
            start,
        )

    def _add_member(self, detail: GroupDetail) -> None:
        from app.ui.clients.household_picker import HeadSearchDialog

        dialog = HeadSearchDialog(
            clients=self._clients,
            tasks=self._tasks,
            title=self.tr("Add a member to {name}").format(name=detail.name),
            placeholder=self.tr("Name, ID number or phone of a registered client"),
            parent=self._parent,
        )
        groups, group_id, version = self._groups, detail.id, detail.version

        def finished(result: int) -> None:
            chosen = dialog.chosen
            if result == QDialog.DialogCode.Accepted and chosen is not None:
                self._tasks.run(
                    self,
                    lambda: groups.add_member(group_id, version=version, client_id=chosen.id),
                    on_done=self.saved.emit,
                )

        dialog.finished.connect(finished)
        self._keep(dialog)
