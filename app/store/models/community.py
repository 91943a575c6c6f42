"""Community activities (社区活动) and home visits (走访/入户探访)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned


class Activity(StationOwned, Base):
    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_station_held", "station_id", "held_on"),)

    title: Mapped[str] = mapped_column(String(200))
    activity_type: Mapped[str] = mapped_column(String(16))
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"), index=True)
    place: Mapped[str] = mapped_column(String(100), default="")
    partners: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(String(200), default="")
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"))
    """The 社工室 where it happened (app/store/models/rooms.py)."""
    participants_total: Mapped[int] = mapped_column(Integer, default=0)
    participants_elderly: Mapped[int] = mapped_column(Integer, default=0)
    participants_children: Mapped[int] = mapped_column(Integer, default=0)
    participants_disabled: Mapped[int] = mapped_column(Integer, default=0)
    participants_other: Mapped[int] = mapped_column(Integer, default=0)
    resources_used: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")


class ActivityParticipant(StationOwned, Base):
    __tablename__ = "activity_participants"
    __table_args__ = (UniqueConstraint("activity_id", "client_id"),)

    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)


class ActivityPhoto(StationOwned, Base):
    """A photo copied into the data folder under a random name that reveals nothing."""

    __tablename__ = "activity_photos"

    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(80))
    caption: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")


class Visit(StationOwned, Base):
    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_station_visited", "station_id", "visited_on"),)

    visited_on: Mapped[dt.date] = mapped_column(Date, index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"))
    """The 社工室 where it happened (app/store/models/rooms.py)."""
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"), index=True)
    visit_type: Mapped[str] = mapped_column(String(16))
    people_met: Mapped[str] = mapped_column(String(200), default="")
    duration_min: Mapped[int] = mapped_column(Integer, default=30)
    living_conditions: Mapped[str] = mapped_column(Text, default="")
    safety: Mapped[str] = mapped_column(Text, default="")
    needs_found: Mapped[str] = mapped_column(Text, default="")
    new_need_count: Mapped[int] = mapped_column(Integer, default=0)
    policies_explained: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(
        String(16), default="none"
    )  # none, open_case, refer, follow


class VisitClient(StationOwned, Base):
    __tablename__ = "visit_clients"
    __table_args__ = (UniqueConstraint("visit_id", "client_id"),)

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
