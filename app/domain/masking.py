"""Masking of ID numbers and phones for lists, printouts and exports."""

from __future__ import annotations


def mask_id(number: str | None) -> str:
    """`360426199101010071` → `3604**********0071`."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """`13812341234` → `138****1234`; other numbers keep only their last four."""
    if not phone:
        return ""
    digits = phone.strip()
    if len(digits) == 11:
        return digits[:3] + "****" + digits[-4:]
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]
