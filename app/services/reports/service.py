"""ReportService: the monthly, annual and targets reports of a station, and the county's
all-stations summary. Everything is computed from the records on each call, so two
generations on the same data give the same figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import project_rules
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.models import Station

from . import annual_targets, closed_months, monthly, stored
from . import definitions as defs
from .files import IsCancelled, stop_if_cancelled, write_all
from .types import (
    AnnualReport,
    CountySummary,
    FigureRow,
    KeyFigure,
    MonthColumn,
    MonthlyReport,
    Number,
    StationRef,
    StationSummary,
)

Progress = Callable[[int, int], None]


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    following = add_months(month_start(month), 1)
    return following - dt.timedelta(days=1)


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def parse_month(text: str) -> dt.date:
    """`2026-10` (or `2026-10-…`) → 2026-10-01, with a Chinese message when it is not one."""
    try:
        year, month = (int(part) for part in text.strip().split("-")[:2])
        return dt.date(year, month, 1)
    except ValueError:
        raise InvalidInput(f"月份格式应为 年-月，如 2026-10，而不是“{text}”。") from None


@logs_refusals("report")
class ReportService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today
        # A social worker's reports count their own work only (roles table: "own work").
        self._worker = actor.user_id if actor.role is Role.WORKER else None

    @property
    def scope(self) -> str:
        return f"{self._actor.display_name}个人工作" if self._worker is not None else ""

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    def _generated_at(self) -> dt.datetime:
        """Local wall time to the second, as printed on the report."""
        return self._db.clock.local_now().replace(tzinfo=None, microsecond=0)

    # ---- stations ---------------------------------------------------------------------

    @property
    def own_station_id(self) -> int:
        return self._actor.station_id

    def stations(self) -> list[StationRef]:
        """The stations the actor may report on: all of a county database for the admin."""
        self._actor.require(Permission.REPORTS)
        with self._db.read() as session:
            stmt = select(Station).order_by(Station.code)
            if self._actor.role is not Role.ADMIN:
                stmt = stmt.where(Station.id == self._actor.station_id)
            return [StationRef(s.id, s.code, s.name) for s in session.scalars(stmt)]

    def station_by_code(self, code: str) -> StationRef:
        for station in self.stations():
            if station.code.upper() == code.strip().upper():
                return station
        raise NotFound(f"没有代码为 {code} 的站点，或您无权查看该站点的报表。")

    def station_in(self, session: Session, station_id: int | None) -> StationRef:
        """The station to report on (the actor's own by default), checked, in a session."""
        return self._station(session, station_id)

    def _station(self, session: Session, station_id: int | None) -> StationRef:
        self._actor.require(Permission.REPORTS)
        sid = self._actor.station_id if station_id is None else station_id
        if sid != self._actor.station_id and self._actor.role is not Role.ADMIN:
            raise PermissionDenied("只能查看本站的报表。")
        station = session.get(Station, sid)
        if station is None:
            raise NotFound("该站点不存在。")
        return StationRef(station.id, station.code, station.name)

    # ---- targets ----------------------------------------------------------------------

    def targets(self, year: int, station_id: int | None = None) -> dict[str, Number]:
        """The year's contract targets of the station (figure key → target)."""
        with self._db.read() as session:
            station = self._station(session, station_id)
            return self._targets(session, station.id, year)

    def _targets(self, session: Session, station_id: int, year: int) -> dict[str, Number]:
        return annual_targets.read(session, station_id, year)

    def set_targets(self, year: int, values: Mapping[str, Number]) -> Changes:
        """Store the year's targets of the actor's station (its annual project); zero or
        empty removes one."""
        self._actor.require(Permission.MANAGE_SETTINGS)
        clean: dict[str, Number] = {}
        for key, value in values.items():
            if key not in project_rules.BY_KEY:
                raise InvalidInput(f"“{key}”不是可设目标的指标。", field=key)
            if value < 0:
                label = project_rules.BY_KEY[key].label
                raise InvalidInput(f"{label}的目标不能是负数。", field=key)
            if value:
                clean[key] = value
        with self._db.write() as session:
            sid = self._actor.station_id
            project_id = annual_targets.write(session, sid, year, clean, self._actor.user_id)
            if project_id is None:
                return Changes()
            stored = {k: str(v) if isinstance(v, Decimal) else int(v) for k, v in clean.items()}
            audit.record(
                session, self._actor, "update", entity="project", entity_id=project_id,
                year=year, targets=stored,
            )  # fmt: skip
        return Changes.of("project", ids=(project_id,))

    # ---- the dashboard's figures ------------------------------------------------------

    def key_figures(self, month: dt.date) -> list[KeyFigure]:
        """This month's key figures of the actor's station against last month and target."""
        month = month_start(month)
        previous = add_months(month, -1)
        with self._db.read() as session:
            station = self._station(session, None)
            sid = station.id
            windows = [(month, month_end(month)), (previous, month_end(previous))]
            counted = monthly.in_windows(session, [sid], windows)
            now = self._as_closed(session, sid, month, counted[0][sid])
            before = self._as_closed(session, sid, previous, counted[1][sid])
            targets = self._targets(session, sid, month.year)
        return [
            KeyFigure(
                key=key,
                label=defs.BY_KEY[key].label,
                value=now[key],
                previous=before[key],
                target=_monthly_share(targets.get(key)),
            )
            for key in defs.KEY_FIGURES
        ]

    # ---- monthly --------------------------------------------------------------------

    def monthly(self, month: dt.date, station_id: int | None = None) -> MonthlyReport:
        """The month's report; for a closed month (月结) the whole station's stored one.

        A social worker's own report is always counted afresh: only the station's whole
        report is closed.
        """
        month = month_start(month)
        with self._db.read() as session:
            station = self._station(session, station_id)
            if self._worker is None:
                closing = closed_months.current(session, station.id, month)
                if closing is not None:
                    return closed_months.stored_report(session, closing)
            return self.computed(session, station, month)

    def computed(self, session: Session, station: StationRef, month: dt.date) -> MonthlyReport:
        """The month counted from the records now, in the caller's session (closing uses it)."""
        from . import details, partnership, satisfaction, splits

        last = month_end(month)
        previous = add_months(month, -1)
        w = self._worker
        # The month, its year to date and (unless closed) the month before, in one pass.
        kept = self._closed(session, station.id, previous)
        windows = [(month, last), (month.replace(month=1), last)]
        if not _complete(kept):
            windows.append((previous, month_end(previous)))
        counted = [c[station.id] for c in monthly.in_windows(session, [station.id], windows, w)]
        now, ytd = counted[0], counted[1]
        before = kept if kept is not None and _complete(kept) else {**counted[-1], **(kept or {})}
        targets = self._targets(session, station.id, month.year)
        rows = tuple(
            FigureRow(
                key=f.key,
                section=f.section,
                label=f.label,
                unit=f.unit,
                value=now[f.key],
                previous=before[f.key],
                year_to_date=_year_to_date(f.key, ytd, now),
                target=targets.get(f.key),
            )
            for f in defs.FIGURES
        )
        corrections = closed_months.entered_in(session, station.id, month) if w is None else []
        return MonthlyReport(
            station=station,
            month=month,
            generated_at=self._generated_at(),
            prepared_by=self._actor.display_name,
            figures=rows,
            closed_by_reason=splits.closed_by_reason(session, station.id, month, last, w),
            splits=splits.all_splits(session, station.id, month, last, w),
            details=details.all_details(session, station.id, month, last, w),
            comparison=_comparison(rows, month),
            definitions=defs.sheet_definitions(),
            scope=self.scope,
            corrections=closed_months.notes(session, corrections),
            satisfaction=satisfaction.summary(session, station.id, month, last, w),
            partnership=partnership.section(session, station.id, month, last, w),
        )

    def county_summary(self, month: dt.date) -> CountySummary:
        """Every station's figures for the month side by side (the admin of a county)."""
        month = month_start(month)
        stations = self.stations()
        with self._db.read() as session:
            ids = [s.id for s in stations]
            values = monthly.figures(session, ids, month, month_end(month), self._worker)
            values = {sid: self._as_closed(session, sid, month, v) for sid, v in values.items()}
        return CountySummary(
            month=month,
            generated_at=self._generated_at(),
            keys=tuple(f.key for f in defs.FIGURES),
            labels=tuple(f"{f.label}（{f.unit}）" for f in defs.FIGURES),
            stations=tuple(
                StationSummary(s, tuple(values[s.id][f.key] for f in defs.FIGURES))
                for s in stations
            ),
            definitions=defs.sheet_definitions(),
        )

    def _closed(
        self, session: Session, station_id: int, month: dt.date
    ) -> dict[str, Number] | None:
        """A closed month's figures as stored (月结); None for an open month, and for a
        worker's own figures, which are never closed."""
        if self._worker is not None:
            return None
        closing = closed_months.current(session, station_id, month)
        return stored.figures(closing.figures) if closing is not None else None

    def _as_closed(
        self, session: Session, station_id: int, month: dt.date, counted: Mapping[str, Number]
    ) -> dict[str, Number]:
        """A month's figures as the station closed them (月结), over those counted now: a
        closed month is never recomputed silently. A worker's own figures are never closed."""
        # Only the figures: the stored detail lists are most of the text (30 at a time).
        return {**counted, **(self._closed(session, station_id, month) or {})}

    # ---- annual and targets ----------------------------------------------------------

    def annual(
        self, year: int, station_id: int | None = None, *, targets_only: bool = False
    ) -> AnnualReport:
        """The figures month by month, January to December, with the year's total."""
        with self._db.read() as session:
            station = self._station(session, station_id)
            months = [dt.date(year, m, 1) for m in range(1, 13)]
            kept = [self._closed(session, station.id, m) for m in months]
            # The year and its months not closed with every figure, in one pass.
            windows = [(months[0], dt.date(year, 12, 31))]
            windows += [
                (m, month_end(m)) for m, k in zip(months, kept, strict=True) if not _complete(k)
            ]
            found = monthly.in_windows(session, [station.id], windows, self._worker)
            whole = found[0]
            counted = iter(f[station.id] for f in found[1:])
            by_month = [
                k if k is not None and _complete(k) else {**next(counted), **(k or {})}
                for k in kept
            ]
            targets = self._targets(session, station.id, year)
        rows = []
        for f in defs.FIGURES:
            if targets_only and f.key not in targets:
                continue
            values = tuple(v[f.key] for v in by_month)
            rows.append(
                MonthColumn(
                    key=f.key,
                    section=f.section,
                    label=f.label.removeprefix("本月"),
                    unit=f.unit,
                    months=values,
                    total=_year_total(f.key, whole[station.id], values),
                    target=targets.get(f.key),
                )
            )
        return AnnualReport(
            station=station,
            year=year,
            generated_at=self._generated_at(),
            prepared_by=self._actor.display_name,
            rows=tuple(rows),
            targets_only=targets_only,
            definitions=defs.sheet_definitions(),
            scope=self.scope,
        )

    # ---- files ------------------------------------------------------------------------

    def write_monthly(
        self,
        month: dt.date,
        *,
        station_id: int | None = None,
        xlsx: Path | None = None,
        pdf: Path | None = None,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
    ) -> MonthlyReport:
        """Compute the month once and write the workbook and/or the PDF from it.

        `is_cancelled` is looked at between the steps; cancelled, it raises ExportCancelled
        and leaves no file.
        """
        from app.exports.report_pdf import write_monthly_pdf
        from app.exports.report_xlsx import write_monthly_xlsx

        step = _stepper(progress, 1 + bool(xlsx) + bool(pdf))
        report = self.monthly(month, station_id)
        step()
        write_all(
            [
                (xlsx, partial(write_monthly_xlsx, report)),
                (pdf, partial(write_monthly_pdf, report)),
            ],
            step=step,
            is_cancelled=is_cancelled,
        )
        self._log_export("monthly", report.station.id, f"{month:%Y-%m}", xlsx, pdf)
        return report

    def write_county(
        self, month: dt.date, xlsx: Path, *, is_cancelled: IsCancelled | None = None
    ) -> CountySummary:
        from app.exports.report_xlsx import write_county_xlsx

        summary = self.county_summary(month)
        stop_if_cancelled(is_cancelled)
        write_county_xlsx(summary, xlsx)
        self._log_export("county", None, f"{month:%Y-%m}", xlsx, None)
        return summary

    def write_annual(
        self,
        year: int,
        *,
        station_id: int | None = None,
        targets_only: bool = False,
        xlsx: Path | None = None,
        pdf: Path | None = None,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
    ) -> AnnualReport:
        """As `write_monthly`, for a year (or its targets only)."""
        from app.exports.report_pdf import write_annual_pdf
        from app.exports.report_xlsx import write_annual_xlsx

        step = _stepper(progress, 1 + bool(xlsx) + bool(pdf))
        report = self.annual(year, station_id, targets_only=targets_only)
        step()
        write_all(
            [(xlsx, partial(write_annual_xlsx, report)), (pdf, partial(write_annual_pdf, report))],
            step=step,
            is_cancelled=is_cancelled,
        )
        kind = "targets" if targets_only else "annual"
        self._log_export(kind, report.station.id, str(year), xlsx, pdf)
        return report

    def _log_export(
        self, kind: str, station_id: int | None, period: str, xlsx: Path | None, pdf: Path | None
    ) -> None:
        files = [str(p) for p in (xlsx, pdf) if p is not None]
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity="report", entity_id=station_id,
                kind=kind, period=period, files=files,
            )  # fmt: skip


def _stepper(progress: Progress | None, total: int) -> Callable[[], None]:
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    return step


def _monthly_share(target: Number | None) -> Number | None:
    if target is None:
        return None
    return (Decimal(target) / 12).quantize(Decimal("0.1"))


def _complete(kept: Mapping[str, Number] | None) -> bool:
    """A closed month that stored every figure (not one closed before some existed)."""
    return kept is not None and all(f.key in kept for f in defs.FIGURES)


def _year_to_date(key: str, ytd: Mapping[str, Number], now: Mapping[str, Number]) -> Number:
    if key in defs.STOCK_FIGURES:
        return ytd[key] if key == "cases_carried" else now[key]
    return ytd[key]


def _year_total(key: str, whole: Mapping[str, Number], months: tuple[Number, ...]) -> Number:
    """The year's value: flows over the whole year (people once), states at a month's end."""
    if key == "cases_carried":
        return months[0]
    if key in defs.STOCK_FIGURES:
        return months[-1]
    return whole[key]


def _comparison(rows: tuple[FigureRow, ...], month: dt.date) -> tuple[str, ...]:
    """Short sentences: the main flows against the month before, and the year's progress."""
    lines = []
    for row in rows:
        if row.key not in defs.KEY_FIGURES:
            continue
        change = row.value - row.previous
        if change > 0:
            trend = f"比上月增加 {change}"
        elif change < 0:
            trend = f"比上月减少 {-change}"
        else:
            trend = "与上月持平"
        line = f"{row.label}{row.value}{row.unit}，{trend}"
        if row.key not in defs.STOCK_FIGURES:
            line += f"；{month.year}年累计 {row.year_to_date}{row.unit}"
            if row.target:
                share = Decimal(row.year_to_date) * 100 / Decimal(row.target)
                line += f"，完成年度目标 {row.target} 的 {share:.1f}%"
        lines.append(line + "。")
    return tuple(lines)
