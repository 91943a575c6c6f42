"""The printable monthly and annual reports, read back with pdftotext and pdffonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from app.services.context import Actor
from app.services.reports.service import ReportService
from app.store.engine import Database
from tests.unit.services.report_records import MONTH, Known, build


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeezed(path: Path) -> str:
    """The PDF's text without spaces, so figures and their labels read as one string."""
    return re.sub(r"\s+", "", run("pdftotext", str(path), "-"))


@pytest.fixture
def known(db: Database, admin: Actor) -> Known:
    return build(db, admin)


def test_monthly_pdf(db: Database, admin: Actor, known: Known, tmp_path: Path) -> None:
    path = tmp_path / "月报.pdf"
    ReportService(db, admin).write_monthly(MONTH, pdf=path)
    text = squeezed(path)
    assert "梅林镇社工站2026年10月社会工作服务月报" in text
    # Label, unit, this month, the month before.
    assert "月末在案个案个3" in text
    assert "本月结案次4" in text
    assert "小组参与人次人次10" in text
    assert "链接资源折合金额元1,700.50" in text
    assert "目标达成1" in text
    assert "比上月" in text and "2026年累计" in text
    for line in ("填报人", "站长签字", "日期", "盖章"):
        assert line in text
    assert "第1页/共" in text
    assert known.first_id_number not in text
    fonts = run("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)
    assert any("WenQuanYiMicroHei" in line for line in fonts)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "p")],
        check=True,
    )
    pngs = list(tmp_path.glob("p*.png"))
    assert len(pngs) == 1 and pngs[0].stat().st_size > 1000


def test_annual_and_targets_pdf(db: Database, admin: Actor, known: Known, tmp_path: Path) -> None:
    service = ReportService(db, admin)
    service.set_targets(2026, {"service_records": 60})
    annual = tmp_path / "年报.pdf"
    service.write_annual(2026, pdf=annual)
    text = squeezed(annual)
    assert "梅林镇社工站2026年社会工作服务年报" in text
    assert "全年" in text and "12月" in text
    targets = tmp_path / "目标.pdf"
    service.write_annual(2026, targets_only=True, pdf=targets)
    text = squeezed(targets)
    assert "目标完成情况" in text
    assert "10.0%" in text  # 6 of 60 records in the year
    assert "（累计8.3%）" in text  # 5 by the end of October
