"""The printable story of a client (服务经历): who, then every event in one table.

Layout only: the service hands over labelled text, already masked and in Chinese.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoryFile:
    station_name: str
    client_name: str
    cover: tuple[tuple[str, str], ...]
    rows: tuple[tuple[str, str, str, str], ...]
    """发生日期, kind, title, summary; newest first."""
    printed_on: dt.date
    printed_by: str
    scope: str = ""
    """What a filtered story holds (empty: everything)."""
    title: str = "服务经历"


def write_client_story(data: StoryFile, path: Path) -> Path:
    # reportlab loads when something is printed, not with the window (it costs start time).
    from app.exports.client_story_pdf import write

    return write(data, path)
