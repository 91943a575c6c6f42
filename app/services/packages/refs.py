"""Between uuids and the local integer ids, in chunks, with a cache per table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.base import Base

# Within both engines' limits on bound parameters (SQLite 32,766; PostgreSQL 65,535).
CHUNK = 5_000
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def table(name: str) -> Any:
    return Base.metadata.tables[name]


class Uuids:
    """id → uuid of the rows a package refers to (export side)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[str, dict[int, str]] = {}

    def load(self, name: str, ids: Iterable[int]) -> None:
        known = self._known.setdefault(name, {})
        wanted = sorted({i for i in ids if i is not None and i not in known})
        t = table(name)
        for part in chunks(wanted):
            rows = self._session.execute(select(t.c.id, t.c.uuid).where(t.c.id.in_(part)))
            known.update({i: u for i, u in rows})

    def of(self, name: str | None, row_id: int | None) -> str | None:
        if name is None or row_id is None:
            return None
        return self._known.get(name, {}).get(row_id)


class Ids:
    """uuid → id of the rows a package refers to (import side)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[str, dict[str, int]] = {}

    def load(self, name: str, uuids: Iterable[str | None]) -> None:
        known = self._known.setdefault(name, {})
        wanted = sorted({u for u in uuids if u and u not in known})
        t = table(name)
        for part in chunks(wanted):
            rows = self._session.execute(select(t.c.uuid, t.c.id).where(t.c.uuid.in_(part)))
            known.update({u: i for u, i in rows})

    def load_station(self, name: str, station_id: int) -> None:
        """Every row of the table that belongs to the station (after inserting many)."""
        t = table(name)
        rows = self._session.execute(select(t.c.uuid, t.c.id).where(t.c.station_id == station_id))
        self._known.setdefault(name, {}).update({u: i for u, i in rows})

    def add(self, name: str, mapping: dict[str, int]) -> None:
        self._known.setdefault(name, {}).update(mapping)

    def of(self, name: str | None, uuid: str | None) -> int | None:
        if name is None or not uuid:
            return None
        return self._known.get(name, {}).get(uuid)
