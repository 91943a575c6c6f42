"""The satisfaction items, rates and the interview sample, without a database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain import sampling
from app.domain.errors import InvalidInput
from app.domain.masking import mask_name
from app.domain.sampling import Candidate
from app.domain.satisfaction import (
    Mode,
    Respondent,
    average,
    checked_scores,
    is_aware,
    is_satisfied,
    rate,
)


def test_rates_and_means_by_hand() -> None:
    assert rate(3, 4) == Decimal("75.0")
    assert rate(2, 3) == Decimal("66.7")
    assert rate(1, 8) == Decimal("12.5")
    assert rate(0, 0) is None  # nobody answered: no rate, not 0%
    assert average(17, 4) == Decimal("4.25")
    assert average(10, 3) == Decimal("3.33")
    assert average(0, 0) is None


def test_satisfied_from_4_and_aware_from_3_of_5() -> None:
    assert [is_satisfied(s) for s in (None, 1, 3, 4, 5)] == [False, False, False, True, True]
    assert not is_aware({"address": True, "hotline": True, "services": False})
    assert is_aware({"address": True, "hotline": True, "services": True})
    assert not is_aware({"address": True, "hotline": True, "unknown": True})


def test_scores_are_checked() -> None:
    full = {"attitude": 5, "arrangement": 4, "needs": 3, "overall": 4}
    assert checked_scores(Respondent.CLIENT, full, "") == full
    assert checked_scores(Respondent.NONE, full, "已搬离") == {}
    with pytest.raises(InvalidInput, match="原因"):
        checked_scores(Respondent.NONE, {}, " ")
    with pytest.raises(InvalidInput, match="服务安排"):
        checked_scores(Respondent.FAMILY, {**full, "arrangement": 0}, "")
    with pytest.raises(InvalidInput, match="没有名为“speed”"):
        checked_scores(Respondent.FAMILY, {**full, "speed": 5}, "")


def pool() -> list[Candidate]:
    strata = ["东村·老人"] * 30 + ["东村·儿童"] * 10 + ["西村·老人"] * 15 + ["西村·残疾"] * 5
    return [Candidate(i, s, has_phone=i % 4 != 0) for i, s in enumerate(strata, start=1)]


def test_the_same_seed_gives_the_same_sample_whatever_the_order() -> None:
    first = sampling.draw(pool(), phone=12, onsite=4, seed=2026)
    again = sampling.draw(list(reversed(pool())), phone=12, onsite=4, seed=2026)
    assert first == again
    assert first != sampling.draw(pool(), phone=12, onsite=4, seed=2027)
    assert [d.mode for d in first] == [Mode.PHONE] * 12 + [Mode.ONSITE] * 4
    assert len({d.candidate.id for d in first}) == 16
    assert all(d.candidate.has_phone for d in first if d.mode is Mode.PHONE)


def test_the_sample_follows_the_strata_sizes() -> None:
    # 60 people in strata of 30, 10, 15, 5: 12 to draw → 6, 2, 3, 1 exactly.
    shares = sampling.allocate({"a": 30, "b": 10, "c": 15, "d": 5}, 12)
    assert shares == {"a": 6, "b": 2, "c": 3, "d": 1}
    # Remainders: 10 over 3 equal strata → 4, 3, 3 (ties go in stratum order).
    assert sampling.allocate({"x": 5, "y": 5, "z": 5}, 10) == {"x": 4, "y": 3, "z": 3}
    drawn = sampling.draw(pool(), phone=0, onsite=12, seed=1)
    counts: dict[str, int] = {}
    for d in drawn:
        counts[d.candidate.stratum] = counts.get(d.candidate.stratum, 0) + 1
    assert counts == {"东村·儿童": 2, "东村·老人": 6, "西村·残疾": 1, "西村·老人": 3}


def test_a_sample_too_large_or_empty_is_refused() -> None:
    with pytest.raises(InvalidInput, match="只有 45 人"):
        sampling.draw(pool(), phone=46, onsite=0, seed=1)
    with pytest.raises(InvalidInput, match="至少"):
        sampling.draw(pool(), phone=0, onsite=0, seed=1)


def test_names_are_masked_to_the_family_name() -> None:
    assert [mask_name(n) for n in ("张桂兰", "李四", "欧阳春花", "", None)] == [
        "张**", "李*", "欧***", "", "",
    ]  # fmt: skip
