"""A report of a past month stays true: figures as of their dates, late entries by 发生日期.

A hand-built October at the station of the fixtures (villages 梅林村, 东山村, 河口社区),
entered through the services while a fixed clock moves on, as it would in the window:

- clients 甲 (梅林村, 低保·农村 from 10-01), 乙 (东山村), 丙 (河口社区);
- K1: 甲, worker w1, intake 10-05, medium risk, urgent; one service record 10-10;
- K2: 乙, worker w2, intake 10-08, high risk, urgent.

October as computed on 11-02, worked out by hand: 2 new, 2 open at month end, 1 of them
high-risk (K2), 1 service record (K1); by village 梅林村 K1 + the record, 东山村 K2; by
worker w1 K1 + the record, w2 K2; by category 低保 K1 + the record.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.clock import FixedClock
from app.domain.errors import InvalidInput, MonthClosed
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import (
    AssessmentInput,
    ClosureInput,
    GoalInput,
    IntakeInput,
    OpenCaseInput,
    PlanInput,
    ServiceRecordInput,
)
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.history import LATE_REASON_DAYS_KEY, When
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.services.reports.types import MonthlyReport
from app.store import settings as settings_rows
from app.store.engine import Database
from app.store.models import AuditEntry, CaseEvent, Village
from tests.consents import consent_to_services

D = dt.date
OCT = D(2026, 10, 1)


class Station:
    """The hand-built month, and a clock to move on."""

    def __init__(self, db: Database, admin: Actor, make_actor: Callable[..., Actor]) -> None:
        self.clock = FixedClock(dt.datetime(2026, 10, 1, 9, 0))
        self.db = db.with_clock(self.clock)
        self.admin = admin
        self.w1 = make_actor(Role.WORKER, "w1", "张社工")
        self.w2 = make_actor(Role.WORKER, "w2", "李社工")
        self.head = make_actor(Role.HEAD, "head", "王站长")
        with self.db.read() as session:
            self.village = {
                name: vid for name, vid in session.execute(select(Village.name, Village.id))
            }
        people = ClientService(self.db, admin)
        self.jia = people.create(
            ClientInput(name="甲", village_id=self.village["梅林村"], categories=("dibao_rural",))
        ).id
        self.yi = people.create(ClientInput(name="乙", village_id=self.village["东山村"])).id
        self.bing = people.create(ClientInput(name="丙", village_id=self.village["河口社区"])).id
        for client in (self.jia, self.yi, self.bing):
            consent_to_services(self.db, admin, client)
        self.at(D(2026, 10, 5))
        self.k1 = self.cases(self.w1).open_case(
            OpenCaseInput(
                client_id=self.jia, intake_date=D(2026, 10, 5), presenting_problem="独居，行动不便",
                risk_level="medium", urgency="urgent",
            )
        )  # fmt: skip
        self.at(D(2026, 10, 8))
        self.k2 = self.cases(self.w2).open_case(
            OpenCaseInput(
                client_id=self.yi, intake_date=D(2026, 10, 8), presenting_problem="照护压力大",
                risk_level="high", urgency="urgent",
            )
        )  # fmt: skip
        self.at(D(2026, 10, 10))
        self.record(self.w1, self.k1.case_id, D(2026, 10, 10))

    def at(self, day: dt.date, hour: int = 10) -> None:
        self.clock.set(dt.datetime.combine(day, dt.time(hour)))

    def cases(self, actor: Actor) -> CaseService:
        return CaseService(self.db, actor)

    def clients(self, actor: Actor | None = None) -> ClientService:
        return ClientService(self.db, actor or self.admin)

    def version(self, case_id: int) -> int:
        return self.cases(self.head).get(case_id).version

    def record(self, actor: Actor, case_id: int, day: dt.date, late_reason: str = "") -> None:
        self.cases(actor).add_service_record(
            case_id,
            version=self.version(case_id),
            data=ServiceRecordInput(
                served_on=day, mode="home_visit", duration_min=60, content="探访",
                late_reason=late_reason,
            ),
        )  # fmt: skip

    def october(self) -> MonthlyReport:
        return ReportService(self.db, self.head).monthly(OCT)

    def client_input(self, client_id: int, **changes: Any) -> tuple[int, ClientInput]:
        detail = self.clients().get(client_id)
        fields: dict[str, Any] = {
            "name": detail.name,
            "village_id": detail.village_id,
            "categories": tuple(detail.categories),
            "risk_level": detail.risk_level,
        }
        return detail.version, ClientInput(**(fields | changes))

    def require_late_reasons(self) -> None:
        with self.db.write() as session:
            settings_rows.write(session, LATE_REASON_DAYS_KEY, 7, station_id=None, user_id=1)


@pytest.fixture
def station(db: Database, admin: Actor, make_actor: Callable[..., Actor]) -> Station:
    return Station(db, admin, make_actor)


def figures(report: MonthlyReport) -> dict[str, object]:
    return {f.key: f.value for f in report.figures}


def split(report: MonthlyReport, title: str) -> dict[str, tuple[object, ...]]:
    found = next(s for s in report.splits if s.title == title)
    return {label: values[:5] for label, values in found.rows}


def holders(report: MonthlyReport) -> dict[str, object]:
    found = next(s for s in report.splits if s.title == "按服务对象类别")
    assert found.columns[-1] == "月末持有该类别的服务对象"
    return {label: values[-1] for label, values in found.rows if values[-1]}


def test_october_by_hand(station: Station) -> None:
    station.at(D(2026, 11, 2))
    report = station.october()
    values = figures(report)
    assert (values["cases_new"], values["cases_open"], values["cases_high_risk"]) == (2, 2, 1)
    assert (values["service_records"], values["cases_closed"]) == (1, 0)
    # Columns: open at month end, new, closed, service records, people served.
    assert split(report, "按村/社区") == {"梅林村": (1, 1, 0, 1, 1), "东山村": (1, 1, 0, 0, 0)}
    assert split(report, "按社工") == {"张社工": (1, 1, 0, 1, 1), "李社工": (1, 1, 0, 0, 0)}
    assert split(report, "按服务对象类别") == {"低保对象·农村": (1, 1, 0, 1, 1)}
    # The last column is a stock: clients holding the category on 10-31 (甲).
    assert holders(report) == {"低保对象·农村": 1}


def test_changes_made_in_november_leave_october_as_it_was(station: Station) -> None:
    station.at(D(2026, 11, 2))
    before = station.october()
    station.at(D(2026, 11, 5))
    # K2's risk goes down, K1's up (a new assessment round each).
    for case_id, risk in ((station.k2.case_id, "low"), (station.k1.case_id, "high")):
        owner = station.w2 if case_id == station.k2.case_id else station.w1
        station.cases(owner).add_assessment(
            case_id,
            version=station.version(case_id),
            data=AssessmentInput(
                assessed_on=D(2026, 11, 5), domains={"physical": "复评"}, risk_level=risk,
                risk_reason="复评",
            ),
        )  # fmt: skip
    # K1 is handed over to w2; 甲 moves to 东山村 and leaves 低保; 乙 gets 特困 from 11-01.
    station.cases(station.head).reassign(
        station.k1.case_id, version=station.version(station.k1.case_id),
        worker_id=station.w2.user_id, reason="张社工调岗",
    )  # fmt: skip
    version, data = station.client_input(
        station.jia, village_id=station.village["东山村"], categories=()
    )
    station.clients().update(station.jia, version=version, data=data)
    version, data = station.client_input(
        station.yi, categories=("tekun_scattered",), changes_on=D(2026, 11, 1)
    )
    station.clients().update(station.yi, version=version, data=data)

    after = station.october()
    assert figures(after) == figures(before)
    assert after.splits == before.splits
    assert holders(after) == {"低保对象·农村": 1}  # 甲 until 11-04; 乙's 特困 from 11-01
    assert after.closed_by_reason == before.closed_by_reason
    # …while November sees every change.
    november = ReportService(station.db, station.head).monthly(D(2026, 11, 1))
    assert figures(november)["cases_high_risk"] == 1  # K1 now, K2 no longer
    assert split(november, "按社工")["李社工"][0] == 2  # both cases at November's end
    assert split(november, "按村/社区") == {"东山村": (2, 0, 0, 0, 0)}
    assert holders(november) == {"特困人员·分散供养": 1}


def test_a_change_dated_in_october_moves_exactly_the_figures_it_touches(
    station: Station,
) -> None:
    station.at(D(2026, 11, 2))
    before = station.october()
    station.at(D(2026, 11, 6))
    # 乙 moved to 梅林村 on 10-20 (typed in on 11-06). K2 (乙) is open at October's end, so
    # the stock column moves: 梅林村 1 → 2, 东山村 1 → 0; K2's intake (10-08) stays in 东山村.
    version, data = station.client_input(
        station.yi, village_id=station.village["梅林村"], changes_on=D(2026, 10, 20)
    )
    station.clients().update(station.yi, version=version, data=data)
    after = station.october()
    assert figures(after) == figures(before)
    assert split(after, "按村/社区") == {"梅林村": (2, 1, 0, 1, 1), "东山村": (0, 1, 0, 0, 0)}
    assert split(after, "按社工") == split(before, "按社工")


def test_late_entries_count_in_their_own_month_and_nowhere_else(station: Station) -> None:
    # 丙 comes on 10-25 and is declined on 10-28 (typed in on 11-03, with a reason); K2 gets
    # a service record of 10-30 and is closed on 10-31 at the client's request, approved on
    # paper that day; all typed in early November.
    station.require_late_reasons()
    station.at(D(2026, 11, 3))
    k3 = station.cases(station.w1).open_case(
        OpenCaseInput(
            client_id=station.bing,
            intake_date=D(2026, 10, 25),
            presenting_problem="咨询低保",
            late_reason="当天外出走访，回站后补录",
        )
    )
    station.cases(station.w1).decline(
        k3.case_id, version=k3.version, reason="不属于服务范围",
        when=When(D(2026, 10, 28)),
    )  # fmt: skip
    station.record(station.w2, station.k2.case_id, D(2026, 10, 30))
    station.at(D(2026, 11, 9))
    with pytest.raises(InvalidInput) as refused:
        station.cases(station.w2).submit_closure(
            station.k2.case_id, version=station.version(station.k2.case_id),
            data=ClosureInput(reason="client_request", summary="服务对象要求结束"),
        )  # fmt: skip
        station.cases(station.head).approve_closure(
            station.k2.case_id, version=station.version(station.k2.case_id),
            when=When(D(2026, 10, 31)),
        )  # fmt: skip
    assert refused.value.field == "late_reason"  # 9 days back: a reason is asked for
    station.cases(station.head).approve_closure(
        station.k2.case_id, version=station.version(station.k2.case_id),
        when=When(D(2026, 10, 31), "站长10月31日已在纸质结案表上签字"),
    )  # fmt: skip

    october = station.october()
    values = figures(october)
    # New: K1, K2, K3. Closed: K3 (不接案 10-28), K2 (10-31). Open at month end: K1 only.
    assert (values["cases_new"], values["cases_closed"], values["cases_open"]) == (3, 2, 1)
    assert values["service_records"] == 2  # 10-10 (K1) and 10-30 (K2)
    assert dict(october.closed_by_reason) == {"不接案": 1, "服务对象要求结束": 1}
    november = figures(ReportService(station.db, station.head).monthly(D(2026, 11, 1)))
    assert (november["cases_new"], november["cases_closed"]) == (0, 0)
    assert (november["cases_carried"], november["service_records"]) == (1, 0)

    with station.db.read() as session:
        closing = session.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == station.k2.case_id, CaseEvent.to_value == "closure"
            )
        ).one()
        assert closing.happened_on == D(2026, 10, 31)
        assert closing.late_reason == "站长10月31日已在纸质结案表上签字"
        assert closing.created_at.astimezone().date() == D(2026, 11, 9)
        entered = {
            a.action: a.at.astimezone().date()
            for a in session.scalars(select(AuditEntry).where(AuditEntry.entity == "case"))
        }
    assert entered["decline"] == D(2026, 11, 3)
    assert entered["approve_closure"] == D(2026, 11, 9)
    # The log keeps the 发生日期 beside its own entry time, and the reason as personal text.
    with station.db.read() as session:
        approval = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "approve_closure")
        ).one()
    assert json.loads(approval.detail)["on"] == "2026-10-31"
    assert "纸质结案表" in (approval.personal or "")


def test_dates_that_break_the_order_are_refused(station: Station) -> None:
    station.at(D(2026, 11, 3))
    cases = station.cases(station.head)
    k1 = station.k1.case_id
    with pytest.raises(InvalidInput, match="不能晚于今天") as future:
        cases.pause(k1, version=station.version(k1), reason="住院", when=When(D(2026, 11, 4)))
    assert future.value.field == "on"
    # The last step of K1 is its service record of 10-10 (the stage moved that day).
    with pytest.raises(InvalidInput, match="不能早于本个案上一步的日期（2026-10-10）"):
        cases.pause(k1, version=station.version(k1), reason="住院", when=When(D(2026, 10, 9)))
    cases.pause(k1, version=station.version(k1), reason="住院", when=When(D(2026, 10, 20)))
    with pytest.raises(InvalidInput, match="2026-10-20"):
        cases.resume(k1, version=station.version(k1), reason="出院", when=When(D(2026, 10, 19)))


def test_boundaries_of_the_month(station: Station) -> None:
    # A record of 10-31 entered at 23:30 China time belongs to October; K1 is handed over
    # on 10-20, so its records before go to 张社工 and after to 李社工; 丙's case is opened
    # and closed (declined) within October; K2 is closed and reopened in October.
    station.at(D(2026, 10, 20))
    station.cases(station.head).reassign(
        station.k1.case_id, version=station.version(station.k1.case_id),
        worker_id=station.w2.user_id, reason="调岗",
    )  # fmt: skip
    station.at(D(2026, 10, 25))
    station.record(station.w2, station.k1.case_id, D(2026, 10, 25))
    station.clock.set(dt.datetime(2026, 10, 31, 23, 30))
    station.record(station.w2, station.k1.case_id, D(2026, 10, 31))
    k3 = station.cases(station.w1).open_case(
        OpenCaseInput(
            client_id=station.bing, intake_date=D(2026, 10, 31), presenting_problem="咨询",
            decision="decline", decision_reason="不属于服务范围",
        )
    )  # fmt: skip
    station.at(D(2026, 11, 2))
    report = station.october()
    values = figures(report)
    assert (values["cases_new"], values["cases_closed"], values["cases_open"]) == (3, 1, 2)
    assert values["service_records"] == 3
    # K1's intake is 张社工's, its stock at month end 李社工's; the records go to whoever made
    # them: 张社工 10-10, 李社工 10-25 and 10-31.
    assert split(report, "按社工") == {"张社工": (0, 2, 1, 1, 1), "李社工": (2, 1, 0, 2, 1)}

    # The head reopens 丙's case on 11-02: October keeps it closed, November counts it.
    station.cases(station.head).reopen(
        k3.case_id, version=station.version(k3.case_id), reason="情况有变化，重新接案"
    )
    assert figures(station.october()) == values
    november = figures(ReportService(station.db, station.head).monthly(D(2026, 11, 1)))
    assert (november["cases_carried"], november["cases_reopened"]) == (2, 1)
    assert november["cases_open"] == 3


def test_a_corrected_intake_date_moves_the_case_with_its_history(station: Station) -> None:
    station.at(D(2026, 11, 2))
    cases = station.cases(station.head)
    k2 = station.k2.case_id
    # K2 really came on 09-28: it is carried into October, no longer new in it.
    cases.update_intake(
        k2,
        version=station.version(k2),
        data=IntakeInput(D(2026, 9, 28), presenting_problem="照护压力大", urgency="urgent"),
    )
    values = figures(station.october())
    assert (values["cases_carried"], values["cases_new"], values["cases_open"]) == (1, 1, 2)
    assert split(station.october(), "按社工")["李社工"] == (1, 0, 0, 0, 0)
    # K1's first service record is of 10-10: its intake cannot move past it.
    k1 = station.k1.case_id
    with pytest.raises(InvalidInput, match="2026-10-10"):
        cases.update_intake(
            k1,
            version=station.version(k1),
            data=IntakeInput(D(2026, 10, 12), presenting_problem="独居", urgency="urgent"),
        )


def test_after_october_is_closed_novembers_changes_need_no_correction(station: Station) -> None:
    station.at(D(2026, 11, 2))
    months = MonthCloseService(station.db, station.head)
    months.close(OCT)
    signed = station.october()
    station.at(D(2026, 11, 5))
    # A hand-over and a move that begin in November end October's periods of history
    # without touching a day of October: no correction, no reason asked for.
    station.cases(station.head).reassign(
        station.k1.case_id, version=station.version(station.k1.case_id),
        worker_id=station.w2.user_id, reason="调岗",
    )  # fmt: skip
    version, data = station.client_input(station.jia, village_id=station.village["东山村"])
    station.clients().update(station.jia, version=version, data=data)
    assert months.status(OCT).corrections == 0
    # A move dated in October is a correction: refused without a reason…
    version, data = station.client_input(
        station.yi, village_id=station.village["梅林村"], changes_on=D(2026, 10, 20)
    )
    with pytest.raises(MonthClosed):
        station.clients().update(station.yi, version=version, data=data)
    # …and with the head's reason it is recorded, while the signed figures stay.
    with months.correcting("乙10月20日已搬到梅林村，当时漏登"):
        station.clients(station.head).update(station.yi, version=version, data=data)
    assert months.status(OCT).corrections >= 1
    now = station.october()
    assert (now.figures, now.splits) == (signed.figures, signed.splits)
    assert now.corrected_since_close == months.status(OCT).corrections


def test_a_whole_case_typed_in_later_keeps_every_step_in_its_month(station: Station) -> None:
    # 丙's case happened in October on paper and is typed in on 11-03, step by step.
    station.at(D(2026, 11, 3))
    w1, head = station.cases(station.w1), station.cases(station.head)
    k3 = w1.open_case(
        OpenCaseInput(
            client_id=station.bing,
            intake_date=D(2026, 10, 12),
            presenting_problem="照护压力",
        )
    ).case_id

    def v() -> int:
        return station.version(k3)

    w1.add_assessment(
        k3, version=v(),
        data=AssessmentInput(assessed_on=D(2026, 10, 13), domains={"physical": "行动不便"}),
    )  # fmt: skip
    w1.save_plan(
        k3, version=v(), when=When(D(2026, 10, 14)),
        data=PlanInput(overall_goal="减轻照护压力", goals=(GoalInput("每周喘息服务一次"),)),
    )  # fmt: skip
    w1.submit_plan(k3, version=v(), when=When(D(2026, 10, 14)))
    head.approve_plan(k3, version=v(), when=When(D(2026, 10, 15)))
    station.record(station.w1, k3, D(2026, 10, 16))
    w1.submit_closure(
        k3, version=v(), when=When(D(2026, 10, 29)),
        data=ClosureInput(reason="client_request", summary="服务对象要求结束"),
    )  # fmt: skip
    head.approve_closure(k3, version=v(), when=When(D(2026, 10, 30)))

    with station.db.read() as session:
        days = session.scalars(select(CaseEvent.happened_on).where(CaseEvent.case_id == k3)).all()
    assert days and all(day.month == 10 for day in days)
    october = figures(station.october())
    # New: K1, K2, K3; closed: K3; open at month end: K1, K2; records: K1's and K3's.
    assert (october["cases_new"], october["cases_closed"], october["cases_open"]) == (3, 1, 2)
    assert october["service_records"] == 2
    november = figures(ReportService(station.db, station.head).monthly(D(2026, 11, 1)))
    assert (november["cases_new"], november["cases_closed"], november["cases_carried"]) == (
        0,
        0,
        2,
    )


def test_the_year_the_county_and_the_dashboard_read_a_closed_month_as_closed(
    station: Station,
) -> None:
    station.at(D(2026, 11, 2))
    months = MonthCloseService(station.db, station.head)
    months.close(OCT)
    # A record of 10-20 found on paper later: a correction the head makes with a reason.
    with months.correcting("10月20日的探访记录漏登"):
        station.record(station.head, station.k1.case_id, D(2026, 10, 20))
    reports = ReportService(station.db, station.admin)
    october = next(r for r in reports.annual(2026).rows if r.key == "service_records")
    assert october.months[9] == 1  # as closed; the records now hold 2
    summary = reports.county_summary(OCT)
    at = summary.keys.index("service_records")
    assert [s.values[at] for s in summary.stations] == [1]
    # Counted afresh the month holds the correction, which the diff shows.
    diff = {line.key: (line.stored, line.now) for line in months.diff(OCT).figures}
    assert diff["service_records"] == (1, 2)
    # The dashboard in November compares with October as closed.
    before = {f.key: f.previous for f in reports.key_figures(D(2026, 11, 1))}
    assert before["service_records"] == 1
