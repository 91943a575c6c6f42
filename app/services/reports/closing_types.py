"""What MonthCloseService hands out: a month's close status and the diff of a closed month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.services.context import Changes

from .types import ClosedStamp, CorrectionNote, Number, StationRef


@dataclass(frozen=True)
class MonthStatus:
    month: dt.date
    station_id: int
    closable: bool
    """The actor may close (or close anew) this month now: it is over and they have the right."""
    closed: ClosedStamp | None = None
    corrections: int = 0
    """Corrections made to the month since it was closed."""
    changes: Changes | None = None
    """What closing changed (None for a status that was only read)."""

    @property
    def is_closed(self) -> bool:
        return self.closed is not None


@dataclass(frozen=True)
class CorrectionLine:
    """A correction made to a closed month, with its 更正说明 line."""

    id: int
    entity: str
    entity_id: int
    effective_on: dt.date
    note: CorrectionNote


@dataclass(frozen=True)
class DiffLine:
    """A figure (or a breakdown's cell) as closed and as counted now."""

    key: str
    """The figure's key, or the breakdown's title."""
    label: str
    unit: str
    stored: Number | None
    now: Number | None
    difference: Number
    corrections: tuple[CorrectionLine, ...]
    """The corrections that can have moved it (empty when it did not move)."""


@dataclass(frozen=True)
class MonthDiff:
    month: dt.date
    station: StationRef
    closed: ClosedStamp
    figures: tuple[DiffLine, ...]
    """Every figure of the summary."""
    splits: tuple[DiffLine, ...]
    """Only the breakdowns' cells that differ."""
    corrections: tuple[CorrectionLine, ...]

    @property
    def changed(self) -> tuple[DiffLine, ...]:
        return tuple(line for line in self.figures if line.difference) + self.splits
