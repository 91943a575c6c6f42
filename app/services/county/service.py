"""CountyService: every station's month side by side for the county (县级总览): the
monthly report's key figures (a closed month's as stored), whether the month is closed
(月结), the last data package (数据包) an offline station sent, and its open conflicts.

Each figure is one query grouped by station (app/services/reports/monthly.py), and the
closings, packages and conflicts one query each: thirty stations cost what one does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.domain.errors import PermissionDenied
from app.domain.roles import Permission, Role
from app.exports.county_model import CountyOverview, PackageSeen, StationOverview
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.services.packages.stations import APPLIED, HELD, IMPORT
from app.services.reports import definitions as defs
from app.services.reports import monthly, stored
from app.services.reports.service import ReportService, month_end, month_start
from app.services.reports.types import Number, StationRef
from app.store.engine import Database
from app.store.models import MonthClose, PackageConflict, PackageLog, Station

OPEN = "open"


def sees_county(actor: Actor) -> bool:
    """The county overview is the administrator's: the one role that sees every station."""
    return actor.role is Role.ADMIN and actor.can(Permission.REPORTS)


@logs_refusals("county")
class CountyService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def _require(self) -> None:
        if not sees_county(self._actor):
            raise PermissionDenied("县级总览只有县里的管理员可以查看。")

    def is_county(self) -> bool:
        """Whether the actor looks after several stations (a county database)."""
        if not sees_county(self._actor):
            return False
        with self._db.read() as session:
            return (session.scalar(select(func.count()).select_from(Station)) or 0) > 1

    def overview(self, month: dt.date) -> CountyOverview:
        self._require()
        month = month_start(month)
        stations = ReportService(self._db, self._actor).stations()
        ids = [s.id for s in stations]
        keys = defs.KEY_FIGURES
        with self._db.read() as session:
            counted = monthly.figures(session, ids, month, month_end(month), only=keys)
            closings = _closings(session, ids, month)
            packages = _packages(session, ids)
            conflicts = _open_conflicts(session, ids)
        rows = tuple(
            _row(s, keys, counted[s.id], closings.get(s.id), packages, conflicts) for s in stations
        )
        return CountyOverview(
            month=month,
            generated_at=self._db.clock.local_now().replace(tzinfo=None, microsecond=0),
            keys=keys,
            labels=tuple(f"{defs.BY_KEY[k].label}（{defs.BY_KEY[k].unit}）" for k in keys),
            stations=rows,
            totals=tuple(_total(r.values[i] for r in rows) for i in range(len(keys))),
        )

    def write_overview(self, month: dt.date, path: Path) -> CountyOverview:
        """The overview as an Excel workbook (the table on the page, with the county's sum)."""
        from app.exports.report_xlsx import write_county_overview_xlsx

        overview = self.overview(month)
        write_county_overview_xlsx(overview, path)
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity="report", entity_id=None,
                kind="county_overview", period=f"{overview.month:%Y-%m}", files=[str(path)],
            )  # fmt: skip
        return overview


def _row(
    station: StationRef,
    keys: Sequence[str],
    counted: Mapping[str, Number],
    closing: MonthClose | None,
    packages: Mapping[int, PackageSeen],
    conflicts: Mapping[int, int],
) -> StationOverview:
    values: Mapping[str, Number | None] = counted
    closed_at = None
    if closing is not None:
        # A closed month is never recounted; a figure it did not store yet stays empty.
        values = stored.figures(closing.figures)
        closed_at = _local(closing.created_at)
    return StationOverview(
        station=station,
        values=tuple(values.get(k) for k in keys),
        closed_at=closed_at,
        package=packages.get(station.id),
        open_conflicts=conflicts.get(station.id, 0),
    )


def _closings(session: Session, ids: list[int], month: dt.date) -> dict[int, MonthClose]:
    stmt = select(MonthClose).where(
        MonthClose.station_id.in_(ids),
        MonthClose.month == month,
        MonthClose.superseded_at.is_(None),
    )
    return {c.station_id: c for c in session.scalars(stmt)}


def _packages(session: Session, ids: list[int]) -> dict[int, PackageSeen]:
    """Each offline station's last applied package, and how many wait behind a gap."""
    imported = and_(PackageLog.direction == IMPORT, PackageLog.station_id.in_(ids))
    latest = (
        select(PackageLog.station_id, func.max(PackageLog.sequence).label("sequence"))
        .where(imported, PackageLog.status == APPLIED)
        .group_by(PackageLog.station_id)
        .subquery()
    )
    rows = session.execute(
        select(PackageLog.station_id, PackageLog.sequence, PackageLog.created_at,
               PackageLog.logged_at)
        .join(latest, and_(latest.c.station_id == PackageLog.station_id,
                           latest.c.sequence == PackageLog.sequence))
        .where(imported, PackageLog.status == APPLIED)
    ).all()  # fmt: skip
    held = dict(
        session.execute(
            select(PackageLog.station_id, func.count())
            .where(imported, PackageLog.status == HELD)
            .group_by(PackageLog.station_id)
        ).all()
    )
    return {
        sid: PackageSeen(sequence, _local(made), _local(received), held.get(sid, 0))
        for sid, sequence, made, received in rows
    }


def _open_conflicts(session: Session, ids: list[int]) -> dict[int, int]:
    stmt = (
        select(PackageConflict.station_id, func.count())
        .where(PackageConflict.station_id.in_(ids), PackageConflict.status == OPEN)
        .group_by(PackageConflict.station_id)
    )
    return dict(session.execute(stmt).all())


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


def _total(values: Iterable[Number | None]) -> Number:
    total: Number = 0
    for value in values:
        if value is not None:
            total += value
    return total
