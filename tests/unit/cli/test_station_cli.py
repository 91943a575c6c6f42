"""`stationdesk station add|list` and `user add --station`, driven through `main([...])`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import main
from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.store.engine import Database


def test_add_a_station_then_list_it(station: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(station), "--user", "boss"]
    capsys.readouterr()
    added = main(
        ["station", "add", *db, "--code", "jx0427", "--name", "东港镇社工站", "--county", "修水县",
         "--village", "东港村", "--village", "新桥社区"]
    )  # fmt: skip
    assert added == 0
    out = capsys.readouterr().out
    assert "已添加站点 东港镇社工站（JX0427），村/社区 2 个。" in out

    assert main(["station", "list", *db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"代码\s+名称\s+村/社区\s+用户\s+服务对象", lines[0])
    assert re.fullmatch(r"JX0426\s+梅林镇社工站\s+2\s+1\s+0", lines[1])
    assert re.fullmatch(r"JX0427\s+东港镇社工站\s+2\s+0\s+0", lines[2])
    assert len(lines) == 3


def test_a_code_in_use_exits_2_with_the_reason(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["station", "add", "--db", str(station), "--user", "boss", "--code", "JX0426",
         "--name", "东港镇社工站"]
    )  # fmt: skip
    assert code == 2
    assert "站点代码 JX0426 已被“梅林镇社工站”使用。" in capsys.readouterr().err


def test_a_user_added_to_another_station_logs_in_there(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(station), "--user", "boss"]
    assert main(["station", "add", *db, "--code", "JX0427", "--name", "东港镇社工站"]) == 0
    capsys.readouterr()
    user = ["user", "add", *db, "--name", "chen", "--display", "陈站长", "--role", "head"]
    assert main([*user, "--station", "jx9999"]) == 2
    assert "没有代码为 jx9999 的站点" in capsys.readouterr().err

    assert main([*user, "--station", "jx0427"]) == 0
    out = capsys.readouterr().out
    assert "已添加用户 chen（站长，站点 JX0427）。" in out
    found = re.search(r"临时密码：(\w+)", out)
    assert found
    database = Database.open(station)
    try:
        actor = AuthService(database).login(login="chen", password=found.group(1))
    finally:
        database.dispose()
    assert (actor.station_name, actor.role) == ("东港镇社工站", Role.HEAD)

    assert main(["station", "list", *db]) == 0
    assert re.search(r"JX0427\s+东港镇社工站\s+0\s+1\s+0", capsys.readouterr().out)


def test_a_non_administrator_is_refused(
    station: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(station)]
    assert (
        main(["user", "add", *db, "--user", "boss", "--name", "li", "--display", "李站长",
              "--role", "head"])
        == 0
    )  # fmt: skip
    password = re.search(r"临时密码：(\w+)", capsys.readouterr().out)
    assert password
    monkeypatch.setenv("STATIONDESK_PASSWORD", password.group(1))
    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", "li-own-password-1")
    assert main(["user", "passwd", *db, "--user", "li"]) == 0
    monkeypatch.setenv("STATIONDESK_PASSWORD", "li-own-password-1")
    assert main(["station", "list", *db, "--user", "li"]) == 2
    assert "只有管理员可以查看所有站点" in capsys.readouterr().err
