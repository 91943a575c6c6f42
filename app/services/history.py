"""Two dates on everything that happens, and values kept as dated history.

发生日期 (`on`) is the day a change took effect, what reports count by; the entry time
is the row's `created_at`, what the audit log keeps. A user may enter an earlier day
(补录), never a future one, never one before the record it belongs to, and one more than
`late_reason_days` (a setting, 7 by default) in the past needs a short reason.

`change()` keeps `dated_values` (app/store/models/history.py) in step with the current
value on the record; `in_force()` is the SQL for "the value on that day", used by the
reports for events (their own date) and stocks (the month's last day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.store import settings as settings_rows
from app.store.models import DatedValue

LATE_REASON_DAYS_KEY = "backfill.late_reason_days"
LATE_REASON_DAYS = 7


@dataclass(frozen=True)
class When:
    """The 发生日期 of a change and, for a late entry, why it is late."""

    on: dt.date | None = None
    """None: today."""
    late_reason: str = ""


NOW = When()
"""A change that happens today."""


def late_reason_days(session: Session, station_id: int) -> int:
    value = settings_rows.read(session, LATE_REASON_DAYS_KEY, None, station_id=station_id)
    if value is None:
        value = settings_rows.read(session, LATE_REASON_DAYS_KEY, LATE_REASON_DAYS, station_id=None)
    return int(value)


def effective_day(
    session: Session,
    station_id: int,
    when: When,
    today: dt.date,
    *,
    not_before: dt.date | None = None,
    after_what: str = "",
    noun: str = "发生日期",
) -> dt.date:
    """The checked 发生日期 of `when` (today when none was given)."""
    day = when.on or today
    if day > today:
        raise InvalidInput(f"{noun}不能晚于今天。", field="on")
    if not_before is not None and day < not_before:
        what = after_what or "这条记录所属的记录"
        raise InvalidInput(f"{noun}不能早于{what}（{not_before.isoformat()}）。", field="on")
    late = (today - day).days
    if late > late_reason_days(session, station_id) and not when.late_reason.strip():
        raise InvalidInput(
            f"{noun}是 {late} 天前（{day.isoformat()}），属于补录，请填写补录原因。",
            field="late_reason",
        )
    return day


def change(
    session: Session,
    *,
    station_id: int,
    subject: str,
    subject_id: int,
    field: str,
    value: Any,
    on: dt.date,
    user_id: int,
    reason: str = "",
    late_reason: str = "",
) -> bool:
    """Record that `field` of the subject holds `value` from `on`; False when unchanged.

    A change may not go back before the value now in force began: that would rewrite a
    period the history already describes (correct that period's row instead).
    """
    text = _text(value)
    current = session.scalar(
        select(DatedValue)
        .where(
            DatedValue.subject == subject,
            DatedValue.field == field,
            DatedValue.subject_id == subject_id,
            DatedValue.valid_to.is_(None),
        )
        .order_by(DatedValue.valid_from.desc(), DatedValue.id.desc())
        .limit(1)
    )
    if current is not None:
        if current.value == text:
            return False
        if on < current.valid_from:
            raise InvalidInput(
                f"发生日期不能早于上一次变更的日期（{current.valid_from.isoformat()}）。",
                field="on",
            )
        if on == current.valid_from:
            # A second change the same day: the first value held for no day a report can see.
            current.value = text
            current.reason = reason.strip() or current.reason
            current.updated_by_id = user_id
            return True
        current.valid_to = on
        current.updated_by_id = user_id
    session.add(
        DatedValue(
            station_id=station_id, subject=subject, subject_id=subject_id, field=field,
            value=text, valid_from=on, reason=reason.strip(), late_reason=late_reason.strip(),
            created_by_id=user_id, updated_by_id=user_id,
        )
    )  # fmt: skip
    return True


def since(session: Session, subject: str, subject_id: int, field: str) -> dt.date | None:
    """The day the value now in force began (None without history)."""
    return session.scalar(
        select(func.max(DatedValue.valid_from)).where(
            DatedValue.subject == subject,
            DatedValue.field == field,
            DatedValue.subject_id == subject_id,
        )
    )


def in_force(
    subject: str, field: str, subject_id: Any, day: Any, current: Any
) -> ColumnElement[Any]:
    """SQL: the value of `field` on `day` (a date or a date column) for `subject_id`.

    The periods follow each other without gaps, so the first period not ended by `day` is
    the one in force; a day before the first period (a record entered late for a day
    before the client was registered) takes the first value. Records without history
    (roster imports write none) fall back to `current`, the value on the record. Empty
    means none.
    """
    found = (
        select(DatedValue.value)
        .where(
            DatedValue.subject == subject,
            DatedValue.field == field,
            DatedValue.subject_id == subject_id,
            or_(DatedValue.valid_to.is_(None), DatedValue.valid_to > day),
        )
        .order_by(DatedValue.valid_from)
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(found, func.coalesce(cast(current, String), ""))


def held_on(category_start: Any, category_end: Any, day: Any) -> ColumnElement[bool]:
    """SQL: a category (start and end inclusive, either may be empty) is held on `day`."""
    return and_(
        or_(category_start.is_(None), category_start <= day),
        or_(category_end.is_(None), category_end >= day),
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value)
