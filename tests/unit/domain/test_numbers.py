from decimal import Decimal

import pytest

from app.domain.numbers import decimal_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("30", "30"),
        ("30.0", "30"),
        ("100", "100"),
        ("2.50", "2.5"),
        ("0.00", "0"),
        ("62.5", "62.5"),
    ],
)
def test_decimal_text_has_no_exponent_and_no_trailing_zeros(value: str, text: str) -> None:
    assert decimal_text(Decimal(value)) == text
