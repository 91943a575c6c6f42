"""What the commands share: the upgrade notice, password prompts, tables."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.cli.context import Context, read_password, table
from app.domain.errors import InvalidInput
from app.services.context import Actor
from app.store import migrate
from app.store.engine import Database
from tests.conftest import ADMIN_PASSWORD

LATER = '''"""a later schema"""

from alembic import op
import sqlalchemy as sa

revision = "0099"
down_revision = "{previous}"


def upgrade():
    with op.batch_alter_table("villages") as batch_op:
        batch_op.add_column(sa.Column("population", sa.Integer(), nullable=True))
'''


def test_an_older_file_is_upgraded_with_a_notice_before_the_login(
    db: Database,
    db_path: Path,
    admin: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    scripts = tmp_path / "db"
    shutil.copytree(migrate.SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    previous = migrate.head_revision(db.engine)
    (scripts / "versions" / "0099_later.py").write_text(
        LATER.format(previous=previous), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "SCRIPT_LOCATION", scripts)
    db.dispose()
    monkeypatch.setenv("STATIONDESK_PASSWORD", "wrong-password")
    assert main(["user", "list", "--db", str(db_path), "--user", "admin"]) == 2
    err = capsys.readouterr().err
    copy = db_path.with_name(f"{db_path.name}.before-0099.bak")
    assert err.splitlines() == [
        f"数据库已升级到版本 0099，升级前的副本：{copy}",
        "用户名或密码不正确。",
    ]
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    assert main(["user", "list", "--db", str(db_path), "--user", "admin"]) == 0
    assert "升级" not in capsys.readouterr().err  # already at the newest schema


def test_the_password_comes_from_the_environment_else_a_prompt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", "from-env")
    assert read_password("密码：") == "from-env"
    monkeypatch.delenv("STATIONDESK_PASSWORD")
    asked: list[str] = []

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return "typed"

    monkeypatch.setattr("getpass.getpass", getpass)
    assert read_password("密码：", again="再输入一次：", mismatch="不一致") == "typed"
    assert asked == ["密码：", "再输入一次："]

    def no_terminal(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", no_terminal)
    with pytest.raises(InvalidInput, match="STATIONDESK_BACKUP_PASSWORD"):
        read_password("备份密码：", variable="STATIONDESK_BACKUP_PASSWORD")


def test_the_location_falls_back_to_the_default_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("STATIONDESK_DB", str(tmp_path / "env.sqlite3"))
    assert Context(argparse.Namespace(db=None)).location == str(tmp_path / "env.sqlite3")
    assert Context(argparse.Namespace(db="given.sqlite3")).location == "given.sqlite3"


def test_tables_line_up_chinese_and_latin_by_display_width() -> None:
    assert table([("用户名", "角色"), ("lixia", "社工")]).splitlines() == [
        "用户名  角色",
        "lixia   社工",
    ]
