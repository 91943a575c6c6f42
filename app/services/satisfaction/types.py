"""What the satisfaction services take and hand out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.satisfaction import Mode, Outcome, Respondent, Subject
from app.services.context import Changes
from app.services.history import NOW, When


@dataclass(frozen=True)
class SurveyInput:
    subject: Subject
    subject_id: int
    respondent: Respondent
    scores: Mapping[str, int] = field(default_factory=dict)
    """Item key → 1–5 (app/domain/satisfaction.SURVEY_ITEMS); empty when 无法回答."""
    reason: str = ""
    """Why nobody could answer (无法回答)."""
    note: str = ""
    when: When = NOW


@dataclass(frozen=True)
class SurveyView:
    id: int
    subject: Subject
    subject_id: int
    subject_label: str
    surveyed_on: dt.date
    respondent: Respondent
    scores: Mapping[str, int]
    overall: int | None
    reason: str
    note: str
    recorded_by: str


@dataclass(frozen=True)
class SubjectState:
    """Whether a survey may be recorded for a case, group or activity now, and why not."""

    ready: bool
    why_not: str
    earliest: dt.date | None
    """The first day a survey of it may be dated (the closure, last session, activity)."""
    surveys: tuple[SurveyView, ...]


@dataclass(frozen=True)
class ImportResult:
    imported: int
    errors: tuple[str, ...]
    """Chinese, one per bad row (第 N 行：…); with any, nothing was imported."""
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class RoundInput:
    name: str
    starts_on: dt.date
    ends_on: dt.date
    phone_size: int
    onsite_size: int
    seed: int | None = None
    """None: a seed is chosen and stored, so the sample can still be drawn again."""
    note: str = ""


@dataclass(frozen=True)
class AnswerInput:
    outcome: Outcome
    asked_on: dt.date | None = None
    awareness: Mapping[str, bool] = field(default_factory=dict)
    scores: Mapping[str, int] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class SampleLine:
    id: int
    position: int
    mode: Mode
    client_id: int
    name: str
    phone: str
    """Masked (138****1234)."""
    village: str
    stratum: str
    outcome: Outcome
    asked_on: dt.date | None
    awareness: Mapping[str, bool]
    aware: bool | None
    scores: Mapping[str, int]
    overall: int | None
    note: str
    version: int


@dataclass(frozen=True)
class ModeCount:
    mode: Mode
    sample: int
    answered: int
    unreachable: int
    refused: int
    pending: int


@dataclass(frozen=True)
class RoundSummary:
    answered: int
    aware: int
    awareness_rate: Decimal | None
    satisfied: int
    satisfaction_rate: Decimal | None
    averages: tuple[tuple[str, Decimal | None], ...]
    """(item label, mean score) for each satisfaction item."""
    by_mode: tuple[ModeCount, ...]


@dataclass(frozen=True)
class RoundRow:
    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    phone_size: int
    onsite_size: int
    seed: int
    finished_on: dt.date | None
    answered: int


@dataclass(frozen=True)
class RoundDetail:
    id: int
    version: int
    name: str
    station_name: str
    starts_on: dt.date
    ends_on: dt.date
    phone_size: int
    onsite_size: int
    seed: int
    finished_on: dt.date | None
    note: str
    lines: tuple[SampleLine, ...]
    summary: RoundSummary
