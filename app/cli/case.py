"""`stationdesk case pdf`: print a case file (打印个案档案) from the command line.

The user logs in (password from STATIONDESK_PASSWORD or a prompt); the client's ID number
is masked unless `--reveal` is given and the user may see it (the reveal is logged).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context


def add_parser(subparsers: Any) -> None:
    """Add `case pdf` to the `stationdesk` command line."""
    case = subparsers.add_parser("case", help="个案（打印个案档案）")
    actions = case.add_subparsers(dest="action", metavar="操作", required=True)
    pdf = actions.add_parser("pdf", help="把一个个案的完整档案打印成 PDF")
    pdf.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    pdf.add_argument("--case", required=True, metavar="NUMBER", help="个案编号，如 XS01-2026-0042")
    pdf.add_argument("--out", required=True, metavar="FILE.pdf", help="保存到哪个 PDF 文件")
    pdf.add_argument(
        "--user", required=True, help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）"
    )
    pdf.add_argument(
        "--reveal", action="store_true", help="打印完整身份证号（需有权限，会记入操作日志）"
    )
    pdf.set_defaults(handler=run)


def run(ctx: Context) -> int:
    args = ctx.args
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        out = out.with_suffix(".pdf")
    with ctx.desk() as desk:
        case_id = desk.cases.find(args.case)
        desk.case_files.case_file_pdf(case_id, out, reveal=args.reveal)
    shown = "完整身份证号" if args.reveal else "身份证号已遮挡"
    print(f"已打印个案 {args.case.strip().upper()} 的档案（{shown}）：{out}")
    return 0
