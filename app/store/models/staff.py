"""Work logs, supervision, training, volunteers and linked resources."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.store import name_sort as sort_keys
from app.store.base import Base, StationOwned


class WorkLog(StationOwned, Base):
    """One worker's day (工作日志)."""

    __tablename__ = "work_logs"
    __table_args__ = (UniqueConstraint("user_id", "log_date"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    log_date: Mapped[dt.date] = mapped_column(Date, index=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class WorkLogEntry(StationOwned, Base):
    """An entry; `source_table`/`source_id` name the record it was filled in from."""

    __tablename__ = "work_log_entries"

    work_log_id: Mapped[int] = mapped_column(ForeignKey("work_logs.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    source_table: Mapped[str] = mapped_column(String(32), default="")
    source_id: Mapped[int | None] = mapped_column(Integer)


class Supervision(StationOwned, Base):
    __tablename__ = "supervisions"
    __table_args__ = (Index("ix_supervisions_station_held", "station_id", "held_on"),)

    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    supervisor_name: Mapped[str] = mapped_column(String(64), default="")
    form: Mapped[str] = mapped_column(String(16))
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    topics: Mapped[str] = mapped_column(Text, default="")
    advice: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")


class SupervisionSupervisee(StationOwned, Base):
    __tablename__ = "supervision_supervisees"
    __table_args__ = (UniqueConstraint("supervision_id", "user_id"),)

    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervisions.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)


class SupervisionCase(StationOwned, Base):
    __tablename__ = "supervision_cases"
    __table_args__ = (UniqueConstraint("supervision_id", "case_id"),)

    supervision_id: Mapped[int] = mapped_column(ForeignKey("supervisions.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))


class Training(StationOwned, Base):
    __tablename__ = "trainings"
    __table_args__ = (Index("ix_trainings_station_held", "station_id", "held_on"),)

    title: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(100), default="")
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 2))


class TrainingParticipant(StationOwned, Base):
    __tablename__ = "training_participants"
    __table_args__ = (UniqueConstraint("training_id", "user_id"),)

    training_id: Mapped[int] = mapped_column(ForeignKey("trainings.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    certificate: Mapped[bool] = mapped_column(Boolean, default=False)


class Volunteer(StationOwned, Base):
    __tablename__ = "volunteers"

    name: Mapped[str] = mapped_column(String(64))
    name_sort: Mapped[str] = sort_keys.column("name")
    _keep_name_sort = sort_keys.follows("name")
    phone: Mapped[str] = mapped_column(String(40), default="")
    id_number: Mapped[str | None] = mapped_column(String(18))
    skills: Mapped[str] = mapped_column(String(200), default="")
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class VolunteerService(StationOwned, Base):
    """Hours a volunteer gave, linked to an activity, a group session or a case."""

    __tablename__ = "volunteer_services"
    __table_args__ = (Index("ix_volunteer_services_station_served", "station_id", "served_on"),)

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id"), index=True)
    served_on: Mapped[dt.date] = mapped_column(Date, index=True)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("group_sessions.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    description: Mapped[str] = mapped_column(Text, default="")


class Resource(StationOwned, Base):
    """A resource linked (资源链接): donor, kind, value, recipient."""

    __tablename__ = "resources"
    __table_args__ = (Index("ix_resources_station_received", "station_id", "received_on"),)

    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(100))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    """The directory's partner the source is, once matched."""
    kind: Mapped[str] = mapped_column(String(16))  # cash, goods, service
    description: Mapped[str] = mapped_column(Text, default="")
    value_yuan: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"))
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"))
    receipt_ref: Mapped[str] = mapped_column(String(100), default="")
