"""The monthly report's figures against numbers worked out by hand (see report_records)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.exports.report_model import Cell
from app.services.access.auth import actor_for
from app.services.context import Actor
from app.services.reports.service import ReportService, parse_month
from app.store.engine import Database
from app.store.models import User
from tests.unit.services.report_records import MONTH, Known, build

EXPECTED: dict[str, int | Decimal] = {
    "cases_carried": 4,  # K1, K2, K8, K10 (K4 closed in July, K7 on 09-30)
    "cases_new": 2,  # K3, K5
    "cases_reopened": 1,  # K4
    "cases_closed": 4,  # K2, K3, K5 (declined), K10 (into follow-up, once)
    "cases_open": 3,  # K1, K4, K8 = 4 + 2 + 1 - 4
    "cases_high_risk": 1,  # K1
    "service_records": 4,
    "service_clients": 3,
    "service_hours": Decimal("3.25"),  # 60 + 30 + 45 + 60 minutes
    "referrals": 1,
    "groups_new": 1,
    "groups_running": 2,
    "groups_ended": 1,
    "group_sessions": 3,  # including 10-31 at 23:30
    "group_attendance": 10,  # (2 + 3) + (1 + 0) + (3 + 1); absent and left not counted
    "activities": 2,
    "activity_participants": 65,
    "visit_households": 3,
    "visit_people": 3,
    "visit_needs": 3,
    "volunteers": 2,
    "volunteer_hours": Decimal("7.00"),
    "resources": 2,
    "resource_yuan": Decimal("1700.50"),
    "supervisions": 1,
    "supervision_hours": Decimal("2.00"),
    "trainings": 2,
    "training_hours": Decimal("9.00"),
    # No surveys in this month: tests/unit/services/satisfaction counts them by hand.
    "surveys": 0,
    "surveys_answered": 0,
    "surveys_satisfied": 0,
}


def number(cell: Cell) -> int | Decimal:
    """A count or an amount: the sheet writes it as a number, never as text."""
    assert isinstance(cell, int | Decimal), cell
    return cell


@pytest.fixture
def known(db: Database, admin: Actor) -> Known:
    return build(db, admin)


@pytest.fixture
def reports(db: Database, admin: Actor, known: Known) -> ReportService:
    return ReportService(db, admin, today=dt.date(2026, 11, 5))


def test_every_figure_of_the_month(reports: ReportService) -> None:
    report = reports.monthly(MONTH)
    assert {f.key: f.value for f in report.figures} == EXPECTED
    assert report.title == "梅林镇社工站 2026年10月 社会工作服务月报"


def test_previous_month_and_year_to_date(reports: ReportService) -> None:
    figures = {f.key: f for f in reports.monthly(MONTH).figures}
    assert figures["service_records"].previous == 1  # 09-30
    assert figures["service_records"].year_to_date == 5  # not the November one
    # Carried into September: K4 (closed 07-15)? no; K1, K7 and K10 were open on 08-31.
    assert figures["cases_carried"].previous == 3
    assert figures["cases_new"].year_to_date == 8  # K1-K5, K7, K8, K10; not K6 (Nov)
    assert figures["supervision_hours"].year_to_date == Decimal("3.50")
    assert figures["cases_open"].year_to_date == 3  # a state: the month's end
    assert figures["group_sessions"].previous == 1
    assert figures["activities"].previous == 1


def test_closed_by_reason(reports: ReportService) -> None:
    assert dict(reports.monthly(MONTH).closed_by_reason) == {
        "目标达成": 1,
        "服务对象要求结束": 1,
        "不接案": 1,
        "服务对象已能独立应对": 1,
    }


def test_splits_by_village_worker_and_category(reports: ReportService, known: Known) -> None:
    splits = {s.title: s for s in reports.monthly(MONTH).splits}
    village = {label: values for label, values in splits["按村/社区"].rows}
    # Columns: open, new, closed, records, people, activities, participants, visits.
    assert village["梅林村"] == (1, 0, 2, 3, 2, 1, 40, 2)  # K1; K2, K10; records of 甲, 乙
    assert village["东山村"] == (1, 1, 1, 0, 0, 1, 25, 1)  # K4; K3 new and closed
    assert village["河口社区"][:3] == (0, 1, 1)  # K5
    assert village["未填写"][:5] == (1, 0, 0, 1, 1)  # K8 and 己's record
    worker = {label: values for label, values in splits["按社工"].rows}
    assert worker[known.worker1][:5] == (2, 2, 2, 3, 2)
    assert worker[known.worker2][:5] == (1, 0, 2, 1, 1)
    category = {label: values for label, values in splits["按服务对象类别"].rows}
    # 甲 holds 低保 and, from 10-15, 特困; 乙's 特困 ended in September.
    assert category["低保对象·农村"][0] == 2  # K1, K4
    assert category["特困人员·分散供养"][0] == 1  # K1
    # An event counts under the categories held on its own date: 甲's record of 10-01 came
    # before 特困 began (10-15), the one of 10-15 on its first day.
    assert category["特困人员·分散供养"][3] == 1
    assert category["低保对象·农村"][3] == 2  # both of 甲's records
    staff = {label: values for label, values in splits["督导与培训（按人）"].rows}
    hours = [Decimal(h) for h in ("2.00", "9.00", "3.50", "3.00")]
    assert staff[known.worker1] == (1, hours[0], 2, hours[1], 2, hours[2], 2, hours[1])
    assert staff[known.worker2] == (1, hours[0], 1, hours[3], 1, hours[0], 1, hours[3])


def test_details_list_the_records_behind_the_figures(reports: ReportService, known: Known) -> None:
    report = reports.monthly(MONTH)
    details = {d.title: d for d in report.details}
    counts = {
        "新接个案": "cases_new",
        "结案个案": "cases_closed",
        "月末在案个案": "cases_open",
        "个案服务记录": "service_records",
        "转介": "referrals",
        "小组节次": "group_sessions",
        "社区活动": "activities",
        "走访": "visit_households",
        "资源链接": "resources",
        "督导": "supervisions",
        "培训": "trainings",
    }
    for title, key in counts.items():
        assert len(details[title].rows) == report.value(key), title
    assert sum(number(r[7]) for r in details["小组节次"].rows) == 10
    assert {r[5] for r in details["转介"].rows} == {"已转出"}  # the status's label, not its code
    assert sum(number(r[3]) for r in details["志愿服务"].rows) == Decimal("7")
    every_cell = [c for d in report.details for r in d.rows for c in r]
    assert known.first_id_number not in every_cell
    assert "36" + "*" * 16 in every_cell
    assert not [c for c in every_cell if isinstance(c, str) and c[:2] == "36" and c[-4:].isdigit()]


def test_two_generations_give_the_same_figures(reports: ReportService) -> None:
    first, second = reports.monthly(MONTH), reports.monthly(MONTH)
    assert first.figures == second.figures
    assert first.splits == second.splits
    assert first.details == second.details


def test_other_station_counts_only_its_own(db: Database, admin: Actor, known: Known) -> None:
    summary = ReportService(db, admin).county_summary(MONTH)
    by_station = {
        s.station.id: dict(zip(summary.keys, s.values, strict=True)) for s in summary.stations
    }
    assert by_station[known.station_id] == EXPECTED
    other = by_station[known.other_station_id]
    assert (other["cases_new"], other["cases_open"], other["service_records"]) == (1, 1, 1)
    assert (other["group_attendance"], other["activity_participants"]) == (20, 100)
    assert other["resource_yuan"] == Decimal("999.00")


def test_key_figures_and_targets(reports: ReportService) -> None:
    reports.set_targets(2026, {"cases_new": 24, "volunteer_hours": Decimal("120")})
    assert reports.targets(2026) == {"cases_new": 24, "volunteer_hours": Decimal("120")}
    figures = {k.key: k for k in reports.key_figures(dt.date(2026, 10, 17))}
    assert list(figures) == [
        "cases_new", "cases_open", "service_records", "group_sessions", "activities",
        "visit_households", "volunteer_hours",
    ]  # fmt: skip
    assert (figures["cases_new"].value, figures["cases_new"].previous) == (2, 2)  # K2, K8
    assert figures["cases_new"].target == Decimal("2.0")
    assert figures["volunteer_hours"].value == Decimal("7.00")
    assert figures["activities"].target is None
    with pytest.raises(InvalidInput):
        reports.set_targets(2026, {"cases_open": 3})


def test_annual_and_targets_report(reports: ReportService) -> None:
    reports.set_targets(2026, {"service_records": 60})
    annual = {r.key: r for r in reports.annual(2026).rows}
    assert annual["service_records"].months[8:11] == (1, 4, 1)  # Sep, Oct, Nov
    assert annual["service_records"].total == 6
    assert annual["cases_open"].total == annual["cases_open"].months[-1]
    assert annual["cases_carried"].total == 0
    targets = reports.annual(2026, targets_only=True)
    assert [r.key for r in targets.rows] == ["service_records"]
    assert targets.rows[0].target == 60


def test_worker_sees_only_their_station(
    db: Database, known: Known, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER)
    service = ReportService(db, worker)
    assert [s.id for s in service.stations()] == [known.station_id]
    with pytest.raises(PermissionDenied):
        service.monthly(MONTH, known.other_station_id)
    with pytest.raises(PermissionDenied):
        service.set_targets(2026, {"cases_new": 1})


def test_month_text() -> None:
    assert parse_month("2026-10") == MONTH
    with pytest.raises(InvalidInput):
        parse_month("十月")


def test_a_workers_report_counts_their_own_work(db: Database, known: Known) -> None:
    with db.read() as session:
        user = session.scalars(select(User).where(User.login == "zhang")).one()
        worker = actor_for(session, user)
    report = ReportService(db, worker).monthly(MONTH)
    assert report.title.endswith("（张社工个人工作）")
    mine = {f.key: f.value for f in report.figures}
    assert [mine[k] for k in ("cases_carried", "cases_new", "cases_reopened", "cases_closed")] == [
        2, 2, 0, 2,
    ]  # fmt: skip
    assert (mine["cases_open"], mine["cases_high_risk"]) == (2, 1)  # K1, K8
    assert (mine["service_records"], mine["service_clients"]) == (3, 2)
    assert mine["service_hours"] == Decimal("2.50")
    assert (mine["referrals"], mine["group_sessions"], mine["activities"]) == (1, 0, 1)
    assert (mine["visit_households"], mine["visit_people"], mine["visit_needs"]) == (2, 2, 3)
    assert (mine["resources"], mine["supervisions"], mine["trainings"]) == (0, 1, 2)
    assert mine["training_hours"] == Decimal("9.00")
    details = {d.title: d for d in report.details}
    assert [r[0] for r in details["月末在案个案"].rows] == ["K1", "K8"]
    assert {r[3] for r in details["个案服务记录"].rows} != set()
    assert all(r[4] == "张社工" for r in details["个案服务记录"].rows)
    staff = {
        label for label, _ in next(s for s in report.splits if s.title.startswith("督导")).rows
    }
    assert staff == {"张社工"}
