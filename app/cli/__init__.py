"""The command line: the GUI's services for set-up, demo data, users, stations, reports…

`stationdesk` alone starts the GUI. Known failures (`AppError`) print their Chinese
message and exit with 2, as bad arguments do; a failed health check exits with 1.

Each command group lives in its own module with an `add_parser` and handlers that take
a `Context` (app/cli/context.py); they log in through `app.desk.Desk`. Command modules
never import this package's `__init__`, so there is no cycle to work around.

The command modules (and through them SQLAlchemy and every service) load only when a
command is given: `--version` answers at once, and the GUI does not pay for the commands.
"""

from __future__ import annotations

import argparse
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
        args = build_parser().parse_args(argv)
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


def build_parser() -> argparse.ArgumentParser:
    from app.cli import (
        backup,
        case,
        evaluation,
        evidence,
        export,
        importing,
        package,
        project,
        report,
        server,
        setup,
        station,
        users,
    )

    parser = _options(
        argparse.ArgumentParser(
            prog="stationdesk", description="社工站工作台。不带子命令时启动图形界面。"
        )
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")
    setup.add_parser(commands)
    users.add_parser(commands)
    station.add_parser(commands)
    setup.add_check_parser(commands)
    importing.add_parser(commands)
    backup.add_parser(commands)
    case.add_parser(commands)
    export.add_parser(commands)
    report.add_parser(commands)
    project.add_parser(commands)
    evidence.add_parser(commands)
    evaluation.add_parser(commands)
    package.add_parser(commands)
    server.add_parser(commands)
    return parser
