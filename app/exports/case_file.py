"""The printable case file (个案档案): cover page, every stage's records, signature lines.

The writer knows layout only. The service hands it sections of labelled text, already
masked and in Chinese, so nothing here touches the database or decides what may be seen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Block:
    """One record: a heading, short fields two to a line, long texts, and an optional table.

    `table` rows start with the header row; `widths` are relative column widths.
    """

    heading: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    texts: tuple[tuple[str, str], ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...] = ()
    empty: str = "（无）"


@dataclass(frozen=True)
class CaseFile:
    station_name: str
    case_no: str
    cover: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    printed_on: dt.date
    printed_by: str
    title: str = "个案档案"
    signatures: tuple[str, ...] = field(default=("负责社工", "站长"))


def write_case_file(data: CaseFile, path: Path) -> Path:
    # reportlab loads when something is printed, not with the window (it costs start time).
    from app.exports.case_file_pdf import write

    return write(data, path)
