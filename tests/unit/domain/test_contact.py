"""Phone numbers as people type them."""

from __future__ import annotations

import pytest

from app.domain.contact import normalise_phone
from app.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678".replace("-", " "), "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("0791-12345678", "0791-12345678"),
        ("0791—12345678", "0791-12345678"),
        ("（0791）12345678", "079112345678"),
        ("12345678", "12345678"),
        ("0791-12345678-123", "0791-12345678-123"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_typed_numbers_are_folded_to_one_form(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["1381234567", "23812345678", "abc", "138123456789", "12-34"])
def test_impossible_numbers_are_refused_in_chinese(typed: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        normalise_phone(typed, field="guardian_phone")
    assert "电话号码格式不对" in raised.value.message
    assert raised.value.field == "guardian_phone"
