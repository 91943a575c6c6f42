"""`stationdesk backup`, `restore` and the backup lines of `check`, through `main([...])`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.backup.crypto import MAGIC
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.staff.users import UserService
from app.store import file_guard
from app.store.engine import Database

PASSWORD = "boss-pass-123"
BACKUP_PASSWORD = "usb-secret-2025"
WORKER_PASSWORD = "worker-pass-9"


def clients(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM clients ORDER BY id")]
    finally:
        conn.close()


def add_client(path: Path, name: str) -> None:
    db = Database.open(path)
    try:
        boss = AuthService(db).login(login="boss", password=PASSWORD)
        ClientService(db, boss).create(ClientInput(name=name))
    finally:
        db.dispose()


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`stationdesk init`, two clients, and a worker account `lixia`."""
    monkeypatch.setenv("STATIONDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("STATIONDESK_BACKUP_PASSWORD", BACKUP_PASSWORD)
    path = tmp_path / "station.sqlite3"
    assert main(["init", "--db", str(path), "--station", "梅林镇社工站",
                 "--station-code", "JX0426", "--admin", "boss"]) == 0  # fmt: skip
    add_client(path, "李秀英")
    add_client(path, "王建国")
    db = Database.open(path)
    try:
        boss = AuthService(db).login(login="boss", password=PASSWORD)
        UserService(db, boss).add(
            login="lixia", display_name="李霞", role=Role.WORKER, password=WORKER_PASSWORD
        )
    finally:
        db.dispose()
    return path


def test_backup_to_a_folder_then_restore(
    station: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    assert main(["backup", "--db", str(station), "--user", "boss", "--to", str(stick)]) == 0
    out = capsys.readouterr().out
    assert "重新读出核对，一致" in out and "服务对象 2 名" in out
    (copy,) = stick.glob("*.sqlite3")
    add_client(station, "赵小明")

    assert main(["restore", "--db", str(station), "--user", "boss", "--from", str(copy)]) == 0

    out = capsys.readouterr().out
    assert "原来的数据库没有删除" in out
    assert clients(station) == ["李秀英", "王建国"]
    (aside,) = tmp_path.glob("station.sqlite3.before-restore-*")
    assert "赵小明" in clients(aside)


def test_encrypted_backup_and_a_wrong_backup_password(
    station: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    args = ["backup", "--db", str(station), "--user", "boss", "--to", str(stick), "--encrypt"]
    assert main(args) == 0
    (sealed,) = stick.glob("*.sdenc")
    assert sealed.read_bytes().startswith(MAGIC)

    monkeypatch.setenv("STATIONDESK_BACKUP_PASSWORD", "not-the-password")
    restore = ["restore", "--db", str(station), "--user", "boss", "--from", str(sealed)]
    assert main(restore) == 2
    assert "备份密码不正确" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.before-restore-*"))

    monkeypatch.setenv("STATIONDESK_BACKUP_PASSWORD", BACKUP_PASSWORD)
    assert main(restore) == 0


def test_only_an_administrator_restores_and_only_a_head_or_admin_backs_up(
    station: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(station), "--user", "boss"]) == 0
    out = capsys.readouterr().out
    made = Path(out.split("已备份到：", 1)[1].splitlines()[0])
    monkeypatch.setenv("STATIONDESK_PASSWORD", WORKER_PASSWORD)
    assert main(["backup", "--db", str(station), "--user", "lixia"]) == 2
    assert main(["restore", "--db", str(station), "--user", "lixia", "--from", str(made)]) == 2
    assert "无权" in capsys.readouterr().err


def test_restore_is_refused_while_the_app_has_the_database(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "--db", str(station), "--user", "boss"]) == 0
    made = Path(capsys.readouterr().out.split("已备份到：", 1)[1].splitlines()[0])
    app_lock = file_guard.InstanceLock(station).acquire()
    try:
        assert main(["restore", "--db", str(station), "--user", "boss", "--from", str(made)]) == 2
    finally:
        app_lock.release()
    assert "另一个工作台窗口" in capsys.readouterr().err


def test_a_damaged_database_is_restored_with_the_backups_administrator(
    station: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["backup", "--db", str(station), "--user", "boss"]) == 0
    made = Path(capsys.readouterr().out.split("已备份到：", 1)[1].splitlines()[0])
    station.write_bytes(b"\x00" * 8192)  # nobody can log in to this any more
    restore = ["restore", "--db", str(station), "--from", str(made)]

    monkeypatch.setenv("STATIONDESK_PASSWORD", WORKER_PASSWORD)
    assert main([*restore, "--user", "lixia"]) == 2  # a worker in the backup may not
    assert "无权" in capsys.readouterr().err
    monkeypatch.setenv("STATIONDESK_PASSWORD", "wrong-pass-1")
    assert main([*restore, "--user", "boss"]) == 2
    assert "密码不正确" in capsys.readouterr().err
    assert not list(tmp_path.glob(".station.sqlite3.restoring*"))
    assert station.read_bytes() == b"\x00" * 8192

    monkeypatch.setenv("STATIONDESK_PASSWORD", PASSWORD)
    assert main([*restore, "--user", "boss"]) == 0
    assert "用备份中的管理员账号核对身份" in capsys.readouterr().err
    assert clients(station) == ["李秀英", "王建国"]
    (aside,) = tmp_path.glob("station.sqlite3.before-restore-*")
    assert aside.read_bytes() == b"\x00" * 8192


def test_check_shows_the_newest_backup(station: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(station)]) == 0
    assert "没有经过校验的备份" in capsys.readouterr().out
    assert main(["backup", "--db", str(station), "--user", "boss"]) == 0
    capsys.readouterr()
    assert main(["check", "--db", str(station)]) == 0
    out = capsys.readouterr().out
    assert "最近的备份" in out and "服务对象 2 名" in out
