"""Adding and reading projects: who may, what is checked, and the yearly targets kept as
the station's annual project."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import DuplicateRecord, InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, TargetInput
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.store.models import AuditEntry, Station

D = dt.date


def project(stations: tuple[int, ...], code: str = "XM-1", **changes: Any) -> ProjectInput:
    values: dict[str, object] = {
        "code": code, "name": "测试项目", "starts_on": D(2026, 7, 1), "ends_on": D(2027, 6, 30),
        "station_ids": stations,
        "targets": (TargetInput("cases_new", Decimal(20), Decimal(50)),
                    TargetInput("volunteer_hours", Decimal("80.5"))),
    }  # fmt: skip
    values.update(changes)
    return ProjectInput(**values)  # type: ignore[arg-type]


def other_station(db: Database, admin: Actor) -> int:
    with db.write() as session:
        station = Station(code="JX0427", name="东岗镇社工站", created_by_id=admin.user_id)
        session.add(station)
        session.flush()
        return station.id


def test_added_project_reads_back_with_its_targets(db: Database, admin: Actor) -> None:
    projects = ProjectService(db, admin)
    projects.add(project((admin.station_id,), buyer="测试县民政局", amount_yuan=Decimal("1e5")))
    detail = projects.by_code("XM-1")
    assert detail.info.buyer == "测试县民政局"
    assert detail.info.amount_yuan == Decimal("100000.00")
    assert [(t.rule, t.label, t.unit, t.target, t.weight) for t in detail.targets] == [
        ("cases_new", "新接个案", "个", 20, Decimal("50.00")),
        ("volunteer_hours", "志愿服务时长", "小时", Decimal("80.50"), Decimal("0.00")),
    ]
    (summary,) = projects.list()
    assert (summary.code, summary.stations, summary.targets) == ("XM-1", ("梅林镇社工站",), 2)
    with db.read() as session:
        actions = session.execute(
            select(AuditEntry.action, AuditEntry.entity).where(AuditEntry.entity == "project")
        ).all()
    assert actions == [("create", "project")]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"targets": (TargetInput("cases_open", Decimal(3)),)}, "没有名为“cases_open”"),
        ({"targets": (TargetInput("cases_new", Decimal("2.5")),)}, "应为整数"),
        ({"targets": (TargetInput("cases_new", Decimal(0)),)}, "应大于 0"),
        ({"targets": (TargetInput("cases_new", Decimal(1)),) * 2}, "重复"),
        ({"ends_on": D(2026, 6, 30)}, "不能早于"),
        ({"code": "  "}, "请填写项目编号"),
        ({"station_ids": ()}, "至少选择一个"),
    ],
)
def test_what_a_project_may_not_be(
    db: Database, admin: Actor, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        ProjectService(db, admin).add(project((admin.station_id,), **changes))


def test_a_code_is_used_once(db: Database, admin: Actor) -> None:
    projects = ProjectService(db, admin)
    projects.add(project((admin.station_id,)))
    with pytest.raises(DuplicateRecord):
        projects.add(project((admin.station_id,)))


def test_heads_add_for_their_station_workers_only_read(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    other = other_station(db, admin)
    head, worker = make_actor(Role.HEAD), make_actor(Role.WORKER)
    ProjectService(db, head).add(project((head.station_id,)))
    with pytest.raises(PermissionDenied):
        ProjectService(db, head).add(project((head.station_id, other), code="XM-2"))
    with pytest.raises(PermissionDenied):
        ProjectService(db, worker).add(project((worker.station_id,), code="XM-3"))
    ProjectService(db, admin).add(project((other,), code="XM-OTHER"))
    # The other station's project is the county's business, not this station's.
    assert [p.code for p in ProjectService(db, worker).list()] == ["XM-1"]
    assert {p.code for p in ProjectService(db, admin).list()} == {"XM-1", "XM-OTHER"}
    hidden = ProjectService(db, admin).by_code("XM-OTHER").id
    with pytest.raises(PermissionDenied):
        ProjectService(db, head).get(hidden)


def test_yearly_targets_are_the_station_s_annual_project(db: Database, admin: Actor) -> None:
    reports = ReportService(db, admin)
    reports.set_targets(2026, {"cases_new": 24, "volunteer_hours": Decimal("120.5")})
    assert reports.targets(2026) == {"cases_new": 24, "volunteer_hours": Decimal("120.50")}
    (annual,) = ProjectService(db, admin).list()
    assert (annual.code, annual.annual_year, annual.starts_on, annual.ends_on) == (
        "JX0426-2026",
        2026,
        D(2026, 1, 1),
        D(2026, 12, 31),
    )
    reports.set_targets(2026, {"cases_new": 30, "volunteer_hours": 0})
    assert reports.targets(2026) == {"cases_new": 30}
    assert len(ProjectService(db, admin).list()) == 1  # the same project, its targets replaced
    assert reports.targets(2027) == {}
