"""The command line: the GUI's services for set-up, demo data, user accounts and checks.

`stationdesk` alone starts the GUI. Known failures (`AppError`) print their Chinese
message and exit with 2, as bad arguments do; a failed health check exits with 1.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence

from sqlalchemy.exc import DBAPIError

from app import __version__, cli_backup, cli_case, cli_export, cli_import, cli_report
from app.demo import builder as demo
from app.domain.codes import SEED, CodeList
from app.domain.errors import AppError, InvalidInput, NotFound
from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.backup.health import check_database
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.services.staff.users import UserService
from app.store.engine import Database, database_url, sqlite_path
from app.store.location import default_database

ENV_PASSWORD = "STATIONDESK_PASSWORD"
EXIT_UNHEALTHY = 1
EXIT_ERROR = 2
TITLES = [code for code, _ in SEED[CodeList.WORKER_TITLE]]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.ui.app import run_gui  # Qt loads only when the GUI is wanted

        return run_gui(args.db)
    try:
        result: int = args.handler(args)
        return result
    except AppError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_ERROR
    except DBAPIError as exc:
        print(f"无法使用数据库：{exc.orig}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("\n已取消。", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stationdesk", description="社工站工作台。不带子命令时启动图形界面。"
    )
    parser.add_argument("--version", action="version", version=f"stationdesk {__version__}")
    parser.add_argument("--db", help="数据库文件路径或数据库 URL（默认：用户数据目录）")
    parser.set_defaults(command=None)
    # Each subcommand takes --db too; SUPPRESS keeps a top-level --db when it is absent.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    admin = argparse.ArgumentParser(add_help=False, parents=[common])
    admin.add_argument("--user", help=f"管理员用户名（密码取自 {ENV_PASSWORD} 或提示输入）")
    commands = parser.add_subparsers(dest="command", metavar="命令")

    init = commands.add_parser("init", parents=[common], help="新建数据库：站点和第一个管理员")
    init.add_argument("--station", required=True, help="社工站名称")
    init.add_argument("--station-code", required=True, help="站点代码，如 JX0426")
    init.add_argument("--admin", required=True, help="管理员用户名")
    init.add_argument("--display-name", default="", help="管理员姓名")
    init.add_argument("--county", default="", help="所属县（区）")
    init.add_argument("--village", action="append", default=[], help="村/社区（可重复）")
    init.set_defaults(handler=_init)

    fill = commands.add_parser("demo", parents=[admin], help="生成示范数据")
    fill.add_argument("--scale", choices=demo.SCALES, default="small", help="small 或 county")
    fill.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同数据）")
    fill.set_defaults(handler=_demo)

    user = commands.add_parser("user", help="用户账号（需要管理员身份）")
    actions = user.add_subparsers(dest="action", metavar="操作", required=True)
    add = actions.add_parser("add", parents=[admin], help="添加用户并生成临时密码")
    add.add_argument("--name", required=True, help="登录用户名")
    add.add_argument("--display", required=True, help="姓名")
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help="角色")
    add.add_argument("--title", choices=TITLES, default="none", help="职业资格")
    add.set_defaults(handler=_user_add)
    actions.add_parser("list", parents=[admin], help="列出本站用户").set_defaults(
        handler=_user_list
    )
    for name, handler, text in (
        ("reset-password", _user_reset, "重置密码（生成临时密码）"),
        ("unlock", _user_unlock, "解除锁定"),
    ):
        action = actions.add_parser(name, parents=[admin], help=text)
        action.add_argument("--name", required=True, help="登录用户名")
        action.set_defaults(handler=handler)

    check = commands.add_parser("check", parents=[common], help="检查数据库完整性和版本")
    check.set_defaults(handler=_check)
    cli_import.add_parser(commands)
    cli_backup.add_parser(commands)
    cli_case.add_parser(commands)
    cli_export.add_parser(commands)
    cli_report.add_parser(commands)
    return parser


# ---- commands ------------------------------------------------------------------------


def _init(args: argparse.Namespace) -> int:
    location = _location(args)
    password = _password(f"为管理员 {args.admin} 设置密码：", confirm=True)
    db = _open(location, create=True)
    try:
        actor = SetupService(db).initialise(
            station_name=args.station,
            station_code=args.station_code,
            county=args.county,
            villages=args.village,
            admin_login=args.admin,
            admin_display_name=args.display_name,
            password=password,
        )
    finally:
        db.dispose()
    print(f"已建立 {actor.station_name}，管理员 {actor.login}。数据库：{location}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    if not args.db:
        # Never fall back to the default database: that is where real records live.
        raise InvalidInput("请用 --db 指定示范数据库文件，例如 --db demo.sqlite3。")
    location = _location(args)
    db = _open(location, create=True)
    try:
        if not SetupService(db).is_initialised():
            made = demo.create_demo_database(
                db, scale=args.scale, seed=args.seed, progress=_progress_printer()
            )
            print(f"已建立示范数据库：{location}")
            print(f"管理员用户名：{made.admin_login}")
            print(f"管理员密码：{made.admin_password}（只显示这一次，请记下）")
            summary = made.summary
        else:
            actor = _login(db, args.user)
            summary = demo.fill_station(
                db, actor, scale=args.scale, seed=args.seed, progress=_progress_printer()
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


def _user_add(args: argparse.Namespace) -> int:
    def run(users: UserService) -> None:
        made = users.add(
            login=args.name, display_name=args.display, role=Role(args.role), title=args.title
        )
        print(f"已添加用户 {made.login}（{Role(args.role).label}）。")
        print(f"临时密码：{made.password}（首次登录后须修改）")

    return _as_admin(args, run)


def _user_list(args: argparse.Namespace) -> int:
    def run(users: UserService) -> None:
        titles = dict(SEED[CodeList.WORKER_TITLE])
        rows = [("用户名", "姓名", "角色", "职业资格", "状态", "最近登录")]
        for u in users.list():
            state = "停用" if not u.active else "锁定" if u.locked else "正常"
            if u.must_change_password:
                state += "（须改密码）"
            last = (
                u.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M") if u.last_login_at else ""
            )
            rows.append(
                (u.login, u.display_name, u.role.label, titles.get(u.title, u.title), state, last)
            )
        print(_table(rows))

    return _as_admin(args, run)


def _user_reset(args: argparse.Namespace) -> int:
    def run(users: UserService) -> None:
        made = users.reset_password(login=args.name)
        print(f"已重置 {made.login} 的密码。临时密码：{made.password}（首次登录后须修改）")

    return _as_admin(args, run)


def _user_unlock(args: argparse.Namespace) -> int:
    def run(users: UserService) -> None:
        users.unlock(login=args.name)
        print(f"已解除 {args.name} 的锁定。")

    return _as_admin(args, run)


def _check(args: argparse.Namespace) -> int:
    report = check_database(_location(args))
    if not report.healthy:
        print(f"数据库有问题：{report.location}", file=sys.stderr)
        for problem in report.problems:
            print(f"  - {problem}", file=sys.stderr)
        cli_backup.print_backups(_location(args), sys.stderr)
        return EXIT_UNHEALTHY
    print(f"数据库正常：{report.location}")
    print(f"  表结构版本：{report.revision}（最新）")
    print(f"  站点 {report.stations} 个，用户 {report.users} 个，服务对象 {report.clients} 名")
    cli_backup.print_backups(_location(args), sys.stdout)
    return 0


# ---- helpers -------------------------------------------------------------------------


def _location(args: argparse.Namespace) -> str:
    return str(args.db or default_database())


def _open(location: str, *, create: bool = False) -> Database:
    """Open the database at the newest schema (an older file is copied, then upgraded)."""
    path = sqlite_path(database_url(location))
    if path is not None and not path.exists():
        if not create:
            raise NotFound(
                f"数据库文件不存在：{path}。请先运行 stationdesk init 或 stationdesk demo。"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open(location)
    try:
        state = SetupService(db).prepare()
    except BaseException:
        db.dispose()
        raise
    if state.backup_path:
        print(
            f"数据库已升级到版本 {state.to_revision}，升级前的副本：{state.backup_path}",
            file=sys.stderr,
        )
    return db


def _as_admin(args: argparse.Namespace, run: Callable[[UserService], None]) -> int:
    db = _open(_location(args))
    try:
        run(UserService(db, _login(db, args.user)))
    finally:
        db.dispose()
    return 0


def _login(db: Database, login: str | None) -> Actor:
    if not SetupService(db).is_initialised():
        raise InvalidInput("数据库还没有初始化，请先运行 stationdesk init。")
    if not login:
        raise InvalidInput("请用 --user 指定管理员用户名。")
    return AuthService(db).login(login=login, password=_password(f"{login} 的密码："))


def _password(prompt: str, *, confirm: bool = False) -> str:
    """The password from STATIONDESK_PASSWORD, else asked for (twice when setting one)."""
    given = os.environ.get(ENV_PASSWORD)
    if given:
        return given
    try:
        password = getpass.getpass(prompt)
        if confirm and getpass.getpass("再输入一次：") != password:
            raise InvalidInput("两次输入的密码不一致。")
    except EOFError:
        raise InvalidInput(
            f"没有读到密码：请在终端里输入，或设置环境变量 {ENV_PASSWORD}。"
        ) from None
    return password


def _progress_printer() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r正在生成示范数据… {100 * done // max(total, 1)}%", end=end, file=sys.stderr)

    return show


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(rows: Sequence[Sequence[str]]) -> str:
    """Columns padded by display width, so Chinese and Latin text line up in a terminal."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    )
