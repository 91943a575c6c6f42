"""Report speed on the county demo (`python -m tests.bench_reports county.sqlite3 [YYYY-MM]`).

For the busiest month of the administrator's station: one station's 月报 computed and
written to Excel + PDF, and the thirty stations' summary, each the fastest of three runs
(the machine is shared) taken in turns with its floor, in wall time and in this
process's CPU time (which a loaded machine does not inflate). Each beside its floor,
measured in the same run: the very SQL the report sends, run on a bare sqlite3
connection, plus the same cells through bare openpyxl `write_only` and the same lines
drawn on a bare reportlab canvas. The report writes its sheets' rows as XML itself
(app/exports/report_sheet_xml.py), so its Excel part runs under that floor's. Nothing is
written to the database (no audit entries). With `--rows FILE` the figures go to the
`make bench` table (tests/bench.py), with this process's peak memory.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from app.exports.report_pdf import write_monthly_pdf
from app.exports.report_xlsx import write_monthly_xlsx
from app.services.county.service import CountyService
from app.services.reports.service import ReportService, parse_month
from app.services.reports.types import MonthlyReport
from app.store.engine import Database
from app.store.models import ServiceRecord
from tests.bench_export import admin_of
from tests.bench_table import Row, best_s, peak_memory_mb, save


def busiest_month(db: Database, station_id: int) -> str:
    month = func.strftime("%Y-%m", ServiceRecord.served_on)
    with db.read() as session:
        found = session.execute(
            select(month, func.count())
            .where(ServiceRecord.station_id == station_id)
            .group_by(month)
            .order_by(func.count().desc())
            .limit(1)
        ).first()
    return found[0] if found else time.strftime("%Y-%m")


def statements(db: Database, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The SELECTs `run` sends, with their parameters."""
    caught: list[tuple[str, Any]] = []

    def catch(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            caught.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", catch)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", catch)
    return caught


def raw_sql(conn: sqlite3.Connection, sent: list[tuple[str, Any]]) -> Callable[[], None]:
    """The statements on a bare connection that stays open (its page cache warm, as the
    app's pooled one is)."""

    def run() -> None:
        for statement, parameters in sent:
            conn.execute(statement, parameters).fetchall()

    return run


def bare_xlsx(report: MonthlyReport, out: Path) -> None:
    """The report's cells as plain values through openpyxl alone."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("汇总")
    for f in report.figures:
        ws.append([f.section, f.label, f.unit, f.value, f.previous, f.year_to_date, f.target])
    for split in report.splits:
        for label, values in split.rows:
            ws.append([label, *values])
    for detail in report.details:
        sheet = book.create_sheet(detail.title[:31])
        for cells in detail.rows:
            sheet.append(list(cells))
    book.save(out)


def bare_pdf(report: MonthlyReport, out: Path) -> None:
    """The report's figure and split lines drawn as plain text on a reportlab canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.exports.fonts import register_cjk_font

    font = register_cjk_font()
    canvas = Canvas(str(out), pagesize=A4)
    lines = [
        "  ".join(str(v) for v in (f.label, f.unit, f.value, f.previous, f.year_to_date))
        for f in report.figures
    ]
    lines += [
        "  ".join(str(v) for v in (label, *values))
        for s in report.splits
        for label, values in s.rows
    ]
    y = 800.0
    canvas.setFont(font, 9)
    for line in lines:
        if y < 40:
            canvas.showPage()
            canvas.setFont(font, 9)
            y = 800.0
        canvas.drawString(40, y, line)
        y -= 12
    canvas.save()


def best_side_by_side(
    call: Callable[[], object], floor: Callable[[], object], runs: int = 3
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The fastest of `runs` of each, taken in turns: on a shared machine a burst of load
    then slows both alike, and their ratio holds better than from two runs apart. Wall
    time (call, floor) and this process's CPU time (call, floor): on a loaded machine the
    CPU time still says what the work costs."""
    wall = [float("inf"), float("inf")]
    cpu = [float("inf"), float("inf")]
    for _ in range(runs):
        for n, run in enumerate((call, floor)):
            started, used = time.perf_counter(), time.process_time()
            run()
            wall[n] = min(wall[n], time.perf_counter() - started)
            cpu[n] = min(cpu[n], time.process_time() - used)
    return (wall[0], wall[1]), (cpu[0], cpu[1])


def measure(db_path: Path, month_text: str | None = None) -> list[Row]:
    db = Database.open(db_path)
    try:
        actor = admin_of(db)
        reports = ReportService(db, actor)
        month = parse_month(month_text or busiest_month(db, actor.station_id))
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)

            def one_station() -> None:
                report = reports.monthly(month)
                write_monthly_xlsx(report, out / "month.xlsx")
                write_monthly_pdf(report, out / "month.pdf")

            report = reports.monthly(month)
            raw = sqlite3.connect(db_path)
            single_sql = raw_sql(raw, statements(db, lambda: reports.monthly(month)))
            county_sql = raw_sql(raw, statements(db, lambda: reports.county_summary(month)))

            def single_floor() -> None:
                single_sql()
                bare_xlsx(report, out / "bare.xlsx")
                bare_pdf(report, out / "bare.pdf")

            (single, single_bare), single_cpu = best_side_by_side(one_station, single_floor)
            (county, county_bare), county_cpu = best_side_by_side(
                lambda: reports.county_summary(month), county_sql
            )
            overview = CountyService(db, actor)
            overview_sql = raw_sql(raw, statements(db, lambda: overview.overview(month)))
            county_view = best_s(lambda: overview.overview(month))
            county_view_bare = best_s(overview_sql)
            raw.close()
        stations = len(reports.stations())
    finally:
        db.dispose()
    records = report.value("service_records")
    return [
        Row(
            f"one station 月报 xlsx+pdf ({month:%Y-%m}, {records:,} service records)",
            single,
            "s",
            single_bare,
            "< 0.5 s",
            single < 0.5,
        ),
        Row("the same 月报, CPU time", single_cpu[0], "s", single_cpu[1]),
        Row(f"{stations}-station summary", county, "s", county_bare, "< 1 s", county < 1),
        Row("the same summary, CPU time", county_cpu[0], "s", county_cpu[1]),
        Row(
            f"县级总览, {stations} stations",
            county_view,
            "s",
            county_view_bare,
            "< 0.5 s",
            county_view < 0.5,
        ),
        Row("peak RSS, 月报 and summary process", peak_memory_mb(), "MB"),
    ]


def main(argv: list[str]) -> int:
    rows_file = None
    if "--rows" in argv:
        at = argv.index("--rows")
        rows_file = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    if not argv or not Path(argv[0]).is_file():
        print("用法：python -m tests.bench_reports county.sqlite3 [YYYY-MM]", file=sys.stderr)
        return 2
    rows = measure(Path(argv[0]), argv[1] if len(argv) > 1 else None)
    if rows_file is not None:
        save(rows, rows_file)
    else:
        from tests.bench_table import render

        print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
