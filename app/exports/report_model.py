"""The reports as plain data: what the report service computes and the Excel and PDF
writers lay out. Figures are already final numbers and ID numbers already masked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

Number = int | Decimal
Cell = str | int | Decimal | dt.date | None


@dataclass(frozen=True)
class Definition:
    """A line of the 说明 sheet: what a figure (or a term) means."""

    label: str
    unit: str
    text: str


@dataclass(frozen=True)
class StationRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class FigureRow:
    """A figure of the summary: this month, the month before, and the year to date."""

    key: str
    section: str
    label: str
    unit: str
    value: Number
    previous: Number
    year_to_date: Number
    target: Number | None
    """The year's contract target for this figure, when one is set."""


@dataclass(frozen=True)
class Split:
    """A figure broken down (by village, worker or client category)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Number | None, ...]], ...]


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 12
    kind: str = "text"
    """text, date, int, decimal"""


@dataclass(frozen=True)
class Detail:
    """The records behind a figure, one row each; ID numbers already masked."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class ClosedStamp:
    """Who closed the month (月结) and when (local wall time)."""

    closed_by: str
    closed_at: dt.datetime
    note: str = ""


@dataclass(frozen=True)
class CorrectionNote:
    """A line of 更正说明: a change entered this month to an earlier, closed month."""

    month: dt.date
    """The first day of the corrected month."""
    record: str
    what: str
    """新增, 修改 or 删除"""
    reason: str
    by: str
    entered_on: dt.date


@dataclass(frozen=True)
class SatisfactionScore:
    """An item's mean score (1–5) over the month's answered surveys."""

    label: str
    average: Decimal | None
    answered: int


@dataclass(frozen=True)
class SatisfactionSubject:
    """The month's surveys of one kind of service (个案, 小组, 社区活动)."""

    label: str
    surveys: int
    answered: int
    satisfied: int
    rate: Decimal | None


@dataclass(frozen=True)
class SatisfactionSummary:
    """The month's satisfaction surveys (满意度): the rate and each item's mean score."""

    surveys: int
    answered: int
    satisfied: int
    rate: Decimal | None
    """satisfied ÷ answered in percent (one decimal); None when nobody answered."""
    scores: tuple[SatisfactionScore, ...] = ()
    by_subject: tuple[SatisfactionSubject, ...] = ()


NOT_COUNTED = "未统计"
"""Shown for a figure a closed month (月结) was stored without: it is never recounted."""


@dataclass(frozen=True)
class PartyLine:
    """五社联动: the month's events with partners of one party (or none of the five)."""

    party: str
    activities: int
    referrals: int
    resources: int
    resource_yuan: Decimal


@dataclass(frozen=True)
class DepartmentLine:
    """The month's referrals to one department, with their outcome at the month's end."""

    department: str
    referrals: int
    feedback: int
    """反馈 received by the month's end."""
    rejected: int
    waiting: int
    average_days: Decimal | None
    """Mean days from sending to 反馈, over those answered; None when none was."""


@dataclass(frozen=True)
class Partnership:
    parties: tuple[PartyLine, ...]
    departments: tuple[DepartmentLine, ...]


@dataclass(frozen=True)
class MonthlyReport:
    station: StationRef
    month: dt.date
    """The first day of the month."""
    generated_at: dt.datetime
    prepared_by: str
    figures: tuple[FigureRow, ...]
    closed_by_reason: tuple[tuple[str, int], ...]
    splits: tuple[Split, ...]
    details: tuple[Detail, ...]
    comparison: tuple[str, ...]
    """A few sentences comparing with the month before and the year to date."""
    definitions: tuple[Definition, ...] = ()
    scope: str = ""
    """Whose work, when not the whole station's (a social worker's own report)."""
    closed: ClosedStamp | None = None
    """Set when the month is closed (月结): the report is then the one stored at closing."""
    corrected_since_close: int = 0
    """How many corrections to this month were made after it was closed."""
    corrections: tuple[CorrectionNote, ...] = ()
    """更正说明: corrections to earlier closed months entered during this month."""
    satisfaction: SatisfactionSummary | None = None
    """None in a month closed before surveys were counted: shown as 未统计."""
    partnership: Partnership | None = None
    """五社联动; None in a month closed before the section existed (shown as 未统计)."""

    @property
    def title(self) -> str:
        title = f"{self.station.name} {self.month.year}年{self.month.month}月 社会工作服务月报"
        return f"{title}（{self.scope}）" if self.scope else title

    def value(self, key: str) -> Number:
        return next(f.value for f in self.figures if f.key == key)


@dataclass(frozen=True)
class MonthColumn:
    """A figure of the annual or targets report, month by month (January first)."""

    key: str
    section: str
    label: str
    unit: str
    months: tuple[Number, ...]
    total: Number
    target: Number | None


@dataclass(frozen=True)
class AnnualReport:
    station: StationRef
    year: int
    generated_at: dt.datetime
    prepared_by: str
    rows: tuple[MonthColumn, ...]
    targets_only: bool = False
    """A targets report: only figures with a target, with cumulative % done by month."""
    definitions: tuple[Definition, ...] = ()
    scope: str = ""

    @property
    def title(self) -> str:
        kind = "目标完成情况" if self.targets_only else "社会工作服务年报"
        title = f"{self.station.name} {self.year}年 {kind}"
        return f"{title}（{self.scope}）" if self.scope else title


@dataclass(frozen=True)
class StationSummary:
    """One station's figures for a month, for the county's all-stations sheet."""

    station: StationRef
    values: tuple[Number, ...]


@dataclass(frozen=True)
class CountySummary:
    month: dt.date
    generated_at: dt.datetime
    keys: tuple[str, ...]
    labels: tuple[str, ...]
    stations: tuple[StationSummary, ...]
    definitions: tuple[Definition, ...] = ()
