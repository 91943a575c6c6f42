"""Package rows dated in a month the county holds as closed (月结).

A package writes with Core statements, which the ORM's month lock (app/store/month_lock.py)
does not see, so the import asks the lock about each row itself. A row the station changed
under a correction of its own (the MonthCorrection travels in the same package) passes.
Any other row that would move a closed month's figure stops the import with MonthClosed:
the signed report's records do not change silently. A person with the right may give a
更正原因 (month_lock.correcting, as the window offers for every change), and then each such
row is kept as a correction, as an edit in the window would be. Deciding a conflict in the
station's favour is checked the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import MonthClosed
from app.services.packages.refs import chunks, table
from app.services.packages.types import describe_months
from app.store import month_lock


@dataclass(frozen=True)
class ClosedHit:
    table: str
    uuid: str
    action: str
    """insert, update or delete: as a correction records it."""
    month: dt.date
    day: dt.date
    close_id: int
    entity_id: int | None = None
    """The county's id of the row; None for a row the package adds (known once it is in)."""


class ClosedMonths:
    """Collects the rows of one station's import that touch its closed months."""

    def __init__(
        self,
        session: Session,
        station_id: int,
        corrected: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        self.station_id = station_id
        self.corrected = corrected
        self.months = month_lock.closed_months(session, {station_id}).get(station_id, {})
        self.hits: list[ClosedHit] = []

    def watches(self, name: str) -> bool:
        return bool(self.months) and name in month_lock.GUARDED_TABLES

    def check(
        self,
        name: str,
        uuid: str,
        action: str,
        *,
        entity_id: int | None = None,
        old: Mapping[str, Any] | None = None,
        new: Mapping[str, Any] | None = None,
        changed: frozenset[str] = frozenset(),
    ) -> None:
        if not self.watches(name) or (name, uuid) in self.corrected:
            return
        spans = month_lock.touched(name, old=old, new=new, changed=changed)
        for month, close_id in sorted(self.months.items()):
            day = month_lock.first_day_in(month, spans) if spans else None
            if day is not None:
                self.hits.append(ClosedHit(name, uuid, action, month, day, close_id, entity_id))


def corrected_in(tables: Mapping[str, Any]) -> frozenset[tuple[str, str]]:
    """(table, uuid) of the rows the package's own month corrections cover."""
    rows = tables.get("month_corrections") or []
    return frozenset((r["entity"], r["entity_id"]) for r in rows if r.get("entity_id"))


def by_month(hits: list[ClosedHit]) -> tuple[tuple[dt.date, int], ...]:
    """(closed month, rows touching it), months in order; a row counts once per month."""
    counted = Counter(h.month for h in {(h.table, h.uuid, h.month): h for h in hits}.values())
    return tuple(sorted(counted.items()))


def require_grant(hits: list[ClosedHit], subject: str, undone: str) -> month_lock.Grant | None:
    """The correction under way, or MonthClosed when rows touch closed months without one.

    `subject` names what touches them ("数据包中有记录"), `undone` what did not happen."""
    if not hits:
        return None
    grant = month_lock.current_grant()
    if grant is None:
        months = by_month(hits)
        raise MonthClosed(
            months[0][0],
            f"{subject}落在已月结的月份（{describe_months(months)}），会改动已签字月报背后的"
            f"记录，所以{undone}。请由站长或管理员填写更正原因后再做，这些改动将作为更正"
            "记入下月的更正说明；也可以先请站点核对。",
        )
    return grant


def keep(
    session: Session, grant: month_lock.Grant | None, station_id: int, hits: list[ClosedHit]
) -> None:
    """Record each hit as a correction, once the rows are written."""
    if grant is None or not hits:
        return
    added: dict[str, dict[str, int]] = {}
    for name in {h.table for h in hits if h.entity_id is None}:
        uuids = [h.uuid for h in hits if h.table == name and h.entity_id is None]
        t = table(name)
        found: dict[str, int] = {}
        for part in chunks(uuids):
            rows = session.execute(select(t.c.uuid, t.c.id).where(t.c.uuid.in_(part)))
            found.update({row_uuid: row_id for row_uuid, row_id in rows})
        added[name] = found
    for hit in hits:
        entity_id = hit.entity_id if hit.entity_id is not None else added[hit.table][hit.uuid]
        month_lock.record_correction(
            session, grant, station_id=station_id, month=hit.month, table=hit.table,
            entity_id=entity_id, action=hit.action, day=hit.day, close_id=hit.close_id,
        )  # fmt: skip
