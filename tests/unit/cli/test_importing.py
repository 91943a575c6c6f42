"""`stationdesk import clients`: counts printed, dry runs, error reports, exit codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.cli import main
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Client
from tests.conftest import ADMIN_PASSWORD
from tests.unit.services.importing import rosters

A = rosters.make_id(dt.date(1950, 1, 1), 1)
B = rosters.make_id(dt.date(1960, 1, 1), 3)


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    rows = [
        ["姓名", "身份证号", "村"],
        ["甲", A, "梅林村"],
        ["乙", B, "东山村"],
        ["丙", "123", "梅林村"],
    ]
    return rosters.write_xlsx(tmp_path / "名单.xlsx", rows, title="农村低保名单")


def run(db_path: Path, *args: str) -> int:
    return main(["import", "clients", "--db", str(db_path), *args, "--user", "admin"])


def clients(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Client)) or 0)


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)


def test_import_prints_counts_and_saves_the_errors(
    db: Database, admin: Actor, db_path: Path, roster: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    errors = tmp_path / "errors.xlsx"
    code = run(db_path, str(roster), "--category", "dibao_rural", "--errors", str(errors))
    out = capsys.readouterr().out
    assert code == 0
    assert "新增 2  更新 0  无变化 0  错误 1  重复 0  退出 0" in out
    assert clients(db) == 2
    assert openpyxl.load_workbook(errors).active.max_row == 2


def test_dry_run_writes_nothing(
    db: Database, admin: Actor, db_path: Path, roster: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            db_path,
            str(roster),
            "--category",
            "dibao_rural",
            "--dry-run",
            "--import-date",
            "2025-01-02",
        )
        == 0
    )
    assert "试运行" in capsys.readouterr().out
    assert clients(db) == 0


def test_nothing_importable_exits_non_zero(
    db: Database, admin: Actor, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = rosters.write_xlsx(
        tmp_path / "bad.xlsx", [["姓名", "身份证号"], ["甲", 360428195001010011]]
    )
    assert run(db_path, str(bad), "--category", "dibao_rural") == 1
    assert "错误 1" in capsys.readouterr().out


def test_known_errors_exit_two_with_a_message(
    db: Database, admin: Actor, db_path: Path, roster: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert run(db_path, str(roster)) == 2
    assert "dibao_rural" in capsys.readouterr().err
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert run(db_path, str(tmp_path / "empty.xlsx"), "--category", "dibao_rural") == 2
    assert "空的" in capsys.readouterr().err
    assert run(db_path, str(roster), "--category", "dibao_rural", "--import-date", "5/1") == 2
    assert "格式不对" in capsys.readouterr().err


def test_the_template_saved_from_the_command_line_imports_its_examples(
    db: Database, admin: Actor, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "名单模板.xlsx"
    assert main(["import", "template", "--db", str(db_path), str(template), "--user", "admin"]) == 0
    assert "名单模板已保存" in capsys.readouterr().out
    assert run(db_path, "--category", "dibao_rural", str(template)) == 0
    assert clients(db) == 2
