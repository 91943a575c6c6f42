"""The printable monthly and annual reports, read back as text, fonts and a page image."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.services.context import Actor
from app.services.reports.service import ReportService
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.report_records import MONTH, Known, build


def squeezed(path: Path) -> str:
    """The PDF's text without spaces, so figures and their labels read as one string."""
    return re.sub(r"\s+", "", pdf_reading.text(path))


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
    fonts = pdf_reading.fonts(path)
    assert fonts and all(font.embedded for font in fonts)
    assert any("WenQuanYiMicroHei" in font.name for font in fonts)
    assert pdf_reading.render_first_page(path, tmp_path / "p.png").stat().st_size > 1000


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
