"""A worker's assessment as a PDF and the station's as a workbook, read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.assessment import parse_period
from app.services.assessment.service import AssessmentService
from app.services.assessment.types import ScoreInput
from app.services.context import Actor
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.assessment.assessment_records import TODAY, Built, build

Q3 = parse_period("2026Q3")
SCORES = (
    ScoreInput("attitude", 5, "主动热情"),
    ScoreInput("skill", 4),
    ScoreInput("teamwork", 4),
    ScoreInput("records", 3, "补录偏多"),
)


@pytest.fixture
def built(db: Database, admin: Actor) -> Built:
    built = build(db, admin)
    head = AssessmentService(db, admin, today=TODAY)
    head.save(built.a.user_id, Q3, scores=SCORES, comment="本季度个案工作扎实。", version=None)
    head.confirm(built.a.user_id, Q3, version=head.view(built.a.user_id, Q3).version or 0)
    return built


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils 未安装")
def test_the_pdf_renders_with_its_chinese_text(db: Database, built: Built, tmp_path: Path) -> None:
    pdf = tmp_path / "考核.pdf"
    # The worker prints their own.
    AssessmentService(db, built.a, today=TODAY).write_pdf(built.a.user_id, Q3, pdf)
    text = re.sub(r"\s+", "", pdf_reading.text(pdf))
    assert "社工考核表（2026年第3季度）" in text
    assert "张社工" in text and "助理社会工作师" in text
    assert "个案服务3人次，4.5小时" in text
    assert "补录比例20.0%（2/10条）" in text
    assert "知情同意完整率33.3%（1/3人）" in text
    assert "工作态度5/5主动热情" in text and "合计16/20" in text
    assert "本季度个案工作扎实。" in text
    assert all(font.embedded for font in pdf_reading.fonts(pdf))
    assert pdf_reading.page_count(pdf) == 1  # one sheet to sign
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and pages[0].stat().st_size > 5000


def test_the_workbook_has_a_row_per_worker_and_reopens(
    db: Database, admin: Actor, built: Built, tmp_path: Path
) -> None:
    path = tmp_path / "考核.xlsx"
    AssessmentService(db, admin, today=TODAY).write_xlsx(Q3, path)
    book = load_workbook(path)
    assert book.sheetnames == ["考核", "说明"]
    sheet = book["考核"]
    assert sheet["A1"].value == "梅林镇社工站社工考核（2026年第3季度）"
    header = [c.value for c in sheet[4]]
    assert header[:4] == ["姓名", "职业资格", "状态", "期末在案个案"]
    assert header[-7:] == [
        "工作态度",
        "专业能力",
        "团队协作",
        "档案规范",
        "总分",
        "满分",
        "总体评价",
    ]
    rows = {
        r[0]: dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=5, values_only=True)
    }
    assert set(rows) == {"张社工", "李社工"}
    zhang, li = rows["张社工"], rows["李社工"]
    assert (zhang["状态"], zhang["期间经手个案"], zhang["个案服务人次"]) == ("已确认", 5, 3)
    assert zhang["个案服务时长（小时）"] == 4.5 and zhang["补录比例"] == 0.2
    assert (zhang["总分"], zhang["满分"], zhang["工作态度"]) == (16, 20, 5)
    assert (li["状态"], li["期末在案个案"], li["总分"]) == ("未考核", 1, None)
    notes = [r[0] for r in book["说明"].iter_rows(min_row=4, values_only=True)]
    assert "补录比例" in notes and "知情同意完整率" in notes
    book.close()
