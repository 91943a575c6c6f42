"""The dashboard's chart figures, on a small database built by hand with known counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.services.dashboard.service import REPEATED_REFUSALS, DashboardService, add_months
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import Case, ClientCategory, ServiceRecord, Station, User
from tests.consents import consent_to_services
from tests.unit.services.case_flow import open_case
from tests.unit.services.conftest import TODAY

# TODAY is 2025-06-30: the twelve months run from July 2024 to June 2025.


def test_add_months_crosses_years() -> None:
    assert add_months(dt.date(2025, 6, 1), -11) == dt.date(2024, 7, 1)
    assert add_months(dt.date(2024, 12, 1), 1) == dt.date(2025, 1, 1)
    assert add_months(dt.date(2025, 1, 1), -1) == dt.date(2024, 12, 1)


@pytest.fixture
def station(db: Database, admin: Actor) -> dict[str, int]:
    """Five clients, four cases, service records on chosen days, and another station's."""
    clients = ClientService(db, admin, today=TODAY)
    made = {
        name: clients.create(ClientInput(name=name, categories=categories, risk_level=risk)).id
        for name, categories, risk in [
            ("甲", ("dibao_rural", "disabled"), "high"),
            ("乙", ("dibao_rural",), "high"),
            ("丙", ("disabled",), "medium"),
            ("丁", ("dibao_rural",), "low"),  # archived below: not counted
            ("戊", ("orphan",), "low"),  # the category ended below: not counted
        ]
    }
    detail = clients.get(made["丁"])
    clients.archive(made["丁"], version=detail.version, reason="迁出")
    with db.write() as session:
        ended = session.query(ClientCategory).filter_by(client_id=made["戊"]).one()
        ended.end_date = dt.date(2025, 3, 1)

    cases = CaseService(db, admin, today=TODAY)
    for name in ("甲", "乙", "丙"):  # 戊 is declined: no consent needed
        consent_to_services(db, admin, made[name])
    high, _ = open_case(cases, made["甲"], risk_level="high")
    open_case(cases, made["乙"], risk_level="high")
    open_case(cases, made["丙"], risk_level="low")
    open_case(
        cases, made["戊"], risk_level="high", decision="decline", decision_reason="不在服务范围"
    )

    days = [
        dt.date(2024, 6, 30),  # thirteen months back: outside
        dt.date(2024, 7, 1),
        dt.date(2025, 1, 31),
        dt.date(2025, 1, 1),
        dt.date(2025, 6, 30),
        dt.date(2025, 7, 1),  # next month: outside
    ]
    with db.write() as session:
        other = Station(code="JX0427", name="东山镇社工站")
        session.add(other)
        session.flush()
        for day in days:
            session.add(
                ServiceRecord(
                    station_id=admin.station_id, case_id=high, client_id=made["甲"],
                    worker_id=admin.user_id, served_on=day, mode="interview",
                )
            )  # fmt: skip
        stranger = User(
            station_id=other.id, login="dong", display_name="东山", role="worker",
            password_hash="x",
        )  # fmt: skip
        session.add(stranger)
        session.flush()
        session.add(
            ServiceRecord(
                station_id=other.id, case_id=high, client_id=made["甲"],
                worker_id=stranger.id, served_on=dt.date(2025, 6, 2), mode="interview",
            )
        )  # fmt: skip
        session.add(
            Case(
                station_id=other.id, case_no="JX0427-2025-0001", client_id=made["甲"],
                worker_id=stranger.id, intake_date=TODAY, risk_level="high",
            )
        )  # fmt: skip
    return made


def test_service_records_per_month(db: Database, admin: Actor, station: dict[str, int]) -> None:
    charts = DashboardService(db, admin, today=TODAY).charts()
    assert charts.month == dt.date(2025, 6, 1)
    months = charts.service_records
    assert [m.month for m in months][:2] == [dt.date(2024, 7, 1), dt.date(2024, 8, 1)]
    assert months[-1].month == dt.date(2025, 6, 1)
    assert len(months) == 12
    counts = {m.month: m.count for m in months if m.count}
    assert counts == {dt.date(2024, 7, 1): 1, dt.date(2025, 1, 1): 2, dt.date(2025, 6, 1): 1}


def test_clients_by_category(db: Database, admin: Actor, station: dict[str, int]) -> None:
    charts = DashboardService(db, admin, today=TODAY).charts()
    # Equal counts are ordered by label: 低 (U+4F4E) before 残 (U+6B8B).
    assert [(c.key, c.label, c.count) for c in charts.clients_by_category] == [
        ("dibao_rural", "低保对象·农村", 2),
        ("disabled", "残疾人", 2),
    ]
    # Each bar agrees with the client list it opens.
    clients = ClientService(db, admin, today=TODAY)
    for slice_ in charts.clients_by_category:
        assert len(clients.search_ids(ClientQuery(category=slice_.key))) == slice_.count


def test_open_cases_by_risk(db: Database, admin: Actor, station: dict[str, int]) -> None:
    charts = DashboardService(db, admin, today=TODAY).charts()
    assert [(r.key, r.label, r.count) for r in charts.open_cases_by_risk] == [
        ("high", "高", 2),
        ("medium", "中", 0),
        ("low", "低", 1),
    ]
    cases = CaseService(db, admin, today=TODAY)
    for risk in charts.open_cases_by_risk:
        query = CaseQuery(risk_level=risk.key, open_only=True)
        assert len(cases.search_ids(query)) == risk.count


def test_a_supervisor_sees_the_station_figures(
    db: Database, make_actor: Callable[..., Actor], station: dict[str, int]
) -> None:
    supervisor = make_actor(Role.SUPERVISOR)
    charts = DashboardService(db, supervisor, today=TODAY).charts()
    assert charts.open_cases_by_risk[0].count == 2


def test_another_station_sees_none_of_it(db: Database, station: dict[str, int]) -> None:
    with db.read() as session:
        other = session.query(Station).filter_by(code="JX0427").one()
    stranger = Actor(user_id=0, login="x", display_name="x", role=Role.HEAD, station_id=other.id)
    charts = DashboardService(db, stranger, today=TODAY).charts()
    assert sum(m.count for m in charts.service_records) == 1
    assert charts.clients_by_category == ()
    assert [r.count for r in charts.open_cases_by_risk] == [1, 0, 0]


def test_repeated_refusals_show_on_the_administrators_dashboard(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "lixia")
    once = make_actor(Role.WORKER, "zhaoming")
    for actor, times in ((worker, REPEATED_REFUSALS), (once, REPEATED_REFUSALS - 1)):
        for _ in range(times):
            with pytest.raises(PermissionDenied):
                UserService(db, actor).list()
    alerts = DashboardService(db, admin).refusal_alerts()
    assert [(a.login, a.count) for a in alerts] == [("lixia", REPEATED_REFUSALS)]
    # Only the administrator's 工作台 shows them; asking is no refusal of its own.
    assert DashboardService(db, worker).refusal_alerts() == ()
    assert DashboardService(db, admin).refusal_alerts() == alerts
