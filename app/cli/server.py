"""`stationdesk server init|add-station-role`: a county's PostgreSQL server, run as the
database's owner (app/services/settings/server.py).

The owner's password comes from PGPASSWORD or the password file (~/.pgpass; libpq reads
both) or, failing those, a prompt; never from the command line, and a URL holding one is
refused. The county role's and each station's generated password go only into a
password file (`--pgpass FILE`, readable by its owner alone), never to the screen.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from sqlalchemy import make_url, text

from app.cli.context import Context, database_option, read_password
from app.domain.errors import InvalidInput, StorageError
from app.services.settings.server import COUNTY_CODE, CountyServerService
from app.store import postgres_roles
from app.store.engine import NO_PASSWORD, Database, database_url, make_engine, storage_errors
from app.store.location import shown_location

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def add_parser(commands: Any) -> None:
    """Add `server` and its actions to the `stationdesk` command line."""
    server = commands.add_parser("server", help="县级服务器（PostgreSQL，以数据库所有者身份）")
    actions = server.add_subparsers(dest="action", metavar="操作", required=True)
    common = _server_options()
    init = actions.add_parser(
        "init",
        parents=[common],
        help="建立或升级县级数据库：表结构、数据库账号、行级安全、县管理员",
    )
    init.add_argument(
        "--admin",
        required=True,
        help="县级管理员的用户名（密码取自 STATIONDESK_PASSWORD 或提示输入）",
    )
    init.add_argument("--display-name", default="", help="县级管理员姓名")
    init.add_argument("--county", default="县级社工总站", help="县级单位名称")
    init.add_argument("--code", default=COUNTY_CODE, help=f"县级单位代码（默认 {COUNTY_CODE}）")
    init.set_defaults(handler=run_init)
    role = actions.add_parser(
        "add-station-role", parents=[common], help="为站点建立（或换新密码）数据库账号"
    )
    role.add_argument("--station", required=True, metavar="CODE", help="站点代码")
    role.set_defaults(handler=run_add_station_role)


def _server_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False, parents=[database_option()])
    common.add_argument(
        "--sslmode", choices=SSL_MODES, help="与服务器的加密连接方式（libpq 的 sslmode）"
    )
    common.add_argument(
        "--pgpass", type=Path, metavar="FILE", required=True,
        help="把生成的数据库账号密码写进这个密码文件（pgpass 格式，仅本人可读）",
    )  # fmt: skip
    return common


def server_url(ctx: Context) -> str:
    """`--db` with `--sslmode` put in; a URL with a password in it is refused."""
    return owner_url(ctx.location, ctx.args.sslmode, option="--db")


def owner_url(location: str, sslmode: str | None, *, option: str) -> str:
    """The server's URL as given in `option`, with `sslmode`; one holding a password is
    refused (it would stay in the shell's history and the process list)."""
    url = make_url(database_url(location))
    if url.get_backend_name() != "postgresql":
        raise InvalidInput(f"{option} 应为 postgresql://所有者@服务器:端口/库名。")
    if url.password:
        raise InvalidInput(
            f"请不要把密码写在 {option} 里（命令行会留在历史记录和进程列表中）："
            "用 PGPASSWORD、~/.pgpass，或等提示时输入。"
        )
    if sslmode:
        url = url.update_query_dict({"sslmode": sslmode})
    return url.render_as_string(hide_password=False)


def open_as_owner(url: str) -> Database:
    """The database as its owner; the password is asked for when libpq has none."""
    db = Database.open(url)
    try:
        with storage_errors(), db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return db
    except StorageError as exc:
        db.dispose()
        if NO_PASSWORD not in exc.detail:
            raise
    user = make_url(url).username or ""
    password = read_password(f"数据库账号 {user} 的密码：", variable="PGPASSWORD")
    # Handed to the driver, not put into the URL: the URL is what gets shown.
    return Database(make_engine(url, connect_args={"password": password}))


def write_pgpass(path: Path, line: str) -> None:
    """Append `line` to a libpq password file that only its owner may read."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as out:
        out.write(line + "\n")
    if os.name == "posix":
        path.chmod(0o600)  # libpq ignores a password file others can read


def run_init(ctx: Context) -> int:
    args = ctx.args
    url = server_url(ctx)
    password = read_password(
        f"为县级管理员 {args.admin} 设置工作台密码：", again="再输入一次：",
        mismatch="两次输入的密码不一致。",
    )  # fmt: skip
    db = open_as_owner(url)
    try:
        made = CountyServerService(db).initialise(
            admin_login=args.admin, password=password, display_name=args.display_name,
            county_name=args.county, county_code=args.code,
        )  # fmt: skip
    finally:
        db.dispose()
    print(f"县级数据库已就绪：{shown_location(url)}（{made.tables} 张表启用行级安全）。")
    if made.admin_created:
        print(f"县级管理员：{args.admin}")
    _deliver(url, made.county_role, made.county_password, args.pgpass, "县级")
    print(
        "下一步：县级管理员用这个账号登录，添加站点和站点用户（stationdesk station add、"
        "stationdesk user add --station 代码），再运行 stationdesk server add-station-role "
        "--station 代码 为每个站点建立数据库账号。"
    )
    return 0


def run_add_station_role(ctx: Context) -> int:
    args = ctx.args
    url = server_url(ctx)
    if args.pgpass is None:
        raise InvalidInput(
            "请用 --pgpass 文件 指定写入站点数据库密码的文件（密码不显示在屏幕上）。"
        )
    db = open_as_owner(url)
    try:
        made = CountyServerService(db).add_station_role(station_code=args.station)
    finally:
        db.dispose()
    _deliver(url, made.role, made.password, args.pgpass, f"站点 {made.station_code} ")
    return 0


def _deliver(url: str, role: str, password: str | None, pgpass: Path | None, whose: str) -> None:
    connect = postgres_roles.station_url(url, role)
    if password is None:
        print(f"{whose}数据库账号 {role} 已存在，密码未变。工作台连接：{connect}")
        return
    if pgpass is None:
        raise InvalidInput("请用 --pgpass 文件 指定写入新数据库密码的文件（密码不显示在屏幕上）。")
    write_pgpass(pgpass, postgres_roles.pgpass_line(url, role, password))
    print(f"{whose}数据库账号 {role} 的密码已写入 {pgpass}（仅本人可读）。")
    print(
        "把这个文件交给该电脑的使用者，放到 ~/.pgpass（Windows：%APPDATA%\\postgresql\\"
        f"pgpass.conf）；工作台连接：stationdesk --db {connect}"
    )
