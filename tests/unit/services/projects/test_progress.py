"""A project's targets counted from the records (project_records.py), month by month and
to date, against the share of the period that has passed; closed months as closed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from app.domain.errors import InvalidInput
from app.domain.roles import Role
from app.services.context import Actor
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, ProjectProgress
from app.services.reports.closing import MonthCloseService
from app.store.engine import Database
from app.store.models import ServiceRecord
from tests.unit.services.projects.project_records import END, START, TARGETS, TODAY, build

MAY = dt.date(2026, 5, 1)


def lines(report: ProjectProgress) -> dict[str, tuple[object, ...]]:
    return {
        line.rule: (line.months, line.actual, line.target, line.done, line.behind)
        for line in report.lines
    }


def test_every_target_counts_its_records_inside_the_period_and_the_station(
    db: Database, admin: Actor
) -> None:
    built = build(db, admin)
    report = ProjectService(db, admin, today=TODAY).progress(built.project_id, MAY)
    assert report.as_of == dt.date(2026, 5, 31)
    # 3/15 to 5/31 is 17 + 30 + 31 = 78 of 365 days.
    assert report.expected == Decimal("21.4")
    assert [(m.month, m.first, m.last, m.closed) for m in report.months] == [
        (dt.date(2026, 3, 1), START, dt.date(2026, 3, 31), False),
        (dt.date(2026, 4, 1), dt.date(2026, 4, 1), dt.date(2026, 4, 30), False),
        (MAY, MAY, dt.date(2026, 5, 31), False),
    ]
    d = Decimal
    assert lines(report) == {
        "cases_new": ((1, 1, 1), 3, 12, d("25.0"), False),
        "service_records": ((1, 1, 1), 3, 30, d("10.0"), True),
        "service_hours": ((d("0.50"), d("0.75"), d("1.50")), d("2.75"), d("10.00"),
                          d("27.5"), False),
        "group_attendance": ((0, 5, 0), 5, 20, d("25.0"), False),
        "activities": ((0, 1, 1), 2, 4, d("50.0"), False),
        "activity_participants": ((0, 30, 25), 55, 120, d("45.8"), False),
        "visit_households": ((1, 0, 2), 3, 40, d("7.5"), True),
        "volunteer_hours": ((d("0.00"), d("1.50"), d("3.50")), d("5.00"), d("10.00"),
                            d("50.0"), False),
        "supervision_hours": ((d("0.00"),) * 3, d("0.00"), d("6.00"), d("0.0"), True),
    }  # fmt: skip
    # Weights 30/30/20/10/10 on the first five, none on the rest.
    assert report.score == Decimal("23.5")
    assert [line.label for line in report.behind] == ["个案服务人次", "走访户次", "督导时长"]
    assert report.project.stations == ("梅林镇社工站",)


def test_the_current_month_runs_to_today(db: Database, admin: Actor) -> None:
    built = build(db, admin)
    report = ProjectService(db, admin, today=TODAY).progress(built.project_id, TODAY)
    assert report.as_of == TODAY
    assert report.expected == Decimal("22.2")  # 81 of 365 days
    assert report.months[-1].last == TODAY
    actual = {line.rule: line.actual for line in report.lines}
    assert actual["service_records"] == 4  # 6/1 counts
    assert actual["cases_new"] == 3  # K4 on 6/4 is after today
    assert actual["supervision_hours"] == Decimal("0.00")  # 6/10 too


def test_a_project_over_two_stations_adds_them_up(db: Database, admin: Actor) -> None:
    built = build(db, admin)
    projects = ProjectService(db, admin, today=TODAY)
    both = projects.add(
        ProjectInput(
            code="XM-COUNTY", name="全县项目", starts_on=START, ends_on=END,
            station_ids=(built.station_id, built.other_station_id), targets=TARGETS[:2],
        )
    )  # fmt: skip
    report = projects.progress(next(iter(both.ids)), MAY)
    assert {line.rule: line.actual for line in report.lines} == {
        "cases_new": 4,
        "service_records": 4,
    }
    assert report.project.stations == ("梅林镇社工站", "东岗镇社工站")


def test_a_closed_month_gives_its_stored_figures(db: Database, admin: Actor) -> None:
    built = build(db, admin)
    months = MonthCloseService(db, admin, today=TODAY)
    months.close(dt.date(2026, 4, 1))
    months.close(dt.date(2026, 3, 1))
    with months.correcting("漏录了一次服务"), db.write() as session:
        record = session.get_one(ServiceRecord, 2)  # 3/15, inside the period
        for day in (dt.date(2026, 4, 11), dt.date(2026, 3, 20)):
            session.add(
                ServiceRecord(
                    station_id=built.station_id, case_id=record.case_id,
                    client_id=record.client_id, worker_id=record.worker_id,
                    served_on=day, duration_min=60, mode="home",
                    created_by_id=admin.user_id,
                )
            )  # fmt: skip
    report = ProjectService(db, admin, today=TODAY).progress(built.project_id, MAY)
    assert [m.closed for m in report.months] == [False, True, False]
    months_of = {line.rule: line.months for line in report.lines}
    # April as closed (1 record, not 2); March is cut by the period, so counted: 3/15, 3/20.
    assert months_of["service_records"] == (2, 1, 1)


def test_months_outside_the_period_are_refused(db: Database, admin: Actor) -> None:
    built = build(db, admin)
    projects = ProjectService(db, admin, today=TODAY)
    with pytest.raises(InvalidInput, match="不在其中"):
        projects.progress(built.project_id, dt.date(2026, 2, 1))
    with pytest.raises(InvalidInput, match="不在其中"):
        projects.progress(built.project_id, dt.date(2027, 4, 1))


def test_a_worker_reads_the_station_s_progress(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    built = build(db, admin)
    worker = make_actor(Role.WORKER)
    report = ProjectService(db, worker, today=TODAY).progress(built.project_id, MAY)
    assert report.lines[0].actual == 3  # the station's, not the worker's own
    assert report.prepared_by == worker.display_name
