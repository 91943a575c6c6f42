"""Surveys from a sheet: the template round trip, every bad row named, nothing half-imported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.domain.errors import InvalidInput
from app.domain.satisfaction import Subject
from app.services.context import Actor
from app.services.reports.service import ReportService
from app.services.satisfaction.surveys import SurveyService
from app.store.engine import Database
from tests.unit.services.satisfaction.records import Records

OCTOBER = dt.date(2026, 10, 1)


def filled(svc: SurveyService, path: Path, rows: list[tuple[Any, ...]]) -> Path:
    svc.write_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book["满意度调查"]
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    book.close()
    return path


GOOD = [
    ("个案", "t-0001", None, dt.datetime(2026, 10, 10), "服务对象本人", 5, 5, 4, 5),
    ("小组", "银龄互助小组", None, "2026/10/21", "参与者", 5, 4, 5, 4),
    ("社区活动", "重阳敬老活动", "2026-10-12", "2026-10-12", "无法回答", None, None, None, None,
     "已搬离"),
]  # fmt: skip


def surveys_in_october(db: Database, actor: Actor) -> int:
    return int(ReportService(db, actor).monthly(OCTOBER).value("surveys"))


def test_a_filled_in_template_imports_every_row(
    clocked: Database, admin: Actor, records: Records, tmp_path: Path
) -> None:
    svc = SurveyService(clocked, admin)
    result = svc.import_sheet(filled(svc, tmp_path / "s.xlsx", GOOD))
    assert (result.imported, result.errors) == (3, ())
    assert result.changes.touches("satisfaction_survey")
    assert surveys_in_october(clocked, admin) == 3
    state = svc.state(Subject.ACTIVITY, records.activities[0])
    assert [s.reason for s in state.surveys] == ["已搬离"]


def test_bad_rows_are_each_named_and_nothing_is_imported(
    clocked: Database, admin: Actor, records: Records, tmp_path: Path
) -> None:
    bad = [
        ("讲座", "x", None, "2026-10-10", "本人", 5, 5, 5, 5),
        ("个案", "T-9999", None, "2026-10-10", "本人", 5, 5, 5, 5),
        ("个案", "T-0001", None, "2026-10-10", "本人", 5, 6, 5, 5),
        ("社区活动", "重阳敬老活动", None, "2026-10-28", "参与者", 5, 5, 5, 5),
        ("个案", "T-0002", None, "2026-10-10", "无法回答", None, None, None, None),
        ("个案", "T-0002", None, "十月十日", "家属", 5, 5, 5, 5),
        ("个案", "T-0003", None, "2026-10-10", "本人", 5, 5, 5, 5),
    ]
    svc = SurveyService(clocked, admin)
    result = svc.import_sheet(filled(svc, tmp_path / "s.xlsx", [*GOOD, *bad]))
    assert result.imported == 0
    assert [e.split("：")[0] for e in result.errors] == [f"第 {n} 行" for n in range(5, 12)]
    joined = "\n".join(result.errors)
    for expected in ("不是“讲座”", "没有个案编号“T-9999”", "1到5分", "有 2 个社区活动",
                     "原因", "不是日期", "结案后"):  # fmt: skip
        assert expected in joined
    assert surveys_in_october(clocked, admin) == 0


def test_a_broken_or_foreign_file_says_so(
    clocked: Database, admin: Actor, records: Records, tmp_path: Path
) -> None:
    svc = SurveyService(clocked, admin)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InvalidInput, match=r"无法读取“broken\.xlsx”"):
        svc.import_sheet(broken)
    foreign = tmp_path / "roster.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号"])
    book.save(foreign)
    with pytest.raises(InvalidInput, match="表头缺少"):
        svc.import_sheet(foreign)
    empty = svc.import_sheet(filled(svc, tmp_path / "empty.xlsx", []))
    assert empty.imported == 0 and "没有调查" in empty.errors[0]
    assert surveys_in_october(clocked, admin) == 0
