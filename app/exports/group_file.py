"""The printable group file (小组工作档案): the plan, each session with its sign-in sheet, the end.

The writer knows layout only. The service hands it labelled Chinese text; each session
starts a new page so its sign-in table (签到表) can be printed and signed on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SessionPage:
    heading: str
    fields: tuple[tuple[str, str], ...]
    texts: tuple[tuple[str, str], ...]
    sign_in: tuple[tuple[str, str], ...]
    """(name, attendance) per member; the signature column is left blank for signing."""
    observations: tuple[tuple[str, str], ...] = ()
    """(name, observation) for the members something was noted about."""


@dataclass(frozen=True)
class GroupFile:
    station_name: str
    name: str
    plan: tuple[tuple[str, str], ...]
    plan_texts: tuple[tuple[str, str], ...]
    members: tuple[tuple[str, ...], ...]
    """The member roster, the header row first."""
    sessions: tuple[SessionPage, ...]
    summary: tuple[tuple[str, str], ...]
    summary_texts: tuple[tuple[str, str], ...]
    scores: tuple[tuple[str, ...], ...]
    """Pre/post scores and satisfaction per member, the header row first."""
    printed_on: dt.date
    printed_by: str


def write_group_file(data: GroupFile, path: Path) -> Path:
    # reportlab loads when something is printed, not with the window (it costs start time).
    from app.exports.group_file_pdf import write

    return write(data, path)
