"""`stationdesk project list|show|add|rules|progress`, driven through `main([...])`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.services.context import Actor
from app.store.engine import Database
from tests import pdf_reading
from tests.conftest import ADMIN_PASSWORD
from tests.unit.services.projects.project_records import build


@pytest.fixture
def filled(db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Database:
    build(db, admin)  # XM-2026, 2026-03-15 to 2027-03-14
    db.dispose()
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    return db


def test_add_list_show_and_progress(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_path), "--user", "admin"]
    add = [
        "project", "add", *db, "--code", "HJH-2026", "--name", "禾计划梅林项目",
        "--from", "2026-01-01", "--to", "2026-12-31", "--buyer", "测试县民政局",
        "--target", "cases_new=20:60", "--target", "volunteer_hours=12.5",
    ]  # fmt: skip
    assert main(add) == 0
    assert "已添加服务项目 禾计划梅林项目（HJH-2026），指标 2 项" in capsys.readouterr().out
    assert main(["project", "list", *db]) == 0
    listed = capsys.readouterr().out
    assert "HJH-2026" in listed and "XM-2026" in listed
    assert main(["project", "show", *db, "--project", "HJH-2026"]) == 0
    shown = capsys.readouterr().out
    assert "购买方：测试县民政局" in shown
    assert re.search(r"新接个案\s+cases_new\s+20\s+个\s+60", shown)

    xlsx, pdf = tmp_path / "p.xlsx", tmp_path / "p.pdf"
    progress = ["project", "progress", *db, "--project", "XM-2026", "--month", "2026-05"]
    assert main([*progress, "--xlsx", str(xlsx), "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "统计截至 2026-05-31，应完成进度 21.4%" in out
    assert "个案服务人次：3/30人次，完成 10.0%（进度落后）" in out
    assert load_workbook(xlsx)["进度"]["A1"].value == "梅林镇社会工作服务项目 项目进度"
    assert "项目进度" in pdf_reading.text(pdf)


def test_bad_input_exits_with_a_chinese_message(
    filled: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_path), "--user", "admin"]
    base = ["project", "add", *db, "--code", "X", "--name", "项目", "--from", "2026-01-01",
            "--to", "2026-12-31"]  # fmt: skip
    assert main([*base, "--target", "happiness=3"]) == 2
    assert "没有名为“happiness”的统计口径" in capsys.readouterr().err
    assert main([*base, "--target", "cases_new"]) == 2
    assert "口径=目标值" in capsys.readouterr().err
    assert main(["project", "show", *db, "--project", "NOPE"]) == 2
    assert "没有编号为 NOPE 的项目" in capsys.readouterr().err
    assert main(["project", "rules"]) == 0
    assert "supervision_hours" in capsys.readouterr().out
