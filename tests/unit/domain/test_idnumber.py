"""GB 11643 resident ID numbers: properties over generated numbers, and the refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from app.domain import idnumber
from app.domain.codes import Sex
from app.domain.errors import InvalidInput

TODAY = dt.date(2025, 6, 30)
# Address codes that python-stdnum knows (江西德安, 北京东城, 上海黄浦, 广东深圳南山).
KNOWN_PLACES = ["360426", "110101", "310101", "440305"]


def with_check_digit(body: str) -> str:
    # python-stdnum computes the digit of an 18-character number, ignoring its last one.
    return body + ric.calc_check_digit(body + "0")


@st.composite
def id_numbers(draw: st.DrawFn, *, years: tuple[int, int] = (1900, 2025)) -> tuple[str, dt.date]:
    place = draw(st.sampled_from(KNOWN_PLACES))
    birth = draw(st.dates(dt.date(years[0], 1, 1), min(dt.date(years[1], 12, 31), TODAY)))
    sequence = draw(st.integers(0, 999))
    return with_check_digit(f"{place}{birth:%Y%m%d}{sequence:03d}"), birth


def full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if ch.isascii() and ch.isalnum() else ch for ch in text)


@given(id_numbers())
def test_any_valid_number_round_trips_with_its_birth_date_and_sex(
    generated: tuple[str, dt.date],
) -> None:
    number, birth = generated
    info = idnumber.parse(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex is (Sex.MALE if int(number[16]) % 2 else Sex.FEMALE)
    assert info.warnings == ()
    assert info.place


@given(id_numbers(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_refused(
    generated: tuple[str, dt.date], position: int, replacement: str
) -> None:
    number, _ = generated
    if replacement == number[position] or (replacement == "X" and position != 17):
        return
    changed = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(InvalidInput) as raised:
        idnumber.parse(changed, today=TODAY)
    assert raised.value.field == "id_number"
    assert "身份证号" in raised.value.message


@given(id_numbers())
def test_full_width_digits_and_spaces_are_normalised(generated: tuple[str, dt.date]) -> None:
    number, _ = generated
    typed = " " + full_width(number[:6]) + "\u3000" + number[6:14] + " " + full_width(number[14:])
    assert idnumber.parse(typed, today=TODAY).number == number


@given(id_numbers(years=(1900, 1999)))
def test_fifteen_digit_old_numbers_are_upgraded(generated: tuple[str, dt.date]) -> None:
    number, birth = generated
    old = number[:6] + number[8:17]
    info = idnumber.parse(old, today=TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert any("15位" in w for w in info.warnings)


def x_number() -> str:
    for sequence in range(1000):
        number = with_check_digit(f"36042619910101{sequence:03d}")
        if number.endswith("X"):
            return number
    raise AssertionError("no sequence gives X")


@pytest.mark.parametrize("typed", ["lower", "full-width lower", "upper"])
def test_lowercase_x_is_accepted_and_stored_as_upper_case(typed: str) -> None:
    number = x_number()
    raw = {
        "lower": number[:17] + "x",
        "full-width lower": full_width(number[:17] + "x"),
        "upper": number,
    }[typed]
    assert idnumber.parse(raw, today=TODAY).number == number


def test_known_number_gives_birth_date_sex_and_place() -> None:
    info = idnumber.parse("360426199101010071", today=TODAY)
    assert info.birth_date == dt.date(1991, 1, 1)
    assert info.sex is Sex.MALE
    assert info.place == "江西省德安县"


@pytest.mark.parametrize(
    ("birth", "words"),
    [
        ("19990230", ["出生日期", "1999年2月30日", "不存在"]),
        ("19991301", ["出生日期", "不存在"]),
        ("20250229", ["出生日期", "不存在"]),
        ("20300101", ["出生日期", "2030-01-01", "不可能"]),
        ("18500101", ["出生日期", "不可能"]),
    ],
)
def test_impossible_birth_dates_are_refused_naming_the_problem(
    birth: str, words: list[str]
) -> None:
    number = with_check_digit(f"360426{birth}007")
    with pytest.raises(InvalidInput) as raised:
        idnumber.parse(number, today=TODAY)
    for word in words:
        assert word in raised.value.message


def test_a_wrong_check_digit_is_refused_naming_the_check_digit() -> None:
    with pytest.raises(InvalidInput) as raised:
        idnumber.parse("360426199101010072", today=TODAY)
    assert "校验位" in raised.value.message
    assert raised.value.detail == "校验位应为 1"


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("36042619910101007", ["18位", "17位"]),
        ("3604261991010100711", ["18位", "19位"]),
        ("36042619910101A071", ["前17位", "数字"]),
        ("36042619910101007Y", ["最后一位"]),
        ("", ["18位", "0位"]),
    ],
)
def test_malformed_numbers_are_refused_in_chinese(raw: str, words: list[str]) -> None:
    with pytest.raises(InvalidInput) as raised:
        idnumber.parse(raw, today=TODAY)
    for word in words:
        assert word in raised.value.message


def test_an_unknown_address_code_only_warns() -> None:
    number = with_check_digit("99000019910101007")
    info = idnumber.parse(number, today=TODAY)
    assert info.number == number
    assert info.place == ""
    assert len(info.warnings) == 1
    assert "地址码 990000" in info.warnings[0]


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (dt.date(1991, 1, 1), dt.date(2025, 1, 1), 34),
        (dt.date(1991, 1, 2), dt.date(2025, 1, 1), 33),
        (dt.date(2000, 2, 29), dt.date(2025, 2, 28), 24),
        (dt.date(2000, 2, 29), dt.date(2025, 3, 1), 25),
    ],
)
def test_age_counts_whole_years(birth: dt.date, day: dt.date, age: int) -> None:
    assert idnumber.age_on(birth, day) == age


def test_an_unknown_county_in_a_known_province_only_warns() -> None:
    number = with_check_digit("36999919910101007")
    info = idnumber.parse(number, today=TODAY)
    assert info.number == number
    assert "地址码 369999" in info.warnings[0]


def test_a_code_created_after_the_birth_year_is_still_known() -> None:
    # 德安县 has had 360426 since 1983; people born earlier got it when their card was issued.
    info = idnumber.parse(with_check_digit("36042619500101007"), today=TODAY)
    assert info.warnings == ()
    assert info.place == "江西省德安县"


def test_a_renamed_county_shows_its_current_name() -> None:
    assert (
        idnumber.parse(with_check_digit("12011019800101007"), today=TODAY).place == "天津市东丽区"
    )
