"""The figures of definitions.FIGURES as SQL: each query groups by station, so one
station's month and all thirty stations' month cost the same number of queries.

`figures(session, station_ids, first, last)` counts the records dated from `first` to
`last` inclusive; the states (在案) are taken at the end of `last` and of the day before
`first`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    Select,
    and_,
    bindparam,
    case,
    func,
    join,
    literal,
    or_,
    select,
)
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


Window = tuple[dt.date, dt.date]
"""A period counted: its first and last day, inclusive."""


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
    return in_windows(session, station_ids, [(first, last)], worker_id, only=only)[0]


def in_windows(
    session: Session,
    station_ids: Sequence[int],
    windows: Sequence[Window],
    worker_id: int | None = None,
    *,
    only: Collection[str] | None = None,
) -> list[dict[int, Figures]]:
    """`figures` for several periods at once (a month, the month before, the year to date):
    each table is read once over all of them, each period counted by its own condition,
    so a month inside its year to date is not read twice."""
    ids = list(station_ids)
    spans = list(dict.fromkeys(windows))
    zeros: Figures = dict.fromkeys(BY_KEY, 0)
    counted = {span: {sid: dict(zeros) for sid in ids} for span in spans}
    wanted = (lambda key: key in only) if only is not None else (lambda _key: True)
    low, high = min(f for f, _ in spans), max(last for _, last in spans)
    params: dict[str, Any] = {"ids": ids, "low": low, "high": high}
    for n, (first, last) in enumerate(spans):
        params[f"first{n}"], params[f"last{n}"] = first, last
    whole = tuple(span == (low, high) for span in spans)
    wanted_keys = None if only is None else frozenset(only)
    for stmt, measures in _table_statements(whole, worker_id, wanted_keys):
        # One row per station: each measure's value for each period, in that order.
        for sid, *found in session.execute(stmt, params).all():
            cells = iter(found)
            for m in measures:
                for span in spans:
                    counted[span][sid][m.key] += _number(next(cells))

    # The states (在案) at the end of a day: the day before a period and its last day,
    # with the high-risk ones on a last day; the carried cases of a month are the month
    # before's open ones, counted once.
    days: dict[dt.date, bool] = {}
    for first, last in spans:
        if wanted("cases_carried"):
            days.setdefault(first - dt.timedelta(days=1), False)
        if wanted("cases_open") or wanted("cases_high_risk"):
            days[last] = days.get(last, False) or wanted("cases_high_risk")
    states = {
        day: _open_on(session, ids, day, worker_id, high_risk=high) for day, high in days.items()
    }
    for span in spans:
        first, last = span
        for key, day, at in (
            ("cases_carried", first - dt.timedelta(days=1), 0),
            ("cases_open", last, 0),
            ("cases_high_risk", last, 1),
        ):
            if wanted(key):
                for sid, counts in states[day].items():
                    counted[span][sid][key] = counts[at]
    for per_station in counted.values():
        for values in per_station.values():
            values["service_hours"] = _hours(values["service_hours"])
            for key in ("volunteer_hours", "resource_yuan", "supervision_hours", "training_hours"):
                values[key] = Decimal(values[key]).quantize(Decimal("0.01"))
    return [counted[span] for span in windows]


# Statements are built once for each shape of request and then run with its values:
# building one (and the key SQLAlchemy finds its compiled form by, kept on the statement)
# cost about as much as running it on a month's rows.
_IDS: BindParameter[Any] = bindparam("ids", expanding=True)
_DAY: BindParameter[dt.date] = bindparam("day", type_=Date)


@functools.lru_cache(maxsize=32)
def _table_statements(
    whole: tuple[bool, ...], worker_id: int | None, only: frozenset[str] | None
) -> tuple[tuple[Select[Any], tuple[_Measure, ...]], ...]:
    """Each table's query for periods `first0`…`last0`, … (within `low`…`high`); a period
    that is all the rows read (`whole`) needs no condition of its own."""
    low, high = bindparam("low", type_=Date), bindparam("high", type_=Date)
    spans = [
        (bindparam(f"first{n}", type_=Date), bindparam(f"last{n}", type_=Date))
        for n in range(len(whole))
    ]
    found = []
    for table in _TABLES:
        measures = tuple(m for m in table.measures if only is None or m.key in only)
        if not measures:
            continue
        day = table.day
        columns = [
            m.value(None if all_rows else day.between(first, last))
            for m in measures
            for (first, last), all_rows in zip(spans, whole, strict=True)
        ]
        stmt = (
            select(table.station, *columns)
            .select_from(table.source)
            .where(
                table.station.in_(_IDS),
                day.between(low, high),
                *table.where,
                *table.own(worker_id),
            )
            .group_by(table.station)
        )
        found.append((stmt, measures))
    return tuple(found)


def _open_on(
    session: Session, ids: list[int], day: dt.date, worker_id: int | None, *, high_risk: bool
) -> dict[int, tuple[Number, Number]]:
    """Cases open at the end of `day` per station, and how many of them were high risk
    that day (0 unless asked: each case's risk then is looked up in its history)."""
    stmt = _open_statement(worker_id, high_risk)
    return {
        sid: (_number(n), _number(h))
        for sid, n, h in session.execute(stmt, {"ids": ids, "day": day}).all()
    }


@functools.lru_cache(maxsize=32)
def _open_statement(worker_id: int | None, high_risk: bool) -> Select[int, int, int]:
    high = func.count(case((high_risk_on(_DAY), 1))) if high_risk else literal(0)
    return (
        select(Case.station_id, func.count(), high)
        .where(Case.id.in_(open_at(_IDS, _DAY)), *own(Case, worker_id, _DAY))
        .group_by(Case.station_id)
    )


def _hours(minutes: Number) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def _number(value: Any) -> Number:
    if value is None:
        return 0
    if isinstance(value, Decimal | int):
        return value
    return Decimal(str(value))


# ---- cases ------------------------------------------------------------------------------


def high_risk_on(day: Any) -> ColumnElement[bool]:
    """The case's risk level in force on `day` is high (a later re-rating changes nothing)."""
    return history.in_force("case", "risk_level", Case.id, day, Case.risk_level) == "high"


def closing_event() -> ColumnElement[bool]:
    """A stage change from a working stage into a closed one (结案、不接案、转介)."""
    return and_(
        CaseEvent.kind == "stage",
        CaseEvent.to_value.in_(LOCKED),
        CaseEvent.from_value.not_in(LOCKED),
    )


def open_at(ids: Sequence[Any] | BindParameter[Any], day: Any) -> Select[int]:
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


# ---- the tables read ------------------------------------------------------------------


@dataclass(frozen=True)
class _Measure:
    """One figure's share of a table's row: a count, a sum or a count of distinct values of
    the rows in the period (and meeting `when`). Two measures of one figure add up."""

    key: str
    kind: str = "count"
    column: Any = None
    when: ColumnElement[bool] | None = None

    def value(self, in_period: ColumnElement[bool] | None) -> ColumnElement[Any]:
        """The measure over the rows read, or only those `in_period` (None: all of them)."""
        conds = [c for c in (in_period, self.when) if c is not None]
        if not conds:
            column = None if self.kind == "count" else self.column
        else:
            column = case((and_(*conds), 1 if self.kind == "count" else self.column))
        if self.kind == "count":
            return func.count(column) if column is not None else func.count()
        if self.kind == "distinct":
            return func.count(func.distinct(column))
        return func.coalesce(func.sum(column), literal(0))


@dataclass(frozen=True)
class _Table:
    """The records dated by `day` (a join, for the people of a visit or a session)."""

    model: Any
    day: Any
    measures: tuple[_Measure, ...]
    source: Any = None
    where: tuple[ColumnElement[bool], ...] = ()

    def __post_init__(self) -> None:
        if self.source is None:
            object.__setattr__(self, "source", self.model)

    @property
    def station(self) -> Any:
        return self.model.station_id

    def own(self, worker_id: int | None) -> list[ColumnElement[bool]]:
        return own(self.model, worker_id)


_ANSWERED = SatisfactionSurvey.respondent != Respondent.NONE.value

_TABLES = (
    _Table(Case, Case.intake_date, (_Measure("cases_new"),)),
    _Table(
        CaseEvent,
        CaseEvent.happened_on,
        (
            _Measure("cases_reopened", when=CaseEvent.kind == "reopen"),
            _Measure("cases_closed", when=closing_event()),
        ),
    ),
    _Table(
        ServiceRecord,
        ServiceRecord.served_on,
        (
            _Measure("service_records"),
            _Measure("service_clients", "distinct", ServiceRecord.client_id),
            _Measure("service_hours", "sum", ServiceRecord.duration_min),
        ),
    ),
    _Table(Referral, Referral.sent_on, (_Measure("referrals"),)),
    _Table(Group, Group.start_date, (_Measure("groups_new"),)),
    _Table(Group, Group.end_date, (_Measure("groups_ended", when=Group.status == "ended"),)),
    _Table(
        GroupSession,
        GroupSession.held_on,
        (
            _Measure("groups_running", "distinct", GroupSession.group_id),
            _Measure("group_sessions"),
            # Walk-ins here, the present members below: absent and left never count.
            _Measure("group_attendance", "sum", GroupSession.walk_in_count),
        ),
    ),
    _Table(
        GroupSession,
        GroupSession.held_on,
        (_Measure("group_attendance"),),
        source=join(GroupSession, GroupAttendance, GroupAttendance.session_id == GroupSession.id),
        where=(GroupAttendance.status == "present",),
    ),
    _Table(
        Activity,
        Activity.held_on,
        (
            _Measure("activities"),
            _Measure("activity_participants", "sum", Activity.participants_total),
        ),
    ),
    _Table(
        Visit,
        Visit.visited_on,
        (_Measure("visit_households"), _Measure("visit_needs", "sum", Visit.new_need_count)),
    ),
    _Table(
        Visit,
        Visit.visited_on,
        (_Measure("visit_people"),),
        source=join(Visit, VisitClient, VisitClient.visit_id == Visit.id),
    ),
    _Table(
        VolunteerService,
        VolunteerService.served_on,
        (
            _Measure("volunteers", "distinct", VolunteerService.volunteer_id),
            _Measure("volunteer_hours", "sum", VolunteerService.hours),
        ),
    ),
    _Table(
        Resource,
        Resource.received_on,
        (_Measure("resources"), _Measure("resource_yuan", "sum", Resource.value_yuan)),
    ),
    _Table(
        Supervision,
        Supervision.held_on,
        (_Measure("supervisions"), _Measure("supervision_hours", "sum", Supervision.hours)),
    ),
    _Table(
        Training,
        Training.held_on,
        (_Measure("trainings"), _Measure("training_hours", "sum", Training.hours)),
    ),
    _Table(
        SatisfactionSurvey,
        SatisfactionSurvey.surveyed_on,
        (
            _Measure("surveys"),
            _Measure("surveys_answered", when=_ANSWERED),
            _Measure(
                "surveys_satisfied",
                when=and_(_ANSWERED, SatisfactionSurvey.overall >= SATISFIED_FROM),
            ),
        ),
    ),
)
