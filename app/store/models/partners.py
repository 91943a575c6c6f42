"""The partner directory (合作方): the departments, organisations, committees, enterprises,
charities and volunteer teams a station works with (五社联动).

A partner belongs to a station, or to the whole county when `station_id` is empty (a
county department every station refers to). Referrals, activity partners and linked
resources keep the name as typed and point here through a nullable `partner_id`; text no
one has matched yet stays free text (app/services/partners/).

`party` and `department` change over time and reports read them as of an event's day:
their history is in `dated_values` (subject "partner"), the current value here.

`name_sort` is the name's pinyin sort key (app/store/name_sort.py), which the directory
and the pickers order by, so reading them never loads pypinyin.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store import name_sort as sort_keys
from app.store.base import Base, StationOwned, Tracked


class Partner(Tracked, Base):
    __tablename__ = "partners"
    __table_args__ = (Index("ix_partners_station_name", "station_id", "name"),)

    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)
    """The station whose partner it is; None for a county-wide one."""
    name: Mapped[str] = mapped_column(String(100))
    name_sort: Mapped[str] = sort_keys.column("name")
    _keep_name_sort = sort_keys.follows("name")
    partner_type: Mapped[str] = mapped_column(String(24))
    """app/domain/partners.py PartnerType"""
    department: Mapped[str] = mapped_column(String(32), default="")
    """Department, for a government department; empty otherwise."""
    party: Mapped[str] = mapped_column(String(16), default="")
    """Party of 五社联动; empty for one outside the five (a government department)."""
    contact_person: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ActivityPartner(StationOwned, Base):
    """One partner of an activity: the name as the activity lists it, matched or not."""

    __tablename__ = "activity_partners"
    __table_args__ = (UniqueConstraint("activity_id", "name"),)

    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
