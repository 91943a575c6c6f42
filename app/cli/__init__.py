"""The command line: the GUI's services for set-up, demo data, users, stations, reports…

`stationdesk` alone starts the GUI. Known failures (`AppError`) print their Chinese
message and exit with 2, as bad arguments do; a failed health check exits with 1.

Each command group lives in its own module with an `add_parser` and handlers that take
a `Context` (app/cli/context.py); they log in through `app.desk.Desk`. Command modules
never import this package's `__init__`, so there is no cycle to work around.

The command modules (and through them SQLAlchemy and every service) load only when a
command is given, and then only the given command's (`COMMANDS`): `--version` answers at
once, and neither the GUI nor one command pays for the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from app import __version__

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The options alone first (argparse exits here for --version); a command, --help or
    # anything unknown goes to the whole parser, which loads the command modules.
    top = _options(argparse.ArgumentParser(prog="stationdesk", add_help=False))
    args, rest = top.parse_known_args(argv)
    if rest:
        args = build_parser(rest[0]).parse_args(argv)
    from app.store.location import keep_files_private

    keep_files_private()
    if args.self_test:
        from app.selftest import main as self_test

        return self_test([])
    if args.command is None:
        from app.ui.app import run_gui  # Qt loads only when the GUI is wanted

        return run_gui(args.db)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from app.cli.context import EXIT_ERROR, Context
    from app.domain.errors import AppError

    try:
        result: int = args.handler(Context(args))
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


def _options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options `stationdesk` takes before (or without) a command."""
    parser.add_argument("--version", action="version", version=f"stationdesk {__version__}")
    parser.add_argument("--db", help="数据库文件路径或数据库 URL（默认：用户数据目录）")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="自检：在临时数据库上生成月报（Excel 和 PDF），检查中文字体与界面翻译",
    )
    parser.set_defaults(command=None)
    return parser


COMMANDS = {
    "init": "setup",
    "demo": "setup",
    "user": "users",
    "station": "station",
    "check": "check",
    "import": "importing",
    "backup": "backup",
    "restore": "backup",
    "case": "case",
    "export": "export",
    "report": "report",
    "project": "project",
    "pack": "evidence",
    "evaluation": "evaluation",
    "package": "package",
    "server": "server",
}
"""Each command and the module (in app/cli) that adds it: a command loads its own module
only, so `check` starts reading the file before the rest of the program has loaded."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, or only `command`'s part of it when it is a known command."""
    parser = _options(
        argparse.ArgumentParser(
            prog="stationdesk", description="社工站工作台。不带子命令时启动图形界面。"
        )
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")
    wanted = [COMMANDS[command]] if command in COMMANDS else COMMANDS.values()
    for name in dict.fromkeys(wanted):  # in the order of COMMANDS, each module once
        importlib.import_module(f"app.cli.{name}").add_parser(commands)
    return parser
