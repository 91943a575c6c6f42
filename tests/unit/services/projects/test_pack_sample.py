"""The case sample: the same seed gives the same cases, whatever order they come in."""

from __future__ import annotations

import hashlib

from app.services.projects import pack_sample

CASES = [f"JX0426-2026-{n:04d}" for n in range(1, 61)]


def test_the_same_seed_draws_the_same_cases_in_any_order() -> None:
    first = pack_sample.draw(CASES, seed=2026, size=10)
    again = pack_sample.draw(list(reversed(CASES)), seed=2026, size=10)
    assert first == again
    assert len(first) == 10 and first == sorted(first)
    assert pack_sample.draw(CASES, seed=2027, size=10) != first


def test_the_sample_is_the_smallest_sha256_of_seed_and_case_number() -> None:
    by_hand = sorted(CASES, key=lambda no: hashlib.sha256(f"7:{no}".encode()).hexdigest())[:5]
    assert pack_sample.draw(CASES, seed=7, size=5) == sorted(by_hand)


def test_a_case_added_later_never_moves_the_others() -> None:
    drawn = set(pack_sample.draw(CASES, seed=11, size=10))
    later = set(pack_sample.draw([*CASES, "JX0426-2026-0099"], seed=11, size=10))
    assert len(drawn - later) <= 1


def test_fewer_cases_than_asked_gives_them_all() -> None:
    assert pack_sample.draw(CASES[:3], seed=1, size=10) == CASES[:3]
    assert pack_sample.draw(CASES, seed=1, size=0) == []
