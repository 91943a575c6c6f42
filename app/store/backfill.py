"""History rows for records that have none: what revision 0003 gives an existing database
and what the demo builder gives its bulk-inserted records.

A client's risk level, village and household hold from the day the client was registered;
a case's worker and risk level from its intake date, rebuilt from the case's own events
(risk re-ratings keep their codes; hand-overs name the workers, matched by name in the
station). Approvals get their 发生日期 from the local day they were entered.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import sqlalchemy as sa

from app.store.base import UTCDateTime
from app.store.uuids import new_uuid

_DATED = sa.table(
    "dated_values",
    *(
        sa.column(name)
        for name in (
            "uuid",
            "station_id",
            "subject",
            "subject_id",
            "field",
            "value",
            "valid_from",
            "valid_to",
            "reason",
            "late_reason",
            "version",
        )
    ),
    sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)


def _local_day(at: dt.datetime | None) -> dt.date | None:
    if at is None:
        return None
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone().date()


def history_from_records(
    conn: sa.Connection, now: dt.datetime, station_id: int | None = None
) -> None:
    """Give every client and case of the database (or of one station) without history its rows."""
    # One station's rows only, when given: the county demo calls this for each station in
    # turn, and reading every station's history each time grew with the county.
    only = "" if station_id is None else f" WHERE station_id = {int(station_id)}"
    has = {
        (subject, sid)
        for subject, sid in conn.execute(
            sa.text("SELECT DISTINCT subject, subject_id FROM dated_values" + only)
        )
    }
    rows: list[dict[str, object]] = []

    def add(
        station: int, subject: str, sid: int, field: str, periods: list[tuple[dt.date, str]]
    ) -> None:
        for i, (start, value) in enumerate(periods):
            end = periods[i + 1][0] if i + 1 < len(periods) else None
            rows.append(
                {
                    "uuid": new_uuid(),
                    "station_id": station,
                    "subject": subject,
                    "subject_id": sid,
                    "field": field,
                    "value": value,
                    "valid_from": start,
                    "valid_to": end,
                    "reason": "",
                    "late_reason": "",
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
            )

    clients = conn.execute(
        sa.text(
            "SELECT id, station_id, risk_level, village_id, household_id, created_at FROM clients"
            + only
        )
    ).all()
    for cid, station, risk, village, household, created in clients:
        if ("client", cid) in has:
            continue
        start = _local_day(_as_datetime(created)) or dt.date.today()
        add(station, "client", cid, "risk_level", [(start, risk or "")])
        add(
            station, "client", cid, "village_id", [(start, "" if village is None else str(village))]
        )
        add(
            station,
            "client",
            cid,
            "household_id",
            [(start, "" if household is None else str(household))],
        )

    names: dict[tuple[int, str], list[int]] = defaultdict(list)
    for uid, station, name in conn.execute(
        sa.text("SELECT id, station_id, display_name FROM users")
    ):
        names[(station, name)].append(uid)
    events: dict[int, list[tuple[str, str, str, dt.date]]] = defaultdict(list)
    for case_id, kind, before, after, day in conn.execute(
        sa.text(
            "SELECT case_id, kind, from_value, to_value, happened_on FROM case_events "
            "WHERE kind IN ('risk', 'reassign')"
            + ("" if station_id is None else f" AND station_id = {int(station_id)}")
            + " ORDER BY happened_on, id"
        )
    ):
        events[case_id].append((kind, before, after, _as_date(day)))
    for case_id, station, worker, risk, intake in conn.execute(
        sa.text("SELECT id, station_id, worker_id, risk_level, intake_date FROM cases" + only)
    ):
        if ("case", case_id) in has:
            continue
        start = _as_date(intake)
        mine = events.get(case_id, [])
        add(
            station,
            "case",
            case_id,
            "risk_level",
            _rebuilt(
                start, risk or "", [(day, b, a) for kind, b, a, day in mine if kind == "risk"]
            ),
        )
        handovers: list[tuple[dt.date, str, str]] = []
        for kind, before, after, day in mine:
            if kind != "reassign":
                continue
            old, new = names.get((station, before), []), names.get((station, after), [])
            if len(old) != 1 or len(new) != 1:
                handovers = []  # a worker who cannot be told apart: keep today's worker only
                break
            handovers.append((day, str(old[0]), str(new[0])))
        add(station, "case", case_id, "worker_id", _rebuilt(start, str(worker), handovers))
    for first in range(0, len(rows), 1000):
        conn.execute(_DATED.insert(), rows[first : first + 1000])


def _rebuilt(
    start: dt.date, current: str, changes: list[tuple[dt.date, str, str]]
) -> list[tuple[dt.date, str]]:
    """Periods from the case's start: the value before the first change, then each change."""
    if not changes or changes[-1][2] != current:
        return [(start, current)]
    periods = [(start, changes[0][1])]
    for day, _before, after in changes:
        day = max(day, periods[-1][0])
        if day == periods[-1][0]:
            periods[-1] = (day, after)
        else:
            periods.append((day, after))
    return periods


def review_dates(conn: sa.Connection) -> None:
    """Approvals and returns entered before 发生日期 existed happened the day they were entered."""
    for table in ("case_plans", "case_closures"):
        for row_id, at in conn.execute(
            sa.text(
                f"SELECT id, reviewed_at FROM {table}"
                " WHERE reviewed_at IS NOT NULL AND reviewed_on IS NULL"
            )
        ).all():
            conn.execute(
                sa.text(f"UPDATE {table} SET reviewed_on = :day WHERE id = :id"),
                {"day": _local_day(_as_datetime(at)), "id": row_id},
            )


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _as_datetime(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
