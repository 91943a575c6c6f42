"""The candidate counter the masking tests rely on, checked against brute force."""

from __future__ import annotations

import datetime as dt
import itertools

from stdnum.cn import ric

from app.domain.codes import Sex
from app.domain.idnumber import age_on
from tests.unit.domain.id_candidates import born_at_age, candidates, check_digit

NUMBER = "360424199103170033"  # a man (sequence 003) born 17 March 1991


def test_the_check_digit_is_gb_11643s() -> None:
    assert ric.is_valid(NUMBER)
    for body in ("36042419910317003", "11010519491231002", "44052419800101001"):
        assert check_digit(body) == ric.calc_check_digit(body + "0")


def _brute_force(masked: str, codes: tuple[str, ...], sex: str) -> int:
    hidden = [i for i, ch in enumerate(masked) if ch == "*"]
    found = 0
    for digits in itertools.product("0123456789X", repeat=len(hidden)):
        chars = list(masked)
        for i, d in zip(hidden, digits, strict=True):
            chars[i] = d
        number = "".join(chars)
        if not number[:17].isdigit() or number[:6] not in codes:
            continue
        try:
            dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        except ValueError:
            continue
        male = int(number[16]) % 2 == 1
        if male != (sex == Sex.MALE) or number[17] != ric.calc_check_digit(number):
            continue
        found += 1
    return found


def test_the_count_agrees_with_trying_every_number() -> None:
    # The day of birth, the last sequence digit and the check digit hidden; a wrong county.
    masked = NUMBER[:12] + "**" + NUMBER[14:16] + "**"
    codes = ("360424", "362624")
    march = [dt.date(1991, 3, d) for d in range(1, 32)]
    expected = _brute_force(masked, codes, Sex.MALE)
    assert expected == 31 * 5  # five odd last digits, each with its one check digit
    assert candidates(masked, codes=codes, born=march, sex=Sex.MALE) == expected
    shown_check = masked[:17] + NUMBER[17]
    assert candidates(shown_check, codes=codes, born=march, sex=Sex.MALE) == _brute_force(
        shown_check, codes, Sex.MALE
    )


def test_the_old_mask_beside_the_birth_date_leaves_one_number() -> None:
    old = NUMBER[:4] + "*" * 10 + NUMBER[-4:]
    codes = ("362624", "360424")
    assert candidates(old, codes=codes, born=[dt.date(1991, 3, 17)], sex=Sex.MALE) == 1


def test_an_age_stands_for_every_birth_date_of_that_year_of_life() -> None:
    today = dt.date(2025, 3, 1)
    dates = born_at_age(34, today)
    assert min(dates) == dt.date(1990, 3, 2) and max(dates) == dt.date(1991, 3, 1)
    assert len(dates) == 365
    assert {age_on(d, today) for d in dates} == {34}
