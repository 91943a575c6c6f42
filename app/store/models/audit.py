"""The audit log and the log of roster imports."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Identity, StationOwned, UTCDateTime, stamp


class AuditEntry(Identity, Base):
    """Who did what to which record. Append-only: never updated, so it has no version.

    The one exception is `personal`, which anonymising clears; the hash chain
    (`prev_hash`, `hash`, see app.domain.audit_chain) covers every other column but `id`.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    user_login: Mapped[str] = mapped_column(String(64), default="")
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    action: Mapped[str] = mapped_column(String(32), index=True)
    entity: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON
    personal: Mapped[str | None] = mapped_column(Text)  # JSON; names, ID numbers, free text
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class ImportBatch(StationOwned, Base):
    """One roster import: file, hash, what it granted and the counts."""

    __tablename__ = "import_batches"

    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    roster_type: Mapped[str] = mapped_column(String(32))
    import_date: Mapped[dt.date] = mapped_column()
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON
