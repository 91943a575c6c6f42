"""`stationdesk user add|list|reset-password|unlock` (as an administrator) and `user passwd`
(anyone, for their own password: the way to replace a temporary one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.cli.context import (
    ENV_PASSWORD,
    Context,
    admin_options,
    database_option,
    read_password,
    table,
)
from app.cli.station import station_id
from app.domain.codes import SEED, CodeList
from app.domain.errors import InvalidInput
from app.domain.roles import Role
from app.services.staff.users import UserService

TITLES = [code for code, _ in SEED[CodeList.WORKER_TITLE]]


def add_parser(commands: Any) -> None:
    """Add `user` and its actions to the `stationdesk` command line."""
    user = commands.add_parser("user", help="用户账号（需要管理员身份）")
    actions = user.add_subparsers(dest="action", metavar="操作", required=True)
    add = actions.add_parser("add", parents=[admin_options()], help="添加用户并生成临时密码")
    add.add_argument("--name", required=True, help="登录用户名")
    add.add_argument("--display", required=True, help="姓名")
    add.add_argument("--role", required=True, choices=[r.value for r in Role], help="角色")
    add.add_argument("--title", choices=TITLES, default="none", help="职业资格")
    add.add_argument("--station", metavar="CODE", help="所属站点的代码（默认：管理员所在的站点）")
    add.set_defaults(handler=run_add)
    actions.add_parser("list", parents=[admin_options()], help="列出本站用户").set_defaults(
        handler=run_list
    )
    for name, handler, text in (
        ("reset-password", run_reset, "重置密码（生成临时密码）"),
        ("unlock", run_unlock, "解除锁定"),
    ):
        action = actions.add_parser(name, parents=[admin_options()], help=text)
        action.add_argument("--name", required=True, help="登录用户名")
        action.set_defaults(handler=handler)
    passwd = actions.add_parser(
        "passwd", parents=[database_option()], help="修改自己的密码（临时密码须先修改）"
    )
    passwd.add_argument(
        "--user", required=True, help=f"登录用户名（原密码取自 {ENV_PASSWORD} 或提示输入）"
    )
    passwd.set_defaults(handler=run_passwd)


def _as_admin(ctx: Context, run: Callable[[UserService], None]) -> int:
    with ctx.desk() as desk:
        run(desk.users)
    return 0


def run_add(ctx: Context) -> int:
    args = ctx.args
    with ctx.desk() as desk:
        station = station_id(desk.station, args.station) if args.station else None
        made = desk.users.add(
            login=args.name, display_name=args.display, role=Role(args.role), title=args.title,
            station_id=station,
        )  # fmt: skip
    where = f"，站点 {args.station.strip().upper()}" if args.station else ""
    print(f"已添加用户 {made.login}（{Role(args.role).label}{where}）。")
    print(f"临时密码：{made.password}（首次登录后须修改）")
    return 0


def run_list(ctx: Context) -> int:
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
        print(table(rows))

    return _as_admin(ctx, run)


def run_reset(ctx: Context) -> int:
    def run(users: UserService) -> None:
        made = users.reset_password(login=ctx.args.name)
        print(f"已重置 {made.login} 的密码。临时密码：{made.password}（首次登录后须修改）")

    return _as_admin(ctx, run)


def run_unlock(ctx: Context) -> int:
    def run(users: UserService) -> None:
        users.unlock(login=ctx.args.name)
        print(f"已解除 {ctx.args.name} 的锁定。")

    return _as_admin(ctx, run)


def run_passwd(ctx: Context) -> int:
    """Change one's own password; the new one from STATIONDESK_NEW_PASSWORD or asked twice."""
    user = ctx.args.user
    db = ctx.open()
    try:
        old = read_password(f"{user} 的密码：")
        with ctx.login(db, user, temporary_ok=True, password=old) as desk:
            new = read_password(
                "新密码：",
                variable=ENV_NEW_PASSWORD,
                again="再输入一次新密码：",
                mismatch="两次输入的新密码不一致。",
            )
            if not new:
                raise InvalidInput("新密码不能为空。")
            desk.auth.change_password(actor=desk.actor, old_password=old, new_password=new)
    finally:
        db.dispose()
    print(f"已修改 {user} 的密码。")
    return 0


ENV_NEW_PASSWORD = "STATIONDESK_NEW_PASSWORD"
