"""The evidence pack's own documents (评估材料包): its table of contents and the record
books it prints (督导与培训记录), as labelled sections like the case file's.

The writer knows layout only: the service hands it Chinese text already masked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.exports.case_file import Block, Section

__all__ = ["Block", "PackDocument", "Section", "write_pack_document"]


@dataclass(frozen=True)
class PackDocument:
    station_name: str
    title: str
    subtitle: str
    cover: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    printed_on: dt.date
    printed_by: str
    note: str = ""
    """Printed under the cover's fields (how the sample was drawn, what is masked)."""


def write_pack_document(data: PackDocument, path: Path) -> Path:
    # reportlab loads when something is printed, not with the window (it costs start time).
    from app.exports.pack_pdf import write

    return write(data, path)
