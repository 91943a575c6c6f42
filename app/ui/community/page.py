"""The 社区活动 page: the activity list with filters, and the chosen activity beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.satisfaction import Subject
from app.services.clients.service import ClientService
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.community.types import ENTITY
from app.services.lists.service import ListExportService
from app.services.partners.service import PartnerService
from app.services.rooms.service import RoomService
from app.services.satisfaction.surveys import SurveyService
from app.services.settings.codes import CodeService
from app.ui.clients.choices import ClientChoices
from app.ui.community.actions import ActivityActions
from app.ui.community.choices import load_activity_choices
from app.ui.community.detail import ActivityDetailPanel
from app.ui.community.filter_bar import ActivityFilterBar
from app.ui.community.table_model import ActivityTableModel
from app.ui.tasks import TaskRunner
from app.ui.widgets.list_page import ListPage

if TYPE_CHECKING:
    from app.ui.community.form import ActivityDialog

_PHOTO_KEYS = ("caption", "remove_photo")


class CommunityPage(ListPage[ActivityFilterBar, ActivityTableModel]):
    """Community activities: record them, add photos, print the record."""

    TABLE_NAME = "activityTable"
    COUNT_NAME = "activityCount"
    COLUMN_WIDTHS = {
        ActivityTableModel.HELD_ON: 88,
        ActivityTableModel.TITLE: 220,
        ActivityTableModel.TYPE: 72,
        ActivityTableModel.VILLAGE: 72,
        ActivityTableModel.WORKER: 64,
        ActivityTableModel.PARTICIPANTS: 56,
    }
    ENTITIES = (ENTITY, "village", "user", "codes")  # what a row names
    CHOICE_ENTITIES = ("codes", "user", "village", "room")

    def __init__(
        self,
        *,
        activities: ActivityService,
        photos: ActivityPhotoService,
        printing: ActivityPrintService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        exports: ListExportService | None = None,
        rooms: RoomService | None = None,
        surveys: SurveyService | None = None,
        partners: PartnerService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self._activities = activities
        self._rooms = rooms
        self._surveys = surveys
        self._partners = partners
        self._clients = clients
        self._codes = codes
        self._choices: ClientChoices | None = None

        self.detail = ActivityDetailPanel(
            activities=activities, photos=photos, tasks=tasks, parent=self
        )
        self.detail.setMinimumWidth(420)
        self.detail.buttons["survey"].setEnabled(surveys is not None)
        self.activity_actions = ActivityActions(
            activities=activities, photos=photos, printing=printing, clients=clients,
            tasks=tasks, parent=self,
        )  # fmt: skip
        self.new_button = QPushButton(self.tr("Record an activity"), self)
        self.new_button.setToolTip(self.tr("Record a community activity (Ctrl+N)"))
        self.set_up(
            filters=ActivityFilterBar(activities.today, self),
            model=ActivityTableModel(activities=activities, tasks=tasks, parent=self),
            detail=self.detail,
            new_button=self.new_button,
            on_new=self.open_new,
            can_create=activities.can_create,
            exports=exports,
            export_key="activities",
            sizes=(640, 520),
        )
        QShortcut(
            QKeySequence.StandardKey.Print,
            self,
            lambda: self._requested("print"),
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        self.detail.requested.connect(self._requested)
        self.activity_actions.saved.connect(self.show_activity)
        self.activity_actions.reload_requested.connect(self.detail.reload)

    # ---- list and the activity shown ----------------------------------------------------

    def _count_text(self, count: int) -> str:
        return self.tr("%n activity(ies)", "", count)

    def show_activity(self, activity_id: int) -> None:
        """Show an activity beside the list, and select it when the list holds it."""
        self.show_record(activity_id)

    def _show_detail(self, activity_id: int | None) -> None:
        self.detail.show_activity(activity_id)

    def _reload_detail(self) -> None:
        if self.detail.detail is not None:
            self.detail.reload()

    def _choice_loader(self) -> Callable[[], Any]:
        clients, codes, rooms = self._clients, self._codes, self._rooms
        partners = self._partners
        return lambda: load_activity_choices(clients, codes, rooms, partners)

    # ---- actions ----------------------------------------------------------------------

    def open_new(self) -> ActivityDialog | None:
        if not self._activities.can_create or self._choices is None:
            return None
        return self.activity_actions.new(self._choices)

    def _requested(self, key: str) -> None:
        from app.ui.satisfaction.survey_dialog import open_survey

        detail = self.detail.detail
        if detail is None or self._choices is None:
            return
        if key == "survey" and self._surveys is not None:
            open_survey(
                self, surveys=self._surveys, tasks=self._tasks, subject=Subject.ACTIVITY,
                subject_id=detail.id, title=f"{detail.title}（{detail.held_on.isoformat()}）",
            )  # fmt: skip
            return
        if key in _PHOTO_KEYS:
            photo = self.detail.photo_strip.current_photo()
            if photo is not None:
                self.activity_actions.open_photo(key, detail, photo)
            return
        self.activity_actions.open(key, detail, self._choices)
