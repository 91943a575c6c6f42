"""The health check: what it reports, and that it never changes the file it checks."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from app.services.backup.health import check_database
from app.services.context import Actor
from app.store.engine import Database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _edit(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_a_healthy_database_reports_its_version_and_counts(
    db: Database, admin: Actor, db_path: Path
) -> None:
    db.dispose()
    report = check_database(db_path)
    assert report.healthy, report.problems
    assert report.revision == report.head is not None
    assert (report.stations, report.users, report.clients) == (1, 1, 0)


def test_a_missing_file_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    report = check_database(path)
    assert not report.healthy and "不存在" in report.problems[0]
    assert not path.exists()


def test_a_file_that_is_not_a_database_is_reported_untouched(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 100)
    before = _digest(path)
    report = check_database(path)
    assert not report.healthy and "不是工作台的数据库文件" in report.problems[0]
    assert _digest(path) == before


def test_an_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    assert "空的" in check_database(path).problems[0]


def test_another_programs_sqlite_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    _edit(path, "CREATE TABLE notes (body TEXT)")
    assert "不是工作台的数据库" in check_database(path).problems[0]


def test_a_database_without_users_is_not_ready(db: Database, db_path: Path) -> None:
    db.dispose()
    report = check_database(db_path)
    assert not report.healthy and "还没有初始化" in report.problems[0]


def test_a_database_from_a_newer_program_is_reported_untouched(
    db: Database, admin: Actor, db_path: Path
) -> None:
    db.dispose()
    _edit(db_path, "UPDATE alembic_version SET version_num = '9999'")
    before = _digest(db_path)
    report = check_database(db_path)
    assert "更新版本" in report.problems[0] and report.revision == "9999"
    assert _digest(db_path) == before


def test_broken_foreign_keys_are_reported(db: Database, admin: Actor, db_path: Path) -> None:
    db.dispose()
    _edit(
        db_path,
        "PRAGMA foreign_keys=OFF",
        "UPDATE villages SET station_id = 999",
    )
    report = check_database(db_path)
    assert any("外键" in p and "villages→stations" in p for p in report.problems)


def test_a_damaged_file_is_reported(db: Database, admin: Actor, db_path: Path) -> None:
    db.dispose()
    _edit(db_path, "PRAGMA journal_mode=DELETE")
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):
        data[offset : offset + 64] = b"\xff" * 64  # scribble over every page header
    db_path.write_bytes(bytes(data))
    report = check_database(db_path)
    assert not report.healthy
    assert "损坏" in report.problems[0]


def test_a_zeroed_header_is_reported_as_damage(db: Database, db_path: Path) -> None:
    db.dispose()
    with open(db_path, "r+b") as fh:
        fh.write(bytes(100))
    report = check_database(db_path)
    assert not report.healthy
    assert "清零" in report.problems[0] and "从备份恢复" in report.problems[0]
