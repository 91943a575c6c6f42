"""Clients (服务对象), their households, categories over time and consent."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store import name_sort as sort_keys
from app.store.base import Base, StationOwned, UTCDateTime


class Household(StationOwned, Base):
    """A household (户). The head is one of its member clients, when registered."""

    __tablename__ = "households"

    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    head_client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", use_alter=True, ondelete="SET NULL")
    )
    head_name: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Client(StationOwned, Base):
    __tablename__ = "clients"
    __table_args__ = (
        Index("ix_clients_name_birth", "name", "birth_date"),
        Index("ix_clients_station_status_name", "station_id", "status", "name"),
        Index("ix_clients_station_name_sort", "station_id", "name_sort"),
    )

    name: Mapped[str] = mapped_column(String(64))
    name_sort: Mapped[str] = sort_keys.column("name")
    _keep_name_sort = sort_keys.follows("name")
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    sex: Mapped[str] = mapped_column(String(1), default="0")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(4), default="")
    marital_status: Mapped[str] = mapped_column(String(4), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    relation_to_head: Mapped[str] = mapped_column(String(4), default="")
    disability_type: Mapped[str] = mapped_column(String(4), default="")
    disability_grade: Mapped[str] = mapped_column(String(4), default="")
    self_care: Mapped[str] = mapped_column(String(16), default="")
    living_arrangement: Mapped[str] = mapped_column(String(16), default="")
    guardian_name: Mapped[str] = mapped_column(String(64), default="")
    guardian_relation: Mapped[str] = mapped_column(String(32), default="")
    guardian_phone: Mapped[str] = mapped_column(String(40), default="")
    risk_level: Mapped[str] = mapped_column(String(8), default="low", index=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    archived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    archive_reason: Mapped[str] = mapped_column(String(200), default="")
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")


class ClientCategory(StationOwned, Base):
    """A category a client holds from `start_date` until `end_date` (empty: still holds it)."""

    __tablename__ = "client_categories"
    __table_args__ = (Index("ix_client_categories_code_end", "category", "end_date"),)

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    benefit_amount: Mapped[str] = mapped_column(String(32), default="")


class Consent(StationOwned, Base):
    """One item of informed consent (知情同意): service, sensitive data, photos, sharing."""

    __tablename__ = "consents"
    __table_args__ = (UniqueConstraint("client_id", "item", "signed_on"),)

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(16))  # service, sensitive, photo, sharing
    granted: Mapped[bool] = mapped_column(Boolean, default=True)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    signer_name: Mapped[str] = mapped_column(String(64))
    signer_relation: Mapped[str] = mapped_column(String(32), default="本人")
    text_version: Mapped[str] = mapped_column(String(32), default="")
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
