"""Online backups, integrity checks and restoring a copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.store import sqlite_files


def make_file(path: Path, rows: int = 200) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.executemany("INSERT INTO notes (text) VALUES (?)", [("记录" * 50,)] * rows)
        conn.commit()
    finally:
        conn.close()


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM notes").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("folder", ["plain", "with space", "100%25 sure", "no#1", "what?"])
def test_backup_of_a_live_file_in_any_folder(tmp_path: Path, folder: str) -> None:
    source = tmp_path / folder / "station.sqlite3"
    source.parent.mkdir()
    make_file(source)
    live = sqlite3.connect(source)  # holds the WAL open, as the app would
    try:
        live.execute("INSERT INTO notes (text) VALUES ('最后一条')")
        live.commit()
        target = source.with_name("copy.sqlite3")
        sqlite_files.online_backup(source, target)
    finally:
        live.close()
    assert count(target) == 201
    assert sqlite_files.integrity_problems(target) == []
    assert not target.with_name("copy.sqlite3.partial").exists()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_a_damaged_file_fails_the_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    make_file(path)
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 12] = b"\xff" * 12  # the b-tree header of the table's first page
    path.write_bytes(bytes(data))
    assert sqlite_files.integrity_problems(path) != []


def test_a_file_that_is_not_a_database_fails_the_check(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    assert sqlite_files.integrity_problems(path) != []
    with pytest.raises(sqlite_files.CopyFailed):
        sqlite_files.online_backup(path, tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()


def test_restoring_replaces_the_file_and_its_wal(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite3"
    make_file(good, rows=3)
    target = tmp_path / "station.sqlite3"
    make_file(target, rows=10)
    Path(str(target) + "-wal").write_bytes(b"stale wal")
    sqlite_files.restore_copy(good, target)
    assert not Path(str(target) + "-wal").exists()
    assert count(target) == 3


def test_a_snapshot_is_the_file_at_one_moment_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "station.sqlite3", tmp_path / "copy.sqlite3"
    make_file(source, rows=3000)
    monkeypatch.setattr(sqlite_files, "STEP_PAGES", 8)  # many steps, as on a large file
    live = sqlite3.connect(source)
    steps: list[int] = []

    def meanwhile() -> bool:
        # Another connection commits between two steps: the copy must not restart or mix.
        steps.append(1)
        if len(steps) == 2:
            live.execute("INSERT INTO notes (text) VALUES ('写在备份进行中')")
            live.commit()
        return False

    try:
        sizes = sqlite_files.snapshot(
            source, target, is_cancelled=meanwhile, while_checking=lambda p: p.stat().st_size
        )
    finally:
        live.close()
    assert len(steps) > 10
    assert count(target) == 3000
    assert count(source) == 3001
    assert sizes == target.stat().st_size
    assert sqlite_files.integrity_problems(target) == []


def test_a_snapshot_stopped_between_steps_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "station.sqlite3", tmp_path / "copy.sqlite3"
    make_file(source, rows=3000)
    monkeypatch.setattr(sqlite_files, "STEP_PAGES", 8)
    asked: list[int] = []

    def stop_after_three() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(sqlite_files.Cancelled):
        sqlite_files.snapshot(source, target, is_cancelled=stop_after_three)
    assert len(asked) == 4
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == []


def test_a_check_stops_when_asked(tmp_path: Path) -> None:
    source = tmp_path / "station.sqlite3"
    make_file(source, rows=60_000)  # ~20 MB: the check outlasts the first look
    with pytest.raises(sqlite_files.Cancelled):
        sqlite_files.integrity_problems(source, is_cancelled=lambda: True)
    assert sqlite_files.integrity_problems(source, is_cancelled=lambda: False) == []
