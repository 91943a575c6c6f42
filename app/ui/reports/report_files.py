"""What 生成 on the 报表 page writes: the chosen report's Excel and PDF, named after the
station and the period, in the chosen folder. Runs on the task runner's worker thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import StorageError
from app.services.listing import ExportCancelled
from app.services.projects.service import ProjectService
from app.services.reports.service import ReportService
from app.services.reports.types import AnnualReport, MonthlyReport
from app.ui.reports.figures_table import Report
from app.ui.tasks import Cancelled, IsCancelled, Progress

MONTHLY, ANNUAL, TARGETS, PROJECT = "monthly", "annual", "targets", "project"
ALL_STATIONS = -1
"""The station box's value for the county's all-stations summary."""


@dataclass(frozen=True)
class Written:
    """What a generation produced: the files, and the figures to show on the page."""

    files: tuple[Path, ...]
    report: Report


@dataclass(frozen=True)
class ReportRequest:
    """The page's choices when 生成 was pressed."""

    kind: str
    station: int
    month: dt.date
    year: int
    folder: Path
    excel: bool
    pdf: bool
    project_id: int | None = None


def write_report(
    request: ReportRequest,
    reports: ReportService,
    projects: ProjectService | None,
    progress: Progress,
    is_cancelled: IsCancelled,
) -> Written:
    try:
        request.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"无法创建文件夹 {request.folder}：{exc.strerror or exc}") from exc
    try:
        if request.kind == PROJECT:
            assert projects is not None
            return _project_files(request, projects, progress)
        return _station_files(request, reports, progress, is_cancelled)
    except ExportCancelled:
        raise Cancelled() from None


def _project_files(r: ReportRequest, projects: ProjectService, progress: Progress) -> Written:
    assert r.project_id is not None
    detail = projects.get(r.project_id)
    xlsx, pdf = _paths(r, f"{detail.info.name}_{r.month:%Y年%m月}_项目进度")
    made = projects.write_progress(r.project_id, r.month, xlsx=xlsx, pdf=pdf, progress=progress)
    return Written(_present(xlsx, pdf), made)


def _station_files(
    r: ReportRequest, reports: ReportService, progress: Progress, is_cancelled: IsCancelled
) -> Written:
    if r.kind == MONTHLY and r.station == ALL_STATIONS:
        path = r.folder / f"{r.month:%Y年%m月}_各站月报汇总.xlsx"
        return Written((path,), reports.write_county(r.month, path, is_cancelled=is_cancelled))
    xlsx, pdf = _paths(r, _file_name(reports, r.station, name_part(r.kind, r.month, r.year)))
    if r.kind == MONTHLY:
        report: MonthlyReport | AnnualReport = reports.write_monthly(
            r.month, station_id=r.station, xlsx=xlsx, pdf=pdf,
            progress=progress, is_cancelled=is_cancelled,
        )  # fmt: skip
    else:
        report = reports.write_annual(
            r.year, station_id=r.station, targets_only=r.kind == TARGETS, xlsx=xlsx,
            pdf=pdf, progress=progress, is_cancelled=is_cancelled,
        )  # fmt: skip
    return Written(_present(xlsx, pdf), report)


def _paths(r: ReportRequest, name: str) -> tuple[Path | None, Path | None]:
    """The Excel and PDF files asked for (None: not wanted)."""
    return (
        r.folder / f"{name}.xlsx" if r.excel else None,
        r.folder / f"{name}.pdf" if r.pdf else None,
    )


def _present(*paths: Path | None) -> tuple[Path, ...]:
    return tuple(p for p in paths if p is not None)


def name_part(kind: str, month: dt.date, year: int) -> str:
    """The report's part of its file name."""
    if kind == MONTHLY:
        return f"{month:%Y年%m月}_社会工作服务月报"
    return f"{year}年_{'目标完成情况' if kind == TARGETS else '社会工作服务年报'}"


def _file_name(reports: ReportService, station_id: int, what: str) -> str:
    station = next((s for s in reports.stations() if s.id == station_id), None)
    name = station.name if station is not None else ""
    return f"{name}_{what}" if name else what
