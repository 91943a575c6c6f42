"""Numbers as a reader writes them."""

from __future__ import annotations

from decimal import Decimal


def decimal_text(value: Decimal) -> str:
    """2.50 as "2.5" and 30.0 as "30": str(normalize()) would give "3E+1"."""
    return format(value.normalize(), "f")
