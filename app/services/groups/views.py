"""Reading groups: the list, one group with members and sessions, attendance counts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import NotFound
from app.domain.roles import Permission
from app.services.context import Actor
from app.services.groups.types import (
    Attendance,
    AttendanceStatus,
    AttendanceView,
    GroupDetail,
    GroupQuery,
    GroupRow,
    GroupSort,
    MemberView,
    Person,
    SessionView,
)
from app.services.settings.codes import code_labels
from app.store.models import (
    Client,
    Group,
    GroupAttendance,
    GroupFacilitator,
    GroupMember,
    GroupSession,
    User,
    Village,
)

LEAD, CO = "lead", "co"


def load(session: Session, actor: Actor, group_id: int) -> Group:
    group = session.get(Group, group_id)
    if group is None or group.station_id != actor.station_id:
        raise NotFound("找不到该小组，可能已被删除或不属于本站。")
    return group


def facilitator_ids(session: Session, group_id: int) -> set[int]:
    return set(
        session.scalars(
            select(GroupFacilitator.user_id).where(GroupFacilitator.group_id == group_id)
        )
    )


def may_edit(session: Session, actor: Actor, group: Group) -> bool:
    """As for cases: the head edits every group, a worker the groups they facilitate."""
    if actor.can(Permission.EDIT_ANY_CASE):
        return True
    return actor.can(Permission.EDIT_OWN_CASE) and actor.user_id in facilitator_ids(
        session, group.id
    )


def type_labels(session: Session) -> dict[str, str]:
    return code_labels(session, CodeList.GROUP_TYPE)


def count(statuses: Iterable[str], walk_ins: int = 0) -> Attendance:
    """The attendance of one session from its members' statuses and the walk-ins."""
    seen = list(statuses)
    return Attendance(
        present=seen.count(AttendanceStatus.PRESENT.value),
        absent=seen.count(AttendanceStatus.ABSENT.value),
        left=seen.count(AttendanceStatus.LEFT.value),
        walk_ins=walk_ins,
    )


# ---- the list --------------------------------------------------------------------------


def search_ids(session: Session, actor: Actor, query: GroupQuery) -> list[int]:
    stmt = select(Group.id).where(Group.station_id == actor.station_id)
    if query.status:
        stmt = stmt.where(Group.status == query.status)
    if query.group_type:
        stmt = stmt.where(Group.group_type == query.group_type)
    if query.facilitator_id is not None:
        stmt = stmt.where(
            Group.id.in_(
                select(GroupFacilitator.group_id).where(
                    GroupFacilitator.user_id == query.facilitator_id
                )
            )
        )
    if query.year is not None:
        first, after = dt.date(query.year, 1, 1), dt.date(query.year + 1, 1, 1)
        stmt = stmt.where(
            or_(
                and_(Group.start_date >= first, Group.start_date < after),
                and_(
                    Group.start_date.is_(None),
                    Group.created_at >= dt.datetime.combine(first, dt.time(), dt.UTC),
                    Group.created_at < dt.datetime.combine(after, dt.time(), dt.UTC),
                ),
            )
        )
    text = query.text.strip()
    if text:
        stmt = stmt.where(Group.name.contains(text, autoescape=True))
    return list(session.scalars(_ordered(stmt, query)))


def _ordered(stmt: Select[Any], query: GroupQuery) -> Select[Any]:
    def direction(col: Any) -> Any:
        return col.desc() if query.descending else col.asc()

    if query.sort is GroupSort.NAME:
        return stmt.order_by(direction(Group.name), Group.id)
    if query.sort is GroupSort.TYPE:
        return stmt.order_by(direction(Group.group_type), Group.id.desc())
    if query.sort is GroupSort.STATUS:
        return stmt.order_by(direction(Group.status), Group.id.desc())
    return stmt.order_by(direction(Group.start_date), direction(Group.id))


def years(session: Session, actor: Actor) -> list[int]:
    """The years groups of the station started in, newest first, for the year filter."""
    found = {
        day.year
        for day in session.scalars(
            select(Group.start_date).where(
                Group.station_id == actor.station_id, Group.start_date.is_not(None)
            )
        )
        if day is not None
    }
    return sorted(found, reverse=True)


def _names(session: Session, group_ids: Sequence[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for group_id, name in session.execute(
        select(GroupFacilitator.group_id, User.display_name)
        .join(User, User.id == GroupFacilitator.user_id)
        .where(GroupFacilitator.group_id.in_(group_ids))
        .order_by(GroupFacilitator.role.desc(), GroupFacilitator.id)
    ):
        names[group_id].append(name)
    return names


def _counts_by_group(session: Session, model: Any, group_ids: Sequence[int]) -> dict[int, int]:
    stmt = (
        select(model.group_id, func.count())
        .where(model.group_id.in_(group_ids))
        .group_by(model.group_id)
    )
    if model is GroupMember:
        stmt = stmt.where(GroupMember.left_on.is_(None))
    return {group_id: n for group_id, n in session.execute(stmt)}


def rows(session: Session, actor: Actor, ids: Sequence[int]) -> list[GroupRow]:
    if not ids:
        return []
    labels = type_labels(session)
    found = {
        g.id: g
        for g in session.scalars(
            select(Group).where(Group.id.in_(ids), Group.station_id == actor.station_id)
        )
    }
    present = list(found)
    names = _names(session, present)
    held = _counts_by_group(session, GroupSession, present)
    members = _counts_by_group(session, GroupMember, present)
    return [
        GroupRow(
            id=g.id,
            name=g.name,
            type_label=labels.get(g.group_type, g.group_type),
            status=g.status,
            facilitators="、".join(names.get(g.id, [])),
            start_date=g.start_date,
            sessions_held=held.get(g.id, 0),
            planned_sessions=g.planned_sessions,
            members=members.get(g.id, 0),
        )
        for g in (found[i] for i in ids if i in found)
    ]


# ---- one group -------------------------------------------------------------------------


def _people(session: Session, group_id: int, role: str) -> tuple[Person, ...]:
    return tuple(
        Person(user_id, name)
        for user_id, name in session.execute(
            select(User.id, User.display_name)
            .join(GroupFacilitator, GroupFacilitator.user_id == User.id)
            .where(GroupFacilitator.group_id == group_id, GroupFacilitator.role == role)
            .order_by(GroupFacilitator.id)
        )
    )


def _sessions(session: Session, group_id: int, names: dict[int, str]) -> tuple[SessionView, ...]:
    marks: dict[int, list[GroupAttendance]] = defaultdict(list)
    for mark in session.scalars(
        select(GroupAttendance)
        .join(GroupSession, GroupSession.id == GroupAttendance.session_id)
        .where(GroupSession.group_id == group_id)
        .order_by(GroupAttendance.id)
    ):
        marks[mark.session_id].append(mark)
    return tuple(
        SessionView(
            id=s.id,
            version=s.version,
            number=s.number,
            held_on=s.held_on,
            start_time=s.start_time,
            duration_min=s.duration_min,
            topic=s.topic,
            goal=s.goal,
            activities=s.activities,
            dynamics=s.dynamics,
            reflection=s.reflection,
            walk_in_count=s.walk_in_count,
            attendance=tuple(
                AttendanceView(m.member_id, names.get(m.member_id, ""), m.status, m.observation)
                for m in marks[s.id]
            ),
            counts=count((m.status for m in marks[s.id]), s.walk_in_count),
        )
        for s in session.scalars(
            select(GroupSession)
            .where(GroupSession.group_id == group_id)
            .order_by(GroupSession.number)
        )
    )


def detail(session: Session, actor: Actor, g: Group) -> GroupDetail:
    found = session.execute(
        select(GroupMember, Client.name, Village.name)
        .join(Client, Client.id == GroupMember.client_id)
        .outerjoin(Village, Village.id == Client.village_id)
        .where(GroupMember.group_id == g.id)
        .order_by(GroupMember.id)
    ).all()
    names = {member.id: name for member, name, _village in found}
    sessions = _sessions(session, g.id, names)
    present: dict[int, int] = defaultdict(int)
    for s in sessions:
        for mark in s.attendance:
            if mark.status == AttendanceStatus.PRESENT.value:
                present[mark.member_id] += 1
    members = tuple(
        MemberView(
            id=m.id,
            client_id=m.client_id,
            name=name,
            village=village or "",
            joined_on=m.joined_on,
            left_on=m.left_on,
            pre_score=m.pre_score,
            post_score=m.post_score,
            satisfaction=m.satisfaction,
            sessions_present=present[m.id],
        )
        for m, name, village in found
    )
    return GroupDetail(
        id=g.id,
        version=g.version,
        name=g.name,
        group_type=g.group_type,
        type_label=type_labels(session).get(g.group_type, g.group_type),
        status=g.status,
        target_people=g.target_people,
        goals=g.goals,
        theory_basis=g.theory_basis,
        facilitators=_people(session, g.id, LEAD),
        co_facilitators=_people(session, g.id, CO),
        planned_sessions=g.planned_sessions,
        start_date=g.start_date,
        end_date=g.end_date,
        place=g.place,
        budget=g.budget,
        recruitment_criteria=g.recruitment_criteria,
        evaluation_method=g.evaluation_method,
        scale_name=g.scale_name,
        satisfaction=g.satisfaction,
        goal_attainment=g.goal_attainment,
        summary=g.summary,
        members=members,
        sessions=sessions,
        counts=sum((s.counts for s in sessions), Attendance()),
        can_edit=may_edit(session, actor, g),
    )
