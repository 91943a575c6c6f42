"""The README's scripting example runs as printed, against a temporary station."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.desk import Desk
from app.store.models import Case, Client

README = Path(__file__).resolve().parents[2] / "README.md"
PASSWORD = "wang-pass-123"


def scripting_snippet() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Scripting", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found, "README's Scripting section has no python block"
    return found.group(1)


def test_the_snippet_is_about_ten_lines() -> None:
    lines = [line for line in scripting_snippet().splitlines() if line.strip()]
    assert 8 <= len(lines) <= 12
    assert "Desk.open" in scripting_snippet()


def test_the_readme_script_registers_a_client_and_prints_the_months_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "station.sqlite3"
    Desk.create(
        path, station="梅林镇社工站", station_code="JX0426", admin="wang", password=PASSWORD
    ).close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STATIONDESK_PASSWORD", PASSWORD)
    exec(compile(scripting_snippet(), str(README), "exec"), {"__name__": "__main__"})
    out = capsys.readouterr().out
    assert "个案 本月新接个案：1 个" in out
    assert len(out.splitlines()) >= 20  # every figure of the month, one a line
    with Desk.open(path, user="wang", password=PASSWORD) as desk, desk.db.read() as session:
        assert session.scalars(select(Client.name)).all() == ["李秀英"]
        assert len(session.scalars(select(Case.id)).all()) == 1
