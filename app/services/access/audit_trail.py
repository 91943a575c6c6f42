"""Appending to the audit log: the hash chain, the personal column, refusals, forgetting.

Every row is chained to the one before it (app.domain.audit_chain), so `stationdesk
check` can show that nothing was edited or deleted. Personal values go to the row's
`personal` column, which anonymising clears (`forget`) without breaking the chain.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, text, update
from sqlalchemy.orm import Session

from app.domain.audit_chain import (
    GENESIS,
    ChainBreak,
    ChainedRow,
    StoredRow,
    row_hash,
    split_detail,
    to_json,
    verify,
)
from app.services.context import Actor
from app.store.engine import Database, clock_of
from app.store.models import AuditEntry
from app.store.postgres_rls import AUDIT_HEAD
from app.store.uuids import new_uuid

_LAST = "audit_last_entry"
# Any fixed number: PostgreSQL writers take this advisory lock to append one at a time.
_CHAIN_LOCK = 0x5D_A0D17
_CHUNK = 500


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
    public, personal = split_detail(detail)
    entry = AuditEntry(
        uuid=new_uuid(),
        at=clock_of(session).now(),
        user_id=actor.user_id if actor else None,
        # A failed login logs whatever was typed; PostgreSQL text cannot hold a NUL.
        user_login=actor.login if actor else login.replace("\x00", ""),
        station_id=actor.station_id if actor else station_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=to_json(public),
        personal=to_json(personal) or None,
    )
    entry.prev_hash = _chain_head(session)
    entry.hash = row_hash(entry.prev_hash, chained(entry))
    session.add(entry)
    session.info[_LAST] = (session.get_transaction(), entry)


def _chain_head(session: Session) -> str:
    """The hash of the newest row, this transaction's own unflushed rows included.

    On SQLite the write transaction began with BEGIN IMMEDIATE, so no other writer can
    append between this read and the commit. PostgreSQL has no such lock: the advisory
    lock, held to the end of the transaction, keeps the appends in id order.
    """
    # Only within one transaction: another writer may append between two of them.
    transaction, last = session.info.get(_LAST, (None, None))
    if last is not None and transaction is session.get_transaction() and last in session:
        return str(last.hash)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})
        # A station's role sees only its own rows (row-level security); the chain runs
        # through every station's, so the head comes from a function run as the owner.
        with session.no_autoflush:
            head = session.scalar(text(f"SELECT {AUDIT_HEAD}()"))
        return str(head or GENESIS)
    with session.no_autoflush:
        head = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    return head or GENESIS


def chained(entry: AuditEntry) -> ChainedRow:
    return ChainedRow(
        uuid=entry.uuid,
        at=entry.at,
        user_id=entry.user_id,
        user_login=entry.user_login,
        station_id=entry.station_id,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        detail=entry.detail,
    )


def details(entry: AuditEntry) -> dict[str, Any]:
    """The row's details with its personal values (those anonymising has not cleared)."""
    values: dict[str, Any] = json.loads(entry.detail) if entry.detail else {}
    return values | (json.loads(entry.personal) if entry.personal else {})


def record_refusal(
    db: Database,
    actor: Actor,
    message: str,
    *,
    operation: str,
    entity: str = "",
    entity_id: int | None = None,
) -> None:
    """Log a refused action in its own short transaction: the refused one is rolled back."""
    with db.write() as session:
        record(
            session, actor, "refused", entity=entity, entity_id=entity_id,
            operation=operation, message=message,
        )  # fmt: skip


def forget(
    session: Session, entity: str, ids: Sequence[int], *, needles: Collection[str] = ()
) -> None:
    """Clear the personal values of the rows about these records (anonymising).

    Rows tied to no record (a list export's search, a file name) are cleared too when
    they mention one of `needles` (the anonymised people's names and ID numbers).
    """
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            update(AuditEntry)
            .where(
                AuditEntry.entity == entity,
                AuditEntry.entity_id.in_(ids[start : start + _CHUNK]),
                AuditEntry.personal.is_not(None),
            )
            .values(personal=None)
        )
    wanted = [n for n in needles if n]
    if not wanted:
        return
    loose = select(AuditEntry.id, AuditEntry.personal).where(
        AuditEntry.entity_id.is_(None), AuditEntry.personal.is_not(None)
    )
    hits = [i for i, values in session.execute(loose) if any(n in (values or "") for n in wanted)]
    for start in range(0, len(hits), _CHUNK):
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.id.in_(hits[start : start + _CHUNK]))
            .values(personal=None)
        )


@dataclass(frozen=True)
class ChainCheck:
    rows: int
    last_hash: str
    breaks: list[ChainBreak]


def check_chain(conn: Connection) -> ChainCheck:
    """Recompute the whole chain, oldest row first (reads only)."""
    rows = 0
    last = GENESIS

    def stored() -> Iterator[StoredRow]:
        nonlocal rows, last
        t = AuditEntry.__table__
        for r in conn.execute(select(t).order_by(t.c.id)):
            rows, last = rows + 1, r.hash
            chained_row = ChainedRow(
                uuid=r.uuid, at=r.at, user_id=r.user_id, user_login=r.user_login,
                station_id=r.station_id, action=r.action, entity=r.entity,
                entity_id=r.entity_id, detail=r.detail,
            )  # fmt: skip
            yield StoredRow(r.id, chained_row, r.prev_hash, r.hash)

    breaks = verify(stored())
    return ChainCheck(rows, last, breaks)
