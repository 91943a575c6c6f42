"""What the report service hands out: the reports (plain data shared with the writers,
see app/exports/report_model.py) and the dashboard's key figures."""

from __future__ import annotations

from dataclasses import dataclass

from app.exports.report_model import (
    AnnualReport,
    Cell,
    ClosedStamp,
    Column,
    CorrectionNote,
    CountySummary,
    Definition,
    Detail,
    FigureRow,
    MonthColumn,
    MonthlyReport,
    Number,
    Split,
    StationRef,
    StationSummary,
)

__all__ = [
    "AnnualReport",
    "Cell",
    "ClosedStamp",
    "Column",
    "CorrectionNote",
    "CountySummary",
    "Definition",
    "Detail",
    "FigureRow",
    "KeyFigure",
    "MonthColumn",
    "MonthlyReport",
    "Number",
    "Split",
    "StationRef",
    "StationSummary",
]


@dataclass(frozen=True)
class KeyFigure:
    """One of the dashboard's figures for the current month of the actor's station."""

    key: str
    label: str
    value: Number
    previous: Number
    """The same figure for the month before."""
    target: Number | None
    """This month's share of the year's contract target (the year's target / 12), if set."""
