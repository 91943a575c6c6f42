"""Worker assessment (社工考核): its periods, the head's score items and their scale.

An assessment covers one worker for a month, a quarter or a year. Its figures are counted
from the records (app/services/assessment/figures.py); the station head adds scores on a
few items and comments. The items and the scale are data (settings, see
app/services/assessment/settings.py): these are only the defaults.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.domain.errors import InvalidInput

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
KINDS: tuple[str, ...] = (MONTH, QUARTER, YEAR)
KIND_LABELS: dict[str, str] = {MONTH: "月度", QUARTER: "季度", YEAR: "年度"}

DRAFT = "draft"
CONFIRMED = "confirmed"
STATUS_LABELS: dict[str, str] = {DRAFT: "待确认", CONFIRMED: "已确认"}


@dataclass(frozen=True)
class Period:
    """A month ("2026-10"), a quarter ("2026Q3") or a year ("2026")."""

    kind: str
    year: int
    number: int = 1
    """The month (1–12) or the quarter (1–4); 1 for a year."""

    @property
    def code(self) -> str:
        if self.kind == MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind == QUARTER:
            return f"{self.year}Q{self.number}"
        return f"{self.year}"

    @property
    def label(self) -> str:
        if self.kind == MONTH:
            return f"{self.year}年{self.number}月"
        if self.kind == QUARTER:
            return f"{self.year}年第{self.number}季度"
        return f"{self.year}年度"

    @property
    def first(self) -> dt.date:
        if self.kind == MONTH:
            return dt.date(self.year, self.number, 1)
        if self.kind == QUARTER:
            return dt.date(self.year, 3 * self.number - 2, 1)
        return dt.date(self.year, 1, 1)

    @property
    def last(self) -> dt.date:
        if self.kind == MONTH:
            after = dt.date(self.year + self.number // 12, self.number % 12 + 1, 1)
        elif self.kind == QUARTER:
            month = 3 * self.number + 1
            after = dt.date(self.year + month // 13, (month - 1) % 12 + 1, 1)
        else:
            after = dt.date(self.year + 1, 1, 1)
        return after - dt.timedelta(days=1)

    def previous(self) -> Period:
        if self.kind == YEAR or self.number == 1:
            last = {MONTH: 12, QUARTER: 4, YEAR: 1}[self.kind]
            return Period(self.kind, self.year - 1, last)
        return Period(self.kind, self.year, self.number - 1)


_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})$"), MONTH, 12),
    (re.compile(r"^(\d{4})[Qq]([1-4])$"), QUARTER, 4),
    (re.compile(r"^(\d{4})$"), YEAR, 1),
)


def parse_period(code: str) -> Period:
    """ "2026-10", "2026Q3" or "2026"; anything else is refused with the forms accepted."""
    text = code.strip()
    for pattern, kind, most in _PATTERNS:
        found = pattern.match(text)
        if found is None:
            continue
        year = int(found.group(1))
        number = int(found.group(2)) if kind != YEAR else 1
        if 2000 <= year <= 2100 and 1 <= number <= most:
            return Period(kind, year, number)
    raise InvalidInput(
        f"考核期间“{code}”无法识别：月度如 2026-10，季度如 2026Q3，年度如 2026。", field="period"
    )


def period_of(kind: str, day: dt.date) -> Period:
    """The period of `kind` that holds `day`."""
    if kind == MONTH:
        return Period(MONTH, day.year, day.month)
    if kind == QUARTER:
        return Period(QUARTER, day.year, (day.month - 1) // 3 + 1)
    if kind == YEAR:
        return Period(YEAR, day.year)
    raise InvalidInput(f"考核期间类型只能是{'、'.join(KIND_LABELS.values())}。", field="kind")


@dataclass(frozen=True)
class ScoreItem:
    key: str
    label: str


DEFAULT_ITEMS: tuple[ScoreItem, ...] = (
    ScoreItem("attitude", "工作态度"),
    ScoreItem("skill", "专业能力"),
    ScoreItem("teamwork", "团队协作"),
    ScoreItem("records", "档案规范"),
)
DEFAULT_SCALE = 5
"""Scores run from 1 to the scale's top (5: 1 差 … 5 优秀)."""
LATE_DAYS = 7
"""A record entered more than this many days after its 发生日期 counts as late (补录)."""
