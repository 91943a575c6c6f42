"""The lock on closed months (月结): a record dated in one may change only as a correction.

A `before_flush` listener on every session of a Database looks at the rows of the dated
tables below that are about to be inserted, changed or deleted. When a date the monthly
report counts them by falls in a month the station head has closed for the row's
station, the flush is refused with `MonthClosed`, unless a correction is under way
(`correcting`, set by MonthCloseService with the head's reason): then each such row gets
a `MonthCorrection` (written after the flush, when new rows have their ids), which is what
the diff and the next month's 更正说明 show.

Only what a figure can count is watched (`_GUARDS`): a table's dates and the columns its
figures and splits read. Narrative (content, notes, a referral's agency…) and
bookkeeping (updated_at, version, next contact dates, a case's stage) never move a
figure, so editing them, and anonymising them when their keeping period runs out, is
no correction. Core bulk statements (the roster import, dated today; the demo builder)
do not pass through the ORM's flush and are not seen; a data package's import, which
writes with Core, asks `touched` about each row itself and keeps its corrections with
`record_correction` (app/services/packages/closed.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import MonthClosed
from app.store.models import MonthClose, MonthCorrection

Day = dt.date | None
Span = tuple[Day, Day]
Getter = Callable[[str], Any]


@dataclass(frozen=True)
class Guard:
    points: tuple[str, ...] = ()
    """Dates that place the row in a month; a change counts at the old and the new day."""
    period: tuple[str, str] | None = None
    """(from, to) of a row that holds over a period; either end may be empty (open)."""
    counted: tuple[str, ...] = ()
    """Other columns a figure reads: a change counts at every date of the row."""
    stamps: dict[str, str] = field(default_factory=dict)
    """A column → the date that says when it was set (a referral's status and status_on):
    a change counts only at the new date, since the old state is not counted by its day."""
    end_inclusive: bool = True
    """Whether the period's last day is its end (a category) or the day before (a value)."""
    insert_only: bool = False
    """Only a new row (and a change of its dates) counts: a case's intake."""


_GUARDS: dict[str, Guard] = {
    "service_records": Guard(
        ("served_on",),
        counted=("case_id", "client_id", "worker_id", "duration_min", "room_id"),
    ),
    "case_events": Guard(("happened_on",), counted=("case_id", "kind", "from_value", "to_value")),
    "dated_values": Guard(
        period=("valid_from", "valid_to"),
        counted=("subject", "subject_id", "field", "value"),
        end_inclusive=False,
    ),
    "client_categories": Guard(
        period=("start_date", "end_date"), counted=("client_id", "category")
    ),
    "referrals": Guard(
        ("sent_on",),
        counted=("case_id", "client_id"),
        stamps={"status_on": "status_on", "status": "status_on", "closes_case": "status_on"},
    ),
    "activities": Guard(
        ("held_on",), counted=("village_id", "worker_id", "room_id", "participants_total")
    ),
    "visits": Guard(
        ("visited_on",), counted=("village_id", "worker_id", "room_id", "new_need_count")
    ),
    "group_sessions": Guard(("held_on",), counted=("group_id", "walk_in_count")),
    "groups": Guard(("start_date",), stamps={"end_date": "end_date", "status": "end_date"}),
    "supervisions": Guard(("held_on",), counted=("hours",)),
    "trainings": Guard(("held_on",), counted=("hours",)),
    "volunteer_services": Guard(
        ("served_on",),
        counted=("volunteer_id", "hours", "activity_id", "session_id", "case_id"),
    ),
    "resources": Guard(("received_on",), counted=("value_yuan",)),
    "satisfaction_surveys": Guard(("surveyed_on",), counted=("respondent", "scores", "overall")),
    "cases": Guard(("intake_date",), insert_only=True),
}
GUARDED_TABLES = frozenset(_GUARDS)


@dataclass(frozen=True)
class Grant:
    """A correction under way: who corrects, and why (更正原因)."""

    user_id: int
    reason: str


_grant: ContextVar[Grant | None] = ContextVar("month_correction", default=None)


@contextmanager
def correcting(user_id: int, reason: str) -> Iterator[Grant]:
    """Within the block, changes to closed months pass and are recorded as corrections.

    The caller has checked the right to correct (MonthCloseService.correcting).
    """
    grant = Grant(user_id, reason)
    token = _grant.set(grant)
    try:
        yield grant
    finally:
        _grant.reset(token)


def current_grant() -> Grant | None:
    """The correction under way in this context, if any."""
    return _grant.get()


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush_postexec", _after_flush)


# ---- the listener ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Change:
    row: Any
    table: str
    action: str
    station_id: int
    spans: tuple[Span, ...]
    """Closed intervals of days the change touches (None: open towards that side)."""


_PENDING = "month_lock.pending"


def _before_flush(session: Session, context: Any, _instances: Any) -> None:
    changes = [
        *(_inserted(row) for row in session.new),
        *(_updated(row) for row in session.dirty),
        *(_deleted(row) for row in session.deleted),
    ]
    wanted = [c for c in changes if c is not None and c.spans]
    if not wanted:
        return
    with session.no_autoflush:
        closed = closed_months(session, {c.station_id for c in wanted})
    grant = _grant.get()
    # The flush's own scratch space: session.info is shared by a sessionmaker's sessions.
    pending = context.attributes.setdefault(_PENDING, [])
    for change in wanted:
        for month, close_id in sorted(closed.get(change.station_id, {}).items()):
            day = first_day_in(month, change.spans)
            if day is None:
                continue
            if grant is None:
                raise MonthClosed(month)
            entity_id = None if change.action == "insert" else change.row.id
            pending.append((change, month, day, close_id, entity_id, grant))


def _after_flush(session: Session, context: Any) -> None:
    pending = context.attributes.pop(_PENDING, [])
    for change, month, day, close_id, entity_id, grant in pending:
        record_correction(
            session, grant, station_id=change.station_id, month=month, table=change.table,
            entity_id=entity_id if entity_id is not None else change.row.id,
            action=change.action, day=day, close_id=close_id,
        )  # fmt: skip


def record_correction(
    session: Session, grant: Grant, *, station_id: int, month: dt.date, table: str,
    entity_id: int, action: str, day: dt.date, close_id: int,
) -> None:  # fmt: skip
    """Keep one change to a closed month as a correction (what the diff and 更正说明 show)."""
    session.add(
        MonthCorrection(
            station_id=station_id, month=month, entity=table, entity_id=entity_id,
            action=action, effective_on=day, reason=grant.reason, closed_id=close_id,
            created_by_id=grant.user_id, updated_by_id=grant.user_id,
        )
    )  # fmt: skip


def closed_months(session: Session, stations: set[int]) -> dict[int, dict[dt.date, int]]:
    """station id → {first day of each closed month: its current close's id}."""
    rows = session.execute(
        select(MonthClose.station_id, MonthClose.month, MonthClose.id).where(
            MonthClose.station_id.in_(stations), MonthClose.superseded_at.is_(None)
        )
    ).all()
    closed: dict[int, dict[dt.date, int]] = {}
    for station_id, month, close_id in rows:
        closed.setdefault(station_id, {})[month] = close_id
    return closed


def first_day_in(month: dt.date, spans: tuple[Span, ...]) -> dt.date | None:
    """The first day of `month` that one of the spans covers (None: none does)."""
    last = _month_end(month)
    found = []
    for start, end in spans:
        low = month if start is None else max(start, month)
        high = last if end is None else min(end, last)
        if low <= high:
            found.append(low)
    return min(found) if found else None


def _month_end(month: dt.date) -> dt.date:
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


# ---- what a row's change touches ---------------------------------------------------------


def touched(
    table: str,
    *,
    old: Mapping[str, Any] | None = None,
    new: Mapping[str, Any] | None = None,
    changed: frozenset[str] = frozenset(),
) -> tuple[Span, ...]:
    """The days a change to a row of `table` moves a figure on, from plain values: a new row
    (`new` only), a deleted one (`old` only) or a change (both, and the `changed` columns).
    Only the dated columns need values; the counted ones need only be named in `changed`."""
    guard = _GUARDS.get(table)
    if guard is None:
        return ()
    if old is None and new is not None:
        return tuple(_whole_row(guard, new.get))
    if new is None and old is not None:
        return () if guard.insert_only else tuple(_whole_row(guard, old.get))
    assert old is not None and new is not None
    return tuple(_update_spans(guard, old.get, new.get, set(changed)))


def _guard(row: Any) -> tuple[str, Guard] | None:
    table = getattr(row, "__tablename__", "")
    guard = _GUARDS.get(table)
    return (table, guard) if guard is not None else None


def _whole_row(guard: Guard, value: Getter) -> list[Span]:
    """Every day the row counts on: its points, its stamps and its period."""
    spans: list[Span] = []
    for name in (*guard.points, *set(guard.stamps.values())):
        day = value(name)
        if day is not None:
            spans.append((day, day))
    if guard.period is not None:
        start, end = (value(name) for name in guard.period)
        spans.append((start, end if guard.end_inclusive else _before(end)))
    return spans


def _inserted(row: Any) -> _Change | None:
    found = _guard(row)
    if found is None:
        return None
    table, guard = found
    spans = _whole_row(guard, lambda name: getattr(row, name))
    return _Change(row, table, "insert", row.station_id, tuple(spans))


def _deleted(row: Any) -> _Change | None:
    found = _guard(row)
    if found is None or found[1].insert_only:
        return None
    table, guard = found
    spans = _whole_row(guard, lambda name: _old(row, name))
    return _Change(row, table, "delete", row.station_id, tuple(spans))


def _updated(row: Any) -> _Change | None:
    found = _guard(row)
    if found is None:
        return None
    table, guard = found
    state = inspect(row)
    changed = {a.key for a in state.attrs if a.history.has_changes()}
    spans = _update_spans(
        guard, lambda name: _old(row, name), lambda name: getattr(row, name), changed
    )
    return _Change(row, table, "update", row.station_id, tuple(spans))


def _update_spans(guard: Guard, old: Getter, new: Getter, changed: set[str]) -> list[Span]:
    spans: list[Span] = []
    for name in guard.points:
        if name in changed:
            spans += [(d, d) for d in (old(name), new(name)) if d is not None]
    if guard.period is not None:
        spans += _moved_period(guard, old, new, changed)
    for column, stamp in guard.stamps.items():
        day = new(stamp)
        if column in changed and day is not None:
            spans.append((day, day))
    if not guard.insert_only and changed & set(guard.counted):
        spans += _whole_row(guard, new)
        spans += _whole_row(guard, old)
    return spans


def _moved_period(guard: Guard, old: Getter, new: Getter, changed: set[str]) -> list[Span]:
    """The days that moved into or out of the period when one of its ends changed.

    An empty start reaches back for ever and an empty end forward: ending a value (its
    end from empty to a day) touches that day and every day after it.
    """
    assert guard.period is not None
    start, end = guard.period
    spans: list[Span] = []
    if start in changed:
        before, after = old(start), new(start)
        if before is None or after is None:
            spans.append((None, _before(before or after)))
        else:
            spans.append((min(before, after), _before(max(before, after))))
    if end in changed:
        # Past an inclusive end the first day without the value is the day after it.
        before, after = (_after(d) if guard.end_inclusive else d for d in (old(end), new(end)))
        if before is None or after is None:
            spans.append((before or after, None))
        else:
            spans.append((min(before, after), _before(max(before, after))))
    return spans


def _before(day: Day) -> Day:
    return None if day is None else day - dt.timedelta(days=1)


def _after(day: Day) -> Day:
    return None if day is None else day + dt.timedelta(days=1)


def _old(row: Any, name: str) -> Any:
    """The value `name` had when the row was loaded (the current one when unchanged)."""
    history = inspect(row).attrs[name].history
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    # Set without having been loaded: the old value is unknown, and so not counted.
    return None if history.added else getattr(row, name)
