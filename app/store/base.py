"""Declarative base and the columns every record carries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from app.domain.clock import Clock, SystemClock
from app.store.uuids import new_uuid

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The execution option that carries a Database's clock to the column defaults below.
CLOCK_OPTION = "stationdesk_clock"
_SYSTEM_CLOCK = SystemClock()


def stamp(context: Any) -> dt.datetime:
    """Default for the time columns: the clock of the Database whose session writes the row."""
    clock: Clock = context.execution_options.get(CLOCK_OPTION, _SYSTEM_CLOCK)
    return clock.now()


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stored as naive UTC (SQLite has no time zones), returned as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Identity:
    """Integer key for joins plus a UUID that stays the same when stations merge."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)


class Tracked(Identity):
    """Who made and last changed the row, when, and its version for optimistic locking."""

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=stamp, onupdate=stamp)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id", use_alter=True), nullable=True)

    @declared_attr
    def updated_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id", use_alter=True), nullable=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class StationOwned(Tracked):
    """A record that belongs to one station."""

    @declared_attr
    def station_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("stations.id"), index=True)
