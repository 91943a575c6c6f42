"""`stationdesk check` starts SQLite's integrity check before it loads the rest."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from app.cli.check import _started
from app.store import sqlite_files


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files `sqlite_files.full_check` was run on."""
    seen: list[Path] = []
    real = sqlite_files.full_check

    def counted(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(sqlite_files, "full_check", counted)
    return seen


def test_a_local_sqlite_file_is_checked_at_once_and_only_once(
    tmp_path: Path, checked: list[Path]
) -> None:
    path = tmp_path / "station.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with ThreadPoolExecutor(max_workers=1) as pool:
        full_check = _started(pool, str(path))
    assert checked == [path.resolve()]  # started before anyone asked for it
    assert full_check(path.resolve()) == (["ok"], [])
    assert checked == [path.resolve()]  # the answer is the running check's


@pytest.mark.parametrize("content", [b"", b"name,id\n", None], ids=["empty", "text", "missing"])
def test_anything_else_is_left_for_the_health_check_to_explain(
    tmp_path: Path, checked: list[Path], content: bytes | None
) -> None:
    path = tmp_path / "station.sqlite3"
    if content is not None:
        path.write_bytes(content)
    with ThreadPoolExecutor(max_workers=1) as pool:
        full_check = _started(pool, str(path))
    assert checked == []
    assert full_check is sqlite_files.full_check


def test_a_server_url_is_not_read_as_a_file(checked: list[Path]) -> None:
    with ThreadPoolExecutor(max_workers=1) as pool:
        full_check = _started(pool, "postgresql://county@localhost/stationdesk")
    assert checked == [] and full_check is sqlite_files.full_check
