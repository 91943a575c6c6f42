"""What the assessment service takes and hands out."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.assessment import ScoreItem
from app.exports.assessment_model import AssessmentSheet, Score, WorkerFigures

__all__ = [
    "AssessmentRow",
    "AssessmentSheet",
    "AssessmentView",
    "Scheme",
    "Score",
    "ScoreInput",
    "WorkerFigures",
]


@dataclass(frozen=True)
class Scheme:
    """The head's score items, the scale's top and the late-entry threshold (settings)."""

    items: tuple[ScoreItem, ...]
    scale: int
    late_days: int


@dataclass(frozen=True)
class ScoreInput:
    key: str
    score: int | None
    comment: str = ""


@dataclass(frozen=True)
class AssessmentRow:
    """A worker's line in the station's list for a period."""

    worker_id: int
    name: str
    title_label: str
    status: str
    """"" when nothing is saved yet, else draft or confirmed."""
    status_label: str
    total: int | None
    scale_total: int
    figures: WorkerFigures


@dataclass(frozen=True)
class AssessmentView:
    sheet: AssessmentSheet
    version: int | None
    """None: not saved yet."""
    can_edit: bool
    can_confirm: bool
