"""The evidence pack's 满意度与整改 sheet: surveys by month with their rate, the period's
evaluation rounds and their 整改 items, counted by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from app.services.context import Actor
from app.store.engine import Database
from app.store.models import EvaluationRound, EvaluationSystem, Rectification, SatisfactionSurvey
from tests.unit.services.projects.pack_records import build_pack
from tests.unit.services.projects.test_pack import request, service

D = dt.date


def _rows(db: Database, admin: Actor) -> None:
    with db.write() as s:

        def add(model: type, **values: Any) -> Any:
            row = model(created_by_id=admin.user_id, **values)
            s.add(row)
            s.flush()
            return row

        own = {"station_id": admin.station_id}
        # April: 3 surveys, 2 answered, 1 satisfied (overall 4); May: one satisfied.
        for day, respondent, overall in (
            (D(2026, 4, 21), "participant", 4),
            (D(2026, 4, 22), "participant", 2),
            (D(2026, 4, 23), "none", None),
            (D(2026, 5, 6), "client", 5),
            (D(2025, 12, 1), "client", 5),  # before the period: not counted
        ):
            add(SatisfactionSurvey, surveyed_on=day, respondent=respondent, overall=overall, **own)
        system = add(EvaluationSystem, name="测试指标", total_points=Decimal(100))
        done = add(EvaluationRound, system_id=system.id, kind="midterm", held_on=D(2026, 4, 28),
                   agency="某评估中心", **own)  # fmt: skip
        add(Rectification, round_id=done.id, what="完善个案档案", owner="张社工",
            due_on=D(2026, 5, 30), closed_on=D(2026, 5, 20), status="closed", **own)  # fmt: skip
        add(Rectification, round_id=done.id, what="补齐督导记录", owner="站长",
            due_on=D(2026, 6, 30), **own)  # fmt: skip


def test_the_sheet_counts_surveys_by_month_and_lists_rounds_and_their_items(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    pack = build_pack(db, admin, tmp_path)
    _rows(db, admin)
    out = tmp_path / "材料包"
    service(db, admin, tmp_path).build(request(pack.project_id), out)

    book = load_workbook(out / "08_计划与报告/满意度与整改.xlsx", read_only=True)
    try:
        # Title and info lines above each table are one cell wide: the tables' rows only.
        sheets = {ws.title: [r for r in ws.iter_rows(values_only=True) if len(r) > 4]
                  for ws in book}  # fmt: skip
    finally:
        book.close()
    surveys = [r for r in sheets["满意度调查（按月）"] if r[1] in ("2026-04", "2026-05")]
    assert [r[1:6] for r in surveys] == [
        ("2026-04", 3, 2, 1, "50.0%"),
        ("2026-05", 1, 1, 1, "100.0%"),
    ]
    assert not any(r[1] == "2025-12" for r in sheets["满意度调查（按月）"])
    assert any(r[2] == "中期" and r[3] == "某评估中心" for r in sheets["第三方评估"])
    items = {r[2]: r[5] for r in sheets["整改事项"] if r[2] in ("完善个案档案", "补齐督导记录")}
    assert items == {"完善个案档案": "已完成", "补齐督导记录": "未完成"}
