"""The 小组, 社区活动, 走访, 志愿者 and 资源链接 lists as exports: each page's own search.

Only the volunteer list holds ID numbers and phones; they are masked unless `reveal`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.masking import mask_id, mask_phone
from app.exports.list_xlsx import Cell, ListColumn
from app.services.cases.views import labels
from app.services.community.service import ActivityService
from app.services.community.types import ActivityQuery
from app.services.groups.service import GroupService
from app.services.groups.types import GroupQuery, GroupStatus
from app.services.lists.types import ListExporter
from app.services.visits.service import VisitService
from app.services.visits.types import VisitQuery, VisitResult
from app.services.volunteers.resource_types import ResourceQuery
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import VolunteerQuery
from app.store.models import (
    Activity,
    Client,
    Group,
    GroupMember,
    GroupSession,
    Household,
    Resource,
    User,
    Village,
    Visit,
    Volunteer,
    VolunteerService,
)

_GROUP_STATUS = {s.value: s.label for s in GroupStatus}
_VISIT_RESULT = {r.value: r.label for r in VisitResult}


def _in_order(found: dict[int, list[Cell]], ids: Sequence[int]) -> list[list[Cell]]:
    return [found[i] for i in ids if i in found]


class GroupExporter(ListExporter):
    key = "groups"
    title = "小组"
    entity = "group"
    columns = (
        ListColumn("小组名称", 24),
        ListColumn("类型", 8),
        ListColumn("状态", 8),
        ListColumn("村/社区", 12),
        ListColumn("开始日期", 12),
        ListColumn("结束日期", 12),
        ListColumn("计划节数", 9),
        ListColumn("已开展节数", 10),
        ListColumn("组员数", 8),
        ListColumn("地点", 16),
    )

    def default_query(self) -> GroupQuery:
        return GroupQuery()

    def ids(self, query: Any) -> list[int]:
        return GroupService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        types = labels(session, CodeList.GROUP_TYPE)
        sessions = select(func.count()).where(GroupSession.group_id == Group.id).scalar_subquery()
        members = select(func.count()).where(GroupMember.group_id == Group.id).scalar_subquery()
        stmt = (
            select(
                Group.id,
                Group.name,
                Group.group_type,
                Group.status,
                Village.name,
                Group.start_date,
                Group.end_date,
                Group.planned_sessions,
                sessions,
                members,
                Group.place,
            )
            .outerjoin(Village, Village.id == Group.village_id)
            .where(Group.id.in_(ids), Group.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for gid, name, kind, status, village, start, end, planned, held, count, place in (
            session.connection().execute(stmt).all()
        ):
            found[gid] = [
                name, types.get(kind, kind), _GROUP_STATUS.get(status, status), village or "",
                start, end, planned, held, count, place,
            ]  # fmt: skip
        return _in_order(found, ids)


class ActivityExporter(ListExporter):
    key = "activities"
    title = "社区活动"
    entity = "activity"
    columns = (
        ListColumn("活动名称", 24),
        ListColumn("类型", 10),
        ListColumn("日期", 12),
        ListColumn("村/社区", 12),
        ListColumn("地点", 16),
        ListColumn("负责社工", 10),
        ListColumn("参与总人数", 10),
        ListColumn("老年人", 8),
        ListColumn("儿童", 8),
        ListColumn("残疾人", 8),
        ListColumn("其他", 8),
        ListColumn("合作方", 20),
    )

    def default_query(self) -> ActivityQuery:
        return ActivityQuery()

    def ids(self, query: Any) -> list[int]:
        return ActivityService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        types = labels(session, CodeList.ACTIVITY_TYPE)
        stmt = (
            select(
                Activity.id,
                Activity.title,
                Activity.activity_type,
                Activity.held_on,
                Village.name,
                Activity.place,
                User.display_name,
                Activity.participants_total,
                Activity.participants_elderly,
                Activity.participants_children,
                Activity.participants_disabled,
                Activity.participants_other,
                Activity.partners,
            )
            .outerjoin(Village, Village.id == Activity.village_id)
            .outerjoin(User, User.id == Activity.worker_id)
            .where(Activity.id.in_(ids), Activity.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for row in session.connection().execute(stmt).all():
            aid, title, kind, held, village, place, worker, *counts, partners = row
            found[aid] = [
                title, types.get(kind, kind), held, village or "", place, worker or "",
                *counts, partners,
            ]  # fmt: skip
        return _in_order(found, ids)


class VisitExporter(ListExporter):
    key = "visits"
    title = "走访"
    entity = "visit"
    columns = (
        ListColumn("走访日期", 12),
        ListColumn("类型", 10),
        ListColumn("村/社区", 12),
        ListColumn("户主", 10),
        ListColumn("见到的人", 16),
        ListColumn("社工", 10),
        ListColumn("时长（分钟）", 12),
        ListColumn("新发现需求数", 12),
        ListColumn("发现的需求", 30),
        ListColumn("处理结果", 10),
    )

    def default_query(self) -> VisitQuery:
        return VisitQuery()

    def ids(self, query: Any) -> list[int]:
        return VisitService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        types = labels(session, CodeList.VISIT_TYPE)
        stmt = (
            select(
                Visit.id,
                Visit.visited_on,
                Visit.visit_type,
                Village.name,
                Household.head_name,
                Visit.people_met,
                User.display_name,
                Visit.duration_min,
                Visit.new_need_count,
                Visit.needs_found,
                Visit.result,
            )
            .outerjoin(Village, Village.id == Visit.village_id)
            .outerjoin(Household, Household.id == Visit.household_id)
            .outerjoin(User, User.id == Visit.worker_id)
            .where(Visit.id.in_(ids), Visit.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for vid, day, kind, village, head, met, worker, minutes, needs, text, result in (
            session.connection().execute(stmt).all()
        ):
            found[vid] = [
                day, types.get(kind, kind), village or "", head or "", met, worker or "",
                minutes, needs, text, _VISIT_RESULT.get(result, result),
            ]  # fmt: skip
        return _in_order(found, ids)


class VolunteerExporter(ListExporter):
    key = "volunteers"
    title = "志愿者"
    entity = "volunteer"
    columns = (
        ListColumn("姓名", 10),
        ListColumn("联系电话", 14),
        ListColumn("身份证号", 21),
        ListColumn("技能特长", 20),
        ListColumn("村/社区", 12),
        ListColumn("在册", 6),
        ListColumn("累计服务时长（小时）", 16),
    )

    def default_query(self) -> VolunteerQuery:
        return VolunteerQuery()

    def ids(self, query: Any) -> list[int]:
        return VolunteerRegistry(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        hours = (
            select(func.coalesce(func.sum(VolunteerService.hours), 0))
            .where(VolunteerService.volunteer_id == Volunteer.id)
            .scalar_subquery()
        )
        stmt = (
            select(
                Volunteer.id,
                Volunteer.name,
                Volunteer.phone,
                Volunteer.id_number,
                Volunteer.skills,
                Village.name,
                Volunteer.active,
                hours,
            )
            .outerjoin(Village, Village.id == Volunteer.village_id)
            .where(Volunteer.id.in_(ids), Volunteer.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for vid, name, phone, id_number, skills, village, active, total in (
            session.connection().execute(stmt).all()
        ):
            found[vid] = [
                name,
                phone if reveal else mask_phone(phone),
                (id_number or "") if reveal else mask_id(id_number),
                skills,
                village or "",
                "是" if active else "否",
                float(total or 0),
            ]
        return _in_order(found, ids)


class ResourceExporter(ListExporter):
    key = "resources"
    title = "资源链接"
    entity = "resource"
    columns = (
        ListColumn("日期", 12),
        ListColumn("来源（捐赠方/单位）", 20),
        ListColumn("类型", 8),
        ListColumn("价值（元）", 12),
        ListColumn("内容", 30),
        ListColumn("受益对象", 14),
        ListColumn("受益家庭（户主）", 14),
        ListColumn("受益活动", 20),
        ListColumn("凭证号", 14),
    )

    def default_query(self) -> ResourceQuery:
        return ResourceQuery()

    def ids(self, query: Any) -> list[int]:
        return ResourceLinkService(self._db, self._actor).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        kinds = labels(session, CodeList.RESOURCE_KIND)
        stmt = (
            select(
                Resource.id,
                Resource.received_on,
                Resource.source,
                Resource.kind,
                Resource.value_yuan,
                Resource.description,
                Client.name,
                Household.head_name,
                Activity.title,
                Resource.receipt_ref,
            )
            .outerjoin(Client, Client.id == Resource.client_id)
            .outerjoin(Household, Household.id == Resource.household_id)
            .outerjoin(Activity, Activity.id == Resource.activity_id)
            .where(Resource.id.in_(ids), Resource.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for rid, day, source, kind, value, text, client, head, activity, receipt in (
            session.connection().execute(stmt).all()
        ):
            found[rid] = [
                day, source, kinds.get(kind, kind), float(value or 0), text, client or "",
                head or "", activity or "", receipt,
            ]  # fmt: skip
        return _in_order(found, ids)
