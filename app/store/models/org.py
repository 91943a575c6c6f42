"""Stations, their villages, users, settings and the editable code lists."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.codes import VILLAGE
from app.store import name_sort as sort_keys
from app.store.base import Base, StationOwned, Tracked, UTCDateTime


class Station(Tracked, Base):
    """A township or street social work station (社工站); the county center has no parent."""

    __tablename__ = "stations"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    county: Mapped[str] = mapped_column(String(100), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")


class Village(StationOwned, Base):
    """A village or community (村/社区) served by a station, with its service room."""

    __tablename__ = "villages"
    __table_args__ = (UniqueConstraint("station_id", "name"),)

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(8), default=VILLAGE)  # VILLAGE or COMMUNITY
    code: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)


class User(StationOwned, Base):
    __tablename__ = "users"

    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    name_sort: Mapped[str] = sort_keys.column("display_name")
    _keep_name_sort = sort_keys.follows("display_name")
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(32), default="none")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    registered_on: Mapped[dt.date | None] = mapped_column()
    """Start of the current 3-year registration period, for continuing-education hours."""
    certificate_no: Mapped[str] = mapped_column(String(40), default="")
    """The qualification certificate's number (职业资格证书); the level is `title`."""
    certified_on: Mapped[dt.date | None] = mapped_column()


class Setting(Tracked, Base):
    """A setting as JSON text; `station_id` empty means it applies to the whole database."""

    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("station_id", "key"),)

    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)


class CodeItem(Tracked, Base):
    """One entry of an editable code list (categories, disability, service modes…)."""

    __tablename__ = "code_items"
    __table_args__ = (UniqueConstraint("list_name", "code"),)

    list_name: Mapped[str] = mapped_column(String(32), index=True)
    code: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(64))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
