"""Masking of ID numbers, phones and birth dates for lists and exports."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.masking import mask_id, mask_name, mask_phone, shown_birth_date


def test_an_id_number_keeps_only_its_province() -> None:
    assert mask_id("360426199101010071") == "36****************"


def test_the_birth_date_is_for_who_may_reveal_the_number_it_is_part_of() -> None:
    born, number = dt.date(1991, 1, 1), "360426199101010071"
    assert shown_birth_date(born, id_number=number, may_reveal=True) == born
    assert shown_birth_date(born, id_number=number, may_reveal=False) is None
    # No number, nothing to rebuild.
    assert shown_birth_date(born, id_number=None, may_reveal=False) == born
    assert shown_birth_date(born, id_number="", may_reveal=False) == born


def test_a_mobile_keeps_its_first_three_and_last_four() -> None:
    assert mask_phone("13812341234") == "138****1234"


@pytest.mark.parametrize(
    ("phone", "masked"),
    [("0791-12345678", "*********5678"), ("12345678", "****5678"), ("1234", "****"), ("", "")],
)
def test_other_phones_keep_only_their_last_four(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize("empty", [None, ""])
def test_nothing_to_mask_gives_an_empty_text(empty: str | None) -> None:
    assert mask_id(empty) == ""
    assert mask_phone(empty) == ""


def test_a_short_id_is_hidden_completely() -> None:
    assert mask_id("12345678") == "********"


@given(st.text(alphabet="0123456789X", min_size=9, max_size=18))
def test_a_masked_id_shows_two_characters_and_keeps_the_length(number: str) -> None:
    masked = mask_id(number)
    assert len(masked) == len(number)
    assert masked[:2] == number[:2]
    assert set(masked[2:]) == {"*"}


@given(st.text(alphabet="0123456789-", min_size=5, max_size=20))
def test_a_masked_phone_never_shows_more_than_seven_characters(phone: str) -> None:
    masked = mask_phone(phone)
    assert len(masked) == len(phone)
    assert len(masked) - masked.count("*") <= 7


@pytest.mark.parametrize(
    ("name", "shown"),
    [("张桂兰", "张**"), ("李四", "李*"), (" 欧阳娜娜 ", "欧***"), ("", ""), (None, "")],
)
def test_a_masked_name_keeps_the_surname_only(name: str | None, shown: str) -> None:
    assert mask_name(name) == shown
