"""`stationdesk pack evidence`: the evaluation's evidence pack (评估材料包) of a project.

Writes the folder `--out` and `--out`.zip: contents, indicator table with the records
behind each figure, a sample of case files drawn by the evaluator's `--seed` (the same
seed gives the same sample), group and activity records, supervision and training,
monthly reports, photos and the project's documents. Client names and ID numbers are
masked unless `--reveal` is given with a `--reason` by a role that may see them (logged).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context, progress_printer
from app.desk import parse_month
from app.services.projects.pack import PackRequest


def add_parser(commands: Any) -> None:
    """Add `pack evidence` to the `stationdesk` command line."""
    pack = commands.add_parser("pack", help="评估材料包")
    actions = pack.add_subparsers(dest="action", metavar="操作", required=True)
    evidence = actions.add_parser("evidence", help="生成项目的评估材料包（文件夹和 .zip）")
    evidence.add_argument("--project", required=True, metavar="CODE", help="项目编号")
    evidence.add_argument("--from", dest="first", required=True, metavar="YYYY-MM", help="起始月份")
    evidence.add_argument("--to", dest="last", required=True, metavar="YYYY-MM", help="结束月份")
    evidence.add_argument("--seed", required=True, type=int, help="评估方给的抽样种子（整数）")
    evidence.add_argument(
        "--sample", type=int, default=10, metavar="K", help="抽查个案数（默认 10）"
    )
    evidence.add_argument(
        "--out", required=True, metavar="DIR", help="材料包文件夹（另生成 DIR.zip）"
    )
    evidence.add_argument(
        "--reveal", action="store_true",
        help="不遮挡服务对象姓名和身份证号（需有权限并填写 --reason，会记入操作日志）",
    )  # fmt: skip
    evidence.add_argument("--reason", default="", help="不遮挡的理由")
    evidence.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    evidence.add_argument(
        "--user", required=True, help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）"
    )
    evidence.set_defaults(handler=run_evidence)


def run_evidence(ctx: Context) -> int:
    args = ctx.args
    out = Path(args.out).expanduser().resolve()
    with ctx.desk() as desk:
        project = desk.projects.by_code(args.project)
        result = desk.evidence_packs.build(
            PackRequest(
                project_id=project.id, first_month=parse_month(args.first),
                last_month=parse_month(args.last), seed=args.seed, sample=args.sample,
                reveal=args.reveal, reason=args.reason,
            ),
            out,
            progress=progress_printer("正在生成评估材料包"),
        )  # fmt: skip
    print(f"已生成评估材料包：{result.folder}（{result.files} 个文件）和 {result.zip_path}")
    print(f"抽查个案（种子 {args.seed}）：{'、'.join(result.sampled) or '无'}")
    print(
        "服务对象姓名和身份证号已遮挡。"
        if result.masked
        else "含完整姓名和身份证号（已记入操作日志）。"
    )
    return 0
