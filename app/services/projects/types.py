"""What the project service takes and hands out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from app.exports.project_model import (
    ProgressLine,
    ProgressMonth,
    ProjectInfo,
    ProjectProgress,
)
from app.exports.report_model import Number, StationRef

__all__ = [
    "ProgressLine",
    "ProgressMonth",
    "ProjectDetail",
    "ProjectInfo",
    "ProjectInput",
    "ProjectProgress",
    "ProjectSummary",
    "TargetInput",
    "TargetView",
]


@dataclass(frozen=True)
class TargetInput:
    rule: str
    """A key of app/domain/project_rules.RULES: what the records are counted by."""
    target: Decimal
    weight: Decimal = Decimal(0)


@dataclass(frozen=True)
class ProjectInput:
    code: str
    name: str
    starts_on: dt.date
    ends_on: dt.date
    station_ids: tuple[int, ...]
    targets: tuple[TargetInput, ...] = ()
    contract_no: str = ""
    buyer: str = ""
    agency: str = ""
    amount_yuan: Decimal = Decimal(0)
    lead: str = ""
    supervisor: str = ""
    note: str = ""


@dataclass(frozen=True)
class ProjectSummary:
    id: int
    code: str
    name: str
    starts_on: dt.date
    ends_on: dt.date
    stations: tuple[str, ...]
    targets: int
    annual_year: int | None
    """Set for a station's yearly targets (设置 → 年度目标)."""


@dataclass(frozen=True)
class TargetView:
    rule: str
    label: str
    unit: str
    target: Number
    weight: Decimal


@dataclass(frozen=True)
class ProjectDetail:
    id: int
    info: ProjectInfo
    station_refs: tuple[StationRef, ...]
    targets: tuple[TargetView, ...]
    note: str
    annual_year: int | None
