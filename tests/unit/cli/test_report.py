"""`stationdesk report monthly|annual`, driven through `main([...])`."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.domain.roles import Role
from app.services.context import Actor
from app.store.engine import Database
from tests import pdf_reading
from tests.conftest import ADMIN_PASSWORD
from tests.unit.conftest import STAFF_PASSWORD
from tests.unit.services.report_records import build


@pytest.fixture
def filled(db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Database:
    build(db, admin)
    db.dispose()
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    return db


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", pdf_reading.text(path))


def test_monthly_report_files(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, pdf = tmp_path / "m.xlsx", tmp_path / "m.pdf"
    args = ["report", "monthly", "--db", str(db_path), "--month", "2026-10"]
    assert main([*args, "--xlsx", str(xlsx), "--pdf", str(pdf), "--user", "admin"]) == 0
    assert "社会工作服务月报" in capsys.readouterr().out
    assert load_workbook(xlsx)["汇总"]["A1"].value == "梅林镇社工站 2026年10月 社会工作服务月报"
    assert "月末在案个案个3" in pdf_text(pdf)
    other = tmp_path / "other.pdf"
    assert main([*args, "--station", "jx0427", "--pdf", str(other), "--user", "admin"]) == 0
    assert "东岗镇社工站2026年10月" in pdf_text(other)


def test_all_stations_and_annual(filled: Database, db_path: Path, tmp_path: Path) -> None:
    county = tmp_path / "county.xlsx"
    args = ["report", "monthly", "--db", str(db_path), "--month", "2026-10", "--all"]
    assert main([*args, "--xlsx", str(county), "--user", "admin"]) == 0
    ws = load_workbook(county)["汇总"]
    assert [ws["A5"].value, ws["A6"].value, ws["B7"].value] == ["JX0426", "JX0427", "合计"]
    assert main([*args, "--pdf", str(tmp_path / "x.pdf"), "--user", "admin"]) == 2
    annual = tmp_path / "annual.xlsx"
    year = ["report", "annual", "--db", str(db_path), "--year", "2026"]
    assert main([*year, "--xlsx", str(annual), "--user", "admin"]) == 0
    assert load_workbook(annual)["汇总"]["A1"].value == "梅林镇社工站 2026年 社会工作服务年报"


def test_errors_in_chinese(
    filled: Database,
    db_path: Path,
    tmp_path: Path,
    make_actor: Callable[..., Actor],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["report", "monthly", "--db", str(db_path), "--user", "admin"]
    assert main([*args, "--month", "十月", "--pdf", str(tmp_path / "a.pdf")]) == 2
    assert "月份格式" in capsys.readouterr().err
    assert main([*args, "--month", "2026-10"]) == 2
    assert "--xlsx" in capsys.readouterr().err
    make_actor(Role.WORKER, login="w1")
    monkeypatch.setenv("STATIONDESK_PASSWORD", STAFF_PASSWORD)
    worker = ["report", "monthly", "--db", str(db_path), "--user", "w1", "--month", "2026-10"]
    assert main([*worker, "--station", "JX0427", "--pdf", str(tmp_path / "b.pdf")]) == 2
    assert "JX0427" in capsys.readouterr().err
