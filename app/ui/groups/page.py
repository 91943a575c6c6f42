"""The 小组 page: the group list with filters, and the chosen group beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.satisfaction import Subject
from app.services.clients.service import ClientService
from app.services.groups.printing import GroupPrintService
from app.services.groups.service import GroupService
from app.services.groups.types import ENTITY, GroupSaved
from app.services.lists.service import ListExportService
from app.services.satisfaction.surveys import SurveyService
from app.services.settings.codes import CodeService
from app.ui.groups.actions import GroupActions
from app.ui.groups.choices import GroupChoices, load_group_choices
from app.ui.groups.detail import GroupDetailPanel
from app.ui.groups.filter_bar import GroupFilterBar
from app.ui.groups.printing import GroupFilePrinter
from app.ui.groups.table_model import GroupTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.list_page import ListPage

if TYPE_CHECKING:
    from app.ui.groups.plan_dialog import GroupPlanDialog


class GroupsPage(ListPage[GroupFilterBar, GroupTableModel]):
    """Group work: plan a group, add members, record sessions with attendance, end, print."""

    TABLE_NAME = "groupTable"
    COUNT_NAME = "groupCount"
    COLUMN_WIDTHS = {
        GroupTableModel.NAME: 180,
        GroupTableModel.TYPE: 56,
        GroupTableModel.STATUS: 60,
        GroupTableModel.FACILITATORS: 110,
        GroupTableModel.START: 88,
        GroupTableModel.SESSIONS: 56,
    }
    ENTITIES = (ENTITY, "user", "codes")  # a row names its facilitators and type
    CHOICE_ENTITIES = ("codes", "user", ENTITY)

    def __init__(
        self,
        *,
        groups: GroupService,
        printing: GroupPrintService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        own_id: int | None = None,
        exports: ListExportService | None = None,
        surveys: SurveyService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self._groups = groups
        self._surveys = surveys
        self._clients = clients
        self._codes = codes
        self._choices: GroupChoices | None = None

        self.detail = GroupDetailPanel(groups=groups, tasks=tasks, parent=self)
        self.detail.setMinimumWidth(460)
        self.detail.surveys_shown = surveys is not None
        self.group_actions = GroupActions(
            groups=groups, clients=clients, tasks=tasks, own_id=own_id, parent=self
        )
        self.printer = GroupFilePrinter(printing=printing, tasks=tasks, parent=self)
        self.new_button = QPushButton(self.tr("New group"), self)
        self.new_button.setToolTip(self.tr("Plan a new group (Ctrl+N)"))
        self.set_up(
            filters=GroupFilterBar(self),
            model=GroupTableModel(groups=groups, tasks=tasks, parent=self),
            detail=self.detail,
            new_button=self.new_button,
            on_new=self.new_group,
            can_create=groups.can_create,
            exports=exports,
            export_key="groups",
            sizes=(620, 560),
        )

        self.detail.requested.connect(self._requested)
        self.group_actions.saved.connect(self._saved)
        self.group_actions.reload_requested.connect(self.detail.reload)

    # ---- list and the group shown -------------------------------------------------------

    def _count_text(self, count: int) -> str:
        return self.tr("%n group(s)", "", count)

    def show_group(self, group_id: int) -> None:
        """Show a group beside the list, and select it when the list holds it."""
        self.show_record(group_id)

    def _show_detail(self, group_id: int | None) -> None:
        self.detail.show_group(group_id)

    def _reload_detail(self) -> None:
        if self.detail.detail is not None:
            self.detail.reload()

    def _choice_loader(self) -> Callable[[], Any]:
        groups, clients, codes = self._groups, self._clients, self._codes
        return lambda: load_group_choices(groups, clients, codes)

    # ---- actions ----------------------------------------------------------------------

    def new_group(self) -> GroupPlanDialog | None:
        if not self._groups.can_create or self._choices is None:
            return None
        return self.group_actions.new_group(self._choices)

    def _saved(self, saved: GroupSaved) -> None:
        self.show_group(saved.group_id)

    def _requested(self, key: str) -> None:
        from app.ui.satisfaction.survey_dialog import open_survey

        detail = self.detail.detail
        if detail is None:
            return
        if key == "print":
            self.printer.print_group(detail)
            return
        if key == "survey" and self._surveys is not None:
            open_survey(
                self, surveys=self._surveys, tasks=self._tasks, subject=Subject.GROUP,
                subject_id=detail.id, title=detail.name,
            )  # fmt: skip
            return
        if self._choices is not None:
            self.group_actions.open(
                key,
                detail,
                self._choices,
                member=self.detail.selected_member(),
                session=self.detail.selected_session(),
            )
