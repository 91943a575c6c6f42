"""Free text that names a partner (a referral's agency, an activity's partners, a resource's
source) and the directory's rows it points to: the statements the migration and the
partner services share.

Only exact names match: a near name (县残联 for 县残疾人联合会) is for a person to match in
the window, never guessed. A station's own partner comes before a county-wide one of the
same name. Core statements, so they run inside a migration as well as in a session.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

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
