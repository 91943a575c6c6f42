"""`stationdesk station add|list`: the stations of a county database (as the administrator);
`station migrate`: an offline station's own file into the county's server (as its owner).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.cli.context import Context, admin_options, table, upgrade_notice
from app.desk import open_database
from app.domain.errors import InvalidInput
from app.services.community.photos import default_photo_folder
from app.services.packages.moving import MoveResult, StationMover
from app.services.settings.stations import StationService
from app.store.engine import database_url, sqlite_path
from app.store.location import shown_location


def add_parser(commands: Any) -> None:
    """Add `station` and its actions to the `stationdesk` command line."""
    station = commands.add_parser("station", help="站点（需要管理员身份）")
    actions = station.add_subparsers(dest="action", metavar="操作", required=True)
    add = actions.add_parser("add", parents=[admin_options()], help="添加站点及其村/社区")
    add.add_argument("--code", required=True, help="站点代码，如 JX0427（案号以它开头）")
    add.add_argument("--name", required=True, help="社工站名称")
    add.add_argument("--county", default="", help="所属县（区）")
    add.add_argument("--village", action="append", default=[], help="村/社区（可重复）")
    add.set_defaults(handler=run_add)
    actions.add_parser("list", parents=[admin_options()], help="列出所有站点").set_defaults(
        handler=run_list
    )
    _add_migrate(actions)


def _add_migrate(actions: Any) -> None:
    from app.cli.server import SSL_MODES

    move = actions.add_parser(
        "migrate",
        help="把离线站点自己的数据库文件（连同照片）迁移到县级服务器（以数据库所有者身份）",
        description="站点的全部记录和照片迁移到县数据库：记录保留 uuid 和版本，县里已有的不重复，"
        "县里较新的改动不覆盖（列为冲突）；逐表计数并核对，不一致则整个回滚。"
        "所有者的数据库密码取自 PGPASSWORD、~/.pgpass 或提示输入。",
    )
    move.add_argument(
        "--from", dest="source", required=True, metavar="FILE", help="站点的数据库文件"
    )
    move.add_argument(
        "--to", dest="server", required=True, metavar="URL",
        help="县数据库：postgresql://所有者@服务器:端口/库名（不要把密码写在这里）",
    )  # fmt: skip
    move.add_argument(
        "--photos", type=Path, metavar="DIR", help="站点的照片文件夹（默认：本机数据目录的 photos）"
    )
    move.add_argument(
        "--county-photos", type=Path, metavar="DIR",
        help="县里存放照片的文件夹（默认：本机数据目录的 photos，与导入数据包相同）",
    )  # fmt: skip
    move.add_argument("--sslmode", choices=SSL_MODES, help="与服务器的加密连接方式")
    move.add_argument("--dry-run", action="store_true", help="只统计，不写入")
    move.set_defaults(handler=run_migrate)


def run_add(ctx: Context) -> int:
    args = ctx.args
    with ctx.desk() as desk:
        made = desk.station.add_station(
            code=args.code, name=args.name, county=args.county, villages=args.village
        )
    print(f"已添加站点 {made.name}（{made.code}），村/社区 {made.villages} 个。")
    print(
        f"为该站添加用户：stationdesk user add --station {made.code} --name 用户名 "
        "--display 姓名 --role head"
    )
    return 0


def run_list(ctx: Context) -> int:
    with ctx.desk() as desk:
        stations = desk.station.list_stations()
    rows = [("代码", "名称", "村/社区", "用户", "服务对象")]
    rows += [(s.code, s.name, str(s.villages), str(s.users), str(s.clients)) for s in stations]
    print(table(rows))
    return 0


def station_id(stations: StationService, code: str) -> int:
    """The id of the station with `code` (any case), for `--station`."""
    wanted = code.strip().upper()
    for station in stations.list_stations():
        if station.code.upper() == wanted:
            return station.id
    raise InvalidInput(f"没有代码为 {code} 的站点（stationdesk station list 列出所有站点）。")


def run_migrate(ctx: Context) -> int:
    from app.cli.server import open_as_owner, owner_url

    args = ctx.args
    url = owner_url(args.server, args.sslmode, option="--to")
    if sqlite_path(database_url(args.source)) is None:
        raise InvalidInput("--from 应为站点自己的数据库文件（.sqlite3）。")
    source, _state = open_database(args.source, clock=ctx.clock, on_upgrade=upgrade_notice)
    try:
        county = open_as_owner(url)
        try:
            result = StationMover(
                source, county, source_photos=args.photos or default_photo_folder(),
                county_photos=args.county_photos or default_photo_folder(),
            ).move(dry_run=args.dry_run, server=shown_location(url))  # fmt: skip
        finally:
            county.dispose()
    finally:
        source.dispose()
    _print_move(result)
    if result.total("conflicts"):
        print(
            "县里较新的记录没有覆盖，已列为冲突：请用 stationdesk package conflicts "
            "（以县级管理员登录）查看并处理。"
        )
    if not args.dry_run:
        print(
            f"站点文件已标记为已迁移（打开时会提示）：{args.source}。站点今后连接服务器工作："
            f"stationdesk server add-station-role --station {result.station_code} "
            "为它建立数据库账号。"
        )
    return 0


def _print_move(result: MoveResult) -> None:
    print(result.text())
    rows: list[tuple[str, ...]] = [
        ("表", "文件中", "县里新增", "县里已有", "按文件更新", "保留县里的", "冲突")
    ]
    rows += [
        (t.label, *(str(n) for n in (t.in_file, t.new, t.already, t.changed, t.kept, t.conflicts)))
        for t in result.tables
    ]
    print(table(rows))
