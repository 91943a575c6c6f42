"""Per-service satisfaction surveys and the monthly report's 满意度, worked out by hand.

October 2026 (records.py): five surveys dated in October and one in November.
  case T-0001  10-10  本人  5 5 4 5   satisfied
  case T-0002  10-15  家属  4 3 3 3   not satisfied (overall 3)
  group        10-20  参与者 5 4 5 4  satisfied
  activity 1   10-12  参与者 3 4 4 4  satisfied
  activity 1   10-12  无法回答（服务对象失智）
  activity 2   11-02  参与者 4 4 4 4  (November)
October: 5 surveys, 4 answered, 3 satisfied → 75.0%. Means over the 4 answered: 服务态度
(5+4+5+3)/4 = 4.25, 服务安排 (5+3+4+4)/4 = 4.00, 需求满足 (4+3+5+4)/4 = 4.00, 总体满意
(5+3+4+4)/4 = 4.00. By kind: 个案 2/2/1 → 50.0%, 小组 1/1/1 → 100.0%, 活动 2/1/1 → 100.0%.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from app.domain.errors import InvalidInput, MonthClosed, NotFound
from app.domain.satisfaction import Respondent, Subject
from app.exports.report_pdf import write_monthly_pdf
from app.services.context import Actor
from app.services.history import When
from app.services.reports import stored
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.services.satisfaction.surveys import SurveyService
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.satisfaction.records import Records, scores, survey

OCTOBER = dt.date(2026, 10, 1)


def test_the_monthly_report_counts_the_rate_and_means_by_hand(
    clocked: Database, admin: Actor, october: SurveyService
) -> None:
    report = ReportService(clocked, admin).monthly(OCTOBER)
    assert (report.value("surveys"), report.value("surveys_answered")) == (5, 4)
    assert report.value("surveys_satisfied") == 3
    s = report.satisfaction
    assert s is not None
    assert (s.surveys, s.answered, s.satisfied, s.rate) == (5, 4, 3, Decimal("75.0"))
    assert [(i.label, i.average) for i in s.scores] == [
        ("服务态度", Decimal("4.25")), ("服务安排", Decimal("4.00")),
        ("需求满足", Decimal("4.00")), ("总体满意", Decimal("4.00")),
    ]  # fmt: skip
    assert [(b.label, b.surveys, b.answered, b.satisfied, b.rate) for b in s.by_subject] == [
        ("个案", 2, 2, 1, Decimal("50.0")), ("小组", 1, 1, 1, Decimal("100.0")),
        ("社区活动", 2, 1, 1, Decimal("100.0")),
    ]  # fmt: skip
    november = ReportService(clocked, admin).monthly(dt.date(2026, 11, 1))
    assert november.value("surveys") == 1
    assert november.satisfaction is not None and november.satisfaction.rate == Decimal("100.0")


def test_a_month_without_answers_has_no_rate(clocked: Database, admin: Actor) -> None:
    s = ReportService(clocked, admin).monthly(dt.date(2026, 9, 1)).satisfaction
    assert s is not None and (s.surveys, s.rate) == (0, None)


def test_a_subjects_surveys_and_whether_it_may_have_one(
    october: SurveyService, records: Records
) -> None:
    state = october.state(Subject.ACTIVITY, records.activities[0])
    assert state.ready and state.earliest == dt.date(2026, 10, 12)
    assert [v.respondent for v in state.surveys] == [Respondent.PARTICIPANT, Respondent.NONE]
    assert state.surveys[1].reason == "服务对象失智"
    not_yet = october.state(Subject.CASE, records.open_case)
    assert not not_yet.ready and "结案后" in not_yet.why_not
    assert not october.state(Subject.GROUP, records.empty_group).ready


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"subject_id": -1}, "不存在"),
        ({"when": When(dt.date(2026, 10, 1))}, "不能早于"),
        ({"when": When(dt.date(2026, 11, 6))}, "不能晚于今天"),
        ({"scores": {"attitude": 5, "arrangement": 5, "needs": 5}}, "总体满意"),
        ({"scores": scores(5, 5, 6, 5)}, "1到5分"),
        ({"respondent": Respondent.NONE, "scores": {}}, "原因"),
    ],
)
def test_a_survey_that_is_not_right_is_refused(
    clocked: Database, admin: Actor, records: Records, change: dict[str, object], message: str
) -> None:
    good = survey(Subject.CASE, records.cases[0], dt.date(2026, 10, 10), Respondent.CLIENT,
                  5, 5, 5, 5)  # fmt: skip
    svc = SurveyService(clocked, admin)
    with pytest.raises((InvalidInput, NotFound), match=message):
        svc.record(dataclasses.replace(good, **change))  # type: ignore[arg-type]
    assert ReportService(clocked, admin).monthly(OCTOBER).value("surveys") == 0


def test_a_closed_month_stored_before_surveys_shows_not_counted(
    clocked: Database, admin: Actor, october: SurveyService, tmp_path: object
) -> None:
    report = ReportService(clocked, admin).monthly(OCTOBER)
    text = stored.dumps(report).replace('"satisfaction": {', '"old_satisfaction": {')
    old = stored.loads(text)
    assert old.satisfaction is None
    old = dataclasses.replace(old, figures=tuple(f for f in old.figures if f.section != "满意度"))
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    pdf = write_monthly_pdf(old, tmp_path / "old.pdf")
    assert "满意度：未统计" in pdf_reading.text(pdf)
    fresh = pdf_reading.text(write_monthly_pdf(report, tmp_path / "new.pdf"))
    assert "75.0%（3 ÷ 4）" in fresh and "未统计" not in fresh


def test_a_closed_month_keeps_its_surveys_and_refuses_a_late_one(
    clocked: Database, admin: Actor, october: SurveyService, records: Records
) -> None:
    MonthCloseService(clocked, admin).close(OCTOBER, note="已核对")
    late = survey(Subject.GROUP, records.group, dt.date(2026, 10, 21), Respondent.PARTICIPANT,
                  1, 1, 1, 1)  # fmt: skip
    with pytest.raises(MonthClosed):
        october.record(late)
    stored_october = ReportService(clocked, admin).monthly(OCTOBER)
    assert stored_october.closed is not None
    assert stored_october.satisfaction is not None
    assert stored_october.satisfaction.rate == Decimal("75.0")


def test_deleting_a_survey_takes_it_out_of_the_month(
    clocked: Database, admin: Actor, october: SurveyService, records: Records
) -> None:
    state = october.state(Subject.CASE, records.cases[1])
    october.delete(state.surveys[0].id)
    s = ReportService(clocked, admin).monthly(OCTOBER).satisfaction
    assert s is not None and (s.answered, s.satisfied, s.rate) == (3, 3, Decimal("100.0"))
