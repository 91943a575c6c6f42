"""The project progress report written to Excel and PDF, read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services.context import Actor
from app.services.projects.service import ProjectService
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.projects.project_records import TODAY, build
from tests.unit.services.projects.test_progress import MAY


@pytest.fixture
def written(db: Database, admin: Actor, tmp_path: Path) -> tuple[Path, Path]:
    built = build(db, admin)
    xlsx, pdf = tmp_path / "进度.xlsx", tmp_path / "进度.pdf"
    ProjectService(db, admin, today=TODAY).write_progress(built.project_id, MAY, xlsx=xlsx, pdf=pdf)
    return xlsx, pdf


def test_the_workbook_reopens_with_figures_as_numbers(written: tuple[Path, Path]) -> None:
    book = load_workbook(written[0])
    assert book.sheetnames == ["进度", "按月", "说明"]
    sheet = book["进度"]
    assert sheet["A1"].value == "梅林镇社会工作服务项目 项目进度"
    assert "统计截至：2026-05-31" in sheet["A2"].value
    assert [c.value for c in sheet[4]] == [
        "指标", "单位", "权重", "目标值", "实际完成", "完成率", "应完成进度", "状态"
    ]  # fmt: skip
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=5, max_row=13, values_only=True)}
    assert rows["个案服务人次"] == ("人次", 30, 30, 3, 0.1, 0.214, "进度落后")
    assert rows["新接个案"][-1] == "正常"
    months = book["按月"]
    assert [c.value for c in months[4]][2:6] == ["2026年3月", "2026年4月", "2026年5月", "累计"]
    assert [c.value for c in months[5]] == ["新接个案", "个", 1, 1, 1, 3, 12]
    notes = [r[0] for r in book["说明"].iter_rows(min_row=4, values_only=True)]
    assert "应完成进度" in notes and "走访户次" in notes


def test_the_pdf_renders_with_its_chinese_text(written: tuple[Path, Path], tmp_path: Path) -> None:
    pdf = written[1]
    text = re.sub(r"\s+", "", pdf_reading.text(pdf))
    assert "梅林镇社会工作服务项目项目进度" in text
    assert "测试县阳光社会工作服务中心" in text
    assert "项目周期已过21.4%（应完成进度），综合完成率23.5%" in text
    assert "进度落后的指标：个案服务人次、走访户次、督导时长" in text
    assert "个案服务人次人次3030310.0%21.4%进度落后" in text
    fonts = pdf_reading.fonts(pdf)
    assert fonts and all(font.embedded for font in fonts)
    assert pdf_reading.render_first_page(pdf, tmp_path / "p.png").stat().st_size > 1000


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils 未安装")
def test_poppler_renders_and_reads_it(written: tuple[Path, Path], tmp_path: Path) -> None:
    pdf = written[1]
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(p.stat().st_size > 1000 for p in pages)
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
    assert "按月完成情况" in out.stdout.decode("utf-8")
