"""Community activities (社区活动): record, change and delete them, with their participants.

Who may change an activity follows case work: the responsible worker their own, the station
head every one of the station, supervisors only read. Every change is audited and carries
the version the user loaded, so two edits never silently overwrite each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.partners import split_names
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.community import views
from app.services.community.photos import default_photo_folder, discard_files
from app.services.community.types import (
    ENTITY,
    ActivityDetail,
    ActivityInput,
    ActivityQuery,
    ActivityRow,
    ActivitySaved,
    ParticipantCounts,
)
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.partners import links as partner_links
from app.services.rooms import lookup as rooms
from app.store.engine import Database
from app.store.models import (
    Activity,
    ActivityParticipant,
    ActivityPartner,
    ActivityPhoto,
    Client,
    CodeItem,
    User,
    Village,
    VolunteerService,
)

NOUN = "活动记录"
_LIMITS = {"title": 200, "place": 100, "target_group": 200}
_FIELDS = (
    "title", "activity_type", "held_on", "start_time", "end_time", "village_id", "place",
    "partners", "target_group", "worker_id", "participants", "client_ids", "resources_used",
    "content", "outcome", "room_id",
)  # fmt: skip


def participant_problem(counts: ParticipantCounts) -> str:
    """Why the participant figures cannot be right, in Chinese; "" when they add up."""
    parts = (counts.elderly, counts.children, counts.disabled, counts.other)
    if counts.total < 0 or any(n < 0 for n in parts):
        return "参与人数不能为负数。"
    if sum(parts) > counts.total:
        return (
            f"老年人、儿童、残疾人和其他人数之和（{sum(parts)}人）"
            f"超过了参与总人数（{counts.total}人）。请核对人数。"
        )
    return ""


@logs_refusals("activity")
class ActivityService:
    """Community activities of the actor's station; `today` is fixed in tests."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        today: dt.date | None = None,
        photo_folder: Path | None = None,
    ) -> None:
        self._db = db
        self._actor = actor
        self._today = today
        self._photo_folder = photo_folder or default_photo_folder()

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def user_id(self) -> int:
        """Who records: "me" as an activity's responsible worker."""
        return self._actor.user_id

    @property
    def can_create(self) -> bool:
        """Whether the actor may record activities (the UI hides what would be refused)."""
        return self._actor.can(Permission.EDIT_OWN_CASE)

    @property
    def can_assign(self) -> bool:
        """Whether the actor may make another worker responsible for an activity."""
        return self._actor.can(Permission.EDIT_ANY_CASE)

    # ---- reading -------------------------------------------------------------------

    def search_ids(self, query: ActivityQuery) -> list[int]:
        """Ids of the matching activities in display order (the list fetches rows lazily)."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return views.search_ids(session, self._actor, query)

    def rows(self, ids: Sequence[int]) -> list[ActivityRow]:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return views.rows(session, self._actor, ids)

    def get(self, activity_id: int) -> ActivityDetail:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return views.detail(session, self._actor, views.load(session, self._actor, activity_id))

    # ---- writing -------------------------------------------------------------------

    def create(self, data: ActivityInput) -> ActivitySaved:
        if not self.can_create:
            raise PermissionDenied(f"当前身份（{self._actor.role.label}）不能登记社区活动。")
        self._validate(data)
        with self._db.write() as session:
            activity = Activity(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
            )
            self._apply(session, activity, data)
            session.add(activity)
            session.flush()
            self._set_clients(session, activity, data.client_ids)
            self._set_partners(session, activity)
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=activity.id,
                title=activity.title, held_on=activity.held_on,
            )  # fmt: skip
            return ActivitySaved(activity.id, activity.version)

    def update(self, activity_id: int, *, version: int, data: ActivityInput) -> ActivitySaved:
        self._validate(data)
        with self._db.write() as session:
            activity = self._editable(session, activity_id, version)
            before = views.detail(session, self._actor, activity).as_input()
            self._apply(session, activity, data)
            self._set_clients(session, activity, data.client_ids)
            self._set_partners(session, activity)
            session.flush()
            after = views.detail(session, self._actor, activity).as_input()
            changed = [f for f in _FIELDS if getattr(before, f) != getattr(after, f)]
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=activity.id,
                fields=changed,
            )  # fmt: skip
            return ActivitySaved(activity.id, activity.version)

    def delete(self, activity_id: int, *, version: int) -> Changes:
        """Delete an activity with its participants and photos; volunteer hours block it."""
        with self._db.write() as session:
            activity = self._editable(session, activity_id, version)
            if session.scalar(
                select(VolunteerService.id).where(VolunteerService.activity_id == activity.id)
            ):
                raise InvalidInput(
                    "该活动已登记了志愿者服务时长，不能删除。请先在志愿者页面移除这些时长。"
                )
            photos = list(
                session.scalars(
                    select(ActivityPhoto).where(ActivityPhoto.activity_id == activity.id)
                )
            )
            for photo in photos:
                session.delete(photo)
            session.execute(
                delete(ActivityParticipant).where(ActivityParticipant.activity_id == activity.id)
            )
            session.execute(
                delete(ActivityPartner).where(ActivityPartner.activity_id == activity.id)
            )
            audit.record(
                session, self._actor, "delete", entity=ENTITY, entity_id=activity.id,
                title=activity.title, held_on=activity.held_on, photos=len(photos),
            )  # fmt: skip
            session.delete(activity)
        # Only once the rows are gone for good: a failed delete keeps every photo.
        discard_files(self._photo_folder, [p.file_name for p in photos])
        return Changes.of(ENTITY, ids=(activity_id,))

    # ---- helpers -------------------------------------------------------------------

    def _editable(self, session: Session, activity_id: int, version: int) -> Activity:
        """Load for a change: station, then role, then the version the user saw."""
        activity = views.load(session, self._actor, activity_id)
        if not views.may_edit(self._actor, activity):
            if not self._actor.can(Permission.EDIT_OWN_CASE):
                raise PermissionDenied(
                    f"当前身份（{self._actor.role.label}）只能查看社区活动，不能修改。"
                )
            worker = session.get(User, activity.worker_id) if activity.worker_id else None
            name = worker.display_name if worker else "其他社工"
            raise PermissionDenied(f"这是{name}负责的活动，只有负责社工或站长可以修改或删除。")
        check_version(activity, version, NOUN, session)
        return activity

    def _validate(self, data: ActivityInput) -> None:
        if not data.title.strip():
            raise InvalidInput("请填写活动名称。", field="title")
        if not data.activity_type:
            raise InvalidInput("请选择活动类型。", field="activity_type")
        if data.held_on > self.today:
            raise InvalidInput("活动日期不能晚于今天；活动结束后再登记。", field="held_on")
        if data.start_time and data.end_time and data.end_time <= data.start_time:
            raise InvalidInput("结束时间应晚于开始时间。", field="end_time")
        problem = participant_problem(data.participants)
        if problem:
            raise InvalidInput(problem, field="participants")
        for field, limit in _LIMITS.items():
            if len(str(getattr(data, field)).strip()) > limit:
                raise InvalidInput(f"内容过长，最多{limit}个字。", field=field)

    def _apply(self, session: Session, activity: Activity, data: ActivityInput) -> None:
        known = session.scalar(
            select(CodeItem.id).where(
                CodeItem.list_name == CodeList.ACTIVITY_TYPE.value,
                CodeItem.code == data.activity_type,
            )
        )
        if known is None:
            raise InvalidInput(f"未知的活动类型：{data.activity_type}。", field="activity_type")
        if data.village_id is not None:
            village = session.get(Village, data.village_id)
            if village is None or village.station_id != self._actor.station_id:
                raise InvalidInput("请选择本站的村/社区。", field="village_id")
        counts = data.participants
        activity.title = data.title.strip()
        activity.activity_type = data.activity_type
        activity.held_on = data.held_on
        activity.start_time = data.start_time
        activity.end_time = data.end_time
        activity.village_id = data.village_id
        activity.place = data.place.strip()
        activity.partners = views.PARTNER_SEPARATOR.join(
            dict.fromkeys(p.strip() for p in data.partners if p.strip())
        )
        activity.target_group = data.target_group.strip()
        activity.worker_id = self._checked_worker(session, activity, data.worker_id)
        activity.room_id = rooms.resolve(
            session, self._actor.station_id, activity.worker_id, data.held_on, data.room_id
        )
        activity.participants_total = counts.total
        activity.participants_elderly = counts.elderly
        activity.participants_children = counts.children
        activity.participants_disabled = counts.disabled
        activity.participants_other = counts.other
        activity.resources_used = data.resources_used.strip()
        activity.content = data.content.strip()
        activity.outcome = data.outcome.strip()
        activity.updated_by_id = self._actor.user_id
        # A change of participants alone must still move the version on.
        activity.updated_at = self._db.clock.now()

    def _checked_worker(self, session: Session, activity: Activity, worker_id: int | None) -> int:
        wanted = worker_id or activity.worker_id or self._actor.user_id
        if wanted != self._actor.user_id and wanted != activity.worker_id and not self.can_assign:
            raise PermissionDenied("只有站长可以把活动交给其他社工负责。")
        user = session.get(User, wanted)
        if (
            user is None
            or user.station_id != self._actor.station_id
            or not user.active
            or user.role == Role.SUPERVISOR.value
        ):
            raise InvalidInput("负责社工应为本站在职的社工或站长。", field="worker_id")
        return wanted

    def _set_partners(self, session: Session, activity: Activity) -> None:
        partner_links.sync_activity(
            session, activity_id=activity.id, station_id=activity.station_id,
            names=split_names(activity.partners), user_id=self._actor.user_id,
        )  # fmt: skip

    def _set_clients(self, session: Session, activity: Activity, client_ids: Sequence[int]) -> None:
        wanted = list(dict.fromkeys(client_ids))
        if wanted:
            found = set(
                session.scalars(
                    select(Client.id).where(
                        Client.id.in_(wanted), Client.station_id == self._actor.station_id
                    )
                )
            )
            if len(found) != len(wanted):
                raise InvalidInput("有参与者不是本站登记的服务对象。", field="client_ids")
        existing = {
            p.client_id: p
            for p in session.scalars(
                select(ActivityParticipant).where(ActivityParticipant.activity_id == activity.id)
            )
        }
        for client_id, row in existing.items():
            if client_id not in wanted:
                session.delete(row)
        for client_id in wanted:
            if client_id not in existing:
                session.add(
                    ActivityParticipant(
                        station_id=activity.station_id, activity_id=activity.id,
                        client_id=client_id, created_by_id=self._actor.user_id,
                        updated_by_id=self._actor.user_id,
                    )
                )  # fmt: skip
