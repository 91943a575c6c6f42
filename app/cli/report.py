"""`stationdesk report monthly|annual|close|diff`: the 月报 / 年报 / 目标完成情况 as Excel
and PDF, and the month close (月结).

The user logs in (password from STATIONDESK_PASSWORD or a prompt); the station defaults to
the user's own. `--all` (the administrator of a county database) writes every station's
month side by side in one workbook. `close` stores a month's figures as they are now
(the station head), `diff` prints what changed since with the corrections behind it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context
from app.desk import Desk, parse_month
from app.domain.errors import InvalidInput
from app.services.reports.closing_types import DiffLine
from app.services.reports.types import ClosedStamp, Number


def add_parser(subparsers: Any) -> None:
    """Add `report monthly` and `report annual` to the `stationdesk` command line."""
    report = subparsers.add_parser("report", help="报表（月报、年报、目标完成情况）")
    kinds = report.add_subparsers(dest="kind", metavar="报表", required=True)
    monthly = kinds.add_parser("monthly", help="社会工作服务月报")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-10")
    where = monthly.add_mutually_exclusive_group()
    where.add_argument("--station", metavar="CODE", help="站点代码（默认：本人所在站）")
    where.add_argument("--all", action="store_true", help="全县各站汇总（仅 Excel）")
    monthly.set_defaults(handler=run_monthly)
    annual = kinds.add_parser("annual", help="社会工作服务年报（按月）")
    annual.add_argument("--year", required=True, type=int, help="年份，如 2026")
    annual.add_argument("--station", metavar="CODE", help="站点代码（默认：本人所在站）")
    annual.add_argument("--targets", action="store_true", help="只列有年度目标的指标及完成率")
    annual.set_defaults(handler=run_annual)
    close = kinds.add_parser("close", help="月结：保存这个月的月报数字（站长、管理员）")
    close.add_argument("--note", default="", help="备注")
    close.set_defaults(handler=run_close)
    diff = kinds.add_parser("diff", help="已月结月份：月结时与现在的数字比较及更正记录")
    diff.set_defaults(handler=run_diff)
    for parser in (close, diff):
        parser.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-10")
        parser.add_argument("--station", metavar="CODE", help="站点代码（默认：本人所在站）")
    for parser in (monthly, annual, close, diff):
        parser.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
        parser.add_argument(
            "--user", required=True, help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）"
        )
    for parser in (monthly, annual):
        parser.add_argument("--xlsx", metavar="FILE.xlsx", help="保存 Excel 到哪个文件")
        parser.add_argument("--pdf", metavar="FILE.pdf", help="保存 PDF 到哪个文件")


def _files(args: argparse.Namespace) -> tuple[Path | None, Path | None]:
    if not args.xlsx and not args.pdf:
        raise InvalidInput("请用 --xlsx 和/或 --pdf 指定要保存的文件。")
    xlsx = Path(args.xlsx).with_suffix(".xlsx") if args.xlsx else None
    pdf = Path(args.pdf).with_suffix(".pdf") if args.pdf else None
    return xlsx, pdf


def run_monthly(ctx: Context) -> int:
    args = ctx.args
    month = parse_month(args.month)
    xlsx, pdf = _files(args)
    if args.all and (pdf is not None or xlsx is None):
        raise InvalidInput("全县汇总只生成 Excel：请用 --xlsx，不要用 --pdf。")
    with ctx.desk() as desk:
        reports = desk.reports
        if args.all:
            assert xlsx is not None
            summary = reports.write_county(month, xlsx)
            print(
                f"已生成 {month.year}年{month.month}月 {len(summary.stations)} 个站点的汇总：{xlsx}"
            )
            return 0
        station = reports.station_by_code(args.station).id if args.station else None
        report = reports.write_monthly(month, station_id=station, xlsx=xlsx, pdf=pdf)
    written = "、".join(str(p) for p in (xlsx, pdf) if p is not None)
    print(f"已生成《{report.title}》：{written}")
    if report.closed is not None:
        print(f"{_stamp(report.closed)}，表中为月结时的数字。")
        if report.corrected_since_close:
            print(
                f"月结后有更正 {report.corrected_since_close} 处，"
                f"可用 stationdesk report diff --month {month:%Y-%m} 查看。"
            )
    return 0


def run_annual(ctx: Context) -> int:
    args = ctx.args
    xlsx, pdf = _files(args)
    with ctx.desk() as desk:
        reports = desk.reports
        station = reports.station_by_code(args.station).id if args.station else None
        report = reports.write_annual(
            args.year, station_id=station, targets_only=args.targets, xlsx=xlsx, pdf=pdf
        )
    written = "、".join(str(p) for p in (xlsx, pdf) if p is not None)
    print(f"已生成《{report.title}》：{written}")
    return 0


def _station(desk: Desk, code: str | None) -> int | None:
    return desk.reports.station_by_code(code).id if code else None


def _stamp(closed: ClosedStamp) -> str:
    return f"已月结（{closed.closed_at:%Y-%m-%d %H:%M}，{closed.closed_by}）"


def run_close(ctx: Context) -> int:
    args = ctx.args
    month = parse_month(args.month)
    with ctx.desk() as desk:
        station = _station(desk, args.station)
        again = desk.months.status(month, station).is_closed
        status = desk.months.close(month, note=args.note, station_id=station)
    assert status.closed is not None
    print(f"{month.year}年{month.month}月{_stamp(status.closed)}。")
    if again:
        print("这个月之前已月结过：之前的月结数字保留备查，现在以这次为准。")
    return 0


def run_diff(ctx: Context) -> int:
    args = ctx.args
    month = parse_month(args.month)
    with ctx.desk() as desk:
        diff = desk.months.diff(month, _station(desk, args.station))
    print(f"{diff.station.name} {month.year}年{month.month}月{_stamp(diff.closed)}")
    changed = diff.changed
    if not changed:
        print("月结时的数字与现在按记录统计的数字一致。")
    for line in changed:
        unit = line.unit
        print(
            f"  {line.label}：月结时 {_number(line.stored)}{unit}，"
            f"现在 {_number(line.now)}{unit}，差异 {_signed(line.difference)}{unit}"
        )
        for ref in _causes(line):
            print(f"      ← {ref}")
    print(
        f"月结后的更正（{len(diff.corrections)} 处）：" if diff.corrections else "月结后没有更正。"
    )
    for c in diff.corrections:
        n = c.note
        print(f"  {n.entered_on:%Y-%m-%d} {n.by} {n.what} {n.record}：{n.reason}")
    return 0


def _causes(line: DiffLine) -> list[str]:
    return [f"{c.note.what} {c.note.record}" for c in line.corrections]


def _number(value: Number | None) -> str:
    return "0" if value is None else f"{value}"


def _signed(value: Number) -> str:
    return f"+{value}" if value > 0 else f"{value}"
