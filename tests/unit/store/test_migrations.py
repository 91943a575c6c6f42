"""Alembic migrations: they build exactly the models, and an upgrade never loses a file."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, inspect, select

from app.domain.errors import StorageError
from app.services.context import Actor
from app.store import migrate, sqlite_files
from app.store.base import Base
from app.store.engine import Database
from app.store.models import Village

SOURCE = migrate.SCRIPT_LOCATION


def pending_changes(db: Database, metadata: MetaData) -> list[Sequence[object]]:
    """What autogenerate would write: (op, ...) tuples, or lists of them for changed columns."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": migrate.include_name, "compare_type": True}
        )
        return list(compare_metadata(context, metadata))


def test_upgrading_an_empty_file_reaches_the_head_revision(db_path: Path) -> None:
    database = Database.open(db_path)
    try:
        result = migrate.upgrade(database.engine)
        assert result.from_revision is None
        assert result.to_revision == migrate.head_revision(database.engine)
        assert migrate.current_revision(database.engine) == result.to_revision
        assert result.backup is None
        assert "client_search" in inspect(database.engine).get_table_names()
    finally:
        database.dispose()


def test_the_migrations_produce_exactly_the_models(db: Database) -> None:
    assert pending_changes(db, Base.metadata) == []


def test_a_model_change_without_a_migration_would_be_noticed(db: Database) -> None:
    changed = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    changed.tables["villages"].append_column(Column("population", Integer))
    diff = pending_changes(db, changed)
    assert [d[0] for d in diff] == ["add_column"]


def test_upgrading_a_file_at_the_head_does_nothing(db: Database, db_path: Path) -> None:
    result = migrate.upgrade(db.engine)
    assert result.from_revision == result.to_revision
    assert result.backup is None
    assert list(db_path.parent.glob("*.bak")) == []


NEXT_REVISION = '''"""a later schema"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{previous}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("villages") as batch_op:
        batch_op.add_column(sa.Column("population", sa.Integer(), nullable=True))
    {failure}


def downgrade() -> None:
    with op.batch_alter_table("villages") as batch_op:
        batch_op.drop_column("population")
'''


@pytest.fixture
def later_scripts(
    tmp_path: Path, db: Database, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., None]:
    """Point the app at a copy of db/ with one more revision; returns a function to write it."""
    scripts = tmp_path / "db"
    shutil.copytree(SOURCE, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    previous = migrate.head_revision(db.engine)
    monkeypatch.setattr(migrate, "SCRIPT_LOCATION", scripts)

    def write(*, failing: bool) -> None:
        failure = 'raise RuntimeError("migration failed")' if failing else "pass"
        text = NEXT_REVISION.format(previous=previous, failure=failure)
        (scripts / "versions" / "9999_later.py").write_text(text, encoding="utf-8")

    return write


def village_names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM villages ORDER BY id")]
    finally:
        conn.close()


def columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def test_upgrading_an_older_file_makes_a_verified_backup_first(
    db: Database, db_path: Path, admin: Actor, later_scripts: Callable[..., None]
) -> None:
    previous = migrate.current_revision(db.engine)
    later_scripts(failing=False)
    result = migrate.upgrade(db.engine)
    assert (result.from_revision, result.to_revision) == (previous, "9999")
    assert result.backup == db_path.with_name(f"{db_path.name}.before-9999.bak")
    assert sqlite_files.integrity_problems(result.backup) == []
    assert "population" not in columns(result.backup, "villages")
    assert village_names(result.backup) == ["梅林村", "东山村", "河口社区"]
    assert "population" in columns(db_path, "villages")
    assert migrate.current_revision(db.engine) == "9999"


def test_a_failed_upgrade_puts_the_backup_back(
    db: Database,
    db_path: Path,
    admin: Actor,
    later_scripts: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    previous = migrate.current_revision(db.engine)
    restored: list[tuple[Path, Path]] = []
    real_restore = sqlite_files.restore_copy

    def spy(copy: Path, target: Path) -> None:
        restored.append((copy, target))
        real_restore(copy, target)

    monkeypatch.setattr(sqlite_files, "restore_copy", spy)
    later_scripts(failing=True)
    with pytest.raises(RuntimeError, match="migration failed"):
        migrate.upgrade(db.engine)
    backup = db_path.with_name(f"{db_path.name}.before-9999.bak")
    assert restored == [(backup, db_path)]
    assert migrate.current_revision(db.engine) == previous
    assert "population" not in columns(db_path, "villages")
    assert village_names(db_path) == ["梅林村", "东山村", "河口社区"]
    assert sqlite_files.integrity_problems(db_path) == []


def test_a_file_damaged_by_the_upgrade_is_restored_and_reported_in_chinese(
    db: Database,
    db_path: Path,
    admin: Actor,
    later_scripts: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_check = sqlite_files.integrity_problems

    def damaged_after_upgrade(path: Path, *, quick: bool = False) -> list[str]:
        if path == db_path and "population" in columns(path, "villages"):
            return ["row 3 missing from index"]
        return real_check(path, quick=quick)

    monkeypatch.setattr(sqlite_files, "integrity_problems", damaged_after_upgrade)
    later_scripts(failing=False)
    with pytest.raises(StorageError) as raised:
        migrate.upgrade(db.engine)
    assert "完整性检查未通过" in raised.value.message
    assert "row 3" in raised.value.detail
    assert "population" not in columns(db_path, "villages")


def test_foreign_keys_are_back_on_after_a_failed_upgrade(
    db_path: Path, later_scripts: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    later_scripts(failing=True)
    fresh = Database.open(db_path.with_name("fresh.sqlite3"))
    try:
        with pytest.raises(RuntimeError):
            migrate.upgrade(fresh.engine)
        with fresh.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        fresh.dispose()


def test_data_survives_an_upgrade(
    db: Database, admin: Actor, later_scripts: Callable[..., None]
) -> None:
    later_scripts(failing=False)
    migrate.upgrade(db.engine)
    with db.read() as session:
        assert session.scalars(select(Village.name).order_by(Village.id)).all() == [
            "梅林村",
            "东山村",
            "河口社区",
        ]


def test_the_head_read_from_the_scripts_is_alembics(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory(str(migrate.SCRIPT_LOCATION)).get_heads()
    assert migrate.declared_head() == heads[0]
    # Two heads (two branches not merged yet): unsure, so Alembic is asked instead.
    for name, text in (("a.py", 'revision = "a"\ndown_revision = None\n'),
                       ("b.py", 'revision: str = "b"\ndown_revision = None\n')):  # fmt: skip
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert migrate.declared_head(tmp_path) is None
    (tmp_path / "c.py").write_text('revision = "c"\ndown_revision = ("a", "b")\n')
    assert migrate.declared_head(tmp_path) is None  # a merge is not read from text
