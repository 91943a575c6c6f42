"""The command line, driven through `main([...])` on temporary files."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import __version__
from app.cli import main
from app.domain.errors import AuthenticationFailed
from app.services.access.auth import AuthService
from app.store.engine import Database
from app.store.models import Client

PASSWORD = "boss-pass-123"


def _temporary_password(output: str) -> str:
    found = re.search(r"临时密码：(\w+)", output)
    assert found, output
    return found.group(1)


def _login(path: Path, login: str, password: str) -> None:
    db = Database.open(path)
    try:
        AuthService(db).login(login=login, password=password)
    finally:
        db.dispose()


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database made by `stationdesk init`, with STATIONDESK_PASSWORD set to its admin's."""
    monkeypatch.setenv("STATIONDESK_PASSWORD", PASSWORD)
    path = tmp_path / "station.sqlite3"
    code = main(
        ["init", "--db", str(path), "--station", "梅林镇社工站", "--station-code", "JX0426",
         "--admin", "boss", "--display-name", "王站长",
         "--village", "梅林村", "--village", "东山村"]
    )  # fmt: skip
    assert code == 0
    return path


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


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_then_users_then_check(station: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(station), "--user", "boss"]
    capsys.readouterr()
    assert (
        main(["user", "add", *db, "--name", "lixia", "--display", "李霞", "--role", "worker"]) == 0
    )
    first = _temporary_password(capsys.readouterr().out)
    _login(station, "lixia", first)

    assert main(["user", "list", *db]) == 0
    listing = capsys.readouterr().out
    assert re.search(r"lixia\s+李霞\s+社工", listing) and "boss" in listing

    assert main(["user", "reset-password", *db, "--name", "lixia"]) == 0
    second = _temporary_password(capsys.readouterr().out)
    assert second != first
    with pytest.raises(AuthenticationFailed):
        _login(station, "lixia", first)
    for _ in range(6):  # six failures lock the account
        with pytest.raises(AuthenticationFailed):
            _login(station, "lixia", "wrong-password")
    with pytest.raises(AuthenticationFailed, match="锁定"):
        _login(station, "lixia", second)

    assert main(["user", "unlock", *db, "--name", "lixia"]) == 0
    _login(station, "lixia", second)

    assert main(["check", "--db", str(station)]) == 0
    out = capsys.readouterr().out
    assert "数据库正常" in out and "用户 2 个" in out


def test_a_wrong_admin_password_exits_2_with_a_chinese_message(
    station: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", "not-the-password")
    assert main(["user", "list", "--db", str(station), "--user", "boss"]) == 2
    assert "用户名或密码不正确" in capsys.readouterr().err


def test_user_commands_need_the_admin_login(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["user", "list", "--db", str(station)]) == 2
    assert "--user" in capsys.readouterr().err


def test_user_commands_do_not_create_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "missing.sqlite3"
    assert main(["user", "list", "--db", str(path), "--user", "boss"]) == 2
    assert "不存在" in capsys.readouterr().err
    assert not path.exists()


def test_bad_arguments_exit_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["user", "add", "--name", "x"])
    assert stopped.value.code == 2
    assert "usage:" in capsys.readouterr().err


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
    _login(path, login.group(1), password.group(1))
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


def test_no_command_starts_the_gui_with_the_given_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[str | None] = []
    fake = types.ModuleType("app.ui.app")
    fake.run_gui = lambda location=None: started.append(location) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.ui.app", fake)
    assert main([]) == 0
    assert main(["--db", "elsewhere.sqlite3"]) == 0
    assert started == [None, "elsewhere.sqlite3"]


def test_demo_needs_an_explicit_database(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 2
    assert "--db" in capsys.readouterr().err
