"""Members joining and leaving: a client search to add, a leaving date to remove."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.services.groups.service import GroupService
from app.services.groups.types import GroupDetail, MemberView
from app.ui.cases.fields import date_edit, pydate
from app.ui.groups.form_dialog import GroupFormDialog, SaveCall
from app.ui.tasks import TaskRunner


class LeaveDialog(GroupFormDialog):
    """退出小组: the member keeps every attendance recorded so far."""

    def __init__(
        self,
        *,
        groups: GroupService,
        tasks: TaskRunner,
        detail: GroupDetail,
        member: MemberView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Member leaves the group"), tasks=tasks, parent=parent)
        self._groups = groups
        self._detail = detail
        self._member = member
        self.left_on = date_edit(self, groups.today)
        self.add_row(self.tr("Member"), QLabel(member.name, self))
        self.add_row(self.tr("Left on"), self.left_on, "left_on")
        note = QLabel(self.tr("Their attendance so far stays in the group's records."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.save_button.setText(self.tr("Remove from the group"))

    def call(self) -> SaveCall:
        groups, group_id, version = self._groups, self._detail.id, self._detail.version
        member_id, left_on = self._member.id, pydate(self.left_on.date())
        return lambda: groups.remove_member(
            group_id, version=version, member_id=member_id, left_on=left_on
        )
