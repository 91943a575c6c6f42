"""Evaluation rounds: scores by scorer, totals, veto, grades, finishing, 整改 items."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from app.domain.clock import FixedClock
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.evaluation import RectificationStatus, RoundKind, Scorer
from app.domain.roles import Role
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rectifications import RectificationService
from app.services.evaluation.rounds import PLAN_ITEM, EvaluationService
from app.services.evaluation.types import RoundInput, ScoreInput
from app.store.engine import Database

from . import sheets

TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def day_db(db: Database) -> Database:
    return db.with_clock(FixedClock(dt.datetime(2026, 6, 30, 10, 0)))


def setup_round(db: Database, actor: Actor, tmp_path: Path) -> tuple[int, dict[str, int]]:
    system = IndicatorService(db, actor).import_file(sheets.small(tmp_path / "s.xlsx"))
    codes = {i.code: i.id for i in IndicatorService(db, actor).get(system.system_id).indicators}
    evaluations = EvaluationService(db, actor)
    evaluations.add_round(
        RoundInput(system_id=system.system_id, kind=RoundKind.MIDTERM,
                   held_on=dt.date(2026, 6, 10), agency="阳光评估中心", evaluators="李评估、周评估")
    )  # fmt: skip
    return evaluations.rounds()[-1].id, codes


def test_scores_totals_grade_and_finishing_with_a_plan_due(
    day_db: Database, admin: Actor, tmp_path: Path
) -> None:
    round_id, c = setup_round(day_db, admin, tmp_path)
    evaluations = EvaluationService(day_db, admin)
    evaluations.record_scores(round_id, [
        ScoreInput(c["1.1"], Scorer.THIRD_PARTY, D(20), "档案不全"),
        ScoreInput(c["1.1"], Scorer.SELF, D(28)),
        ScoreInput(c["1.2"], Scorer.THIRD_PARTY, D(22)),
        ScoreInput(c["2.1"], Scorer.BUYER, D("15.5")),
        ScoreInput(c["2.2"], Scorer.TOWNSHIP, D(10)),
        ScoreInput(c["3.1"], Scorer.THIRD_PARTY, D(3)),
    ])  # fmt: skip
    detail = evaluations.get(round_id)
    assert (detail.base, detail.bonus, detail.summary.total) == (D("67.5"), 3, D("70.5"))
    assert detail.by_scorer == {Scorer.THIRD_PARTY: 45, Scorer.BUYER: D("15.5"),
                                Scorer.TOWNSHIP: 10}  # fmt: skip
    assert detail.summary.grade == "基本合格"
    assert detail.consequence == "提交整改方案（2026-07-10 前）"
    assert (detail.scored, detail.leaves) == (5, 6)

    evaluations.finish(round_id)
    items = RectificationService(day_db, admin).open_items()
    assert [(i.what, i.due_on, i.owner) for i in items] == [
        (PLAN_ITEM, dt.date(2026, 7, 10), "站长")
    ]
    with pytest.raises(InvalidInput, match="已完成"):
        evaluations.record_scores(round_id, [ScoreInput(c["1.1"], Scorer.THIRD_PARTY, D(30))])


def test_a_veto_gives_the_lowest_grade_and_bad_scores_are_refused(
    day_db: Database, admin: Actor, tmp_path: Path
) -> None:
    round_id, c = setup_round(day_db, admin, tmp_path)
    evaluations = EvaluationService(day_db, admin)
    full = [ScoreInput(c[k], s, D(p)) for k, s, p in (
        ("1.1", Scorer.THIRD_PARTY, 30), ("1.2", Scorer.THIRD_PARTY, 30),
        ("2.1", Scorer.BUYER, 25), ("2.2", Scorer.TOWNSHIP, 15))]  # fmt: skip
    evaluations.record_scores(round_id, full)
    assert evaluations.get(round_id).summary.grade == "优秀"
    evaluations.record_scores(round_id, [ScoreInput(c["4.1"], Scorer.THIRD_PARTY, D(1))])
    vetoed = evaluations.get(round_id).summary
    # This system's veto keeps the total and gives the lowest grade (设置: 评为最低等级).
    assert (vetoed.total, vetoed.vetoed, vetoed.grade) == (100, True, "不合格")
    evaluations.record_scores(round_id, [ScoreInput(c["4.1"], Scorer.THIRD_PARTY, None)])
    assert evaluations.get(round_id).summary.grade == "优秀"
    with pytest.raises(InvalidInput, match="0 到 30 分之间"):
        evaluations.record_scores(round_id, [ScoreInput(c["1.1"], Scorer.THIRD_PARTY, D(31))])
    with pytest.raises(InvalidInput, match="记 1 表示触发"):
        evaluations.record_scores(round_id, [ScoreInput(c["4.1"], Scorer.THIRD_PARTY, D(2))])
    with pytest.raises(InvalidInput, match="最末级指标"):
        evaluations.record_scores(round_id, [ScoreInput(c["1"], Scorer.THIRD_PARTY, D(1))])


def test_rectifications_by_due_date_closing_and_evidence(
    day_db: Database, admin: Actor, tmp_path: Path
) -> None:
    round_id, c = setup_round(day_db, admin, tmp_path)
    items = RectificationService(day_db, admin, folder=tmp_path / "evidence")
    items.add(round_id, what="补齐个案档案", owner="张社工", due_on=dt.date(2026, 7, 15),
              indicator_id=c["1.1"])  # fmt: skip
    items.add(round_id, what="制度上墙", owner="王站长", due_on=dt.date(2026, 6, 20))
    items.add(round_id, what="完善台账", owner="李社工", due_on=dt.date(2026, 6, 30))
    listed = items.open_items()
    assert [(i.what, i.overdue) for i in listed] == [
        ("制度上墙", True),
        ("完善台账", False),
        ("补齐个案档案", False),
    ]
    assert listed[2].indicator == "个案服务"
    photo = tmp_path / "上墙照片.jpg"
    photo.write_bytes(b"\xff\xd8 picture")
    items.attach(listed[0].id, photo)
    items.close(listed[0].id, version=listed[0].version, note="已上墙")
    assert [i.what for i in items.open_items()] == ["完善台账", "补齐个案档案"]
    closed = EvaluationService(day_db, admin).get(round_id).rectifications[0]
    assert (closed.status, closed.closed_on, closed.closed_by, closed.files) == (
        RectificationStatus.CLOSED,
        TODAY,
        "王站长",
        ("上墙照片.jpg",),
    )
    stored = items.file_path(closed.id, "上墙照片.jpg")
    assert stored.read_bytes() == b"\xff\xd8 picture" and "上墙" not in stored.name
    with pytest.raises(InvalidInput, match="早于评估日期"):
        items.add(round_id, what="x", owner="", due_on=dt.date(2026, 6, 1))


def test_workers_read_but_may_not_score_or_close(
    day_db: Database, admin: Actor, make_actor: object, tmp_path: Path
) -> None:
    round_id, c = setup_round(day_db, admin, tmp_path)
    RectificationService(day_db, admin).add(round_id, what="补档案", owner="",
                                              due_on=dt.date(2026, 7, 1))  # fmt: skip
    worker = make_actor(Role.WORKER)  # type: ignore[operator]
    head = make_actor(Role.HEAD)  # type: ignore[operator]
    assert [r.id for r in EvaluationService(day_db, worker).rounds()] == [round_id]
    with pytest.raises(PermissionDenied):
        EvaluationService(day_db, worker).record_scores(
            round_id, [ScoreInput(c["1.1"], Scorer.THIRD_PARTY, D(1))]
        )
    item = RectificationService(day_db, worker).open_items()[0]
    with pytest.raises(PermissionDenied):
        RectificationService(day_db, worker).close(item.id, version=item.version)
    RectificationService(day_db, head).close(item.id, version=item.version)
    assert RectificationService(day_db, worker).open_items() == []


def test_the_score_sheet_is_written_in_excel_and_pdf(
    day_db: Database, admin: Actor, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from tests import pdf_reading

    round_id, c = setup_round(day_db, admin, tmp_path)
    evaluations = EvaluationService(day_db, admin)
    evaluations.record_scores(round_id, [
        ScoreInput(c["1.1"], Scorer.THIRD_PARTY, D(25), "记录较全"),
        ScoreInput(c["1.1"], Scorer.SELF, D(28)),
    ])  # fmt: skip
    xlsx, pdf = tmp_path / "sheet.xlsx", tmp_path / "sheet.pdf"
    evaluations.write_sheet(round_id, xlsx=xlsx, pdf=pdf)
    ws = load_workbook(xlsx)["评分表"]
    values = list(ws.iter_rows(values_only=True))
    assert values[0][0] == "梅林镇社工站 2026-06-10 中期评估评分表"
    case_row = next(r for r in values if r[0] == "1.1")
    assert case_row[1:8] == ("　个案服务", 30, "基础", "第三方", 25, 25, 28)
    text = pdf_reading.text(pdf).replace("\n", "")
    assert "中期评估评分表" in text and "个案服务" in text and "站点自评" in text
