"""Writing and reading the audit log (the writing itself is in audit_trail)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select

from app.domain.audit_labels import REFUSAL_ACTIONS, action_label, entity_label
from app.domain.audit_text import describe
from app.domain.roles import Permission
from app.exports.audit_xlsx import write_audit_log
from app.services.access.audit_trail import details, forget, record, record_refusal
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import AuditEntry

__all__ = [
    "AuditRow",
    "AuditService",
    "RefusalCount",
    "details",
    "forget",
    "record",
    "record_refusal",
]


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    login: str
    action: str
    entity: str
    entity_id: int | None
    detail: str
    """The details as JSON, personal values (until anonymised) included."""
    text: str
    """The same details as Chinese text (app.domain.audit_text), as the log shows them."""


@dataclass(frozen=True)
class RefusalCount:
    """How often one login was refused (wrong role, a refused reveal, a failed login)."""

    login: str
    count: int
    last_at: dt.datetime


def _row(e: AuditEntry) -> AuditRow:
    values = details(e)
    stored = json.dumps(values, ensure_ascii=False) if e.personal else e.detail
    text = describe(e.entity, e.action, values)
    return AuditRow(e.at, e.user_login, e.action, e.entity, e.entity_id, stored, text)


ENTITY = "audit"
SEARCH_LIMIT = 5000


@logs_refusals("audit")
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
            return [_row(e) for e in session.scalars(stmt)]

    def search(
        self,
        *,
        user_login: str = "",
        entity: str = "",
        action: str = "",
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> list[AuditRow]:
        """Entries of this station, newest first; `until` is exclusive."""
        self._actor.require(Permission.VIEW_AUDIT)
        stmt = self._filtered(user_login, entity, action, since, until).limit(limit)
        with self._db.read() as session:
            return [_row(e) for e in session.scalars(stmt)]

    def refusals(
        self, *, since: dt.datetime, until: dt.datetime | None = None, at_least: int = 1
    ) -> list[RefusalCount]:
        """Refusals per login since `since` (`until` exclusive), the most refused first."""
        self._actor.require(Permission.VIEW_AUDIT)
        count = func.count()
        stmt = (
            select(AuditEntry.user_login, count, func.max(AuditEntry.at))
            .where(self._own(), AuditEntry.action.in_(REFUSAL_ACTIONS), AuditEntry.at >= since)
            .group_by(AuditEntry.user_login)
            .having(count >= at_least)
            .order_by(count.desc(), AuditEntry.user_login)
        )
        if until is not None:
            stmt = stmt.where(AuditEntry.at < until)
        with self._db.read() as session:
            return [RefusalCount(login, n, last) for login, n, last in session.execute(stmt)]

    def logins(self) -> list[str]:
        """Every login that appears in this station's log, for the user filter."""
        self._actor.require(Permission.VIEW_AUDIT)
        stmt = (
            select(AuditEntry.user_login)
            .where(self._own())
            .distinct()
            .order_by(AuditEntry.user_login)
        )
        with self._db.read() as session:
            return [login for login in session.scalars(stmt) if login]

    def export_xlsx(
        self,
        path: Path,
        *,
        user_login: str = "",
        entity: str = "",
        action: str = "",
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Write the matching entries to an Excel file and log the export; the row count.

        Cancelled between rows (ExportCancelled), it leaves no file and logs nothing.
        """
        rows = self.search(
            user_login=user_login, entity=entity, action=action, since=since, until=until
        )
        count = write_audit_log(
            path,
            (_cells(row) for row in rows),
            total=len(rows),
            progress=progress,
            is_cancelled=is_cancelled,
        )
        with self._db.write() as session:
            record(
                session,
                self._actor,
                "export",
                entity=ENTITY,
                file=path.name,
                rows=count,
                user=user_login,
                record_type=entity,
                done=action,
                since=since,
                until=until,
            )
        return count

    def _own(self) -> Any:
        return or_(AuditEntry.station_id == self._actor.station_id, AuditEntry.station_id.is_(None))

    def _filtered(
        self,
        user_login: str,
        entity: str,
        action: str,
        since: dt.datetime | None,
        until: dt.datetime | None,
    ) -> Select[AuditEntry]:
        stmt = select(AuditEntry).where(self._own()).order_by(AuditEntry.id.desc())
        if user_login:
            stmt = stmt.where(AuditEntry.user_login == user_login)
        if entity:
            stmt = stmt.where(AuditEntry.entity == entity)
        if action:
            stmt = stmt.where(AuditEntry.action == action)
        if since is not None:
            stmt = stmt.where(AuditEntry.at >= since)
        if until is not None:
            stmt = stmt.where(AuditEntry.at < until)
        return stmt


def _cells(row: AuditRow) -> tuple[str, ...]:
    return (
        row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        row.login,
        action_label(row.action),
        entity_label(row.entity),
        "" if row.entity_id is None else str(row.entity_id),
        row.text,
    )
