"""One worker's figures for an assessment period, counted from the records.

Read as of the events' dates, as the reports are (docs/report-definitions.md): a case
counts for the worker responsible for it on the day that counts (the dated history of
the case's worker), so a case handed over in the middle of a quarter gives the service
records before the hand-over to the first worker and those after to the second.
What each figure counts is said once, in app/exports/assessment_model.py `figure_lines`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.consent import SERVICE
from app.domain.roles import Role
from app.exports.assessment_model import WorkerFigures
from app.services import history
from app.services.access.consents import clients_granted
from app.services.reports.monthly import open_at
from app.services.staff.training_hours import hours_between, registration_period
from app.services.staff.training_types import HourTargets
from app.store.models import (
    Activity,
    Case,
    CaseEvent,
    DatedValue,
    GroupFacilitator,
    GroupSession,
    ServiceRecord,
    User,
    Visit,
)


@dataclass(frozen=True)
class Scope:
    station_id: int
    worker: User
    first: dt.date
    last: dt.date
    """The last day counted (the period's end, or today in a current period)."""
    late_days: int
    targets: HourTargets


def compute(session: Session, scope: Scope) -> WorkerFigures:
    sid, w, first, last = scope.station_id, scope.worker.id, scope.first, scope.last
    open_now = _open_cases(session, sid, w, last)
    minutes = _service(session, sid, w, first, last, func.sum(ServiceRecord.duration_min))
    groups = select(GroupFacilitator.group_id).where(GroupFacilitator.user_id == w)
    sessions = select(func.count(), func.count(func.distinct(GroupSession.group_id))).where(
        GroupSession.station_id == sid,
        GroupSession.group_id.in_(groups),
        GroupSession.held_on.between(first, last),
    )
    session_count, groups_led = session.execute(sessions).one()
    supervised, trained = hours_between(session, sid, w, first, last)
    reg_start, reg_end = registration_period(scope.worker.registered_on, scope.targets)
    registration = sum(hours_between(session, sid, w, reg_start, last), Decimal(0))
    records, late = _late(session, sid, w, first, last, scope.late_days)
    clients = set(session.scalars(select(Case.client_id).where(Case.id.in_(open_now))))
    return WorkerFigures(
        as_of=last,
        cases_open=len(open_now),
        cases_handled=_handled(session, sid, w, first, last),
        service_records=_service(session, sid, w, first, last, func.count()) or 0,
        service_hours=(Decimal(minutes or 0) / 60).quantize(Decimal("0.01")),
        groups_led=groups_led or 0,
        group_sessions=session_count or 0,
        activities=_count(session, Activity, Activity.held_on, sid, w, first, last),
        visits=_count(session, Visit, Visit.visited_on, sid, w, first, last),
        supervision_hours=supervised.quantize(Decimal("0.01")),
        training_hours=trained.quantize(Decimal("0.01")),
        registration_hours=registration.quantize(Decimal("0.01")),
        registration_start=reg_start,
        registration_end=reg_end,
        registration_target=scope.targets.target(scope.worker.title),
        records=records,
        records_late=late,
        late_days=scope.late_days,
        consent_clients=len(clients),
        consent_valid=len(clients_granted(session, clients, SERVICE, last)),
    )


def _worker_on(case_id: Any, day: Any, current: Any, worker_id: int) -> ColumnElement[bool]:
    return history.in_force("case", "worker_id", case_id, day, current) == str(worker_id)


def _open_cases(session: Session, sid: int, w: int, day: dt.date) -> list[int]:
    """The worker's cases open (在案) at the end of `day`."""
    stmt = select(Case.id).where(
        Case.id.in_(open_at([sid], day)), _worker_on(Case.id, day, Case.worker_id, w)
    )
    return list(session.scalars(stmt))


def _handled(session: Session, sid: int, w: int, first: dt.date, last: dt.date) -> int:
    """Cases open on some day of the period that the worker held on some day of it.

    A case is open in the period when it was open the day before it began, was opened in
    it, or was reopened in it. The worker's days are the periods of the case's dated
    worker history; a case without history (none is written for roster imports) is its
    current worker's.
    """
    held = exists().where(
        DatedValue.subject == "case",
        DatedValue.field == "worker_id",
        DatedValue.subject_id == Case.id,
        DatedValue.value == str(w),
        DatedValue.valid_from <= last,
        or_(DatedValue.valid_to.is_(None), DatedValue.valid_to > first),
    )
    any_history = exists().where(
        DatedValue.subject == "case",
        DatedValue.field == "worker_id",
        DatedValue.subject_id == Case.id,
    )
    reopened = select(CaseEvent.case_id).where(
        CaseEvent.station_id == sid,
        CaseEvent.kind == "reopen",
        CaseEvent.happened_on.between(first, last),
    )
    stmt = select(func.count()).where(
        Case.station_id == sid,
        or_(held, and_(~any_history, Case.worker_id == w)),
        or_(
            Case.id.in_(open_at([sid], first - dt.timedelta(days=1))),
            Case.intake_date.between(first, last),
            Case.id.in_(reopened),
        ),
    )
    return session.scalar(stmt) or 0


def _service(session: Session, sid: int, w: int, first: dt.date, last: dt.date, what: Any) -> Any:
    its = aliased(Case)
    current = select(its.worker_id).where(its.id == ServiceRecord.case_id).scalar_subquery()
    return session.scalar(
        select(what).where(
            ServiceRecord.station_id == sid,
            ServiceRecord.served_on.between(first, last),
            _worker_on(ServiceRecord.case_id, ServiceRecord.served_on, current, w),
        )
    )


def _count(
    session: Session, model: Any, day: Any, sid: int, w: int, first: dt.date, last: dt.date
) -> int:
    stmt = select(func.count()).where(
        model.station_id == sid, model.worker_id == w, day.between(first, last)
    )
    return session.scalar(stmt) or 0


_ENTERED: tuple[tuple[Any, Any], ...] = (
    (ServiceRecord, ServiceRecord.served_on),
    (CaseEvent, CaseEvent.happened_on),
    (GroupSession, GroupSession.held_on),
    (Activity, Activity.held_on),
    (Visit, Visit.visited_on),
)


def _late(
    session: Session, sid: int, w: int, first: dt.date, last: dt.date, late_days: int
) -> tuple[int, int]:
    """(records the worker entered dated in the period, those entered late).

    The entry day is the local date of `created_at`, compared in Python: date arithmetic
    differs between SQLite and PostgreSQL, and a worker's period holds a few hundred rows.
    """
    rows: list[tuple[dt.date, dt.datetime]] = []
    for model, day in _ENTERED:
        stmt = select(day, model.created_at).where(
            model.station_id == sid, model.created_by_id == w, day.between(first, last)
        )
        rows += [(d, c) for d, c in session.execute(stmt)]
    return len(rows), sum(1 for d, c in rows if _entered_on(c) - d > dt.timedelta(late_days))


def _entered_on(created_at: dt.datetime) -> dt.date:
    return created_at.astimezone().date()


def station_workers(session: Session, station_id: int, ids: Iterable[int] = ()) -> list[User]:
    """The station's active social workers, and any other user named in `ids`."""
    wanted = set(ids)
    condition = and_(User.active.is_(True), User.role == Role.WORKER.value)
    stmt = (
        select(User)
        .where(User.station_id == station_id, or_(condition, User.id.in_(wanted)))
        .order_by(User.name_sort, User.id)
    )
    return list(session.scalars(stmt))
