"""A project's 满意率 target: the sums of its months' halves divided, never an average of
monthly rates, and never a sum of them.

With the surveys of test_surveys.py (October: 3 satisfied of 4 answered, 5 surveys;
November: 1 of 1, 1 survey), a project from 10-01 to 12-31 read in November on 11-05:
  满意率        October 75.00, November 100.00; to date (3 + 1) ÷ (4 + 1) = 80.00
                (the mean of the months would say 87.5): a target of 80 is 100.0% done,
                a target of 90 is 88.9% done and behind (a rate does not grow with time);
  满意度调查份数 5 + 1 = 6 of 12: 50.0%.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from app.domain.errors import InvalidInput
from app.services.context import Actor
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, TargetInput
from app.services.satisfaction.surveys import SurveyService
from app.store.engine import Database
from tests import pdf_reading

NOVEMBER = dt.date(2026, 11, 1)


def project(db: Database, admin: Actor, rate: str, code: str = "XM-MYD") -> int:
    projects = ProjectService(db, admin)
    projects.add(
        ProjectInput(
            code=code, name="满意度项目", starts_on=dt.date(2026, 10, 1),
            ends_on=dt.date(2026, 12, 31), station_ids=(admin.station_id,),
            targets=(TargetInput("satisfaction_rate", Decimal(rate)),
                     TargetInput("surveys", Decimal(12))),
        )
    )  # fmt: skip
    return projects.by_code(code).id


def test_the_rate_is_the_sums_divided(
    clocked: Database, admin: Actor, october: SurveyService, tmp_path: Path
) -> None:
    projects = ProjectService(clocked, admin)
    report = projects.progress(project(clocked, admin, "80"), NOVEMBER)
    rate, count = report.lines
    assert rate.months == (Decimal("75.00"), Decimal("100.00"))
    assert (rate.actual, rate.done, rate.behind) == (Decimal("80.00"), Decimal("100.0"), False)
    assert rate.running == (Decimal("75.00"), Decimal("80.00"))
    assert (count.months, count.actual, count.done) == ((5, 1), 6, Decimal("50.0"))
    assert count.running == (5, 6)

    high = projects.progress(project(clocked, admin, "90", "XM-MYD2"), NOVEMBER).lines[0]
    assert (high.done, high.behind) == (Decimal("88.9"), True)

    xlsx, pdf = tmp_path / "p.xlsx", tmp_path / "p.pdf"
    projects.write_progress(projects.by_code("XM-MYD").id, NOVEMBER, xlsx=xlsx, pdf=pdf)
    book = openpyxl.load_workbook(xlsx, read_only=True)
    try:
        rows = [r for ws in book.worksheets for r in ws.iter_rows(values_only=True)]
    finally:
        book.close()
    # The cumulative share of the 80% target at each month's end: 75 ÷ 80, 80 ÷ 80.
    assert ("满意率", None, 0.9375, 1) in [r[:4] for r in rows]
    assert "80.00" in pdf_reading.text(pdf)


def test_a_month_without_answers_has_no_rate(clocked: Database, admin: Actor) -> None:
    line = ProjectService(clocked, admin).progress(project(clocked, admin, "80"), NOVEMBER)
    rate = line.lines[0]
    assert (rate.months, rate.actual, rate.done, rate.behind) == ((None, None), None, None, False)


def test_a_rate_target_is_a_percentage(clocked: Database, admin: Actor) -> None:
    with pytest.raises(InvalidInput, match="不能超过 100"):
        project(clocked, admin, "120")
