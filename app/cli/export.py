"""`stationdesk export LIST`: a list (clients, cases…) to Excel from the command line.

The user logs in (password from STATIONDESK_PASSWORD or a prompt) and the export runs
with their role: ID numbers and phones are masked unless `--full-ids` is given with a
`--reason` and the role may see them; every export is written to the audit log.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context
from app.services.lists.service import ListExportService


def add_parser(subparsers: Any) -> None:
    """Add `export` to the `stationdesk` command line."""
    lists = ListExportService.lists()
    shown = "，".join(f"{key}={title}" for key, title in lists.items())
    export = subparsers.add_parser("export", help=f"把名单导出为 Excel（{shown}）")
    export.add_argument("list", choices=list(lists), metavar="LIST", help=f"名单：{shown}")
    export.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    export.add_argument("--xlsx", required=True, metavar="FILE.xlsx", help="保存到哪个 Excel 文件")
    export.add_argument(
        "--user", required=True, help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）"
    )
    export.add_argument(
        "--full-ids",
        action="store_true",
        help="导出完整身份证号和电话（需有权限并填写 --reason，会记入操作日志）",
    )
    export.add_argument("--reason", default="", help="导出完整号码的理由")
    export.set_defaults(handler=run)


def run(ctx: Context) -> int:
    args = ctx.args
    out = Path(args.xlsx)
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    with ctx.desk() as desk:
        result = desk.exports.export(args.list, out, full_ids=args.full_ids, reason=args.reason)
    shown = "含完整身份证号和电话" if result.full_ids else "身份证号和电话已遮挡"
    title = ListExportService.lists()[args.list]
    print(f"已导出{title}名单 {result.rows} 条（{shown}）：{out}")
    if result.warning:
        print(result.warning, file=sys.stderr)
    return 0
