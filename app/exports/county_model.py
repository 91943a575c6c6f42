"""The county overview (县级总览) as plain data: what the county service hands out and the
workbook writer reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.exports.report_model import Number, StationRef


@dataclass(frozen=True)
class PackageSeen:
    """The last data package (数据包) the county applied from an offline station."""

    sequence: int
    made_at: dt.datetime
    """When the station made it (its manifest's time)."""
    received_at: dt.datetime
    """When the county imported it."""
    held: int = 0
    """Later packages waiting for a missing one before them."""


@dataclass(frozen=True)
class StationOverview:
    station: StationRef
    values: tuple[Number | None, ...]
    """The key figures in the order of `CountyOverview.keys`; None: not counted (a month
    closed before the figure existed)."""
    closed_at: dt.datetime | None
    """When the month was closed (月结), None while it is open."""
    package: PackageSeen | None
    """None for a station that sends no packages (it works on the server)."""
    open_conflicts: int


@dataclass(frozen=True)
class CountyOverview:
    month: dt.date
    generated_at: dt.datetime
    keys: tuple[str, ...]
    labels: tuple[str, ...]
    """Each key figure's label with its unit: "新开个案（个）"."""
    stations: tuple[StationOverview, ...]
    totals: tuple[Number, ...]
    """The county's sum of each figure over the stations that counted it."""

    @property
    def closed(self) -> int:
        return sum(1 for s in self.stations if s.closed_at is not None)
