"""The system clock and the fixed clock that tests and back-dated entries use."""

from __future__ import annotations

import datetime as dt

from app.domain.clock import FixedClock, SystemClock


def test_the_system_clock_is_aware_utc_and_today_is_the_local_date() -> None:
    clock = SystemClock()
    before = dt.datetime.now(dt.UTC)
    now = clock.now()
    assert now.tzinfo is not None and now.utcoffset() == dt.timedelta(0)
    assert before <= now <= dt.datetime.now(dt.UTC)
    assert clock.today() in {dt.date.today(), dt.date.today() - dt.timedelta(days=1)}


def test_a_fixed_clock_stands_still_until_moved() -> None:
    clock = FixedClock(dt.datetime(2026, 10, 15, 9, 30, tzinfo=dt.UTC))
    assert clock.now() == clock.now() == dt.datetime(2026, 10, 15, 9, 30, tzinfo=dt.UTC)
    clock.advance(days=1, hours=2)
    assert clock.now() == dt.datetime(2026, 10, 16, 11, 30, tzinfo=dt.UTC)
    clock.set(dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    assert clock.now().year == 2027


def test_naive_times_and_dates_are_local() -> None:
    typed = dt.datetime(2026, 3, 1, 23, 50)  # as a user types it, in local time
    clock = FixedClock(typed)
    assert clock.now().utcoffset() == dt.timedelta(0)
    assert clock.local_now().replace(tzinfo=None) == typed
    assert clock.today() == dt.date(2026, 3, 1)
    assert FixedClock(dt.date(2026, 3, 1)).today() == dt.date(2026, 3, 1)
