"""`stationdesk backup` and `stationdesk restore`, and the backup lines of `stationdesk check`.

Both commands need an administrator's (restore) or station head's (backup) login, the
password from STATIONDESK_PASSWORD or a prompt. A backup password for `--encrypt` and for
restoring an encrypted backup comes from STATIONDESK_BACKUP_PASSWORD or a prompt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from app.cli.context import ENV_PASSWORD, Context, read_password
from app.desk import Desk
from app.domain.clock import Clock
from app.domain.errors import AppError, InvalidInput, NotFound
from app.services.backup.crypto import is_encrypted
from app.services.backup.restore import restore_as_backup_admin
from app.services.backup.service import backup_folder, list_in
from app.services.backup.types import BackupInfo, RestoreResult, sha256_of
from app.services.settings.setup import SetupService
from app.store import file_guard
from app.store.engine import Database, database_url, sqlite_path

ENV_BACKUP_PASSWORD = "STATIONDESK_BACKUP_PASSWORD"
STALE_DAYS = 7


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
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", parents=[common], help="从备份恢复（需要管理员；原数据库改名保留）"
    )
    restore.add_argument("--from", dest="source", required=True, metavar="FILE", help="备份文件")
    restore.set_defaults(handler=run_restore)


def run_backup(ctx: Context) -> int:
    path = _database(ctx)
    if not path.exists():
        raise NotFound(f"数据库文件不存在：{path}")
    with _login(Database.open(path, clock=ctx.clock), ctx.args.user) as desk:
        password = _backup_password(confirm=True) if ctx.args.encrypt else None
        if ctx.args.to:
            info = desk.backups.backup_to(folder=Path(ctx.args.to), password=password)
            print(f"已备份并复制到：{info.path}（复制后已重新读出核对，一致）")
        else:
            info = desk.backups.backup_now(password=password)
            print(f"已备份到：{info.path}")
    print(f"  {describe(info)}")
    return 0


def run_restore(ctx: Context) -> int:
    path = _database(ctx)
    source = Path(ctx.args.source)
    if not source.is_file():
        raise NotFound(f"找不到备份文件：{source}")
    # A running app holds this lock: restoring under it would pull the file from under it.
    lock = file_guard.InstanceLock(path).acquire()
    try:
        backup_password = _backup_password() if is_encrypted(source) else None
        result = _restore_locked(ctx, path, source, backup_password)
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
    ctx: Context, path: Path, source: Path, backup_password: str | None
) -> RestoreResult:
    db = _usable(path, ctx.clock)
    if db is None:
        # The current file cannot check anyone's login: an administrator of the backup may.
        print("当前数据库无法打开，将用备份中的管理员账号核对身份。", file=sys.stderr)
        login = _required_user(ctx.args.user)
        return restore_as_backup_admin(
            target=path, backup=source, login=login, password=read_password(f"{login} 的密码："),
            backup_password=backup_password, now=ctx.clock.local_now(),
        )  # fmt: skip
    with _login(db, ctx.args.user) as desk:
        return desk.backups.restore(backup=source, password=backup_password)


def _usable(path: Path, clock: Clock) -> Database | None:
    """The current database if it opens, is intact and has users; else None."""
    if not path.exists() or file_guard.damage(path):
        return None
    db = Database.open(path, clock=clock)
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


def backup_lines(location: str, *, clock: Clock) -> list[str]:
    """The backup part of `stationdesk check`: where the database lives, the newest backup.

    Backups are read newest first until one matches its checksum (each is as large as
    the database); the older ones are checked when one of them is restored.
    """
    path = sqlite_path(database_url(location))
    if path is None:
        return []
    lines = []
    where = file_guard.placement(path)
    if where.network:
        lines.append("  数据库在网络共享上：工作台不会在这里打开它，请复制到本机硬盘。")
    elif where.removable:
        lines.append("  数据库在U盘或移动硬盘上：建议放在本机硬盘，U盘只存备份。")
    folder = backup_folder(path)
    broken: list[str] = []
    newest = None
    for info in list_in(folder):  # newest first
        if _intact(info):
            newest = info
            break
        broken.append(info.path.name)
    if newest is None:
        lines.append(f"  没有经过校验的备份（备份文件夹：{folder}）。")
    else:
        lines.append(f"  最近的备份：{describe(newest)}")
        lines.append(f"    {newest.path}")
        age = clock.local_now() - newest.created_at
        if age > dt.timedelta(days=STALE_DAYS):
            lines.append(f"  最近一次备份已是 {age.days} 天前，请尽快备份。")
    lines += [f"  备份文件与校验值不一致（已损坏）：{name}" for name in broken]
    return lines


def _intact(info: BackupInfo) -> bool:
    try:
        return sha256_of(info.path) == info.sha256
    except OSError:
        return False


# ---- helpers -------------------------------------------------------------------------


def _database(ctx: Context) -> Path:
    path = sqlite_path(database_url(ctx.location))
    if path is None:
        raise InvalidInput("备份和恢复只适用于本机数据库文件；服务器数据库由服务器管理员备份。")
    return path


def _required_user(user: str | None) -> str:
    if not user:
        raise InvalidInput("请用 --user 指定用户名。")
    return user


def _login(db: Database, user: str | None) -> Desk:
    """Log in on an open database (closed again if the login fails)."""
    try:
        login = _required_user(user)
        return Desk.login(db, user=login, password=read_password(f"{login} 的密码："))
    except BaseException:
        db.dispose()
        raise


def _backup_password(*, confirm: bool = False) -> str:
    return read_password(
        "备份密码：", variable=ENV_BACKUP_PASSWORD,
        again="再输入一次备份密码：" if confirm else "", mismatch="两次输入的备份密码不一致。",
    )  # fmt: skip
