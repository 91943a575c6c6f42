"""Finding the record a volunteer's hours or a linked resource belongs to.

An activity, a group session, a case, a client or a household of the station, found by
a few typed characters and shown with a label people recognise.
"""

from __future__ import annotations

import enum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.services.choice import Choice
from app.services.context import Actor
from app.store.base import StationOwned
from app.store.engine import Database
from app.store.models import Activity, Case, Client, Group, GroupSession, Household

LIMIT = 50


class LinkKind(enum.StrEnum):
    ACTIVITY = "activity"
    SESSION = "session"
    CASE = "case"
    CLIENT = "client"
    HOUSEHOLD = "household"

    @property
    def label(self) -> str:
        return {
            "activity": "社区活动",
            "session": "小组节次",
            "case": "个案",
            "client": "服务对象",
            "household": "家庭",
        }[self.value]


class LinkFinder:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def find(self, kind: LinkKind, text: str = "") -> list[Choice]:
        """Up to 50 matching records, the newest first."""
        with self._db.read() as session:
            ids = _find_ids(session, self._actor.station_id, kind, text.strip())
            return [Choice(i, label(session, kind, i)) for i in ids]


def _find_ids(session: Session, station: int, kind: LinkKind, text: str) -> list[int]:
    if kind is LinkKind.ACTIVITY:
        stmt = select(Activity.id).where(Activity.station_id == station)
        if text:
            stmt = stmt.where(Activity.title.contains(text, autoescape=True))
        stmt = stmt.order_by(Activity.held_on.desc(), Activity.id.desc())
    elif kind is LinkKind.SESSION:
        stmt = (
            select(GroupSession.id)
            .join(Group, Group.id == GroupSession.group_id)
            .where(GroupSession.station_id == station)
        )
        if text:
            stmt = stmt.where(Group.name.contains(text, autoescape=True))
        stmt = stmt.order_by(GroupSession.held_on.desc(), GroupSession.id.desc())
    elif kind is LinkKind.CASE:
        stmt = (
            select(Case.id)
            .join(Client, Client.id == Case.client_id)
            .where(Case.station_id == station)
        )
        if text:
            stmt = stmt.where(
                or_(
                    Case.case_no.contains(text.upper(), autoescape=True),
                    Client.name.contains(text, autoescape=True),
                )
            )
        stmt = stmt.order_by(Case.intake_date.desc(), Case.id.desc())
    elif kind is LinkKind.CLIENT:
        stmt = select(Client.id).where(Client.station_id == station)
        if text:
            stmt = stmt.where(Client.name.contains(text, autoescape=True))
        stmt = stmt.order_by(Client.name_sort, Client.id)
    else:
        stmt = (
            select(Household.id)
            .outerjoin(Client, Client.id == Household.head_client_id)
            .where(Household.station_id == station)
        )
        if text:
            stmt = stmt.where(Client.name.contains(text, autoescape=True))
        stmt = stmt.order_by(Household.id.desc())
    return list(session.scalars(stmt.limit(LIMIT)))


def label(session: Session, kind: LinkKind, record_id: int) -> str:
    """How a linked record is shown in lists: “2025-06-01 重阳节活动”, “QX-2025-001 张三”…"""
    if kind is LinkKind.ACTIVITY:
        a = session.get(Activity, record_id)
        return f"{a.held_on.isoformat()} {a.title}" if a else ""
    if kind is LinkKind.SESSION:
        s = session.get(GroupSession, record_id)
        group = session.get(Group, s.group_id) if s else None
        return f"{group.name} 第{s.number}节（{s.held_on.isoformat()}）" if s and group else ""
    if kind is LinkKind.CASE:
        c = session.get(Case, record_id)
        client = session.get(Client, c.client_id) if c else None
        return f"{c.case_no} {client.name if client else ''}" if c else ""
    if kind is LinkKind.CLIENT:
        person = session.get(Client, record_id)
        return person.name if person else ""
    household = session.get(Household, record_id)
    if household is None:
        return ""
    head = session.get(Client, household.head_client_id) if household.head_client_id else None
    return f"{head.name}户" if head else f"家庭 #{household.id}"


def check_link(
    session: Session, actor: Actor, kind: LinkKind, record_id: int, *, field: str
) -> None:
    """Refuse a link to a record that is missing or of another station."""
    model: type[StationOwned] = {
        LinkKind.ACTIVITY: Activity,
        LinkKind.SESSION: GroupSession,
        LinkKind.CASE: Case,
        LinkKind.CLIENT: Client,
        LinkKind.HOUSEHOLD: Household,
    }[kind]  # type: ignore[assignment]
    record = session.get(model, record_id)
    if record is None or record.station_id != actor.station_id:
        raise InvalidInput(f"所选{kind.label}不存在或不属于本站。", field=field)
