"""What the dashboard (工作台) shows besides the report's key figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class MonthCount:
    month: dt.date
    """The first day of the month."""
    count: int


@dataclass(frozen=True)
class LabelCount:
    """A slice of a chart: the code it stands for (a filter value), its label, its count."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class DashboardCharts:
    month: dt.date
    """The first day of the current month."""
    service_records: tuple[MonthCount, ...]
    """Service records (服务记录) per month, the oldest of the last 12 months first."""
    clients_by_category: tuple[LabelCount, ...]
    """Active clients per current category, the largest first; a client counts once per category."""
    open_cases_by_risk: tuple[LabelCount, ...]
    """Cases still being worked on per risk level: high, medium, low (zeros included)."""
