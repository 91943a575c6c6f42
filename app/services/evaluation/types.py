"""What the evaluation services take and return (plain dataclasses)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.evaluation import (
    Grade,
    IndicatorKind,
    RectificationStatus,
    RoundKind,
    Scorer,
    VetoRule,
)
from app.services.context import Changes

SYSTEM = "evaluation_system"
ROUND = "evaluation_round"
RECTIFICATION = "rectification"


@dataclass(frozen=True)
class ParsedIndicator:
    """One indicator read from a sheet; `path` names it and its ancestors."""

    path: tuple[str, ...]
    points: Decimal
    kind: IndicatorKind
    scorer: Scorer | None
    notes: str
    first_row: int
    last_row: int

    @property
    def level(self) -> int:
        return len(self.path)


@dataclass(frozen=True)
class ParsedSystem:
    name: str
    total_points: Decimal
    bonus_points: Decimal
    veto_rule: VetoRule
    grades: tuple[Grade, ...]
    indicators: tuple[ParsedIndicator, ...]
    """Parents before their children, in the sheet's order."""


@dataclass(frozen=True)
class Imported:
    system_id: int
    name: str
    indicators: int
    leaves: int
    total_points: Decimal
    bonus_points: Decimal
    changes: Changes


@dataclass(frozen=True)
class SystemSummary:
    id: int
    name: str
    total_points: Decimal
    bonus_points: Decimal
    indicators: int


@dataclass(frozen=True)
class IndicatorView:
    id: int
    parent_id: int | None
    level: int
    code: str
    name: str
    points: Decimal
    kind: IndicatorKind
    scorer: Scorer
    """The scorer that counts (its own or inherited)."""
    notes: str
    leaf: bool


@dataclass(frozen=True)
class SystemDetail:
    summary: SystemSummary
    veto_rule: VetoRule
    grades: tuple[Grade, ...]
    indicators: tuple[IndicatorView, ...]


@dataclass(frozen=True)
class RoundInput:
    system_id: int
    kind: RoundKind
    held_on: dt.date
    agency: str = ""
    evaluators: str = ""
    project_id: int | None = None
    note: str = ""
    station_id: int | None = None
    """The station evaluated; the actor's own when empty."""


@dataclass(frozen=True)
class ScoreInput:
    indicator_id: int
    scorer: Scorer
    score: Decimal | None
    """None removes the score."""
    comment: str = ""


@dataclass(frozen=True)
class ScoreView:
    indicator_id: int
    scorer: Scorer
    score: Decimal
    comment: str


@dataclass(frozen=True)
class RectificationView:
    id: int
    round_id: int
    station_name: str
    round_label: str
    indicator: str
    what: str
    owner: str
    due_on: dt.date
    status: RectificationStatus
    closed_on: dt.date | None
    closed_by: str
    closing_note: str
    files: tuple[str, ...]
    overdue: bool
    version: int


@dataclass(frozen=True)
class RoundSummary:
    id: int
    station_name: str
    system_name: str
    kind: RoundKind
    held_on: dt.date
    agency: str
    total: Decimal
    grade: str
    stars: int | None
    vetoed: bool
    finished: bool
    open_items: int


@dataclass(frozen=True)
class RoundDetail:
    summary: RoundSummary
    evaluators: str
    project: str
    note: str
    system: SystemDetail
    scores: tuple[ScoreView, ...]
    base: Decimal
    bonus: Decimal
    by_scorer: dict[Scorer, Decimal]
    counted: dict[int, Decimal]
    scored: int
    leaves: int
    consequence: str
    plan_due: dt.date | None
    rectifications: tuple[RectificationView, ...] = field(default=())
    version: int = 1
