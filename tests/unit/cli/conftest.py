"""Fixtures for the command-line tests: a station made by `stationdesk init`."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.services.access.auth import AuthService
from app.store.engine import Database

PASSWORD = "boss-pass-123"


def log_in(path: Path, login: str, password: str) -> None:
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
