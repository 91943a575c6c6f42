"""Where the app's time comes from: the system clock, or a fixed one for tests and 补录.

Services read the clock from the `Database` they are given, so a test or a back-dated
entry sets the time once instead of patching module globals. `now()` is aware UTC (what
the database stores); `today()` is the local calendar date (what the user sees).
"""

from __future__ import annotations

import abc
import datetime as dt


class Clock(abc.ABC):
    """The current moment; `today()` and `local_now()` follow from `now()`."""

    @abc.abstractmethod
    def now(self) -> dt.datetime:
        """The current moment as an aware UTC datetime."""

    def local_now(self) -> dt.datetime:
        """The current moment in the computer's time zone (aware)."""
        return self.now().astimezone()

    def today(self) -> dt.date:
        """The local calendar date."""
        return self.local_now().date()


class SystemClock(Clock):
    """The computer's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock(Clock):
    """A clock that stands still until it is set or advanced.

    A naive datetime is taken as local time, as a user would type it.
    """

    def __init__(self, at: dt.datetime | dt.date) -> None:
        self._at = _aware(at)

    def now(self) -> dt.datetime:
        return self._at

    def set(self, at: dt.datetime | dt.date) -> None:
        self._at = _aware(at)

    def advance(
        self, *, days: float = 0, hours: float = 0, minutes: float = 0, seconds: float = 0
    ) -> None:
        self._at += dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)

    def __repr__(self) -> str:
        return f"FixedClock({self._at.isoformat()})"


def _aware(at: dt.datetime | dt.date) -> dt.datetime:
    if not isinstance(at, dt.datetime):
        # A bare date means that day's local noon: far from midnight in every time zone.
        at = dt.datetime.combine(at, dt.time(12))
    return at.astimezone(dt.UTC)
