"""`stationdesk evaluation …`: third-party evaluation (评估).

`import-indicators` stores an indicator system from the evaluator's Excel sheet (checked
whole: nothing is stored when a row is wrong); `template` writes the sheet to fill in;
`systems`, `rounds` and `rectifications` list what is recorded; `sheet` writes a round's
score sheet (评分表) as Excel and/or PDF.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context, table
from app.domain.errors import InvalidInput
from app.domain.evaluation import stars_text


def add_parser(commands: Any) -> None:
    """Add `evaluation` and its actions to the `stationdesk` command line."""
    group = commands.add_parser("evaluation", help="第三方评估（指标体系、评估记录、整改）")
    actions = group.add_subparsers(dest="action", metavar="操作", required=True)
    imports = actions.add_parser("import-indicators", help="从评估机构的 Excel 导入指标体系")
    imports.add_argument("--file", required=True, metavar="FILE.xlsx", help="指标体系表格")
    imports.add_argument("--name", help="指标体系名称（默认：表格“设置”中的名称或文件名）")
    imports.add_argument("--total", help="声明的基础总分，如 100 或 1000（默认：表格中的）")
    imports.set_defaults(handler=run_import)
    template = actions.add_parser("template", help="保存指标体系模板（含示例）")
    template.add_argument("--file", required=True, metavar="FILE.xlsx")
    template.set_defaults(handler=run_template)
    systems = actions.add_parser("systems", help="列出指标体系")
    systems.set_defaults(handler=run_systems)
    rounds = actions.add_parser("rounds", help="列出历次评估及得分")
    rounds.set_defaults(handler=run_rounds)
    items = actions.add_parser("rectifications", help="列出未完成的整改事项（按期限）")
    items.set_defaults(handler=run_rectifications)
    sheet = actions.add_parser("sheet", help="保存一次评估的评分表（Excel、PDF）")
    sheet.add_argument("--round", required=True, type=int, metavar="ID", help="评估编号")
    sheet.add_argument("--xlsx", metavar="FILE.xlsx")
    sheet.add_argument("--pdf", metavar="FILE.pdf")
    sheet.set_defaults(handler=run_sheet)
    for parser in (imports, systems, rounds, items, sheet):
        parser.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
        parser.add_argument(
            "--user", required=True, help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）"
        )


def run_import(ctx: Context) -> int:
    args = ctx.args
    total = None
    if args.total:
        try:
            total = Decimal(args.total.strip())
        except InvalidOperation:
            raise InvalidInput(f"基础总分“{args.total}”不是数字。") from None
    with ctx.desk() as desk:
        done = desk.indicators.import_file(Path(args.file), name=args.name, total=total)
    print(
        f"已导入指标体系“{done.name}”：{done.indicators} 项指标（其中末级 {done.leaves} 项），"
        f"基础总分 {done.total_points.normalize():f}，加分上限 {done.bonus_points.normalize():f}。"
    )
    return 0


def run_template(ctx: Context) -> int:
    from app.services.evaluation.indicators import IndicatorService

    path = IndicatorService.write_template(Path(ctx.args.file))
    print(f"已保存指标体系模板：{path}")
    return 0


def run_systems(ctx: Context) -> int:
    with ctx.desk() as desk:
        systems = desk.indicators.list()
    if not systems:
        print("还没有指标体系（stationdesk evaluation import-indicators 导入）。")
        return 0
    rows = [("编号", "名称", "基础总分", "加分", "指标数")]
    rows += [(str(s.id), s.name, f"{s.total_points.normalize():f}",
              f"{s.bonus_points.normalize():f}", str(s.indicators)) for s in systems]  # fmt: skip
    print(table(rows))
    return 0


def run_rounds(ctx: Context) -> int:
    with ctx.desk() as desk:
        rounds = desk.evaluations.rounds()
    if not rounds:
        print("还没有评估记录。")
        return 0
    rows = [("编号", "日期", "类型", "站点", "评估机构", "总分", "等级", "整改未完成")]
    rows += [
        (str(r.id), f"{r.held_on}", r.kind.label, r.station_name, r.agency,
         f"{r.total.normalize():f}", f"{r.grade} {stars_text(r.stars)}".strip(),
         str(r.open_items))
        for r in rounds
    ]  # fmt: skip
    print(table(rows))
    return 0


def run_rectifications(ctx: Context) -> int:
    with ctx.desk() as desk:
        items = desk.rectifications.open_items()
    if not items:
        print("没有未完成的整改事项。")
        return 0
    rows = [("期限", "整改内容", "责任人", "评估", "状态")]
    rows += [(f"{i.due_on}", i.what, i.owner, i.round_label, "已逾期" if i.overdue else "待整改")
             for i in items]  # fmt: skip
    print(table(rows))
    return 0


def run_sheet(ctx: Context) -> int:
    args = ctx.args
    if not args.xlsx and not args.pdf:
        raise InvalidInput("请用 --xlsx 和/或 --pdf 指定要保存的文件。")
    xlsx = Path(args.xlsx).with_suffix(".xlsx") if args.xlsx else None
    pdf = Path(args.pdf).with_suffix(".pdf") if args.pdf else None
    with ctx.desk() as desk:
        detail = desk.evaluations.write_sheet(args.round, xlsx=xlsx, pdf=pdf)
    written = "、".join(str(p) for p in (xlsx, pdf) if p is not None)
    s = detail.summary
    print(f"已保存 {s.held_on} {s.kind.label}评估的评分表：{written}")
    print(f"总分 {s.total.normalize():f}，等级 {s.grade or '—'}。")
    return 0
