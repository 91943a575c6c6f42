"""A stored monthly report comes back exactly as it went in (what a 月结 keeps)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from app.exports.report_model import (
    Column,
    Definition,
    Detail,
    FigureRow,
    MonthlyReport,
    Split,
    StationRef,
)
from app.services.context import Actor
from app.services.reports import stored
from app.services.reports.service import ReportService
from app.store.engine import Database
from tests.unit.services.report_records import MONTH, build


def small_report() -> MonthlyReport:
    return MonthlyReport(
        station=StationRef(1, "JX0426", "梅林镇社工站"),
        month=dt.date(2026, 10, 1),
        generated_at=dt.datetime(2026, 11, 2, 9, 30, 5),
        prepared_by="王站长",
        figures=(
            FigureRow("service_records", "个案", "个案服务人次", "人次", 3, 1, 7, None),
            FigureRow(
                "service_hours",
                "个案",
                "个案服务时长",
                "小时",
                Decimal("3.250"),
                Decimal("0"),
                Decimal("10.5"),
                Decimal("120"),
            ),
        ),
        closed_by_reason=(("目标达成", 1),),
        splits=(
            Split(
                "按社工",
                ("服务人次", "时长"),
                (("李四", (2, Decimal("1.50"))), ("未填写", (None, 0))),
            ),
        ),
        details=(
            Detail(
                "服务记录",
                (Column("日期", 11, "date"), Column("服务对象", 10)),
                ((dt.date(2026, 10, 31), "张三"), (None, "")),
            ),
        ),
        comparison=("个案服务人次3人次，比上月增加 2。",),
        definitions=(Definition("人次", "", "每次计一人次。"),),
        scope="",
    )


def test_a_report_comes_back_equal_with_its_types() -> None:
    report = small_report()
    back = stored.loads(stored.dumps(report))
    assert back == report
    hours = back.figures[1]
    # Equal is not enough: 3.250 must not come back as 3.25 or as a float.
    assert isinstance(hours.value, Decimal) and str(hours.value) == "3.250"
    assert isinstance(back.details[0].rows, tuple)
    assert back.details[0].rows[0][0] == dt.date(2026, 10, 31)
    assert type(back.generated_at) is dt.datetime


def test_the_stored_text_is_json_with_readable_chinese() -> None:
    text = stored.dumps(small_report())
    assert "梅林镇社工站" in text
    assert json.loads(text)["format"] == stored.FORMAT


def test_only_report_records_can_be_named() -> None:
    text = stored.dumps(small_report()).replace('"$t": "StationRef"', '"$t": "Path"')
    with pytest.raises(ValueError, match="Path"):
        stored.loads(text)


def test_a_whole_computed_month_round_trips(db: Database, admin: Actor) -> None:
    build(db, admin)
    report = ReportService(db, admin, today=dt.date(2026, 11, 5)).monthly(MONTH)
    assert report.details and any(s.rows for s in report.splits)
    assert stored.loads(stored.dumps(report)) == report


def test_figures_alone_read_as_the_whole_report_has_them() -> None:
    report = small_report()
    figures = stored.figures(stored.dumps(report))
    assert figures == {f.key: f.value for f in report.figures}
    assert [type(v) for v in figures.values()] == [type(f.value) for f in report.figures]
