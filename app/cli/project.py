"""`stationdesk project list|show|add|progress`: purchased-service projects (服务项目).

Everyone reads the projects covering their station; the station head and the
administrator add them. A target is `--target RULE=VALUE[:WEIGHT]`, RULE one of the named
rules (`project rules` lists them): the figure itself is always counted from the records.
`progress` writes the project's progress to the month as Excel and/or PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context, table
from app.desk import parse_month
from app.domain import project_rules
from app.domain.errors import InvalidInput
from app.services.projects.types import ProjectInput, TargetInput


def add_parser(commands: Any) -> None:
    """Add `project` and its actions to the `stationdesk` command line."""
    project = commands.add_parser("project", help="服务项目（合同、指标与进度）")
    actions = project.add_subparsers(dest="action", metavar="操作", required=True)
    listing = actions.add_parser("list", help="列出本站的服务项目")
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="项目详情与指标")
    show.add_argument("--project", required=True, metavar="CODE", help="项目编号")
    show.set_defaults(handler=run_show)
    rules = actions.add_parser("rules", help="列出指标可用的统计口径")
    rules.set_defaults(handler=run_rules)
    add = actions.add_parser("add", help="添加服务项目（站长、管理员）")
    add.add_argument("--code", required=True, help="项目编号，如 XS01-2026-HJH")
    add.add_argument("--name", required=True, help="项目名称")
    add.add_argument("--from", dest="starts_on", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--to", dest="ends_on", required=True, metavar="YYYY-MM-DD")
    add.add_argument(
        "--station", action="append", default=[], metavar="CODE",
        help="覆盖的站点代码（可重复；默认：本人所在站）",
    )  # fmt: skip
    add.add_argument(
        "--target", action="append", default=[], metavar="RULE=VALUE[:WEIGHT]",
        help="指标，如 cases_new=60:20（可重复；口径见 project rules）",
    )  # fmt: skip
    add.add_argument("--contract", default="", help="合同编号")
    add.add_argument("--buyer", default="", help="购买方")
    add.add_argument("--agency", default="", help="承接机构")
    add.add_argument("--amount", default="0", help="合同金额（元）")
    add.add_argument("--lead", default="", help="项目负责人")
    add.add_argument("--supervisor", default="", help="督导")
    add.set_defaults(handler=run_add)
    progress = actions.add_parser("progress", help="项目进度（Excel、PDF）")
    progress.add_argument("--project", required=True, metavar="CODE", help="项目编号")
    progress.add_argument("--month", required=True, metavar="YYYY-MM", help="统计到哪个月")
    progress.add_argument("--xlsx", metavar="FILE.xlsx", help="保存 Excel 到哪个文件")
    progress.add_argument("--pdf", metavar="FILE.pdf", help="保存 PDF 到哪个文件")
    progress.set_defaults(handler=run_progress)
    for parser in (listing, show, add, progress):
        parser.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
        parser.add_argument(
            "--user", required=True, help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）"
        )


def run_list(ctx: Context) -> int:
    with ctx.desk() as desk:
        projects = desk.projects.list()
    if not projects:
        print("还没有覆盖本站的服务项目（stationdesk project add 添加）。")
        return 0
    rows = [("编号", "名称", "周期", "站点", "指标")]
    rows += [
        (p.code, p.name, f"{p.starts_on} 至 {p.ends_on}", "、".join(p.stations), str(p.targets))
        for p in projects
    ]
    print(table(rows))
    return 0


def run_show(ctx: Context) -> int:
    with ctx.desk() as desk:
        project = desk.projects.by_code(ctx.args.project)
    p = project.info
    for label, value in (
        ("项目", f"{p.name}（{p.code}）"), ("合同编号", p.contract_no), ("购买方", p.buyer),
        ("承接机构", p.agency), ("周期", f"{p.starts_on} 至 {p.ends_on}"),
        ("合同金额", f"{p.amount_yuan} 元"), ("覆盖站点", "、".join(p.stations)),
        ("项目负责人", p.lead), ("督导", p.supervisor),
    ):  # fmt: skip
        print(f"{label}：{value or '—'}")
    if not project.targets:
        print("尚未设置指标。")
        return 0
    rows = [("指标", "口径", "目标值", "单位", "权重")]
    rows += [(t.label, t.rule, f"{t.target}", t.unit, f"{t.weight}") for t in project.targets]
    print(table(rows))
    return 0


def run_rules(ctx: Context) -> int:
    rows = [("口径", "指标", "单位")] + [(r.key, r.label, r.unit) for r in project_rules.RULES]
    print(table(rows))
    return 0


def run_add(ctx: Context) -> int:
    args = ctx.args
    targets = tuple(parse_target(text) for text in args.target)
    with ctx.desk() as desk:
        projects = desk.projects
        if args.station:
            known = {s.code.upper(): s.id for s in projects.stations()}
            missing = [c for c in args.station if c.strip().upper() not in known]
            if missing:
                raise InvalidInput(f"没有代码为 {'、'.join(missing)} 的站点，或您无权选择。")
            stations = tuple(known[c.strip().upper()] for c in args.station)
        else:
            stations = (desk.actor.station_id,)
        projects.add(
            ProjectInput(
                code=args.code, name=args.name, starts_on=_day(args.starts_on),
                ends_on=_day(args.ends_on), station_ids=stations, targets=targets,
                contract_no=args.contract, buyer=args.buyer, agency=args.agency,
                amount_yuan=_decimal(args.amount, "合同金额"), lead=args.lead,
                supervisor=args.supervisor,
            )
        )  # fmt: skip
    print(f"已添加服务项目 {args.name}（{args.code}），指标 {len(targets)} 项。")
    return 0


def run_progress(ctx: Context) -> int:
    args = ctx.args
    month = parse_month(args.month)
    if not args.xlsx and not args.pdf:
        raise InvalidInput("请用 --xlsx 和/或 --pdf 指定要保存的文件。")
    xlsx = Path(args.xlsx).with_suffix(".xlsx") if args.xlsx else None
    pdf = Path(args.pdf).with_suffix(".pdf") if args.pdf else None
    with ctx.desk() as desk:
        project = desk.projects.by_code(args.project)
        report = desk.projects.write_progress(project.id, month, xlsx=xlsx, pdf=pdf)
    written = "、".join(str(p) for p in (xlsx, pdf) if p is not None)
    print(f"已生成《{report.title}》：{written}")
    print(f"统计截至 {report.as_of}，应完成进度 {report.expected}%。")
    for line in report.lines:
        done = "—" if line.done is None else f"{line.done}%"
        flag = "（进度落后）" if line.behind else ""
        actual = "—" if line.actual is None else line.actual
        print(f"  {line.label}：{actual}/{line.target}{line.unit}，完成 {done}{flag}")
    return 0


def parse_target(text: str) -> TargetInput:
    """`cases_new=60` or `cases_new=60:20` (a weight of 20)."""
    rule, sep, rest = text.partition("=")
    if not sep:
        raise InvalidInput(f"指标“{text}”应写成 口径=目标值[:权重]，如 cases_new=60:20。")
    value, _, weight = rest.partition(":")
    project_rules.rule(rule.strip())
    return TargetInput(
        rule=rule.strip(),
        target=_decimal(value, "目标值"),
        weight=_decimal(weight or "0", "权重"),
    )


def _decimal(text: str, what: str) -> Decimal:
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise InvalidInput(f"{what}“{text}”不是数字。") from None


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"日期格式应为 年-月-日，如 2026-01-01，而不是“{text}”。") from None
