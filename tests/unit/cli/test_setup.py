"""`stationdesk init`, `demo` and `check`, driven through `main([...])` on temporary files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.store.engine import Database
from app.store.models import Client
from tests.unit.cli.conftest import log_in


def test_init_asks_for_the_password_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("STATIONDESK_PASSWORD", raising=False)
    answers = iter(["first-pass-1", "other-pass-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    args = ["init", "--db", str(tmp_path / "s.sqlite3"), "--station", "站", "--station-code",
            "AB12", "--admin", "boss"]  # fmt: skip
    assert main(args) == 2
    assert "两次输入的密码不一致" in capsys.readouterr().err
    assert not (tmp_path / "s.sqlite3").exists()


def test_check_fails_on_a_garbage_file_and_leaves_it_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"\x00garbage" * 512)
    assert main(["check", "--db", str(path)]) != 0
    assert "不是工作台的数据库文件" in capsys.readouterr().err
    assert path.read_bytes() == b"\x00garbage" * 512


def test_demo_on_a_new_path_prints_credentials_that_log_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new" / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--seed", "3"]) == 0
    out = capsys.readouterr().out
    login = re.search(r"管理员用户名：(\S+)", out)
    password = re.search(r"管理员密码：(\w+)", out)
    assert login and password, out
    log_in(path, login.group(1), password.group(1))
    db = Database.open(path)
    try:
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Client)) == 400
    finally:
        db.dispose()


def test_demo_fills_a_station_made_by_init(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--db", str(station), "--user", "boss"]) == 0
    assert "400 名服务对象" in capsys.readouterr().out
    assert main(["demo", "--db", str(station), "--user", "boss"]) == 2
    assert "已有服务对象" in capsys.readouterr().err


def test_demo_needs_an_explicit_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 2
    assert "--db" in capsys.readouterr().err
