"""On a shared office PC, the data folder and every file the program writes are private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")


def _stationdesk(*args: str, env: dict[str, str]) -> None:
    # A process of its own: the file-creation mask is set once per process, at start.
    subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, check=True, capture_output=True, umask=0o022
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_backups_and_exports_are_readable_by_their_user_only(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "STATIONDESK_DATA": str(data), "STATIONDESK_PASSWORD": "pass-word-1"}
    env.pop("STATIONDESK_DB", None)
    _stationdesk(
        "init", "--station", "梅林镇社工站", "--station-code", "JX0426", "--admin", "wang",
        "--village", "梅林村", env=env,
    )  # fmt: skip
    _stationdesk("backup", "--user", "wang", "--to", str(tmp_path), env=env)
    export = tmp_path / "clients.xlsx"
    _stationdesk("export", "clients", "--user", "wang", "--xlsx", str(export), env=env)

    on_stick = [p for p in tmp_path.glob("stationdesk-*") if p.is_file()]
    assert on_stick
    files = [p for p in data.rglob("*") if p.is_file()] + [export, *on_stick]
    folders = [data, *(p for p in data.rglob("*") if p.is_dir())]
    assert any(p.name == "stationdesk.sqlite3" for p in files)
    assert any(p.parent.name == "backups" for p in files)
    assert {str(p): _mode(p) for p in files if _mode(p) & 0o077} == {}
    assert {str(p): _mode(p) for p in folders if _mode(p) != 0o700} == {}


def test_a_data_folder_left_open_by_an_older_version_is_closed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    env = {**os.environ, "STATIONDESK_DATA": str(data), "STATIONDESK_PASSWORD": "pass-word-1"}
    env.pop("STATIONDESK_DB", None)
    _stationdesk(
        "init", "--station", "梅林镇社工站", "--station-code", "JX0426", "--admin", "wang",
        env=env,
    )  # fmt: skip
    assert _mode(data) == 0o700
