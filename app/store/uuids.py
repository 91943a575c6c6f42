"""Row uuids: time-ordered (version 7, RFC 9562), so a table's uuid index grows at its end.

Every station-owned row carries a uuid: packages and the county's merge know a record by
it. Random (version 4) uuids land all over the unique index, so a transaction that adds
many rows dirties nearly every page of it: a station's demo records rewrote the county's
whole uuid indexes each time (the build wrote 11.5 GB for a 1.6 GB file). A version 7 uuid
starts with the Unix time in milliseconds, and within one millisecond the ids made here
count up, so new rows go to the right-hand edge of the index as an autoincrement id would.

The time in an id orders ids only; it is never read back as a time (records' times come
from the injected clock). 74 bits stay random, as RFC 9562 asks, so ids made on two PCs
(two stations) do not collide.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

_RANDOM_BITS = 74  # rand_a (12) and rand_b (62)
_LOW_MASK = (1 << 62) - 1  # rand_b


def _unix_ms() -> int:
    return time.time_ns() // 1_000_000


def _text(ms: int, rand: int) -> str:
    value = (
        ms << 80
        | 0x7 << 76  # version 7
        | (rand >> 62) << 64
        | 0b10 << 62  # the RFC 9562 variant
        | rand & _LOW_MASK
    )
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _fresh() -> int:
    """A new millisecond's random part, its top bit clear: the ids that follow in the same
    millisecond (or a batch) count up from it without running out."""
    return int.from_bytes(os.urandom(10)) >> (80 - _RANDOM_BITS + 1)


class TimeOrderedIds:
    """Uuids each above the one made before, from a millisecond clock (the system's)."""

    def __init__(self, unix_ms: Callable[[], int] = _unix_ms) -> None:
        self._unix_ms = unix_ms
        self._lock = threading.Lock()
        self._last = (0, 0)  # (milliseconds, random part) of the newest id made

    def make(self, count: int) -> list[str]:
        """`count` ids in a row, each above the one before."""
        if count <= 0:
            return []
        ms, rand = self._take(count)
        low = rand & _LOW_MASK
        if low + count > _LOW_MASK:  # rand_a steps up inside the batch: id by id
            return [_text(ms, rand + i) for i in range(count)]
        # The first 16 digits (time, version, rand_a) are the batch's; the rest count up.
        head = _text(ms, rand)[:19]
        variant = 0b10 << 62
        tails = [f"{variant | (low + i):016x}" for i in range(count)]
        return [f"{head}{t[:4]}-{t[4:]}" for t in tails]

    def _take(self, count: int) -> tuple[int, int]:
        now = self._unix_ms()
        with self._lock:
            last_ms, last_rand = self._last
            if now > last_ms:
                ms, rand = now, _fresh()
            else:  # the same millisecond, or the clock went back: count on from the last id
                ms, rand = last_ms, last_rand + 1
            if rand + count >= 1 << _RANDOM_BITS:  # counted to the top: take the next ms
                ms, rand = ms + 1, _fresh()
            self._last = (ms, rand + count - 1)
        return ms, rand


_ids = TimeOrderedIds()


def new_uuid() -> str:
    """One time-ordered uuid as text, like str(uuid.uuid4()) in form."""
    return _ids.make(1)[0]


def new_uuids(count: int) -> list[str]:
    """`count` time-ordered uuids, each above the one before (a bulk insert's)."""
    return _ids.make(count)
