"""`stationdesk package`: an offline station's data packages (数据包) and the county's answer.

    package export    (station) every record since the last acknowledged package → PKG
    package import    (county)  a station's package, in one transaction; --dry-run counts only
    package return    (county)  the return package for a station: acknowledgement + reference data
    package ack       (station) take the county's return package
    package conflicts (county)  fields both sides changed differently, waiting for a decision
    package resolve   (county)  decide one conflict, field by field
    package keys …              the county's key pair (package_keys.py)
    package decisions (station) the county's decisions on this station's conflicts (县级裁决)

The login's password comes from STATIONDESK_PASSWORD or a prompt; the package password
the county gave the station from STATIONDESK_PACKAGE_PASSWORD or a prompt. A station with
the county's public key needs no package password to export; the county then opens the
package with its private key (--key, its passphrase from STATIONDESK_KEY_PASSPHRASE).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from app.cli.context import ENV_PASSWORD, Context, read_password, table
from app.cli.package_keys import ENV_KEY_PASSPHRASE, add_key_parsers, key_file
from app.desk import Desk
from app.domain.errors import InvalidInput, MonthClosed

ENV_PACKAGE_PASSWORD = "STATIONDESK_PACKAGE_PASSWORD"


def add_parser(subparsers: Any) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    common.add_argument("--user", help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）")
    command = subparsers.add_parser("package", help="数据包：离线站点与县里交换数据")
    kinds = command.add_subparsers(dest="kind", metavar="操作", required=True)

    export = kinds.add_parser("export", parents=[common], help="（站点）导出数据包")
    since = export.add_mutually_exclusive_group()
    since.add_argument(
        "--since-last", action="store_true", default=True,
        help="只导出县里上次确认之后新增或修改的记录（默认）",
    )  # fmt: skip
    since.add_argument("--all", dest="since_last", action="store_false", help="导出本站全部记录")
    export.add_argument("--out", required=True, metavar="PKG", help="数据包保存为")
    export.add_argument(
        "--password", dest="by_password", action="store_true",
        help="用数据包密码加密（即使装了县里的公钥）",
    )  # fmt: skip
    export.set_defaults(handler=run_export)

    take = kinds.add_parser("import", parents=[common], help="（县里）导入站点的数据包")
    take.add_argument("package", metavar="PKG", help="数据包文件")
    take.add_argument("--dry-run", action="store_true", help="只统计新增、修改和冲突，不写入")
    take.add_argument("--correction-reason", metavar="原因", help=CORRECTION_HELP)
    take.add_argument(
        "--key", metavar="FILE",
        help="县里的私钥文件，用于公钥加密的数据包（默认：数据文件夹里的 county-key.pem；"
        f"口令取自 {ENV_KEY_PASSPHRASE} 或提示输入）",
    )  # fmt: skip
    take.set_defaults(handler=run_import)

    back = kinds.add_parser("return", parents=[common], help="（县里）为站点导出回执包")
    back.add_argument("--station", required=True, metavar="CODE", help="站点代码")
    back.add_argument("--out", required=True, metavar="PKG", help="回执包保存为")
    back.set_defaults(handler=run_return)

    ack = kinds.add_parser("ack", parents=[common], help="（站点）导入县里的回执包")
    ack.add_argument("package", metavar="PKG", help="回执包文件")
    ack.add_argument("--correction-reason", metavar="原因", help=CORRECTION_HELP)
    ack.set_defaults(handler=run_ack)

    listing = kinds.add_parser("conflicts", parents=[common], help="（县里）列出待处理的冲突")
    listing.set_defaults(handler=run_conflicts)

    resolve = kinds.add_parser("resolve", parents=[common], help="（县里）处理一条冲突")
    resolve.add_argument("--conflict", type=int, required=True, metavar="N", help="冲突编号")
    resolve.add_argument(
        "--take", action="append", default=[], metavar="字段=county|station",
        help="每个字段取县里（county）还是站点（station）的值；可重复",
    )  # fmt: skip
    resolve.add_argument("--all", choices=("county", "station"), help="所有字段都取这一方的值")
    resolve.add_argument("--correction-reason", metavar="原因", help=CORRECTION_HELP)
    resolve.set_defaults(handler=run_resolve)

    add_key_parsers(kinds, common)
    decided = kinds.add_parser("decisions", parents=[common], help="（站点）列出县级裁决")
    decided.set_defaults(handler=run_decisions)


CORRECTION_HELP = "记录落在已月结的月份时，作为更正导入的原因（站长或管理员）"


@contextmanager
def correcting(desk: Desk, reason: str | None) -> Iterator[None]:
    """Within the block, rows dated in closed months go in as corrections with `reason`;
    without one, the refusal says how to give it here."""
    try:
        with desk.months.correcting(reason) if reason else nullcontext():
            yield
    except MonthClosed as exc:
        raise MonthClosed(exc.month, f"{exc}（命令行：加上 --correction-reason 原因）") from None


def package_password(*, confirm: bool = False) -> str:
    return read_password(
        "数据包密码：", variable=ENV_PACKAGE_PASSWORD,
        again="再输入一次数据包密码：" if confirm else "", mismatch="两次输入的数据包密码不一致。",
    )  # fmt: skip


def run_export(ctx: Context) -> int:
    with ctx.desk() as desk:
        by_key = not ctx.args.by_password and desk.packages.county_key() is not None
        result = desk.packages.export_package(
            out=Path(ctx.args.out), password="" if by_key else package_password(confirm=True),
            since_last=ctx.args.since_last, by_password=ctx.args.by_password,
        )  # fmt: skip
    since = result.since.astimezone().strftime("%Y-%m-%d %H:%M") if result.since else "建站以来"
    print(f"已导出第 {result.sequence} 号数据包：{ctx.args.out}")
    print(
        f"  {since}起的记录 {result.rows} 条，删除 {result.deleted} 条，照片 {result.files} 张，"
        f"{result.size / 1_048_576:.1f} MB"
    )
    if result.fingerprint:
        print(f"  用县里的公钥加密，公钥指纹：{result.fingerprint}")
    return 0


def run_import(ctx: Context) -> int:
    with ctx.desk() as desk:
        source = Path(ctx.args.package)
        if desk.packages.lock_of(source).by_key:
            password, key = "", key_file(ctx.args.key)
        else:
            password, key = package_password(), None
        with correcting(desk, ctx.args.correction_reason):
            result = desk.packages.import_package(
                source=source, password=password, key=key, dry_run=ctx.args.dry_run
            )
    print(result.text())
    if result.counts.conflicts and not ctx.args.dry_run:
        print("有冲突的记录没有覆盖，请用 stationdesk package conflicts 查看并处理。")
    return 0


def run_return(ctx: Context) -> int:
    with ctx.desk() as desk:
        result = desk.packages.export_return(
            station_code=ctx.args.station, out=Path(ctx.args.out),
            password=package_password(confirm=True),
        )  # fmt: skip
    print(f"已为 {result.station_code} 导出回执包：{ctx.args.out}")
    print(
        f"  确认收到第 {result.acknowledged} 号及之前的数据包；本站用户 {result.users} 名；"
        f"县级裁决 {result.decisions} 条"
    )
    return 0


def run_ack(ctx: Context) -> int:
    with ctx.desk() as desk:
        password = package_password()
        # The county's decisions may move a record of a month this station closed.
        with correcting(desk, ctx.args.correction_reason):
            result = desk.packages.import_return(source=Path(ctx.args.package), password=password)
    print(result.text())
    return 0


def run_conflicts(ctx: Context) -> int:
    with ctx.desk() as desk:
        rows = desk.packages.conflicts()
    if not rows:
        print("没有待处理的冲突。")
        return 0
    lines = [("编号", "站点", "记录", "字段", "县里的值", "站点的值")]
    for c in rows:
        for n, f in enumerate(c.fields):
            head = (str(c.id), c.station_code, c.entity_label) if n == 0 else ("", "", "")
            lines.append((*head, f"{f.label}（{f.field}）", f.county, f.station))
        if c.merged:
            merged = "、".join(m.text for m in c.merged)
            lines.append(("", "", "", f"无需裁决：{merged}", "", ""))
    print(table(lines))
    return 0


def run_decisions(ctx: Context) -> int:
    with ctx.desk() as desk:
        rows = desk.packages.decisions()
    if not rows:
        print("还没有县级裁决。")
        return 0
    lines = [("记录", "裁决", "本站结果", "裁决人", "裁决时间")]
    for d in rows:
        when = d.decided_at.astimezone().strftime("%Y-%m-%d %H:%M")
        fields = "；".join(f.text for f in d.fields)
        lines.append((d.entity_label, fields, d.outcome_label, d.decided_by, when))
    print(table(lines))
    return 0


def run_resolve(ctx: Context) -> int:
    with ctx.desk() as desk:
        choices: dict[str, str] = {}
        if ctx.args.all:
            wanted = ctx.args.conflict
            conflict = next((c for c in desk.packages.conflicts() if c.id == wanted), None)
            if conflict is None:
                raise InvalidInput(f"没有编号为 {ctx.args.conflict} 的待处理冲突。")
            choices = {f.field: ctx.args.all for f in conflict.fields}
        for item in ctx.args.take:
            field, _, side = item.partition("=")
            if side not in ("county", "station"):
                raise InvalidInput(f"--take {item}：请写成 字段=county 或 字段=station。")
            choices[field.strip()] = side
        with correcting(desk, ctx.args.correction_reason):
            desk.packages.resolve(ctx.args.conflict, choices=choices)
    print(f"冲突 {ctx.args.conflict} 已处理。")
    return 0
