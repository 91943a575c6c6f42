"""`stationdesk import clients|template`: a roster file into the client registry, or the
roster template to fill in, from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from app.cli.context import Context
from app.domain.errors import InvalidInput
from app.services.importing.results import COUNT_ORDER

EXIT_NOTHING_IMPORTED = 1


def add_parser(subparsers: Any) -> None:
    """Register `import clients` on the top-level subcommands."""
    command = subparsers.add_parser("import", help="导入名单（低保、特困、残疾人等）")
    kinds = command.add_subparsers(dest="kind", metavar="内容", required=True)
    clients = kinds.add_parser("clients", help="把名单导入为服务对象并授予类别")
    clients.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    clients.add_argument("file", metavar="FILE", help="名单文件（.xlsx、.xls、.csv 或 .txt）")
    clients.add_argument("--sheet", help="工作表名称（默认第一个）")
    clients.add_argument("--mapping", default="", help="已保存的列对应关系名称（默认按表头识别）")
    clients.add_argument("--category", help="名单授予的服务对象类别代码，如 dibao_rural")
    clients.add_argument("--import-date", help="导入日期 YYYY-MM-DD（默认今天）")
    clients.add_argument("--dry-run", action="store_true", help="只核对并显示结果，不写入")
    clients.add_argument("--errors", help="把未导入的行及原因保存为 xlsx 文件")
    clients.add_argument("--user", help="操作人用户名（密码取自 STATIONDESK_PASSWORD 或提示输入）")
    clients.set_defaults(handler=run)
    template = kinds.add_parser("template", help="保存名单模板（.xlsx：表头、示例和说明）")
    template.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    template.add_argument("out", metavar="FILE", help="模板保存为（.xlsx）")
    template.add_argument("--user", help="操作人用户名（密码取自 STATIONDESK_PASSWORD 或提示输入）")
    template.set_defaults(handler=run_template)


def run_template(ctx: Context) -> int:
    with ctx.desk() as desk:
        desk.importing.save_template(Path(ctx.args.out))
    print(f"名单模板已保存：{ctx.args.out}")
    return 0


def run(ctx: Context) -> int:
    args = ctx.args
    day = _date(args.import_date)
    with ctx.desk() as desk:
        service = desk.importing
        if not args.category:
            codes = "、".join(f"{code}（{label}）" for code, label in service.categories())
            raise InvalidInput(f"请用 --category 指定名单授予的类别：{codes}")
        path = Path(args.file)
        sheet = args.sheet or service.sheets(path)[0]
        proposal = service.propose_mapping(path, sheet, saved_name=args.mapping)
        preview = service.preview(
            path, sheet=sheet, header_row=proposal.header_row, columns=proposal.columns,
            category=args.category, import_date=day,
        )  # fmt: skip
        if args.errors:
            written = service.save_errors(preview, Path(args.errors))
            print(f"未导入的 {written} 行已保存到 {args.errors}")
        if preview.importable == 0:
            print_counts(preview.counts)
            print("名单中没有可以导入的行。", file=sys.stderr)
            return EXIT_NOTHING_IMPORTED
        if args.dry_run:
            print_counts(preview.counts)
            print("试运行：没有写入数据库。")
            return 0
        result = service.commit(preview)
    print_counts(result.counts)
    print(f"已导入“{preview.file_name}”（{preview.category_label}，{preview.import_date}）。")
    return 0


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"导入日期“{text}”格式不对，请写成 2024-05-01。") from None


def print_counts(counts: dict[str, int]) -> None:
    print("  ".join(f"{key} {counts.get(key, 0)}" for key in COUNT_ORDER))
