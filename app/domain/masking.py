"""Masking of ID numbers, phones and birth dates for lists, printouts and exports.

The rule (docs/masking.md has the reasoning and the figures). Without a reveal, anyone
sees an ID number as its first two digits (the province) and stars: `36****************`.
The birth date is shown only to who may reveal that client's full number (administrator,
station head, the client's own worker); everybody else sees the age in years. Reports,
exports and printouts without full numbers carry ages, never birth dates. Only who may
see any full number finds one by its parts in a search (`app.store.search.matching`).

Why: an 18-digit number is address code + birth date + a 3-digit sequence (odd for men)
+ a check digit. Who knows the village knows the county and so its 1-3 address codes;
sex halves the sequences to 500. The old mask `3604**********0071` kept the address code,
the sequence and the check digit; beside the birth date it left one candidate for every
client of the small demo (380 of 380 numbers rebuilt). With two digits and the age, the
birth date could be any of ~365 days: on that demo at least 365,000 candidates per client
(182,500 even if the viewer knew which of the county's two codes was used). The tests
count them (tests/unit/services/clients/test_masking_on_demo.py).
"""

from __future__ import annotations

import datetime as dt

SHOWN_ID_DIGITS = 2
"""The province. A third digit already tells a county's old code from its new one."""


def mask_id(number: str | None) -> str:
    """`360426199101010071` → `36****************`."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:SHOWN_ID_DIGITS] + "*" * (len(number) - SHOWN_ID_DIGITS)


def shown_birth_date(
    birth: dt.date | None, *, id_number: str | None, may_reveal: bool
) -> dt.date | None:
    """The birth date a viewer sees: None unless they may reveal the number it is part of.

    A client without an ID number has nothing to rebuild, so the date stays (it is also
    the only place the form keeps it).
    """
    return birth if may_reveal or not id_number else None


def mask_name(name: str | None) -> str:
    """`张桂兰` → `张**`: the surname and the length stay, so a masked list (the evidence
    pack, a printed call list that leaves the desk) still reads as people."""
    if not name:
        return ""
    name = name.strip()
    return name[:1] + "*" * (len(name) - 1)


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
