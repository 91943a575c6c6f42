"""`stationdesk init` and `demo`: a new station, demo data."""

from __future__ import annotations

from typing import Any

from app.cli.context import (
    Context,
    admin_options,
    database_option,
    progress_printer,
    read_password,
    upgrade_notice,
)
from app.demo import builder as demo
from app.desk import Desk
from app.domain.errors import InvalidInput
from app.services.settings.setup import SetupService


def add_parser(commands: Any) -> None:
    """Add `init` and `demo` to the `stationdesk` command line."""
    init = commands.add_parser(
        "init", parents=[database_option()], help="新建数据库：站点和第一个管理员"
    )
    init.add_argument("--station", required=True, help="社工站名称")
    init.add_argument("--station-code", required=True, help="站点代码，如 JX0426")
    init.add_argument("--admin", required=True, help="管理员用户名")
    init.add_argument("--display-name", default="", help="管理员姓名")
    init.add_argument("--county", default="", help="所属县（区）")
    init.add_argument("--village", action="append", default=[], help="村/社区（可重复）")
    init.set_defaults(handler=run_init)

    fill = commands.add_parser("demo", parents=[admin_options()], help="生成示范数据")
    fill.add_argument("--scale", choices=demo.SCALES, default="small", help="small 或 county")
    fill.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同数据）")
    fill.set_defaults(handler=run_demo)


def run_init(ctx: Context) -> int:
    args = ctx.args
    password = read_password(
        f"为管理员 {args.admin} 设置密码：", again="再输入一次：", mismatch="两次输入的密码不一致。"
    )
    with Desk.create(
        ctx.location, station=args.station, station_code=args.station_code, admin=args.admin,
        password=password, display_name=args.display_name, county=args.county,
        villages=args.village, clock=ctx.clock, on_upgrade=upgrade_notice,
    ) as desk:  # fmt: skip
        actor = desk.actor
    print(f"已建立 {actor.station_name}，管理员 {actor.login}。数据库：{ctx.shown_location}")
    return 0


def run_demo(ctx: Context) -> int:
    args = ctx.args
    if not args.db:
        # Never fall back to the default database: that is where real records live.
        raise InvalidInput("请用 --db 指定示范数据库文件，例如 --db demo.sqlite3。")
    progress = progress_printer("正在生成示范数据")
    db = ctx.open(create=True)
    try:
        if not SetupService(db).is_initialised():
            made = demo.create_demo_database(
                db, scale=args.scale, seed=args.seed, progress=progress
            )
            print(f"已建立示范数据库：{ctx.shown_location}")
            print(f"管理员用户名：{made.admin_login}")
            print(f"管理员密码：{made.admin_password}（只显示这一次，请记下）")
            summary = made.summary
        else:
            desk = ctx.login(db, args.user)
            summary = demo.fill_station(
                desk.db, desk.actor, scale=args.scale, seed=args.seed, progress=progress
            )
    finally:
        db.dispose()
    print(
        f"示范数据：{summary.stations} 个站点，{summary.villages} 个村/社区，"
        f"{summary.households} 户，{summary.clients} 名服务对象，用时 {summary.seconds} 秒。"
    )
    print(
        f"个案 {summary.count('cases')} 个（服务记录 {summary.count('service_records')} 条），"
        f"小组 {summary.count('groups')} 个（{summary.count('group_sessions')} 节），"
        f"社区活动 {summary.count('activities')} 场，走访 {summary.count('visits')} 次，"
        f"工作日志 {summary.count('work_logs')} 篇（{summary.count('work_log_entries')} 条），"
        f"督导 {summary.count('supervisions')} 次，培训 {summary.count('trainings')} 次，"
        f"志愿者 {summary.count('volunteers')} 名，资源链接 {summary.count('resources')} 项。"
    )
    print("各步用时：" + "，".join(f"{step} {spent} 秒" for step, spent in summary.timings))
    shown = "、".join(summary.staff_logins[:8])
    more = f" 等 {len(summary.staff_logins)} 个" if len(summary.staff_logins) > 8 else ""
    print(f"示范工作人员账号：{shown}{more}，密码均为 {summary.staff_password}")
    return 0
