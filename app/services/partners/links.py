"""Pointing records at the directory as they are saved: the features' services call these in
their own session.

A name matches a partner only when it is exactly the partner's name (the picker puts the
name in the box); a name that matches none stays free text, for a person to match later
(PartnerService.match).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, case, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.store.models import ActivityPartner, Partner


def visible(station_id: int) -> ColumnElement[bool]:
    """SQL: the partners a station may use: its own and the county-wide ones."""
    return or_(Partner.station_id == station_id, Partner.station_id.is_(None))


def resolve(
    session: Session, station_id: int, name: str, partner_id: int | None = None
) -> int | None:
    """The partner a record names: the one picked, else the active one of exactly that name
    (the station's own before a county-wide one)."""
    if partner_id is not None:
        partner = session.get(Partner, partner_id)
        if partner is None or partner.station_id not in (station_id, None):
            raise InvalidInput("所选合作方不存在或不属于本站。", field="partner_id")
        return partner.id
    name = name.strip()
    if not name:
        return None
    return session.scalar(
        select(Partner.id)
        .where(Partner.name == name, Partner.active.is_(True), visible(station_id))
        .order_by(case((Partner.station_id.is_(None), 1), else_=0), Partner.id)
        .limit(1)
    )


def sync_activity(
    session: Session, *, activity_id: int, station_id: int, names: tuple[str, ...], user_id: int
) -> None:
    """The activity's partner rows follow its list of names: a name kept keeps its partner
    (even one renamed in the directory since), a new name is matched, a dropped one goes."""
    rows = {
        r.name: r
        for r in session.scalars(
            select(ActivityPartner).where(ActivityPartner.activity_id == activity_id)
        )
    }
    wanted = [n[:100] for n in dict.fromkeys(names)]
    for name, row in rows.items():
        if name not in wanted:
            session.delete(row)
    for name in wanted:
        if name in rows:
            continue
        session.add(
            ActivityPartner(
                station_id=station_id, activity_id=activity_id, name=name,
                partner_id=resolve(session, station_id, name),
                created_by_id=user_id, updated_by_id=user_id,
            )
        )  # fmt: skip
