"""Reading community activities: the list, one activity, and who may change it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import NotFound
from app.domain.partners import PARTNER_SEPARATOR as PARTNER_SEPARATOR
from app.domain.partners import split_names
from app.domain.roles import Permission
from app.services.community.types import (
    ActivityDetail,
    ActivityQuery,
    ActivityRow,
    ActivitySort,
    ParticipantCounts,
    ParticipantView,
    PhotoView,
    VolunteerHours,
)
from app.services.context import Actor
from app.services.settings.codes import code_labels
from app.store.models import (
    Activity,
    ActivityParticipant,
    ActivityPhoto,
    Client,
    Room,
    User,
    Village,
    Volunteer,
    VolunteerService,
)

# Partners are kept as one line of text; a list is easier to show and to pick from.
split_partners = split_names


def load(session: Session, actor: Actor, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.station_id != actor.station_id:
        raise NotFound("找不到该活动记录，可能已被删除或不属于本站。")
    return activity


def may_edit(actor: Actor, activity: Activity) -> bool:
    """As for cases: the head edits every activity, a worker the ones they are responsible for."""
    if actor.can(Permission.EDIT_ANY_CASE):
        return True
    return actor.can(Permission.EDIT_OWN_CASE) and activity.worker_id == actor.user_id


def type_labels(session: Session) -> dict[str, str]:
    return code_labels(session, CodeList.ACTIVITY_TYPE)


# ---- the list --------------------------------------------------------------------------


def search_ids(session: Session, actor: Actor, query: ActivityQuery) -> list[int]:
    stmt = select(Activity.id).where(Activity.station_id == actor.station_id)
    if query.activity_type:
        stmt = stmt.where(Activity.activity_type == query.activity_type)
    if query.village_id is not None:
        stmt = stmt.where(Activity.village_id == query.village_id)
    if query.worker_id is not None:
        stmt = stmt.where(Activity.worker_id == query.worker_id)
    if query.month is not None:
        first = query.month.replace(day=1)
        after = (first + dt.timedelta(days=32)).replace(day=1)
        stmt = stmt.where(Activity.held_on >= first, Activity.held_on < after)
    text = query.text.strip()
    if text:
        stmt = stmt.where(Activity.title.contains(text, autoescape=True))
    return list(session.scalars(_ordered(stmt, query)))


def _ordered(stmt: Select[Any], query: ActivityQuery) -> Select[Any]:
    def direction(col: Any) -> Any:
        return col.desc() if query.descending else col.asc()

    if query.sort is ActivitySort.TITLE:
        return stmt.order_by(direction(Activity.title), Activity.id)
    if query.sort is ActivitySort.TYPE:
        return stmt.order_by(direction(Activity.activity_type), Activity.held_on.desc())
    if query.sort is ActivitySort.WORKER:
        worker = select(User.name_sort).where(User.id == Activity.worker_id).scalar_subquery()
        return stmt.order_by(direction(worker), Activity.held_on.desc())
    if query.sort is ActivitySort.PARTICIPANTS:
        return stmt.order_by(direction(Activity.participants_total), Activity.id)
    return stmt.order_by(
        direction(Activity.held_on), direction(Activity.start_time), direction(Activity.id)
    )


def rows(session: Session, actor: Actor, ids: Sequence[int]) -> list[ActivityRow]:
    if not ids:
        return []
    labels = type_labels(session)
    stmt = (
        select(Activity, Village.name, User.display_name)
        .outerjoin(Village, Village.id == Activity.village_id)
        .outerjoin(User, User.id == Activity.worker_id)
        .where(Activity.id.in_(ids), Activity.station_id == actor.station_id)
    )
    found = {row[0].id: row for row in session.execute(stmt)}
    result = []
    for activity_id in ids:
        if activity_id not in found:
            continue
        a, village, worker = found[activity_id]
        result.append(
            ActivityRow(
                id=a.id,
                title=a.title,
                activity_type=a.activity_type,
                type_label=labels.get(a.activity_type, a.activity_type),
                held_on=a.held_on,
                village=village or "",
                worker=worker or "",
                participants_total=a.participants_total,
            )
        )
    return result


# ---- one activity ----------------------------------------------------------------------


def detail(session: Session, actor: Actor, a: Activity) -> ActivityDetail:
    village = session.get(Village, a.village_id) if a.village_id else None
    room = session.get(Room, a.room_id) if a.room_id else None
    worker = session.get(User, a.worker_id) if a.worker_id else None
    clients = tuple(
        ParticipantView(client_id, name, village_name or "")
        for client_id, name, village_name in session.execute(
            select(Client.id, Client.name, Village.name)
            .join(ActivityParticipant, ActivityParticipant.client_id == Client.id)
            .outerjoin(Village, Village.id == Client.village_id)
            .where(ActivityParticipant.activity_id == a.id)
            .order_by(ActivityParticipant.id)
        )
    )
    photos = tuple(
        PhotoView(p.id, p.version, p.file_name, p.caption, p.sha256)
        for p in session.scalars(
            select(ActivityPhoto)
            .where(ActivityPhoto.activity_id == a.id)
            .order_by(ActivityPhoto.id)
        )
    )
    volunteers = tuple(
        VolunteerHours(name, served_on, hours)
        for name, served_on, hours in session.execute(
            select(Volunteer.name, VolunteerService.served_on, VolunteerService.hours)
            .join(Volunteer, Volunteer.id == VolunteerService.volunteer_id)
            .where(
                VolunteerService.activity_id == a.id,
                VolunteerService.station_id == actor.station_id,
            )
            .order_by(Volunteer.name_sort, VolunteerService.id)
        )
    )
    return ActivityDetail(
        id=a.id,
        version=a.version,
        title=a.title,
        activity_type=a.activity_type,
        type_label=type_labels(session).get(a.activity_type, a.activity_type),
        held_on=a.held_on,
        start_time=a.start_time,
        end_time=a.end_time,
        village_id=a.village_id,
        village=village.name if village else "",
        place=a.place,
        partners=split_partners(a.partners),
        target_group=a.target_group,
        worker_id=a.worker_id,
        worker=worker.display_name if worker else "",
        participants=ParticipantCounts(
            total=a.participants_total,
            elderly=a.participants_elderly,
            children=a.participants_children,
            disabled=a.participants_disabled,
            other=a.participants_other,
        ),
        resources_used=a.resources_used,
        content=a.content,
        outcome=a.outcome,
        clients=clients,
        photos=photos,
        room_id=a.room_id,
        room=room.name if room else "",
        volunteers=volunteers,
        can_edit=may_edit(actor, a),
    )
