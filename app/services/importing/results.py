"""What a roster import shows and returns: mapping proposals, the preview, the result, the log."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

from app.services.context import Changes
from app.services.importing.header import FIELD_LABELS
from app.services.importing.rows import CleanRow


class Verdict(enum.StrEnum):
    NEW = "新增"
    UPDATE = "更新"
    SAME = "无变化"
    ERROR = "错误"
    DUPLICATE = "重复"


EXIT = "退出"
"""Counted beside the verdicts, not a row of the file: someone the new roster no longer lists."""
COUNT_ORDER: tuple[str, ...] = (*(v.value for v in Verdict), EXIT)
"""The order in which the counts of a preview or an import are shown."""


def column_letter(index: int) -> str:
    """Excel's name of a 0-based column: A, B, … Z, AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_name(headers: tuple[str, ...], index: int) -> str:
    """A column as the user knows it: its header, or "F列" when the header cell is blank."""
    name = headers[index] if index < len(headers) else ""
    return name or f"{column_letter(index)}列"


@dataclass(frozen=True)
class MappingProposal:
    """The header found in a sheet and the proposed column → field mapping."""

    sheet: str
    header_row: int  # 0-based index in the sheet
    headers: tuple[str, ...]
    columns: dict[int, str]
    sample: tuple[tuple[str, ...], ...] = ()  # a few data rows under the header, as text


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.label}：{self.old or '（空）'} → {self.new or '（空）'}"


@dataclass(slots=True)
class PreviewRow:
    """One data row of the roster and what importing it would do."""

    row_number: int  # as Excel numbers it (1-based)
    verdict: Verdict
    name: str
    id_masked: str
    reason: str = ""
    changes: tuple[FieldChange, ...] = ()
    values: CleanRow | None = None
    client_id: int | None = None
    original: tuple[str, ...] = ()  # kept for rows that are not imported (the error report)


@dataclass(frozen=True)
class ExitRow:
    """Someone on the previous roster of this type who is not on the new one (退出)."""

    client_id: int
    name: str
    id_masked: str
    village: str


@dataclass(frozen=True)
class Preview:
    path: Path
    file_name: str
    sha256: str
    sheet: str
    headers: tuple[str, ...]
    columns: dict[int, str]
    category: str
    category_label: str
    import_date: dt.date
    rows: tuple[PreviewRow, ...]
    exits: tuple[ExitRow, ...]
    previous_import: dt.date | None  # the last import of this roster type, if any

    def count(self, verdict: Verdict) -> int:
        return sum(1 for r in self.rows if r.verdict is verdict)

    @property
    def counts(self) -> dict[str, int]:
        counts = {v.value: self.count(v) for v in Verdict}
        counts[EXIT] = len(self.exits)
        return counts

    @property
    def matched(self) -> tuple[tuple[str, str], ...]:
        """(column, field label) for each column read, in the file's order."""
        return tuple(
            (column_name(self.headers, i), FIELD_LABELS[key])
            for i, key in sorted(self.columns.items())
        )

    @property
    def unused(self) -> tuple[str, ...]:
        """The named columns of the header that fill no field."""
        return tuple(n for i, n in enumerate(self.headers) if n and i not in self.columns)

    @property
    def importable(self) -> int:
        return sum(1 for r in self.rows if r.verdict in (Verdict.NEW, Verdict.UPDATE, Verdict.SAME))


@dataclass(frozen=True)
class ImportResult:
    batch_id: int
    counts: dict[str, int]
    changes: Changes = field(default=Changes.of("client", "household", "import"))


@dataclass(frozen=True)
class ImportLogRow:
    id: int
    at: dt.datetime
    user: str
    file_name: str
    sha256: str
    category_label: str
    import_date: dt.date
    counts: dict[str, int]
