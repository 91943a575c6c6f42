"""The detail lists of group work, community activities, visits, volunteers, resources,
supervision and training (details.py has the cases and the service records)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.domain.codes import CodeList
from app.domain.masking import mask_id
from app.store.models import (
    Activity,
    Client,
    Group,
    GroupAttendance,
    GroupSession,
    Household,
    Resource,
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    Visit,
    VisitClient,
    Volunteer,
    VolunteerService,
)

from .detail_names import DATE, ID_NUMBER, VILLAGE, WORKER, Names
from .scope import own
from .types import Column, Detail

# ---- groups, activities, visits ------------------------------------------------------


def group_sessions(
    session: Session, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    present = (
        select(func.count(GroupAttendance.id))
        .where(GroupAttendance.session_id == GroupSession.id, GroupAttendance.status == "present")
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            GroupSession.held_on,
            GroupSession.start_time,
            Group.name,
            GroupSession.number,
            GroupSession.topic,
            present,
            GroupSession.walk_in_count,
        )
        .join(Group, Group.id == GroupSession.group_id)
        .where(
            *own(GroupSession, w),
            GroupSession.station_id == sid,
            GroupSession.held_on.between(first, last),
        )
        .order_by(GroupSession.held_on, GroupSession.start_time, GroupSession.id)
    ).all()
    columns = (
        DATE,
        Column("开始时间", 8),
        Column("小组", 18),
        Column("节次", 6, "int"),
        Column("主题", 18),
        Column("出席组员", 8, "int"),
        Column("非登记参与", 8, "int"),
        Column("参与人次", 8, "int"),
    )
    return Detail(
        "小组节次",
        columns,
        tuple(
            (
                day,
                start.strftime("%H:%M") if start else "",
                group,
                number,
                topic,
                count,
                walk_ins,
                count + walk_ins,
            )
            for day, start, group, number, topic, count, walk_ins in rows
        ),
    )


def activities(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.execute(
        select(
            Activity.held_on,
            Activity.title,
            Activity.activity_type,
            Activity.village_id,
            Activity.worker_id,
            Activity.participants_total,
        )
        .where(*own(Activity, w), Activity.station_id == sid, Activity.held_on.between(first, last))
        .order_by(Activity.held_on, Activity.id)
    ).all()
    columns = (
        DATE,
        Column("活动名称", 24),
        Column("类型", 10),
        VILLAGE,
        WORKER,
        Column("参与人数", 8, "int"),
    )
    return Detail(
        "社区活动",
        columns,
        tuple(
            (
                day,
                title,
                names.code(CodeList.ACTIVITY_TYPE, kind),
                names.village(village_id),
                names.user(worker_id),
                total,
            )
            for day, title, kind, village_id, worker_id, total in rows
        ),
    )


def visits(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    people = (
        select(func.count(VisitClient.id)).where(VisitClient.visit_id == Visit.id).scalar_subquery()
    )
    rows = session.execute(
        select(
            Visit.visited_on,
            Visit.village_id,
            Household.head_name,
            Visit.worker_id,
            Visit.visit_type,
            people,
            Visit.new_need_count,
        )
        .outerjoin(Household, Household.id == Visit.household_id)
        .where(*own(Visit, w), Visit.station_id == sid, Visit.visited_on.between(first, last))
        .order_by(Visit.visited_on, Visit.id)
    ).all()
    columns = (
        DATE,
        VILLAGE,
        Column("户主", 10),
        WORKER,
        Column("走访类型", 10),
        Column("所见服务对象", 8, "int"),
        Column("新发现需求", 8, "int"),
    )
    return Detail(
        "走访",
        columns,
        tuple(
            (
                day,
                names.village(village_id),
                head or "",
                names.user(worker_id),
                names.code(CodeList.VISIT_TYPE, kind),
                count,
                needs,
            )
            for day, village_id, head, worker_id, kind, count, needs in rows
        ),
    )


# ---- volunteers, resources, staff ------------------------------------------------------


def volunteer_hours(
    session: Session, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.execute(
        select(
            VolunteerService.served_on,
            Volunteer.name,
            Volunteer.id_number,
            VolunteerService.hours,
            VolunteerService.description,
        )
        .join(Volunteer, Volunteer.id == VolunteerService.volunteer_id)
        .where(
            *own(VolunteerService, w),
            VolunteerService.station_id == sid,
            VolunteerService.served_on.between(first, last),
        )
        .order_by(VolunteerService.served_on, VolunteerService.id)
    ).all()
    columns = (
        DATE,
        Column("志愿者", 10),
        ID_NUMBER,
        Column("时长（小时）", 10, "decimal"),
        Column("服务内容", 30),
    )
    return Detail(
        "志愿服务",
        columns,
        tuple((day, name, mask_id(idn), hours, text) for day, name, idn, hours, text in rows),
    )


def resources(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    recipient = aliased(Client)
    rows = session.execute(
        select(
            Resource.received_on,
            Resource.source,
            Resource.kind,
            Resource.description,
            Resource.value_yuan,
            recipient.name,
        )
        .outerjoin(recipient, recipient.id == Resource.client_id)
        .where(
            *own(Resource, w), Resource.station_id == sid, Resource.received_on.between(first, last)
        )
        .order_by(Resource.received_on, Resource.id)
    ).all()
    columns = (
        DATE,
        Column("来源", 16),
        Column("类型", 8),
        Column("内容", 24),
        Column("折合金额（元）", 12, "decimal"),
        Column("受益对象", 10),
    )
    return Detail(
        "资源链接",
        columns,
        tuple(
            (
                day,
                source,
                names.code(CodeList.RESOURCE_KIND, kind),
                text,
                yuan,
                name or "",
            )
            for day, source, kind, text, yuan, name in rows
        ),
    )


def _people(session: Session, link: Any, owner: Any, ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    if ids:
        for parent, user_id in session.execute(
            select(owner, link.user_id).where(owner.in_(ids)).order_by(link.id)
        ):
            found[parent].append(user_id)
    return found


def supervisions(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.scalars(
        select(Supervision)
        .where(
            *own(Supervision, w),
            Supervision.station_id == sid,
            Supervision.held_on.between(first, last),
        )
        .order_by(Supervision.held_on, Supervision.id)
    ).all()
    people = _people(
        session,
        SupervisionSupervisee,
        SupervisionSupervisee.supervision_id,
        [s.id for s in rows],
    )
    columns = (
        DATE,
        Column("督导者", 10),
        Column("形式", 10),
        Column("时长（小时）", 10, "decimal"),
        Column("被督导人", 24),
    )
    return Detail(
        "督导",
        columns,
        tuple(
            (
                s.held_on,
                s.supervisor_name or names.user(s.supervisor_id),
                names.code(CodeList.SUPERVISION_FORM, s.form),
                s.hours,
                "、".join(names.user(u) for u in people[s.id]),
            )
            for s in rows
        ),
    )


def trainings(
    session: Session, names: Names, sid: int, first: dt.date, last: dt.date, w: int | None
) -> Detail:
    rows = session.scalars(
        select(Training)
        .where(*own(Training, w), Training.station_id == sid, Training.held_on.between(first, last))
        .order_by(Training.held_on, Training.id)
    ).all()
    people = _people(
        session, TrainingParticipant, TrainingParticipant.training_id, [t.id for t in rows]
    )
    columns = (
        DATE,
        Column("培训名称", 24),
        Column("主办方", 14),
        Column("时长（小时）", 10, "decimal"),
        Column("参训人", 24),
    )
    return Detail(
        "培训",
        columns,
        tuple(
            (
                t.held_on,
                t.title,
                t.organiser,
                t.hours,
                "、".join(names.user(u) for u in people[t.id]),
            )
            for t in rows
        ),
    )
