"""Data packages (数据包) between offline stations and the county, and what they need.

`package_log` is both sides' record of packages: a station's exports and the
acknowledgements it took back; the county's imports (applied or held until the gap
before them is filled, the file kept in `payload`) and the return packages it made.
`package_bases` holds, per record a station sent, the station's version last applied and
the county's version right after it: a county-side change since then makes the next
station change a conflict (`package_conflicts`) for a person to decide, field by field.
`deleted_rows` keeps the uuid of every station-owned row deleted, so a package can
carry the deletion (the app deletes rows rather than marking them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, UTCDateTime, stamp


class PackageLog(Base):
    __tablename__ = "package_log"
    __table_args__ = (UniqueConstraint("direction", "package_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))
    """export, ack (station side); import, return (county side)"""
    package_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    """The station's package number; for ack and return, the last applied one."""
    previous_id: Mapped[str] = mapped_column(String(36), default="")
    digest: Mapped[str] = mapped_column(String(64), default="")
    """SHA-256 of the package's manifest: the same id with other content is refused."""
    status: Mapped[str] = mapped_column(String(12), default="")
    """applied or held (import); empty otherwise"""
    station_uuid: Mapped[str] = mapped_column(String(36), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    """When the package was made (its manifest's time)."""
    logged_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp, onupdate=stamp)
    counts: Mapped[str] = mapped_column(Text, default="{}")
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class PackageBase(Base):
    __tablename__ = "package_bases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    station_version: Mapped[int] = mapped_column(Integer)
    county_version: Mapped[int] = mapped_column(Integer)


class PackageConflict(Base):
    __tablename__ = "package_conflicts"
    __table_args__ = (Index("ix_package_conflicts_station_status", "station_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    package_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    fields: Mapped[str] = mapped_column(Text)
    """JSON list of [field, county value, station value] that differ."""
    station_row: Mapped[str] = mapped_column(Text)
    """The station's whole row as the package had it (references by uuid)."""
    station_version: Mapped[int] = mapped_column(Integer)
    county_version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="open")
    """open, resolved, or superseded by a later package's change of the same record"""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    choices: Mapped[str] = mapped_column(Text, default="{}")


class DeletedRow(Base):
    __tablename__ = "deleted_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    deleted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp)


Index("ix_deleted_rows_station_at", DeletedRow.station_id, DeletedRow.deleted_at)
