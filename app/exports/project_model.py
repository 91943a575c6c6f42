"""A project's progress report (项目进度) as plain data: what the project service counts
and the Excel and PDF writers lay out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from app.exports.report_model import Definition, Number


@dataclass(frozen=True)
class ProjectInfo:
    """The contract: who buys, who runs it, for how long, for which stations."""

    code: str
    name: str
    contract_no: str
    buyer: str
    agency: str
    starts_on: dt.date
    ends_on: dt.date
    amount_yuan: Decimal
    lead: str
    supervisor: str
    stations: tuple[str, ...]
    """Station names, as covered by the project."""


@dataclass(frozen=True)
class ProgressMonth:
    month: dt.date
    """The month's first day; the figures count `first` to `last` (the period clips them)."""
    first: dt.date
    last: dt.date
    closed: bool
    """Every covered station closed the month (月结): its stored figures are used."""


@dataclass(frozen=True)
class ProgressLine:
    """One target: the month-by-month actuals, the total to date and how far along it is."""

    rule: str
    label: str
    unit: str
    weight: Decimal
    target: Number
    months: tuple[Number | None, ...]
    """Each month's figure; for a rate, the month's rate (None: nothing to divide by)."""
    actual: Number | None
    """To date; for a rate, the rate of the sums (None when nobody answered yet)."""
    done: Decimal | None
    """Percent of the target reached (one decimal); None for a zero target or no rate."""
    behind: bool
    running: tuple[Number | None, ...] = ()
    """The actual to the end of each month (a rate of the sums so far, for a rate)."""


@dataclass(frozen=True)
class ProjectProgress:
    project: ProjectInfo
    month: dt.date
    """The month the report is for (its first day)."""
    as_of: dt.date
    """The day "to date" means: the month's last day, today in the current month, or the
    project's last day, whichever comes first."""
    expected: Decimal
    """Percent of the period elapsed at `as_of`: where a target on schedule would be."""
    months: tuple[ProgressMonth, ...]
    lines: tuple[ProgressLine, ...]
    score: Decimal | None
    """Weighted completion (each target counts up to 100%); None without targets."""
    generated_at: dt.datetime
    prepared_by: str
    definitions: tuple[Definition, ...]

    @property
    def title(self) -> str:
        return f"{self.project.name} 项目进度"

    @property
    def behind(self) -> tuple[ProgressLine, ...]:
        return tuple(line for line in self.lines if line.behind)
