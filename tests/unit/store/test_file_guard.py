"""The start-up guard: damaged files moved aside with a backup offered, shares, one instance."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import StorageError
from app.services.backup import service as backup
from app.services.backup import upkeep
from app.services.backup.service import BackupService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store import file_guard
from app.store.engine import Database
from app.store.file_guard import InstanceLock, Placement, placement

LOCAL = Placement(network=False, removable=False)


def local(_path: Path) -> Placement:
    return LOCAL


def root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[
                0
            ]
        )
    finally:
        conn.close()


def truncate(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


def scribble(path: Path) -> None:
    """Overwrite the clients table's root page with noise, as a torn write might."""
    page = root_page(path, "clients")
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * 4096)
        fh.write(bytes((i * 37 + 11) % 251 for i in range(4096)))


@pytest.fixture
def station(db: Database, admin: Actor, db_path: Path) -> Path:
    """A database with clients and one verified backup in the default folder; closed."""
    clients = ClientService(db, admin)
    for n, name in enumerate(["李秀英", "王建国", "张桂兰", "赵小明"] * 30):
        clients.create(ClientInput(name=f"{name}{n}", address="梅林村" * 20))
    BackupService(db, admin).backup_now()
    db.dispose()
    return db_path


def zero_header(path: Path) -> None:
    """Wipe the first page's header to zeros, as a failing disk or a torn write may."""
    with open(path, "r+b") as fh:
        fh.write(bytes(100))


def scribble_found_in_the_background(path: Path) -> None:
    """A torn page the start-up check cannot see: the background check marks the file."""
    scribble(path)
    report = backup.open_checks(path, probe=local)
    report.check.lock.release()
    assert not report.damaged
    with pytest.raises(StorageError, match="后台检查发现数据库文件有损坏"):
        upkeep.quick_check(path)
    assert file_guard.recheck_mark(path).exists()


@pytest.mark.parametrize(
    "damage",
    [truncate, scribble_found_in_the_background, zero_header],
    ids=["truncated", "scribbled", "zeroed header"],
)
def test_a_damaged_file_is_moved_aside_and_the_backup_offered(
    station: Path, damage: Callable[[Path], None]
) -> None:
    damage(station)
    damaged_bytes = station.read_bytes()

    report = backup.open_checks(station, probe=local)
    try:
        assert report.damaged and report.check.problems
        moved = report.check.moved_to
        assert moved is not None and moved.name.startswith(f"{station.name}.corrupt-")
        assert moved.read_bytes() == damaged_bytes  # kept as it was, never deleted
        assert not station.exists()
        assert not file_guard.recheck_mark(station).exists()
        assert report.offer is not None and report.offer.count("clients") == 120
        assert "已改名保存为" in report.message() and "建议从这个备份恢复" in report.message()

        backup.restore_offered(database=station, backup=report.offer.path)
    finally:
        report.check.lock.release()
    assert file_guard.damage(station, quick=False) == []
    conn = sqlite3.connect(station)
    try:
        assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 120
    finally:
        conn.close()
    assert moved.exists()


def test_a_file_that_is_not_a_database_is_left_alone(db_path: Path) -> None:
    db_path.write_bytes(b"PK\x03\x04" + bytes(4096))  # someone's .xlsx chosen by mistake
    with pytest.raises(StorageError, match="不是工作台的数据库"):
        backup.open_checks(db_path, probe=local)
    assert db_path.read_bytes()[:4] == b"PK\x03\x04"
    assert list(db_path.parent.glob("*.corrupt-*")) == []


def test_a_zero_byte_file_counts_as_damaged(db_path: Path) -> None:
    db_path.write_bytes(b"")
    report = backup.open_checks(db_path, probe=local)
    report.check.lock.release()
    assert report.damaged and report.offer is None
    assert "没有找到可用的备份" in report.message()
    assert report.check.moved_to is not None and report.check.moved_to.exists()


def test_the_wal_and_shm_move_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    for suffix, content in (("", b"main"), ("-wal", b"wal"), ("-shm", b"shm")):
        Path(f"{path}{suffix}").write_bytes(content)
    moved = file_guard.move_aside(path)
    again = tmp_path / "s.sqlite3"
    again.write_bytes(b"later")
    second = file_guard.move_aside(again)  # same second: a new name, nothing overwritten
    assert Path(f"{moved}-wal").read_bytes() == b"wal"
    assert Path(f"{moved}-shm").read_bytes() == b"shm"
    assert moved.read_bytes() == b"main" and second.read_bytes() == b"later"
    assert not list(tmp_path.glob("s.sqlite3-*"))


def test_a_healthy_file_passes_the_background_check_and_loses_an_old_mark(station: Path) -> None:
    assert upkeep.quick_check(station)
    file_guard.recheck_mark(station).write_text("", encoding="utf-8")
    report = backup.open_checks(station, probe=local)  # checks in full, finds nothing
    report.check.lock.release()
    assert not report.damaged and not file_guard.recheck_mark(station).exists()


def test_a_healthy_file_is_left_alone(station: Path) -> None:
    report = backup.open_checks(station, probe=local)
    report.check.lock.release()
    assert not report.damaged and report.offer is None and report.message() == ""
    assert station.exists()


def test_network_shares_are_refused(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        "//srv/station /mnt/share cifs rw 0 0\n"
        "srv:/export /home/nfs nfs4 rw 0 0\n"
        "/dev/sdb1 /media/usb\\040stick vfat rw 0 0\n"
    )

    def linux(path: str) -> Placement:
        return placement(Path(path), platform="linux", mounts=mounts)

    assert linux("/mnt/share/db/station.sqlite3").network
    assert linux("/home/nfs/station.sqlite3").network
    assert not linux("/mnt/shared.sqlite3").network  # a prefix of a name is not a mount
    assert linux("/media/usb stick/station.sqlite3") == Placement(False, True)
    assert linux("/home/me/station.sqlite3") == LOCAL

    def windows(path: str) -> Placement:
        kinds = {"Z:\\": file_guard.DRIVE_REMOTE, "E:\\": file_guard.DRIVE_REMOVABLE}
        return placement(Path(path), platform="win32", drive_type=lambda r: kinds.get(r, 3))

    assert windows(r"\\server\share\station.sqlite3").network
    assert windows(r"\\?\UNC\server\share\station.sqlite3").network
    assert windows(r"Z:\社工站\station.sqlite3").network
    assert windows(r"E:\station.sqlite3") == Placement(False, True)
    assert windows(r"C:\Users\站长\station.sqlite3") == LOCAL
    assert windows(r"\\?\C:\Users\station.sqlite3") == LOCAL

    share = Path("/mnt/share/station.sqlite3")
    with pytest.raises(StorageError, match="网络共享") as refused:
        file_guard.open_checks(share, probe=lambda p: linux(str(p)))
    assert "县级服务器" in refused.value.message
    assert not (share.parent / "station.sqlite3.lock").exists()


def test_a_removable_drive_gives_a_warning(db_path: Path) -> None:
    report = file_guard.open_checks(db_path, probe=lambda p: Placement(False, True))
    report.lock.release()
    assert report.warnings and "U盘" in report.warnings[0]


def test_a_second_instance_is_refused(db_path: Path) -> None:
    first = InstanceLock(db_path).acquire()
    try:
        with pytest.raises(StorageError, match="另一个工作台窗口") as refused:
            file_guard.open_checks(db_path, probe=local)
        assert str(db_path) in refused.value.message
    finally:
        first.release()
    InstanceLock(db_path).acquire().release()  # free again once the first lets go


def test_a_second_process_is_refused_until_the_first_ends(db_path: Path) -> None:
    holder = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from app.store.file_guard import InstanceLock
        InstanceLock(Path({str(db_path)!r})).acquire()
        print("held", flush=True)
        sys.stdin.read()
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "held"
            with pytest.raises(StorageError, match="另一个工作台窗口"):
                InstanceLock(db_path).acquire()
        finally:
            child.kill()  # the OS drops a dead process's lock: no stale lock keeps anyone out
            child.wait()
    lock = InstanceLock(db_path).acquire()
    assert lock.held
    assert lock.path.read_text().strip() == str(os.getpid())
    lock.release()


def test_the_start_check_reads_headers_only_and_finds_what_they_show(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.executemany("INSERT INTO notes VALUES (?)", [("记录" * 100,)] * 500)
    conn.commit()
    conn.close()
    assert file_guard.header_problems(path) == []
    wal = Path(f"{path}-wal")
    # A WAL whose header names another page size than the file's.
    wal.write_bytes((0x377F0682).to_bytes(4, "big") + (3007000).to_bytes(4, "big")
                    + (1024).to_bytes(4, "big") + bytes(20))  # fmt: skip
    assert "页大小" in file_guard.header_problems(path)[0]
    wal.unlink()
    with open(path, "r+b") as fh:  # cut off, with no WAL that could hold the rest
        fh.truncate(path.stat().st_size - 4096)
    assert "不完整" in file_guard.header_problems(path)[0]
    with open(path, "r+b") as fh:
        fh.seek(16)
        fh.write((1000).to_bytes(2, "big"))  # not a power of two
    assert file_guard.header_problems(path) == ["数据库文件头已损坏"]
