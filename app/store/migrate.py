"""Schema upgrades through Alembic, with a verified copy taken before touching a file.

Alembic (with Mako and Pygments) costs about half a second and 20 MB to import, so it
loads only when there is something to upgrade: a file already at the newest revision is
recognised from the migration scripts' own `revision =` lines and the `alembic_version`
row, read with plain SQL.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from app.domain.errors import StorageError
from app.resources import migrations_dir
from app.store import postgres_rls, search, sqlite_files
from app.store.engine import sqlite_path, storage_errors

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

SCRIPT_LOCATION = migrations_dir()
_REVISION = re.compile(r"""^(down_)?revision(?:\s*:[^=]+)?\s*=\s*(?:["']([^"']+)["']|None)""", re.M)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Autogenerate's filter: what the models do not describe. The full-text index is
    SQLite-only (app.store.search); PostgreSQL's search indexes (ix_pg_*) and the county
    server's role map (app.store.postgres_rls) are made outside the models."""
    if name is None:
        return True
    if type_ == "table":
        return not (search.is_search_table(name) or name == postgres_rls.MAPPING)
    return not (type_ == "index" and name.startswith("ix_pg_"))


def head_revision(engine: Engine) -> str:
    """The newest revision of the migration scripts (from their text when it is clear)."""
    head = declared_head()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config(engine)).get_heads()
    return heads[0]


def known_revisions() -> set[str]:
    """Every revision this version of the app has a migration for."""
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory(str(SCRIPT_LOCATION)).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision in `alembic_version`; None for a file without one (a new file)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        if len(rows) <= 1:
            return str(rows[0][0]) if rows else None
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(conn).get_current_revision()  # several heads


def declared_head(versions: Path | None = None) -> str | None:
    """The one head of the migration scripts, read from their text; None if unsure.

    Only a shortcut: when the scripts cannot be read this way (or have several heads)
    the caller asks Alembic.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((versions or SCRIPT_LOCATION / "versions").glob("*.py")):
        found = {
            bool(m.group(1)): m.group(2)
            for m in _REVISION.finditer(script.read_text(encoding="utf-8"))
        }
        if found.get(False) is None:
            return None
        revisions.add(str(found[False]))
        if found.get(True):
            parents.add(str(found[True]))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def _may_upgrade(engine: Engine) -> bool:
    """On a server only the schema's owner migrates: a station's or the county's role
    (app/store/postgres_roles.py) may not, and must not half-try."""
    if engine.dialect.name != "postgresql":
        return True
    with engine.connect() as conn:
        owns = conn.execute(
            text(
                "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class "
                "WHERE oid = to_regclass('alembic_version')"
            )
        ).scalar()
    return owns is None or bool(owns)


def upgrade(engine: Engine) -> UpgradeResult:
    """Bring the database to the newest schema; an older SQLite file is copied first.

    If the upgrade fails, the copy is put back, so the file is as it was before. A schema
    newer than the program, or an older one on a server this role may not upgrade, is
    refused with what to do about it.
    """
    with storage_errors():
        before = current_revision(engine)
        head = head_revision(engine)
        if before == head:
            return UpgradeResult(before, head, None)
        if before is not None and before not in known_revisions():
            raise StorageError(
                f"数据库的表结构（版本 {before}）比本程序新（本程序到版本 {head}）："
                "请先把工作台升级到新版本再打开它。"
            )
        if before is not None and not _may_upgrade(engine):
            raise StorageError(
                f"服务器上数据库的表结构（版本 {before}）比本程序旧（版本 {head}）："
                "请县里管理员在服务器上运行 stationdesk server init 升级数据库后再登录。"
            )
        return _upgrade(engine, before, head)


def _upgrade(engine: Engine, before: str | None, head: str) -> UpgradeResult:
    from alembic import command

    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    backup: Path | None = None
    if path is not None and path.exists() and before is not None:
        backup = path.with_name(f"{path.name}.before-{head}.bak")
        sqlite_files.online_backup(path, backup)
        log.info("copied %s to %s before upgrading from %s", path, backup, before)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                # Batch migrations copy tables; foreign keys would cascade or fail mid-copy.
                # The pragma is ignored inside a transaction, so set it before BEGIN;
                # foreign_key_check runs after the upgrade instead.
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            try:
                with conn.begin():
                    config = alembic_config(engine)
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
            finally:
                # The connection goes back to the pool: it must not keep foreign keys off.
                if engine.dialect.name == "sqlite":
                    conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    except Exception:
        if backup is not None and path is not None:
            engine.dispose()
            sqlite_files.restore_copy(backup, path)
            log.exception("upgrade failed; restored %s from %s", path, backup)
        raise
    if path is not None:
        problems = sqlite_files.integrity_problems(path)
        if problems:
            engine.dispose()
            if backup is not None:
                sqlite_files.restore_copy(backup, path)
            restored = "，已恢复为升级前的备份" if backup is not None else ""
            raise StorageError(
                f"数据库升级后完整性检查未通过{restored}。请联系技术支持。",
                detail="; ".join(problems[:3]),
            )
    return UpgradeResult(before, head, backup)
