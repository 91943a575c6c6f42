"""`stationdesk backup` and `stationdesk restore`, and the backup lines of `stationdesk check`.

Both commands need an administrator's (restore) or station head's (backup) login, the
password from STATIONDESK_PASSWORD or a prompt. A backup password for `--encrypt` and for
restoring an encrypted backup comes from STATIONDESK_BACKUP_PASSWORD or a prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy.exc import DBAPIError

from app.domain.clock import SystemClock
from app.domain.errors import AppError, InvalidInput, NotFound
from app.services.access.auth import AuthService
from app.services.backup.crypto import is_encrypted
from app.services.backup.restore import restore_as_backup_admin
from app.services.backup.service import (
    BackupService,
    backup_folder,
    list_in,
    newest_verified,
)
from app.services.backup.types import BackupInfo, RestoreResult, sha256_of
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.store import file_guard
from app.store.engine import Database, database_url, sqlite_path
from app.store.location import default_database

ENV_PASSWORD = "STATIONDESK_PASSWORD"
ENV_BACKUP_PASSWORD = "STATIONDESK_BACKUP_PASSWORD"
STALE_DAYS = 7
_CLOCK = SystemClock()


def add_parser(subparsers: Any) -> None:
    """Add `backup` and `restore` to the `stationdesk` command line."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件路径")
    common.add_argument("--user", help=f"登录用户名（密码取自 {ENV_PASSWORD} 或提示输入）")

    backup = subparsers.add_parser(
        "backup", parents=[common], help="备份数据库（先存本机备份文件夹，再复制到 --to 并校验）"
    )
    backup.add_argument(
        "--to", metavar="DIR", help="再复制到这个文件夹（如U盘），复制后重新读出校验"
    )
    backup.add_argument(
        "--encrypt", action="store_true", help=f"用备份密码加密（密码取自 {ENV_BACKUP_PASSWORD}）"
    )
    backup.set_defaults(handler=run)

    restore = subparsers.add_parser(
        "restore", parents=[common], help="从备份恢复（需要管理员；原数据库改名保留）"
    )
    restore.add_argument("--from", dest="source", required=True, metavar="FILE", help="备份文件")
    restore.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.command == "backup":
        return _backup(args)
    return _restore(args)


def _backup(args: argparse.Namespace) -> int:
    path = _database(args)
    if not path.exists():
        raise NotFound(f"数据库文件不存在：{path}")
    db = Database.open(path)
    try:
        service = BackupService(db, _login(db, args.user))
        password = _backup_password(confirm=True) if args.encrypt else None
        if args.to:
            info = service.backup_to(folder=Path(args.to), password=password)
            print(f"已备份并复制到：{info.path}（复制后已重新读出核对，一致）")
        else:
            info = service.backup_now(password=password)
            print(f"已备份到：{info.path}")
    finally:
        db.dispose()
    print(f"  {describe(info)}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    path = _database(args)
    source = Path(args.source)
    if not source.is_file():
        raise NotFound(f"找不到备份文件：{source}")
    # A running app holds this lock: restoring under it would pull the file from under it.
    lock = file_guard.InstanceLock(path).acquire()
    try:
        backup_password = _backup_password() if is_encrypted(source) else None
        result = _restore_locked(path, source, args.user, backup_password)
    finally:
        lock.release()
    print(f"已从备份恢复：{result.restored_from}")
    print(
        f"  服务对象 {result.counts.get('clients', 0)} 名，个案 {result.counts.get('cases', 0)} 个"
    )
    if result.set_aside is not None:
        print(f"  原来的数据库没有删除，已改名保存为：{result.set_aside}")
    return 0


def _restore_locked(
    path: Path, source: Path, user: str | None, backup_password: str | None
) -> RestoreResult:
    db = _usable(path)
    if db is None:
        # The current file cannot check anyone's login: an administrator of the backup may.
        print("当前数据库无法打开，将用备份中的管理员账号核对身份。", file=sys.stderr)
        login = _required_user(user)
        return restore_as_backup_admin(
            target=path, backup=source, login=login, password=_password(f"{login} 的密码："),
            backup_password=backup_password, now=_CLOCK.local_now(),
        )  # fmt: skip
    try:
        service = BackupService(db, _login(db, user))
        return service.restore(backup=source, password=backup_password)
    finally:
        db.dispose()


def _usable(path: Path) -> Database | None:
    """The current database if it opens, is intact and has users; else None."""
    if not path.exists() or file_guard.damage(path):
        return None
    db = Database.open(path)
    try:
        if SetupService(db).is_initialised():
            return db
    except (AppError, DBAPIError):
        pass
    db.dispose()
    return None


def describe(info: BackupInfo) -> str:
    when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    lock = "，已加密" if info.encrypted else ""
    return (
        f"{when}，{info.reason.label}，{info.size / 1_048_576:.1f} MB{lock}；"
        f"服务对象 {info.count('clients')} 名，个案 {info.count('cases')} 个，"
        f"服务记录 {info.count('service_records')} 条"
    )


def print_backups(location: str, out: TextIO) -> None:
    """The backup part of `stationdesk check`: where the database lives, the newest backup."""
    path = sqlite_path(database_url(location))
    if path is None:
        return
    where = file_guard.placement(path)
    if where.network:
        print("  数据库在网络共享上：工作台不会在这里打开它，请复制到本机硬盘。", file=out)
    elif where.removable:
        print("  数据库在U盘或移动硬盘上：建议放在本机硬盘，U盘只存备份。", file=out)
    folder = backup_folder(path)
    backups = list_in(folder)
    broken = [b.path.name for b in backups if sha256_of(b.path) != b.sha256]
    newest = newest_verified(folder)
    if newest is None:
        print(f"  没有经过校验的备份（备份文件夹：{folder}）。", file=out)
    else:
        print(f"  最近的备份：{describe(newest)}", file=out)
        print(f"    {newest.path}", file=out)
        age = _CLOCK.local_now() - newest.created_at
        if age > dt.timedelta(days=STALE_DAYS):
            print(f"  最近一次备份已是 {age.days} 天前，请尽快备份。", file=out)
    for name in broken:
        print(f"  备份文件与校验值不一致（已损坏）：{name}", file=out)


# ---- helpers -------------------------------------------------------------------------


def _database(args: argparse.Namespace) -> Path:
    location = str(getattr(args, "db", None) or default_database())
    path = sqlite_path(database_url(location))
    if path is None:
        raise InvalidInput("备份和恢复只适用于本机数据库文件；服务器数据库由服务器管理员备份。")
    return path


def _required_user(user: str | None) -> str:
    if not user:
        raise InvalidInput("请用 --user 指定用户名。")
    return user


def _login(db: Database, user: str | None) -> Actor:
    login = _required_user(user)
    return AuthService(db).login(login=login, password=_password(f"{login} 的密码："))


def _password(prompt: str) -> str:
    return os.environ.get(ENV_PASSWORD) or _ask(prompt, ENV_PASSWORD)


def _backup_password(*, confirm: bool = False) -> str:
    given = os.environ.get(ENV_BACKUP_PASSWORD)
    if given:
        return given
    password = _ask("备份密码：", ENV_BACKUP_PASSWORD)
    if confirm and _ask("再输入一次备份密码：", ENV_BACKUP_PASSWORD) != password:
        raise InvalidInput("两次输入的备份密码不一致。")
    return password


def _ask(prompt: str, variable: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise InvalidInput(f"没有读到密码：请在终端里输入，或设置环境变量 {variable}。") from None
