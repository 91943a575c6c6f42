"""Free text that names a partner (a referral's agency, an activity's partners, a resource's
source) and the directory's rows it points to: the statements the migration and the
partner services share.

Only exact names match: a near name (县残联 for 县残疾人联合会) is for a person to match in
the window, never guessed. A station's own partner comes before a county-wide one of the
same name. Core statements, so they run inside a migration as well as in a session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from app.domain.partners import split_names
from app.store.base import UTCDateTime
from app.store.uuids import new_uuid

_PARTNERS = sa.table(
    "partners",
    sa.column("id", sa.Integer),
    sa.column("station_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("active", sa.Boolean),
)

# table → the column holding the name as typed
TEXT_COLUMNS = {"referrals": "agency", "activity_partners": "name", "resources": "source"}


def linked_table(name: str) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("id", sa.Integer),
        sa.column("station_id", sa.Integer),
        sa.column("partner_id", sa.Integer),
        sa.column("version", sa.Integer),
        sa.column(TEXT_COLUMNS[name], sa.String),
    )


def match_exact(conn: Any, station_id: int | None = None) -> dict[str, int]:
    """Point every unmatched row whose text equals an active partner's name at it; the
    number of rows matched per table. `station_id` keeps it to one station's rows."""
    matched = {}
    for name, column in TEXT_COLUMNS.items():
        rows = linked_table(name)
        same_name = (
            _PARTNERS.c.name == rows.c[column],
            _PARTNERS.c.active.is_(True),
            sa.or_(_PARTNERS.c.station_id == rows.c.station_id, _PARTNERS.c.station_id.is_(None)),
        )
        candidate = (
            sa.select(_PARTNERS.c.id)
            .where(*same_name)
            .order_by(sa.case((_PARTNERS.c.station_id.is_(None), 1), else_=0), _PARTNERS.c.id)
            .limit(1)
            .scalar_subquery()
        )
        stmt = sa.update(rows).where(
            rows.c.partner_id.is_(None), sa.exists(sa.select(_PARTNERS.c.id).where(*same_name))
        )
        if station_id is not None:
            stmt = stmt.where(rows.c.station_id == station_id)
        matched[name] = (
            conn.execute(stmt.values(partner_id=candidate, version=rows.c.version + 1)).rowcount
            or 0
        )
    return matched


_ACTIVITIES = sa.table(
    "activities", sa.column("id", sa.Integer), sa.column("station_id", sa.Integer),
    sa.column("partners", sa.Text), sa.column("updated_by_id", sa.Integer),
)  # fmt: skip
_LINKS = sa.table(
    "activity_partners", sa.column("uuid"), sa.column("station_id"), sa.column("activity_id"),
    sa.column("name"), sa.column("version"), sa.column("created_by_id"),
    sa.column("updated_by_id"), sa.column("created_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
)  # fmt: skip
BATCH = 2000


def fill_activity_partners(conn: Any, now: dt.datetime) -> int:
    """One `activity_partners` row per name of each activity's partners, for the activities
    that have none yet (written before the table, or in bulk by the demo), in batches by
    id; the number of rows written."""
    written, last = 0, 0
    has_rows = sa.exists(
        sa.select(_LINKS.c.activity_id).where(_LINKS.c.activity_id == _ACTIVITIES.c.id)
    )
    while True:
        batch = conn.execute(
            sa.select(_ACTIVITIES)
            .where(_ACTIVITIES.c.id > last, _ACTIVITIES.c.partners != "", ~has_rows)
            .order_by(_ACTIVITIES.c.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return written
        rows = [
            {
                "uuid": new_uuid(), "station_id": station_id, "activity_id": activity_id,
                "name": name, "version": 1, "created_by_id": user_id, "updated_by_id": user_id,
                "created_at": now, "updated_at": now,
            }
            for activity_id, station_id, text, user_id in batch
            for name in dict.fromkeys(n[:100] for n in split_names(text or ""))
        ]  # fmt: skip
        if rows:
            conn.execute(sa.insert(_LINKS), rows)
        written += len(rows)
        last = batch[-1][0]
