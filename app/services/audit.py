"""Writing and reading the audit log."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.roles import Permission
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import AuditEntry


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    *,
    entity: str = "",
    entity_id: int | None = None,
    login: str = "",
    station_id: int | None = None,
    **detail: Any,
) -> None:
    """Add an audit row inside the caller's transaction, so it commits with the change."""
    session.add(
        AuditEntry(
            user_id=actor.user_id if actor else None,
            user_login=actor.login if actor else login,
            station_id=actor.station_id if actor else station_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else "",
        )
    )


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    login: str
    action: str
    entity: str
    entity_id: int | None
    detail: str


class AuditService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def recent(
        self, *, entity: str = "", entity_id: int | None = None, limit: int = 200
    ) -> list[AuditRow]:
        self._actor.require(Permission.VIEW_AUDIT)
        # A county database holds many stations; failed logins of unknown names belong to none.
        own = or_(AuditEntry.station_id == self._actor.station_id, AuditEntry.station_id.is_(None))
        stmt = select(AuditEntry).where(own).order_by(AuditEntry.id.desc()).limit(limit)
        if entity:
            stmt = stmt.where(AuditEntry.entity == entity)
        if entity_id is not None:
            stmt = stmt.where(AuditEntry.entity_id == entity_id)
        with self._db.read() as session:
            return [
                AuditRow(e.at, e.user_login, e.action, e.entity, e.entity_id, e.detail)
                for e in session.scalars(stmt)
            ]
