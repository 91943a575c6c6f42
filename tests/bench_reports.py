"""Report speed on the county demo (`python -m tests.bench_reports county.sqlite3 [YYYY-MM]`).

Prints, for the busiest month of the administrator's station: one station's monthly report
computed and written to Excel + PDF (target < 1 s), and every station's monthly summary
side by side (target < 5 s). Nothing is written to the database (no audit entries), so a
shared demo file may be used. The fastest of three runs counts (the machine is shared).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from app.exports.report_pdf import write_monthly_pdf
from app.exports.report_xlsx import write_monthly_xlsx
from app.services.reports.service import ReportService, parse_month
from app.store.engine import Database
from app.store.models import ServiceRecord
from tests.bench_export import admin_of

RUNS = 3


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


def fastest(run: object) -> float:
    assert callable(run)
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    if not argv:
        print("用法：python -m tests.bench_reports county.sqlite3 [YYYY-MM]", file=sys.stderr)
        return 2
    if not Path(argv[0]).is_file():
        print(f"没有找到数据库文件：{argv[0]}", file=sys.stderr)
        return 2
    db = Database.open(argv[0])
    try:
        actor = admin_of(db)
        reports = ReportService(db, actor)
        month = parse_month(argv[1] if len(argv) > 1 else busiest_month(db, actor.station_id))
        stations = len(reports.stations())
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder)

            def one_station() -> None:
                report = reports.monthly(month)
                write_monthly_xlsx(report, out / "month.xlsx")
                write_monthly_pdf(report, out / "month.pdf")

            single = fastest(one_station)
            county = fastest(lambda: reports.county_summary(month))
            figures = reports.monthly(month)
        print(f"月份 {month:%Y-%m}，站点 {stations} 个")
        print(
            f"一个站的月报（计算 + Excel + PDF）：{single:.2f} s（目标 < 1 s）；"
            f"服务记录 {figures.value('service_records')} 条，"
            f"在案个案 {figures.value('cases_open')} 个"
        )
        print(f"{stations} 个站的月度汇总：{county:.2f} s（目标 < 5 s）")
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
