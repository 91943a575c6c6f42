"""The call list of an interview round (回访名单), to take to the phone or the village.

It leaves the desk on paper, so names and phones come already masked (张**, 138****1234);
the columns to tick are left blank for the interviewer's pen (interview_pdf.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CallRow:
    position: int
    mode: str
    name: str
    """Masked."""
    phone: str
    """Masked."""
    village: str
    stratum: str
    outcome: str


@dataclass(frozen=True)
class CallList:
    title: str
    station_name: str
    fields: tuple[tuple[str, str], ...]
    rows: tuple[CallRow, ...]
    awareness_items: tuple[str, ...]
    satisfaction_items: tuple[str, ...]
    scale: str
    prepared_by: str
