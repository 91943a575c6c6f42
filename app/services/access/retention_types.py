"""Retention periods and what is due for anonymisation (到期数据)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.services.context import Changes

ANONYMISED = "已匿名"

CLOSED_CASE_YEARS_KEY = "retention.closed_case_years"
ARCHIVED_CLIENT_YEARS_KEY = "retention.archived_client_years"
VISIT_YEARS_KEY = "retention.visit_years"


class DueKind(enum.StrEnum):
    CASE = "case"
    CLIENT = "client"
    VISIT = "visit"


@dataclass(frozen=True)
class RetentionPolicy:
    """Whole years each kind of record keeps its personal details."""

    closed_case_years: int = 5  # after closure
    archived_client_years: int = 5  # after archiving
    visit_years: int = 5  # after the visit


@dataclass(frozen=True)
class DueRow:
    kind: DueKind
    id: int
    label: str  # case number, client name or the visit's village
    since: dt.date  # closed, archived or visited on


@dataclass(frozen=True)
class DueSummary:
    cutoffs: dict[DueKind, dt.date]
    counts: dict[DueKind, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Anonymised:
    counts: dict[DueKind, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def changes(self) -> Changes:
        return Changes.of("client", "case", "visit", "retention")
