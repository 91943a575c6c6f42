"""`stationdesk report monthly|annual`, driven through `main([...])`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.cli import main
from app.desk import Desk
from app.domain.roles import Role
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import ServiceRecord
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


def test_close_then_diff_a_corrected_month(
    filled: Database,
    db_path: Path,
    tmp_path: Path,
    make_actor: Callable[..., Actor],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    login = ["--db", str(db_path), "--user", "admin", "--month", "2026-10"]
    assert main(["report", "diff", *login]) == 2
    assert "还没有月结" in capsys.readouterr().err
    assert main(["report", "close", *login, "--note", "已核对"]) == 0
    assert "2026年10月已月结" in capsys.readouterr().out
    # The 60-minute record of 10-01 was really 90 minutes: 3.25 hours become 3.75.
    desk = Desk.open(db_path, user="admin", password=ADMIN_PASSWORD)
    with desk, desk.months.correcting("时长记错了"), desk.db.write() as session:
        record = session.scalars(
            select(ServiceRecord).where(
                ServiceRecord.served_on == dt.date(2026, 10, 1),
                ServiceRecord.station_id == desk.actor.station_id,
            )
        ).one()
        record.duration_min = 90
        record_id = record.id
    assert main(["report", "diff", *login]) == 0
    out = capsys.readouterr().out
    assert "个案服务时长：月结时 3.25小时，现在 3.75小时，差异 +0.50小时" in out
    assert f"← 修改 服务记录 #{record_id}（" in out
    assert "月结后的更正（1 处）" in out and "时长记错了" in out
    assert "个案服务人次：" not in out  # still 4: only what differs is printed

    pdf = tmp_path / "m.pdf"
    assert main(["report", "monthly", *login, "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "已月结（" in out and "月结后有更正 1 处" in out
    assert "个案服务时长小时3.25" in pdf_text(pdf)
    assert main(["report", "close", *login]) == 0
    assert "之前的月结数字保留备查" in capsys.readouterr().out

    make_actor(Role.WORKER, login="w1")
    monkeypatch.setenv("STATIONDESK_PASSWORD", STAFF_PASSWORD)
    worker = ["--db", str(db_path), "--user", "w1", "--month", "2026-10"]
    assert main(["report", "close", *worker]) == 2
    assert "无权" in capsys.readouterr().err
