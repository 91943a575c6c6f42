"""`stationdesk evaluation …`, driven through `main([...])`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.domain.clock import FixedClock
from app.domain.evaluation import RoundKind, Scorer
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rectifications import RectificationService
from app.services.evaluation.rounds import EvaluationService
from app.services.evaluation.types import RoundInput, ScoreInput
from app.store.engine import Database
from tests import pdf_reading
from tests.conftest import ADMIN_PASSWORD
from tests.unit.services.evaluation import sheets


@pytest.fixture
def login(db: Database, admin: Actor, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    return ["--db", str(db_path), "--user", "admin"]


def test_import_list_rounds_and_sheet(
    db: Database, admin: Actor, login: list[str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    template = tmp_path / "模板.xlsx"
    assert main(["evaluation", "template", "--file", str(template)]) == 0
    assert main(["evaluation", "import-indicators", *login, "--file", str(template)]) == 0
    out = capsys.readouterr().out
    assert "已导入指标体系“星级社工站评估指标（示例）”：39 项指标（其中末级 22 项）" in out
    assert "基础总分 130，加分上限 20" in out
    small = sheets.small(tmp_path / "small.xlsx")
    assert main(["evaluation", "import-indicators", *login, "--file", str(small),
                 "--name", "县评估"]) == 0  # fmt: skip
    assert main(["evaluation", "systems", *login]) == 0
    listed = capsys.readouterr().out
    assert "县评估" in listed and "星级社工站评估指标（示例）" in listed

    clocked = db.with_clock(FixedClock(dt.datetime(2026, 6, 30, 9, 0)))
    system = next(s for s in IndicatorService(clocked, admin).list() if s.name == "县评估")
    evaluations = EvaluationService(clocked, admin)
    evaluations.add_round(RoundInput(system_id=system.id, kind=RoundKind.FINAL,
                                     held_on=dt.date(2026, 6, 1), agency="阳光评估"))  # fmt: skip
    round_id = evaluations.rounds()[0].id
    leaf = next(i for i in IndicatorService(clocked, admin).get(system.id).indicators if i.leaf)
    evaluations.record_scores(round_id, [ScoreInput(leaf.id, Scorer.THIRD_PARTY, Decimal(25))])
    RectificationService(clocked, admin).add(round_id, what="补齐档案", owner="张社工",
                                             due_on=dt.date(2026, 6, 20))  # fmt: skip
    assert main(["evaluation", "rounds", *login]) == 0
    out = capsys.readouterr().out
    assert "2026-06-01" in out and "末期" in out and "阳光评估" in out and "25" in out
    assert main(["evaluation", "rectifications", *login]) == 0
    assert "补齐档案" in capsys.readouterr().out
    xlsx, pdf = tmp_path / "s.xlsx", tmp_path / "s.pdf"
    sheet = ["evaluation", "sheet", *login, "--round", str(round_id)]
    assert main([*sheet, "--xlsx", str(xlsx), "--pdf", str(pdf)]) == 0
    assert "总分 25，等级 不合格" in capsys.readouterr().out
    assert load_workbook(xlsx)["整改事项"]["A2"].value == "补齐档案"
    assert "末期评估评分表" in pdf_reading.text(pdf)


def test_a_sheet_that_does_not_add_up_exits_with_the_rows_named(
    db: Database, admin: Actor, login: list[str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    rows = [("服务", 60, "个案", 30), (None, None, "小组", 20), ("管理", 40, "制度", 40)]
    path = sheets.write(tmp_path / "bad.xlsx", rows, merges=("A2:A3", "B2:B3"),
                        header=("一级指标", "一级分值", "二级指标", "分值"))  # fmt: skip
    assert main(["evaluation", "import-indicators", *login, "--file", str(path),
                 "--total", "100"]) == 2  # fmt: skip
    err = capsys.readouterr().err
    assert "第 2–3 行：“服务”的下级指标合计 50 分，与其分值 60 分不符" in err
    assert IndicatorService(db, admin).list() == []
    assert main(["evaluation", "import-indicators", *login, "--file", str(path),
                 "--total", "百"]) == 2  # fmt: skip
    assert "不是数字" in capsys.readouterr().err
