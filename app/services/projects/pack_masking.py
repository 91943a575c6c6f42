"""Masking for the evidence pack (评估材料包): every client's name and every ID number in
every text that goes into the pack's files, free text included.

The writers get data already masked: `Masker.apply` walks the writer's dataclasses and
rewrites each string. A client's name anywhere in a text (a service record's content, a
sign-in sheet, a group's observations) becomes its masked form (`张**`,
app/domain/masking.py `mask_name`), an ID-number-like run of digits becomes `36****…`
and a mobile number `138****1234`. The names are those of the clients (and household
heads) of the stations the pack covers; the longest name at a place wins, so `王秀英`
is not left as `王*英` because `王秀` is a client too.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.masking import mask_id, mask_name, mask_phone
from app.store.models import Client, Household

T = TypeVar("T")

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


class Masker:
    """Rewrites strings; `Masker.none()` (a permitted user's reveal) leaves them as they are."""

    def __init__(self, names: Iterable[str], *, active: bool = True) -> None:
        self.active = active
        self._names = {n: mask_name(n) for n in (x.strip() for x in names) if len(n) >= 2}
        self._lengths = sorted({len(n) for n in self._names}, reverse=True)
        firsts = "".join(sorted({n[0] for n in self._names}))
        self._starts = re.compile(f"[{re.escape(firsts)}]") if firsts else None

    @classmethod
    def none(cls) -> Masker:
        return cls((), active=False)

    @classmethod
    def for_stations(cls, session: Session, station_ids: Iterable[int]) -> Masker:
        ids = list(station_ids)
        names = set(session.scalars(select(Client.name).where(Client.station_id.in_(ids))))
        names |= set(
            session.scalars(select(Household.head_name).where(Household.station_id.in_(ids)))
        )
        return cls(n for n in names if n)

    def text(self, value: str) -> str:
        if not self.active or not value:
            return value
        value = _ID_NUMBER.sub(lambda m: mask_id(m.group()), value)
        value = _MOBILE.sub(lambda m: mask_phone(m.group()), value)
        return self._mask_names(value)

    def _mask_names(self, value: str) -> str:
        if self._starts is None:
            return value
        parts: list[str] = []
        done = 0
        position = 0
        while (found := self._starts.search(value, position)) is not None:
            at = found.start()
            for length in self._lengths:
                masked = self._names.get(value[at : at + length])
                if masked is not None:
                    parts += [value[done:at], masked]
                    done = position = at + length
                    break
            else:
                position = at + 1
        if not parts:
            return value
        parts.append(value[done:])
        return "".join(parts)

    def apply(self, data: T) -> T:
        """`data` with every string in it masked (dataclasses, tuples, lists and dicts are
        rebuilt; paths, numbers and dates are kept)."""
        if not self.active:
            return data
        return self._walk(data)

    def _walk(self, data: Any) -> Any:
        if isinstance(data, str):
            return self.text(data)
        if dataclasses.is_dataclass(data) and not isinstance(data, type):
            changes = {
                f.name: self._walk(getattr(data, f.name))
                for f in dataclasses.fields(data)
                if f.init
            }
            return dataclasses.replace(data, **changes)
        if isinstance(data, tuple):
            return tuple(self._walk(v) for v in data)
        if isinstance(data, list):
            return [self._walk(v) for v in data]
        if isinstance(data, dict):
            return {k: self._walk(v) for k, v in data.items()}
        return data
