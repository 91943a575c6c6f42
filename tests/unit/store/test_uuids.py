"""Row uuids are version 7 (RFC 9562) and count up, so a uuid index grows at its end."""

from __future__ import annotations

import re
import sqlite3
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from app.store.uuids import TimeOrderedIds, new_uuid, new_uuids

FORM = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _ms(value: str) -> int:
    return uuid.UUID(value).int >> 80


def test_version_7_text_with_the_time_in_milliseconds() -> None:
    before = time.time_ns() // 1_000_000
    made = new_uuid()
    after = time.time_ns() // 1_000_000
    assert FORM.fullmatch(made)
    parsed = uuid.UUID(made)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert before <= _ms(made) <= after + 1


def test_one_at_a_time_and_in_batches_each_above_the_last() -> None:
    made = [new_uuid() for _ in range(2_000)]
    made += new_uuids(5_000)
    made += [new_uuid() for _ in range(10)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)


def test_counts_on_when_the_clock_stands_still_or_goes_back() -> None:
    times = iter([1_000, 1_000, 999, 500, 1_001])
    ids = TimeOrderedIds(lambda: next(times))
    made = [ids.make(1)[0], *ids.make(3), ids.make(1)[0], *ids.make(2), ids.make(1)[0]]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    assert [_ms(v) for v in made] == [1_000] * 7 + [1_001]


def test_random_part_differs_between_makers() -> None:
    """Two PCs making ids in the same millisecond do not collide: 74 bits are random."""
    first = TimeOrderedIds(lambda: 5_000).make(100)
    second = TimeOrderedIds(lambda: 5_000).make(100)
    assert not set(first) & set(second)


def _wal_pages_of_a_batch(folder: Path, make: Callable[[int], list[str]]) -> int:
    """WAL pages written by adding 500 rows to a table of 20,000 with a unique uuid index."""
    conn = sqlite3.connect(folder / "ids.sqlite3")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE)")
    conn.executemany("INSERT INTO t (uuid) VALUES (?)", [(u,) for u in make(20_000)])
    conn.commit()
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executemany("INSERT INTO t (uuid) VALUES (?)", [(u,) for u in make(500)])
    conn.commit()
    pages = (folder / "ids.sqlite3-wal").stat().st_size // 4096
    conn.close()
    return pages


def test_a_bulk_load_appends_to_the_uuid_index(tmp_path: Path) -> None:
    """A batch after 20,000 rows touches few pages of the unique index: with random uuids
    each batch dirtied nearly all of it (the county demo rewrote its indexes each time)."""
    (tmp_path / "ordered").mkdir()
    (tmp_path / "random").mkdir()
    ordered = _wal_pages_of_a_batch(tmp_path / "ordered", new_uuids)
    scattered = _wal_pages_of_a_batch(
        tmp_path / "random", lambda n: [str(uuid.uuid4()) for _ in range(n)]
    )
    assert ordered * 5 < scattered


def test_a_batch_reads_like_ids_made_one_by_one_even_across_rand_a() -> None:
    """A batch formats its shared first digits once; where its count carries into rand_a
    it is made id by id, and either way each id is the next number up."""
    for low in (5, (1 << 62) - 3):  # far from the carry, and three ids before it
        ids = TimeOrderedIds(lambda: 7_000)
        ids._last = (7_000, (9 << 62) + low - 1)  # the next id's random part: 9 << 62 | low
        made = ids.make(6)
        numbers = [uuid.UUID(v).int for v in made]
        fields = [(n >> 80, (n >> 64) & 0xFFF, n & ((1 << 62) - 1)) for n in numbers]
        expected = [
            (7_000, (((9 << 62) + low + i) >> 62), ((9 << 62) + low + i) & ((1 << 62) - 1))
            for i in range(6)
        ]
        assert fields == expected
        assert all(FORM.fullmatch(v) for v in made)
