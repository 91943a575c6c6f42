"""Village and community social work rooms (社工室, Taicang's 民服室) under a station.

A room serves one or more of its station's villages (`room_villages`: a village belongs
to one room at most) and has its own staff. Which room a worker belongs to changes over
time, so it is dated history (`dated_values`, subject "user", field "room_id"; empty: the
station's own office), read as of each record's day like a client's village. A service
record, activity or visit carries the room where it happened (`room_id`, empty: none).
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned


class Room(StationOwned, Base):
    __tablename__ = "rooms"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    """A closed room stays on old records and in the history, but is offered no more."""
    sort: Mapped[int] = mapped_column(Integer, default=0)


class RoomVillage(StationOwned, Base):
    __tablename__ = "room_villages"

    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"), index=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), unique=True)
