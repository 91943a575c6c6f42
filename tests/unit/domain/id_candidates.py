"""Counting the ID numbers a viewer could still believe in, given what the screen shows.

An 18-digit number is address code (6) + birth date (8) + sequence (3, odd for men) +
the GB 11643 check digit. The count is exact: every address code and birth date the
viewer cannot rule out, times the sequences of the right parity that agree with the
digits shown and give a check digit that agrees with the last character shown.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from app.domain.codes import Sex
from app.domain.idnumber import age_on

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"  # indexed by the weighted sum mod 11
HIDDEN = "*"
EARLIEST = dt.date(1890, 1, 1)  # idnumber.parse refuses earlier birth dates


def check_digit(first17: str) -> str:
    return CHECK[sum(w * int(c) for w, c in zip(WEIGHTS, first17, strict=True)) % 11]


def _fits(shown: str, digits: str) -> bool:
    if set(shown) == {HIDDEN}:
        return True
    return all(s in (HIDDEN, d) for s, d in zip(shown, digits, strict=True))


@functools.lru_cache(maxsize=64)
def _sequences(shown_tail: str, sex: str) -> tuple[int, ...]:
    """For each residue of the first 14 digits' weighted sum: the sequences still possible."""
    counts = [0] * 11
    for seq in range(1000):
        digits = f"{seq:03d}"
        if not _fits(shown_tail[:3], digits):
            continue
        if (sex == Sex.MALE and seq % 2 == 0) or (sex == Sex.FEMALE and seq % 2 == 1):
            continue
        part = sum(w * int(c) for w, c in zip(WEIGHTS[14:], digits, strict=True))
        for residue in range(11):
            if shown_tail[3] in (HIDDEN, CHECK[(residue + part) % 11]):
                counts[residue] += 1
    return tuple(counts)


def born_at_age(age: int, today: dt.date) -> list[dt.date]:
    """Every birth date on which someone is `age` years old on `today`."""
    latest = dt.date(today.year - age, 12, 31)
    days = (latest - dt.date(today.year - age - 1, 1, 1)).days + 1
    dates = (latest - dt.timedelta(days=n) for n in range(days))
    return [d for d in dates if EARLIEST <= d <= today and age_on(d, today) == age]


def candidates(masked: str, *, codes: Iterable[str], born: Iterable[dt.date], sex: str) -> int:
    """How many valid 18-digit numbers agree with `masked` (`*` hides a character)."""
    if len(masked) != 18:
        raise ValueError(f"an 18-character masked number, not {masked!r}")
    tail = _sequences(masked[14:], sex)
    days = (f"{d:%Y%m%d}" for d in born)
    sums = [_weighted(ymd, 6) for ymd in days if _fits(masked[6:14], ymd)]
    total = 0
    for code in codes:
        if _fits(masked[:6], code):
            head = _weighted(code, 0)
            total += sum(tail[(head + body) % 11] for body in sums)
    return total


@functools.lru_cache(maxsize=100_000)
def _weighted(digits: str, start: int) -> int:
    """The weighted sum of `digits` standing at position `start` of the number."""
    return sum(w * int(c) for w, c in zip(WEIGHTS[start:], digits, strict=False))
