"""The figures of definitions.FIGURES as SQL: each query groups by station, so one
station's month and all thirty stations' month cost the same number of queries.

`figures(session, station_ids, first, last)` counts the records dated from `first` to
`last` inclusive; the states (在案) are taken at the end of `last` and of the day before
`first`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.satisfaction import SATISFIED_FROM, Respondent
from app.services import history
from app.store.models import (
    Activity,
    Case,
    CaseEvent,
    Group,
    GroupAttendance,
    GroupSession,
    Referral,
    Resource,
    SatisfactionSurvey,
    ServiceRecord,
    Supervision,
    Training,
    Visit,
    VisitClient,
    VolunteerService,
)

from .definitions import BY_KEY
from .scope import own
from .types import Number

Figures = dict[str, Number]
LOCKED = sorted(s.value for s in rules.LOCKED_STAGES)


def figures(
    session: Session,
    station_ids: Sequence[int],
    first: dt.date,
    last: dt.date,
    worker_id: int | None = None,
    *,
    only: Collection[str] | None = None,
) -> dict[int, Figures]:
    """Every figure for each station (one worker's own, with `worker_id`); zeros for none.

    `only` names the figures wanted (a project's targets): the others stay 0 uncounted.
    """
    ids = list(station_ids)
    result: dict[int, Figures] = {sid: dict.fromkeys(BY_KEY, 0) for sid in ids}

    w = worker_id
    count = partial(_count, worker_id=w)
    total = partial(_sum, worker_id=w)
    grouped = partial(_grouped, worker_id=w)

    def put(key: str, stmt: Select[*tuple[Any, ...]]) -> None:
        if only is not None and key not in only:
            return
        for sid, value in session.execute(stmt).all():
            result[sid][key] = _number(value)

    before = first - dt.timedelta(days=1)
    put("cases_carried", open_cases(ids, before, *own(Case, w, before)))
    put("cases_new", count(Case, Case.intake_date, ids, first, last))
    put("cases_reopened", _count_events(ids, first, last, w, reopen=True))
    put("cases_closed", _count_events(ids, first, last, w, reopen=False))
    put("cases_open", open_cases(ids, last, *own(Case, w, last)))
    put("cases_high_risk", open_cases(ids, last, high_risk_on(last), *own(Case, w, last)))
    put("service_records", count(ServiceRecord, ServiceRecord.served_on, ids, first, last))
    put(
        "service_clients",
        grouped(ServiceRecord, ServiceRecord.served_on, ids, first, last).with_only_columns(
            ServiceRecord.station_id, func.count(func.distinct(ServiceRecord.client_id))
        ),
    )
    put(
        "service_hours",
        grouped(ServiceRecord, ServiceRecord.served_on, ids, first, last).with_only_columns(
            ServiceRecord.station_id, func.sum(ServiceRecord.duration_min)
        ),
    )
    put("referrals", count(Referral, Referral.sent_on, ids, first, last))
    put("groups_new", count(Group, Group.start_date, ids, first, last))
    put(
        "groups_running",
        grouped(GroupSession, GroupSession.held_on, ids, first, last).with_only_columns(
            GroupSession.station_id, func.count(func.distinct(GroupSession.group_id))
        ),
    )
    put(
        "groups_ended",
        count(Group, Group.end_date, ids, first, last).where(Group.status == "ended"),
    )
    put("group_sessions", count(GroupSession, GroupSession.held_on, ids, first, last))
    put("group_attendance", _attendance(ids, first, last, w))
    put("activities", count(Activity, Activity.held_on, ids, first, last))
    put(
        "activity_participants",
        total(Activity, Activity.held_on, Activity.participants_total, ids, first, last),
    )
    put("visit_households", count(Visit, Visit.visited_on, ids, first, last))
    put(
        "visit_people",
        select(Visit.station_id, func.count(VisitClient.id))
        .join(VisitClient, VisitClient.visit_id == Visit.id)
        .where(Visit.station_id.in_(ids), Visit.visited_on.between(first, last), *own(Visit, w))
        .group_by(Visit.station_id),
    )
    put("visit_needs", total(Visit, Visit.visited_on, Visit.new_need_count, ids, first, last))
    put(
        "volunteers",
        grouped(VolunteerService, VolunteerService.served_on, ids, first, last).with_only_columns(
            VolunteerService.station_id, func.count(func.distinct(VolunteerService.volunteer_id))
        ),
    )
    put(
        "volunteer_hours",
        total(
            VolunteerService, VolunteerService.served_on, VolunteerService.hours, ids, first, last
        ),
    )
    put("resources", count(Resource, Resource.received_on, ids, first, last))
    put(
        "resource_yuan",
        total(Resource, Resource.received_on, Resource.value_yuan, ids, first, last),
    )
    put("supervisions", count(Supervision, Supervision.held_on, ids, first, last))
    put(
        "supervision_hours",
        total(Supervision, Supervision.held_on, Supervision.hours, ids, first, last),
    )
    put("trainings", count(Training, Training.held_on, ids, first, last))
    put("training_hours", total(Training, Training.held_on, Training.hours, ids, first, last))
    surveys = partial(count, SatisfactionSurvey, SatisfactionSurvey.surveyed_on, ids, first, last)
    put("surveys", surveys())
    answered = SatisfactionSurvey.respondent != Respondent.NONE.value
    put("surveys_answered", surveys().where(answered))
    put(
        "surveys_satisfied", surveys().where(answered, SatisfactionSurvey.overall >= SATISFIED_FROM)
    )
    for values in result.values():
        values["service_hours"] = _hours(values["service_hours"])
        for key in ("volunteer_hours", "resource_yuan", "supervision_hours", "training_hours"):
            values[key] = Decimal(values[key]).quantize(Decimal("0.01"))
    return result


def _hours(minutes: Number) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def _number(value: Any) -> Number:
    if value is None:
        return 0
    if isinstance(value, Decimal | int):
        return value
    return Decimal(str(value))


# ---- cases ------------------------------------------------------------------------------


def high_risk_on(day: dt.date) -> ColumnElement[bool]:
    """The case's risk level in force on `day` is high (a later re-rating changes nothing)."""
    return history.in_force("case", "risk_level", Case.id, day, Case.risk_level) == "high"


def closing_event() -> ColumnElement[bool]:
    """A stage change from a working stage into a closed one (结案、不接案、转介)."""
    return and_(
        CaseEvent.kind == "stage",
        CaseEvent.to_value.in_(LOCKED),
        CaseEvent.from_value.not_in(LOCKED),
    )


def open_at(ids: Sequence[int], day: dt.date) -> Select[int]:
    """Ids of the cases open (在案) at the end of `day`: see definitions.OPEN_CASE.

    A case can only be closed again after a reopening (the case rules lock a closed case),
    so it is closed on `day` exactly when it has more closings than reopenings up to then.
    """
    balance = func.sum(case((CaseEvent.kind == "reopen", -1), else_=1))
    closed = (
        select(CaseEvent.case_id)
        .where(
            CaseEvent.station_id.in_(ids),
            CaseEvent.happened_on <= day,
            or_(CaseEvent.kind == "reopen", closing_event()),
        )
        .group_by(CaseEvent.case_id)
        .having(balance > 0)
    )
    return select(Case.id).where(
        Case.station_id.in_(ids), Case.intake_date <= day, Case.id.not_in(closed)
    )


def open_cases(ids: Sequence[int], day: dt.date, *extra: ColumnElement[bool]) -> Select[int, int]:
    return (
        select(Case.station_id, func.count())
        .where(Case.id.in_(open_at(ids, day)), *extra)
        .group_by(Case.station_id)
    )


def _count_events(
    ids: Sequence[int], first: dt.date, last: dt.date, worker_id: int | None, *, reopen: bool
) -> Select[int, int]:
    kind = CaseEvent.kind == "reopen" if reopen else closing_event()
    return (
        select(CaseEvent.station_id, func.count())
        .where(
            CaseEvent.station_id.in_(ids),
            CaseEvent.happened_on.between(first, last),
            kind,
            *own(CaseEvent, worker_id),
        )
        .group_by(CaseEvent.station_id)
    )


# ---- generic --------------------------------------------------------------------------


def _grouped(
    model: Any,
    day: Any,
    ids: Sequence[int],
    first: dt.date,
    last: dt.date,
    *,
    worker_id: int | None = None,
) -> Select[*tuple[Any, ...]]:
    return (
        select(model.station_id)
        .where(model.station_id.in_(ids), day.between(first, last), *own(model, worker_id))
        .group_by(model.station_id)
    )


def _count(
    model: Any,
    day: Any,
    ids: Sequence[int],
    first: dt.date,
    last: dt.date,
    *,
    worker_id: int | None = None,
) -> Select[*tuple[Any, ...]]:
    return _grouped(model, day, ids, first, last, worker_id=worker_id).with_only_columns(
        model.station_id, func.count()
    )


def _sum(
    model: Any,
    day: Any,
    column: Any,
    ids: Sequence[int],
    first: dt.date,
    last: dt.date,
    *,
    worker_id: int | None = None,
) -> Select[*tuple[Any, ...]]:
    return _grouped(model, day, ids, first, last, worker_id=worker_id).with_only_columns(
        model.station_id, func.coalesce(func.sum(column), literal(0))
    )


def _attendance(
    ids: Sequence[int], first: dt.date, last: dt.date, worker_id: int | None
) -> Select[*tuple[Any, ...]]:
    """Present members plus walk-ins, per station; absent and left never count."""
    present = (
        select(GroupSession.station_id.label("sid"), func.count(GroupAttendance.id).label("n"))
        .join(GroupAttendance, GroupAttendance.session_id == GroupSession.id)
        .where(
            GroupSession.station_id.in_(ids),
            GroupSession.held_on.between(first, last),
            GroupAttendance.status == "present",
            *own(GroupSession, worker_id),
        )
        .group_by(GroupSession.station_id)
    )
    walk_ins = _grouped(
        GroupSession, GroupSession.held_on, ids, first, last, worker_id=worker_id
    ).with_only_columns(
        GroupSession.station_id.label("sid"),
        func.coalesce(func.sum(GroupSession.walk_in_count), 0).label("n"),
    )
    both = present.union_all(walk_ins).subquery()
    return select(both.c.sid, func.sum(both.c.n)).group_by(both.c.sid)
