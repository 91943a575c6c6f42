"""Group work (小组, MZ/T 095-2017): plan, members, sessions and attendance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned


class Group(StationOwned, Base):
    __tablename__ = "groups"
    __table_args__ = (Index("ix_groups_station_start", "station_id", "start_date"),)

    name: Mapped[str] = mapped_column(String(100))
    group_type: Mapped[str] = mapped_column(String(16))
    target_people: Mapped[str] = mapped_column(String(200), default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    theory_basis: Mapped[str] = mapped_column(Text, default="")
    planned_sessions: Mapped[int] = mapped_column(Integer, default=6)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(100), default="")
    budget: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    recruitment_criteria: Mapped[str] = mapped_column(Text, default="")
    evaluation_method: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="planning")  # planning, running, ended
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    scale_name: Mapped[str] = mapped_column(String(64), default="")
    satisfaction: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    goal_attainment: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class GroupFacilitator(StationOwned, Base):
    __tablename__ = "group_facilitators"
    __table_args__ = (UniqueConstraint("group_id", "user_id"),)

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    role: Mapped[str] = mapped_column(String(16), default="lead")  # lead, co


class GroupMember(StationOwned, Base):
    __tablename__ = "group_members"
    __table_args__ = (UniqueConstraint("group_id", "client_id"),)

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    pre_score: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    post_score: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    satisfaction: Mapped[int | None] = mapped_column(Integer)


class GroupSession(StationOwned, Base):
    """A session (节次); `walk_in_count` counts participants who are not registered clients."""

    __tablename__ = "group_sessions"
    __table_args__ = (
        UniqueConstraint("group_id", "number"),
        Index("ix_group_sessions_station_held", "station_id", "held_on"),
    )

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    duration_min: Mapped[int] = mapped_column(Integer, default=90)
    topic: Mapped[str] = mapped_column(String(200), default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    activities: Mapped[str] = mapped_column(Text, default="")
    dynamics: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")
    walk_in_count: Mapped[int] = mapped_column(Integer, default=0)


class GroupAttendance(StationOwned, Base):
    __tablename__ = "group_attendance"
    __table_args__ = (UniqueConstraint("session_id", "member_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("group_members.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="present")  # present, absent, left
    observation: Mapped[str] = mapped_column(Text, default="")
