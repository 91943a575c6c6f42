"""What every command shares: the database's location, opening it, logging in, passwords.

A command gets one `Context` for its parsed arguments; it opens the database through
`open()` (which prints an upgrade notice) and logs in through `desk()` or `login()`, so
every command asks for the same things in the same order with the same messages.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.clock import Clock, SystemClock
from app.domain.errors import InvalidInput
from app.store.location import default_database, shown_location

if TYPE_CHECKING:  # loaded by the commands that open the database, not by `check`'s start
    from app.desk import Desk, SchemaState
    from app.store.engine import Database

ENV_PASSWORD = "STATIONDESK_PASSWORD"
EXIT_UNHEALTHY = 1
EXIT_ERROR = 2


@dataclass
class Context:
    """One command's arguments and the clock it runs by."""

    args: argparse.Namespace
    clock: Clock = field(default_factory=SystemClock)

    @property
    def location(self) -> str:
        """`--db`, else STATIONDESK_DB, else the file in the user data folder."""
        return str(getattr(self.args, "db", None) or default_database())

    @property
    def shown_location(self) -> str:
        """The location as printed: a server URL's password masked (***)."""
        return shown_location(self.location)

    def open(self, *, create: bool = False) -> Database:
        """The database at the newest schema; a missing file is refused unless `create`."""
        from app.desk import open_database
        from app.services.settings.setup import SetupService

        db, _state = open_database(
            self.location, clock=self.clock, create=create, on_upgrade=upgrade_notice
        )
        if db.is_sqlite:  # a station's own file whose data went to the county's server
            moved = SetupService(db).moved_notice()
            if moved:
                print(moved, file=sys.stderr)
        return db

    def login(
        self,
        db: Database,
        user: str | None,
        *,
        temporary_ok: bool = False,
        password: str | None = None,
    ) -> Desk:
        """Log `user` in on an initialised database (the password from the env or a prompt).

        A temporary password is refused (change it first) unless `temporary_ok`.
        """
        from app.desk import Desk
        from app.services.settings.setup import SetupService

        if not SetupService(db).is_initialised():
            raise InvalidInput("数据库还没有初始化，请先运行 stationdesk init。")
        if not user:
            raise InvalidInput("请用 --user 指定管理员用户名。")
        if password is None:
            password = read_password(f"{user} 的密码：")
        return Desk.login(db, user=user, password=password, temporary_password_ok=temporary_ok)

    def desk(self, *, temporary_ok: bool = False) -> Desk:
        """Open the database and log in as `--user`; close the desk when done."""
        db = self.open()
        try:
            return self.login(db, self.args.user, temporary_ok=temporary_ok)
        except BaseException:
            db.dispose()
            raise


def upgrade_notice(state: SchemaState) -> None:
    print(
        f"数据库已升级到版本 {state.to_revision}，升级前的副本：{state.backup_path}",
        file=sys.stderr,
    )


def read_password(
    prompt: str, *, variable: str = ENV_PASSWORD, again: str = "", mismatch: str = ""
) -> str:
    """The password from the environment `variable`, else asked for (twice when `again`)."""
    given = os.environ.get(variable)
    if given:
        return given
    try:
        password = getpass.getpass(prompt)
        if again and getpass.getpass(again) != password:
            raise InvalidInput(mismatch)
    except EOFError:
        raise InvalidInput(f"没有读到密码：请在终端里输入，或设置环境变量 {variable}。") from None
    return password


def database_option() -> argparse.ArgumentParser:
    """The `--db` every subcommand takes; SUPPRESS keeps a top-level --db when it is absent."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径或数据库 URL")
    return common


def admin_options() -> argparse.ArgumentParser:
    """`--db` and the administrator's `--user`."""
    admin = argparse.ArgumentParser(add_help=False, parents=[database_option()])
    admin.add_argument("--user", help=f"管理员用户名（密码取自 {ENV_PASSWORD} 或提示输入）")
    return admin


def progress_printer(what: str) -> Callable[[int, int], None] | None:
    """A percentage on stderr for a terminal; nothing when the output goes to a file."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{what}… {100 * done // max(total, 1)}%", end=end, file=sys.stderr)

    return show


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: Sequence[Sequence[str]]) -> str:
    """Columns padded by display width, so Chinese and Latin text line up in a terminal."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)
        ).rstrip()
        for row in rows
    )
