"""`stationdesk station add|list`: the stations of a county database (as the administrator)."""

from __future__ import annotations

from typing import Any

from app.cli.context import Context, admin_options, table
from app.domain.errors import InvalidInput
from app.services.settings.stations import StationService


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
