"""Importing an indicator system from the evaluator's sheet: merged cells, checks, template."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.errors import DuplicateRecord, InvalidInput, PermissionDenied
from app.domain.evaluation import Consequence, IndicatorKind, Scorer, VetoRule
from app.domain.roles import Role
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.store.engine import Database
from app.store.models import EvaluationIndicator, EvaluationSystem

from . import sheets


def count(db: Database) -> tuple[int, int]:
    with db.read() as session:
        systems = session.scalar(select(func.count()).select_from(EvaluationSystem))
        indicators = session.scalar(select(func.count()).select_from(EvaluationIndicator))
        return systems or 0, indicators or 0


def test_a_sheet_with_merged_parents_becomes_a_tree(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    service = IndicatorService(db, admin)
    imported = service.import_file(sheets.small(tmp_path / "指标.xlsx"))
    assert (imported.name, imported.indicators, imported.leaves) == ("小型测试体系", 10, 6)
    assert imported.total_points == 100 and imported.bonus_points == 10
    system = service.get(imported.system_id)
    tree = [(i.code, i.name, i.points, i.kind, i.scorer, i.leaf) for i in system.indicators]
    assert tree == [
        ("1", "服务", 60, IndicatorKind.BASE, Scorer.THIRD_PARTY, False),
        ("1.1", "个案服务", 30, IndicatorKind.BASE, Scorer.THIRD_PARTY, True),
        ("1.2", "小组服务", 30, IndicatorKind.BASE, Scorer.THIRD_PARTY, True),
        ("2", "管理", 40, IndicatorKind.BASE, Scorer.THIRD_PARTY, False),
        ("2.1", "制度建设", 25, IndicatorKind.BASE, Scorer.BUYER, True),
        ("2.2", "台账", 15, IndicatorKind.BASE, Scorer.TOWNSHIP, True),
        ("3", "加分项", 10, IndicatorKind.BONUS, Scorer.THIRD_PARTY, False),
        ("3.1", "市级表彰", 10, IndicatorKind.BONUS, Scorer.THIRD_PARTY, True),
        ("4", "否决项", 0, IndicatorKind.VETO, Scorer.THIRD_PARTY, False),
        ("4.1", "重大事故", 0, IndicatorKind.VETO, Scorer.THIRD_PARTY, True),
    ]
    assert system.veto_rule is VetoRule.LOWEST
    assert [(g.label, g.min_points, g.consequence, g.plan_days) for g in system.grades] == [
        ("优秀", 90, Consequence.NONE, 0),
        ("良好", 80, Consequence.NONE, 0),
        ("基本合格", 60, Consequence.PLAN, 30),
        ("不合格", 0, Consequence.NO_BID, 0),
    ]
    assert [s.name for s in service.list()] == ["小型测试体系"]


def test_children_that_do_not_add_up_name_their_rows_and_nothing_is_stored(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    rows = [list(r) for r in sheets.SMALL_ROWS]
    rows[1][3] = 25  # 小组服务: 个案 30 + 小组 25 = 55 under 服务's 60
    path = sheets.write(tmp_path / "bad.xlsx", rows, merges=sheets.SMALL_MERGES,
                        settings=sheets.SMALL_SETTINGS, title="标题")  # fmt: skip
    with pytest.raises(InvalidInput) as caught:
        IndicatorService(db, admin).import_file(path)
    message = caught.value.message
    assert "第 3–4 行：“服务”的下级指标合计 55 分，与其分值 60 分不符" in message
    # The parent's own 60 points still make up the declared 100: only the parent is named.
    assert "总分" not in message
    assert count(db) == (0, 0)


def test_weights_that_do_not_add_up_to_100_are_refused(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    header = ("一级指标", "二级指标", "权重")
    rows = [("服务", "个案", 40), (None, "小组", 30), ("管理", "制度", 20)]
    path = sheets.write(tmp_path / "w.xlsx", rows, header=header, merges=("A2:A3",))
    with pytest.raises(InvalidInput) as caught:
        IndicatorService(db, admin).import_file(path)
    assert "第 2–4 行：基础指标合计 90 分，与声明的总分 100 分不符" in caught.value.message
    fixed = sheets.write(tmp_path / "w2.xlsx", [*rows[:2], ("管理", "制度", 30)], header=header,
                         merges=("A2:A3",))  # fmt: skip
    imported = IndicatorService(db, admin).import_file(fixed, name="权重体系")
    assert (imported.total_points, imported.leaves) == (100, 3)


def test_row_problems_are_listed_together(db: Database, admin: Actor, tmp_path: Path) -> None:
    rows = [
        ("服务", 60, "个案", "三十", "", "", ""),
        ("服务", 60, "小组", None, "特别", "领导", ""),
    ]
    path = sheets.write(tmp_path / "p.xlsx", rows)
    with pytest.raises(InvalidInput) as caught:
        IndicatorService(db, admin).import_file(path, total=Decimal(60))
    message = caught.value.message
    assert "第 2 行：“个案”的分值“三十”不是数字" in message
    assert "第 3 行：类型“特别”应为 基础、加分 或 一票否决" in message
    assert "第 3 行：评分主体“领导”应为 第三方、购买方" in message
    assert "第 3 行：“小组”没有分值" in message


def test_a_broken_file_is_refused_in_chinese(db: Database, admin: Actor, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InvalidInput, match="不是有效的 Excel"):
        IndicatorService(db, admin).import_file(broken)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InvalidInput, match=r"另存为 \.xlsx"):
        IndicatorService(db, admin).import_file(old)
    no_header = sheets.write(tmp_path / "nh.xlsx", [("a", 1)], header=("名称", "分"))
    with pytest.raises(InvalidInput, match="没有找到指标表"):
        IndicatorService(db, admin).import_file(no_header)
    assert count(db) == (0, 0)


def test_the_template_imports_as_the_hunan_like_example(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    service = IndicatorService(db, admin)
    path = service.write_template(tmp_path / "模板")
    assert path.suffix == ".xlsx"
    imported = service.import_file(path)
    assert (imported.total_points, imported.bonus_points) == (130, 20)
    system = service.get(imported.system_id)
    assert [g.stars for g in system.grades] == [5, 4, 3, 2, 1, None]
    with pytest.raises(DuplicateRecord, match="已有名为"):
        service.import_file(path)


def test_a_worker_may_not_import(
    db: Database, admin: Actor, make_actor: object, tmp_path: Path
) -> None:
    worker = make_actor(Role.WORKER)  # type: ignore[operator]
    with pytest.raises(PermissionDenied):
        IndicatorService(db, worker).import_file(sheets.small(tmp_path / "s.xlsx"))
    assert count(db) == (0, 0)
