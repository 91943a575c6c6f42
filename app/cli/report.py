"""`stationdesk report monthly|annual`: the 月报 / 年报 / 目标完成情况 as Excel and PDF.

The user logs in (password from STATIONDESK_PASSWORD or a prompt); the station defaults to
the user's own. `--all` (the administrator of a county database) writes every station's
month side by side in one workbook.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context
from app.desk import parse_month
from app.domain.errors import InvalidInput


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
    for parser in (monthly, annual):
        parser.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
        parser.add_argument("--xlsx", metavar="FILE.xlsx", help="保存 Excel 到哪个文件")
        parser.add_argument("--pdf", metavar="FILE.pdf", help="保存 PDF 到哪个文件")
        parser.add_argument(
            "--user", required=True, help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）"
        )


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
