"""Data packages (数据包) between offline stations and the county, and what they need.

`package_log` is both sides' record of packages: a station's exports and the
acknowledgements it took back; the county's imports (applied or held until the gap
before them is filled, the file kept in `payload`) and the return packages it made.
`package_bases` holds, per record a station sent, the station's version last applied and
the county's version right after it: a county-side change since then makes the next
station change a conflict (`package_conflicts`) for a person to decide, field by field.
`package_bases.base_row` keeps the station's row as last exchanged (its data columns,
references by uuid), the common ancestor of a three-way merge field by field; a base
from before it was kept has none and compares as before. `package_decisions` is the
station's list of the county's decisions on its conflicts, taken from return packages.
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
    base_row: Mapped[str | None] = mapped_column(Text)
    """JSON of the station's row as last exchanged; None for a base kept before 0017."""


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
    merged: Mapped[str] = mapped_column(Text, default="[]")
    """JSON list of [field, side]: what merges without a person ("station": taken with
    the decision, "county": kept), shown beside the conflicting fields."""


class PackageDecision(Base):
    """A station's copy of the county's decision on one of its conflicts (return package)."""

    __tablename__ = "package_decisions"
    __table_args__ = (UniqueConstraint("package_id", "record_uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    package_id: Mapped[str] = mapped_column(String(36))
    """The station's package that brought the conflict: with the record, the decision's key."""
    entity: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36))
    fields: Mapped[str] = mapped_column(Text)
    """JSON list of [field, county value, station value, "county" or "station"]."""
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str] = mapped_column(String(12))
    """applied (the county's values taken), kept (changed here since: ours goes next),
    gone (no longer here), deleted (the county deleted the record as we had)."""
    return_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp)


class DeletedRow(Base):
    __tablename__ = "deleted_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_uuid: Mapped[str] = mapped_column(String(36))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    deleted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp)


Index("ix_deleted_rows_station_at", DeletedRow.station_id, DeletedRow.deleted_at)
