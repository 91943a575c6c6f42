"""`stationdesk user …` (and `check` after them), driven through `main([...])`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import main
from app.domain.errors import AuthenticationFailed
from tests.unit.cli.conftest import log_in


def _temporary_password(output: str) -> str:
    found = re.search(r"临时密码：(\w+)", output)
    assert found, output
    return found.group(1)


def test_init_then_users_then_check(station: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(station), "--user", "boss"]
    capsys.readouterr()
    assert (
        main(["user", "add", *db, "--name", "lixia", "--display", "李霞", "--role", "worker"]) == 0
    )
    first = _temporary_password(capsys.readouterr().out)
    log_in(station, "lixia", first)

    assert main(["user", "list", *db]) == 0
    listing = capsys.readouterr().out
    assert re.search(r"lixia\s+李霞\s+社工", listing) and "boss" in listing

    assert main(["user", "reset-password", *db, "--name", "lixia"]) == 0
    second = _temporary_password(capsys.readouterr().out)
    assert second != first
    with pytest.raises(AuthenticationFailed):
        log_in(station, "lixia", first)
    for _ in range(6):  # six failures lock the account
        with pytest.raises(AuthenticationFailed):
            log_in(station, "lixia", "wrong-password")
    with pytest.raises(AuthenticationFailed, match="锁定"):
        log_in(station, "lixia", second)

    assert main(["user", "unlock", *db, "--name", "lixia"]) == 0
    log_in(station, "lixia", second)

    assert main(["check", "--db", str(station)]) == 0
    out = capsys.readouterr().out
    assert "数据库正常" in out and "用户 2 个" in out
    assert "校验链完整" in out


def test_a_wrong_admin_password_exits_2_with_a_chinese_message(
    station: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", "not-the-password")
    assert main(["user", "list", "--db", str(station), "--user", "boss"]) == 2
    assert "用户名或密码不正确" in capsys.readouterr().err


def test_user_commands_need_the_adminlog_in(
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


def test_a_temporary_password_opens_no_command_until_it_is_changed(
    station: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(station)]
    assert main(["user", "add", *db, "--user", "boss", "--name", "laowang", "--display",
                 "王明", "--role", "head"]) == 0  # fmt: skip
    temporary = _temporary_password(capsys.readouterr().out)
    monkeypatch.setenv("STATIONDESK_PASSWORD", temporary)
    export = str(station.with_name("list.xlsx"))
    refused = [
        ["user", "list", *db, "--user", "laowang"],
        ["export", "clients", *db, "--user", "laowang", "--xlsx", export,
         "--full-ids", "--reason", "核对"],
        ["report", "monthly", *db, "--user", "laowang", "--month", "2026-10", "--xlsx", export],
    ]  # fmt: skip
    for command in refused:
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert "临时密码" in err and "stationdesk user passwd" in err, command
        assert not Path(export).exists()

    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", temporary)
    assert main(["user", "passwd", *db, "--user", "laowang"]) == 2
    assert "新密码不能与原密码相同" in capsys.readouterr().err
    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", "wang-ming-2026")
    assert main(["user", "passwd", *db, "--user", "laowang"]) == 0
    assert "已修改 laowang 的密码" in capsys.readouterr().out

    monkeypatch.setenv("STATIONDESK_PASSWORD", "wang-ming-2026")
    assert main(["user", "list", *db, "--user", "laowang"]) == 2  # a head, not an admin
    assert "临时密码" not in capsys.readouterr().err
    assert main(["export", "clients", *db, "--user", "laowang", "--xlsx", export]) == 0
    assert Path(export).exists()
