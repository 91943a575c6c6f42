"""The printable activity record (社区活动记录表): fields, participant figures, photos, signature.

The writer knows layout only: the service hands it labelled Chinese text and the paths of
photos already in the data folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PhotoItem:
    path: Path
    caption: str = ""


@dataclass(frozen=True)
class ActivityRecord:
    station_name: str
    title: str
    fields: tuple[tuple[str, str], ...]
    figures: tuple[tuple[str, ...], ...]
    """Participant figures, the header row first."""
    texts: tuple[tuple[str, str], ...]
    clients: tuple[tuple[str, ...], ...] = ()
    """Registered participants, the header row first; empty when none were registered."""
    volunteers: tuple[tuple[str, ...], ...] = ()
    photos: tuple[PhotoItem, ...] = ()
    printed_on: dt.date = dt.date(2000, 1, 1)
    printed_by: str = ""


def write_activity_record(data: ActivityRecord, path: Path) -> Path:
    # reportlab loads when something is printed, not with the window (it costs start time).
    from app.exports.activity_record_pdf import write

    return write(data, path)
