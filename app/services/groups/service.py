"""Group work (小组, MZ/T 095-2017): the plan, members, sessions with attendance, the end.

Who may change a group follows case work: its facilitators their own groups, the station
head every group of the station, supervisors only read. Every change carries the version
the user loaded (the group's, or the session's when a session is corrected) and is audited.
A member who leaves keeps their attendance history: members are never deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import ClientStatus, CodeList
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor
from app.services.groups import views
from app.services.groups.types import (
    ENTITY,
    AttendanceStatus,
    EndInput,
    GroupDetail,
    GroupInput,
    GroupQuery,
    GroupRow,
    GroupSaved,
    GroupStatus,
    SessionInput,
)
from app.store.engine import Database
from app.store.models import (
    Client,
    CodeItem,
    Group,
    GroupAttendance,
    GroupFacilitator,
    GroupMember,
    GroupSession,
    User,
)

NOUN = "小组"
_LIMITS = {"name": 100, "target_people": 200, "place": 100}
_PLAN_FIELDS = (
    "name", "group_type", "target_people", "goals", "theory_basis", "facilitator_ids",
    "co_facilitator_ids", "planned_sessions", "start_date", "end_date", "place", "budget",
    "recruitment_criteria", "evaluation_method",
)  # fmt: skip
_STATUSES = frozenset(s.value for s in AttendanceStatus)


@logs_refusals("group")
class GroupService:
    """Groups of the actor's station; `today` is fixed in tests."""

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def can_create(self) -> bool:
        """Whether the actor may plan groups (the UI hides what would be refused)."""
        return self._actor.can(Permission.EDIT_OWN_CASE)

    # ---- reading -------------------------------------------------------------------

    def search_ids(self, query: GroupQuery) -> list[int]:
        """Ids of the matching groups in display order (the list fetches rows lazily)."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return views.search_ids(session, self._actor, query)

    def rows(self, ids: Sequence[int]) -> list[GroupRow]:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return views.rows(session, self._actor, ids)

    def get(self, group_id: int) -> GroupDetail:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return views.detail(session, self._actor, views.load(session, self._actor, group_id))

    def years(self) -> list[int]:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return views.years(session, self._actor)

    # ---- the plan ------------------------------------------------------------------

    def create(self, data: GroupInput) -> GroupSaved:
        if not self.can_create:
            raise PermissionDenied(f"当前身份（{self._actor.role.label}）不能建立小组。")
        self._validate(data)
        with self._db.write() as session:
            group = Group(
                station_id=self._actor.station_id,
                status=GroupStatus.PLANNING.value,
                created_by_id=self._actor.user_id,
            )
            self._apply(session, group, data)
            session.add(group)
            session.flush()
            self._set_facilitators(session, group, data)
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=group.id,
                name=group.name,
            )  # fmt: skip
            return GroupSaved(group.id, group.version)

    def update(self, group_id: int, *, version: int, data: GroupInput) -> GroupSaved:
        self._validate(data)
        with self._db.write() as session:
            group = self._editable(session, group_id, version)
            before = views.detail(session, self._actor, group).as_input()
            self._apply(session, group, data)
            self._set_facilitators(session, group, data)
            changed = [f for f in _PLAN_FIELDS if getattr(before, f) != getattr(data, f)]
            return self._finish(session, group, "update", fields=changed)

    def start(self, group_id: int, *, version: int) -> GroupSaved:
        """筹备 → 进行中 (recording the first session does this too)."""
        with self._db.write() as session:
            group = self._editable(session, group_id, version)
            if group.status != GroupStatus.PLANNING.value:
                raise InvalidInput("只有筹备中的小组可以开始。")
            self._begin_running(group)
            return self._finish(session, group, "start")

    # ---- members -------------------------------------------------------------------

    def add_member(
        self, group_id: int, *, version: int, client_id: int, joined_on: dt.date | None = None
    ) -> GroupSaved:
        """Add a registered client; one who left before joins again with the same history."""
        with self._db.write() as session:
            group = self._editable(session, group_id, version, open_only=True)
            client = session.get(Client, client_id)
            if client is None or client.station_id != self._actor.station_id:
                raise InvalidInput("组员应为本站登记的服务对象。", field="client_id")
            if client.status != ClientStatus.ACTIVE.value:
                raise InvalidInput(f"{client.name}已归档，不能加入小组。请先取消归档。")
            member = session.scalar(
                select(GroupMember).where(
                    GroupMember.group_id == group.id, GroupMember.client_id == client_id
                )
            )
            if member is not None and member.left_on is None:
                raise InvalidInput(f"{client.name}已经是本小组的组员。", field="client_id")
            if member is None:
                member = GroupMember(
                    station_id=group.station_id, group_id=group.id, client_id=client_id,
                    created_by_id=self._actor.user_id,
                )  # fmt: skip
                session.add(member)
            member.joined_on = joined_on or self.today
            member.left_on = None
            member.updated_by_id = self._actor.user_id
            session.flush()
            return self._finish(
                session, group, "add_member", record_id=member.id, client_id=client_id
            )

    def remove_member(
        self, group_id: int, *, version: int, member_id: int, left_on: dt.date
    ) -> GroupSaved:
        """退出小组: the member gets a leaving date; their attendance stays as it was."""
        with self._db.write() as session:
            group = self._editable(session, group_id, version, open_only=True)
            member = self._member(session, group, member_id)
            if member.left_on is not None:
                raise InvalidInput("该组员已经退出小组。")
            if left_on > self.today:
                raise InvalidInput("退出日期不能晚于今天。", field="left_on")
            if member.joined_on is not None and left_on < member.joined_on:
                raise InvalidInput("退出日期不能早于入组日期。", field="left_on")
            member.left_on = left_on
            member.updated_by_id = self._actor.user_id
            return self._finish(
                session, group, "remove_member", record_id=member.id, client_id=member.client_id
            )

    # ---- sessions ------------------------------------------------------------------

    def add_session(self, group_id: int, *, version: int, data: SessionInput) -> GroupSaved:
        """Record the next session (节次) with its attendance; a planned group starts running."""
        self._validate_session(data)
        with self._db.write() as session:
            group = self._editable(session, group_id, version, open_only=True)
            number = (
                session.scalar(
                    select(func.max(GroupSession.number)).where(GroupSession.group_id == group.id)
                )
                or 0
            ) + 1
            row = GroupSession(
                station_id=group.station_id, group_id=group.id, number=number,
                created_by_id=self._actor.user_id,
            )  # fmt: skip
            self._apply_session(row, data)
            session.add(row)
            session.flush()
            self._set_attendance(session, group, row, data)
            if group.status == GroupStatus.PLANNING.value:
                self._begin_running(group)
            return self._finish(session, group, "add_session", record_id=row.id, number=number)

    def update_session(self, session_id: int, *, version: int, data: SessionInput) -> GroupSaved:
        """Correct a recorded session; the version is the session's own."""
        self._validate_session(data)
        with self._db.write() as session:
            row = session.get(GroupSession, session_id)
            if row is None or row.station_id != self._actor.station_id:
                raise NotFound("找不到该节次，可能已被删除或不属于本站。")
            group = views.load(session, self._actor, row.group_id)
            self._permit(session, group)
            check_version(row, version, "节次记录", session)
            self._apply_session(row, data)
            row.updated_at = self._db.clock.now()
            self._set_attendance(session, group, row, data)
            session.flush()
            audit.record(
                session, self._actor, "update_session", entity=ENTITY, entity_id=group.id,
                record_id=row.id, number=row.number,
            )  # fmt: skip
            return GroupSaved(group.id, group.version, row.id)

    # ---- the end -------------------------------------------------------------------

    def end(self, group_id: int, *, version: int, data: EndInput) -> GroupSaved:
        """小组评估 and 结束: scores and satisfaction per member, the summary; status 已结束.

        An ended group may be evaluated again to correct what was written.
        """
        self._validate_end(data)
        with self._db.write() as session:
            group = self._editable(session, group_id, version)
            if group.status == GroupStatus.PLANNING.value:
                raise InvalidInput("小组尚未开始，不能结束。请先记录节次或开始小组。")
            if group.start_date is not None and data.ended_on < group.start_date:
                raise InvalidInput("结束日期不能早于开始日期。", field="ended_on")
            for score in data.scores:
                member = self._member(session, group, score.member_id)
                member.pre_score = score.pre_score
                member.post_score = score.post_score
                member.satisfaction = score.satisfaction
                member.updated_by_id = self._actor.user_id
            group.scale_name = data.scale_name.strip()
            group.satisfaction = data.satisfaction
            group.goal_attainment = data.goal_attainment.strip()
            group.summary = data.summary.strip()
            group.end_date = data.ended_on
            group.status = GroupStatus.ENDED.value
            return self._finish(session, group, "end", members=len(data.scores))

    # ---- helpers -------------------------------------------------------------------

    def _editable(
        self, session: Session, group_id: int, version: int, *, open_only: bool = False
    ) -> Group:
        """Load for a change: station, then role, then the version the user saw."""
        group = views.load(session, self._actor, group_id)
        self._permit(session, group)
        check_version(group, version, NOUN, session)
        if open_only and group.status == GroupStatus.ENDED.value:
            raise InvalidInput("小组已结束，不能再修改组员或节次。")
        return group

    def _permit(self, session: Session, group: Group) -> None:
        if views.may_edit(session, self._actor, group):
            return
        if not self._actor.can(Permission.EDIT_OWN_CASE):
            raise PermissionDenied(f"当前身份（{self._actor.role.label}）只能查看小组，不能修改。")
        raise PermissionDenied("这个小组不是您带领的，只有带领者或站长可以修改。")

    def _finish(
        self,
        session: Session,
        group: Group,
        action: str,
        record_id: int | None = None,
        **detail: Any,
    ) -> GroupSaved:
        """Touch the group (a new version) and audit the change in the same transaction."""
        group.updated_by_id = self._actor.user_id
        group.updated_at = self._db.clock.now()
        session.flush()
        audit.record(
            session, self._actor, action, entity=ENTITY, entity_id=group.id,
            record_id=record_id, **detail,
        )  # fmt: skip
        return GroupSaved(group.id, group.version, record_id)

    def _begin_running(self, group: Group) -> None:
        group.status = GroupStatus.RUNNING.value
        if group.start_date is None:
            group.start_date = self.today

    def _member(self, session: Session, group: Group, member_id: int) -> GroupMember:
        member = session.get(GroupMember, member_id)
        if member is None or member.group_id != group.id:
            raise InvalidInput("该组员不属于本小组。", field="member_id")
        return member

    def _validate(self, data: GroupInput) -> None:
        if not data.name.strip():
            raise InvalidInput("请填写小组名称。", field="name")
        if not data.group_type:
            raise InvalidInput("请选择小组类型。", field="group_type")
        if not 1 <= data.planned_sessions <= 100:
            raise InvalidInput("计划节数应在1到100之间。", field="planned_sessions")
        if data.start_date and data.end_date and data.end_date < data.start_date:
            raise InvalidInput("结束日期不能早于开始日期。", field="end_date")
        if data.budget is not None and data.budget < 0:
            raise InvalidInput("预算不能为负数。", field="budget")
        if set(data.facilitator_ids) & set(data.co_facilitator_ids):
            raise InvalidInput(
                "同一位社工不能既是带领者又是协同带领者。", field="co_facilitator_ids"
            )
        for field, limit in _LIMITS.items():
            if len(str(getattr(data, field)).strip()) > limit:
                raise InvalidInput(f"内容过长，最多{limit}个字。", field=field)

    def _apply(self, session: Session, group: Group, data: GroupInput) -> None:
        known = session.scalar(
            select(CodeItem.id).where(
                CodeItem.list_name == CodeList.GROUP_TYPE.value, CodeItem.code == data.group_type
            )
        )
        if known is None:
            raise InvalidInput(f"未知的小组类型：{data.group_type}。", field="group_type")
        group.name = data.name.strip()
        group.group_type = data.group_type
        group.target_people = data.target_people.strip()
        group.goals = data.goals.strip()
        group.theory_basis = data.theory_basis.strip()
        group.planned_sessions = data.planned_sessions
        group.start_date = data.start_date
        group.end_date = data.end_date
        group.place = data.place.strip()
        group.budget = data.budget
        group.recruitment_criteria = data.recruitment_criteria.strip()
        group.evaluation_method = data.evaluation_method.strip()
        group.updated_by_id = self._actor.user_id
        # A change of facilitators alone must still move the version on.
        group.updated_at = self._db.clock.now()

    def _set_facilitators(self, session: Session, group: Group, data: GroupInput) -> None:
        leads = list(dict.fromkeys(data.facilitator_ids)) or [self._actor.user_id]
        cos = list(dict.fromkeys(data.co_facilitator_ids))
        wanted = {user_id: views.LEAD for user_id in leads}
        wanted.update({user_id: views.CO for user_id in cos})
        if self._actor.user_id not in wanted and not self._actor.can(Permission.EDIT_ANY_CASE):
            raise PermissionDenied(
                "只有站长可以为其他社工安排小组；请把自己列为带领者或协同带领者。"
            )
        staff = set(
            session.scalars(
                select(User.id).where(
                    User.id.in_(wanted),
                    User.station_id == self._actor.station_id,
                    User.active.is_(True),
                    User.role != Role.SUPERVISOR.value,
                )
            )
        )
        if staff != set(wanted):
            raise InvalidInput("带领者应为本站在职的社工或站长。", field="facilitator_ids")
        existing = {
            f.user_id: f
            for f in session.scalars(
                select(GroupFacilitator).where(GroupFacilitator.group_id == group.id)
            )
        }
        for user_id, row in existing.items():
            if user_id not in wanted:
                session.delete(row)
        session.flush()
        for user_id, role in wanted.items():
            current = existing.get(user_id)
            if current is None:
                session.add(
                    GroupFacilitator(
                        station_id=group.station_id, group_id=group.id, user_id=user_id,
                        role=role, created_by_id=self._actor.user_id,
                        updated_by_id=self._actor.user_id,
                    )
                )  # fmt: skip
            elif current.role != role:
                current.role = role
                current.updated_by_id = self._actor.user_id

    def _validate_session(self, data: SessionInput) -> None:
        if data.held_on > self.today:
            raise InvalidInput("节次日期不能晚于今天；活动结束后再记录。", field="held_on")
        if not 0 < data.duration_min <= 1440:
            raise InvalidInput("时长应在1到1440分钟之间。", field="duration_min")
        if data.walk_in_count < 0:
            raise InvalidInput("非登记参与人数不能为负数。", field="walk_in_count")
        if len(data.topic.strip()) > 200:
            raise InvalidInput("主题过长，最多200个字。", field="topic")
        for mark in data.attendance:
            if mark.status not in _STATUSES:
                raise InvalidInput(f"未知的出勤情况：{mark.status}。", field="attendance")
        if len({m.member_id for m in data.attendance}) != len(data.attendance):
            raise InvalidInput("同一组员在一节中只能记录一次出勤。", field="attendance")

    def _apply_session(self, row: GroupSession, data: SessionInput) -> None:
        row.held_on = data.held_on
        row.start_time = data.start_time
        row.duration_min = data.duration_min
        row.topic = data.topic.strip()
        row.goal = data.goal.strip()
        row.activities = data.activities.strip()
        row.dynamics = data.dynamics.strip()
        row.reflection = data.reflection.strip()
        row.walk_in_count = data.walk_in_count
        row.updated_by_id = self._actor.user_id

    def _set_attendance(
        self, session: Session, group: Group, row: GroupSession, data: SessionInput
    ) -> None:
        wanted = {m.member_id: m for m in data.attendance}
        members = set(
            session.scalars(
                select(GroupMember.id).where(
                    GroupMember.group_id == group.id, GroupMember.id.in_(wanted)
                )
            )
        )
        if members != set(wanted):
            raise InvalidInput("出勤记录中有人不是本小组的组员。", field="attendance")
        existing = {
            a.member_id: a
            for a in session.scalars(
                select(GroupAttendance).where(GroupAttendance.session_id == row.id)
            )
        }
        for member_id, mark in existing.items():
            if member_id not in wanted:
                session.delete(mark)
        for member_id, given in wanted.items():
            found = existing.get(member_id)
            if found is None:
                found = GroupAttendance(
                    station_id=group.station_id, session_id=row.id, member_id=member_id,
                    created_by_id=self._actor.user_id,
                )  # fmt: skip
                session.add(found)
            found.status = given.status
            found.observation = given.observation.strip()
            found.updated_by_id = self._actor.user_id

    def _validate_end(self, data: EndInput) -> None:
        if data.ended_on > self.today:
            raise InvalidInput("结束日期不能晚于今天。", field="ended_on")
        if data.satisfaction is not None and not Decimal(1) <= data.satisfaction <= Decimal(5):
            raise InvalidInput("总体满意度应在1到5之间。", field="satisfaction")
        for score in data.scores:
            if score.satisfaction is not None and not 1 <= score.satisfaction <= 5:
                raise InvalidInput("组员满意度应在1到5之间。", field="scores")
        if len(data.scale_name.strip()) > 64:
            raise InvalidInput("量表名称过长，最多64个字。", field="scale_name")
