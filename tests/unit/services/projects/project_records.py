"""A project and the records around it, written row by row; the expected figures in the
tests are worked out by hand from the comments here.

The project XM-2026 covers 梅林镇社工站 (JX0426) from 2026-03-15 to 2027-03-14 (365
days). Every kind of record also appears the day before the period, and at the other
station (东岗镇社工站, JX0427, not covered) inside the period: neither may count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.services.context import Actor
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, TargetInput
from app.store.engine import Database
from app.store.models import (
    Activity,
    Case,
    Client,
    Group,
    GroupAttendance,
    GroupMember,
    GroupSession,
    ServiceRecord,
    Station,
    Supervision,
    User,
    Visit,
    Volunteer,
    VolunteerService,
)

D = dt.date
START, END = D(2026, 3, 15), D(2027, 3, 14)
TODAY = D(2026, 6, 3)

TARGETS = (
    TargetInput("cases_new", Decimal(12), Decimal(30)),
    TargetInput("service_records", Decimal(30), Decimal(30)),
    TargetInput("service_hours", Decimal(10), Decimal(20)),
    TargetInput("group_attendance", Decimal(20), Decimal(10)),
    TargetInput("activities", Decimal(4), Decimal(10)),
    TargetInput("activity_participants", Decimal(120)),
    TargetInput("visit_households", Decimal(40)),
    TargetInput("volunteer_hours", Decimal(10)),
    TargetInput("supervision_hours", Decimal(6)),
)


@dataclass(frozen=True)
class Built:
    project_id: int
    station_id: int
    other_station_id: int


def build(db: Database, admin: Actor) -> Built:
    with db.write() as s:
        other = _Rows(s, admin).run()
    project = ProjectService(db, admin, today=TODAY).add(
        ProjectInput(
            code="XM-2026", name="梅林镇社会工作服务项目", starts_on=START, ends_on=END,
            station_ids=(admin.station_id,), targets=TARGETS, contract_no="HT-2026-018",
            buyer="测试县民政局", agency="测试县阳光社会工作服务中心",
            amount_yuan=Decimal("300000"), lead="王站长", supervisor="陈督导",
        )
    )  # fmt: skip
    (project_id,) = project.ids
    return Built(project_id, admin.station_id, other)


class _Rows:
    def __init__(self, session: Session, admin: Actor) -> None:
        self.s = session
        self.admin = admin

    def add(self, model: type[Any], station_id: int | None = None, **values: Any) -> Any:
        row = model(
            station_id=station_id or self.admin.station_id,
            created_by_id=self.admin.user_id,
            **values,
        )
        self.s.add(row)
        self.s.flush()
        return row

    def run(self) -> int:
        other = Station(code="JX0427", name="东岗镇社工站", created_by_id=self.admin.user_id)
        self.s.add(other)
        self.s.flush()
        ob = other.id
        w = self.add(User, login="zhang", display_name="张社工", role="worker", password_hash="x")
        wb = self.add(
            User, ob, login="zhao", display_name="赵社工", role="worker", password_hash="x"
        )
        c = [self.add(Client, name=f"对象{i}") for i in range(4)]
        cb = self.add(Client, ob, name="外站对象")

        def case(no: str, day: dt.date, station: int | None = None) -> Case:
            client = cb if station else c[len(no) % 4]
            worker = wb if station else w
            return self.add(
                Case, station, case_no=no, client_id=client.id, worker_id=worker.id,
                intake_date=day, risk_level="low", stage="intervention",
            )  # fmt: skip

        # Cases: 3/14 is the day before the period; 3/15, 4/2 and 5/20 count (3);
        # 6/4 is after the report's month; the other station's 4/1 does not count.
        k0 = case("K0", D(2026, 3, 14))
        k1 = case("K1", D(2026, 3, 15))
        case("K2", D(2026, 4, 2))
        case("K3", D(2026, 5, 20))
        case("K4", D(2026, 6, 4))
        kb = case("KB", D(2026, 4, 1), ob)

        def record(k: Case, day: dt.date, minutes: int, station: int | None = None) -> None:
            self.add(
                ServiceRecord, station, case_id=k.id, client_id=k.client_id,
                worker_id=k.worker_id, served_on=day, duration_min=minutes, mode="home",
            )  # fmt: skip

        # Service records counted: 3/15 (30 min), 4/10 (45), 5/31 (90): 3 records, 2.75 h.
        record(k0, D(2026, 3, 14), 60)
        record(k1, D(2026, 3, 15), 30)
        record(k1, D(2026, 4, 10), 45)
        record(k1, D(2026, 5, 31), 90)
        record(k1, D(2026, 6, 1), 120)
        record(kb, D(2026, 4, 10), 60, ob)

        # Group 人次: the 4/5 session has 2 present, 1 absent and 3 walk-ins: 5.
        g = self.add(Group, name="长者小组", group_type="support", status="running",
                     start_date=D(2026, 3, 1))  # fmt: skip
        gb = self.add(Group, ob, name="外站小组", group_type="support", status="running",
                      start_date=D(2026, 4, 1))  # fmt: skip
        members = [self.add(GroupMember, group_id=g.id, client_id=x.id) for x in c[:3]]
        before = self.add(GroupSession, group_id=g.id, number=1, held_on=D(2026, 3, 14),
                          walk_in_count=4)  # fmt: skip
        self.add(GroupAttendance, session_id=before.id, member_id=members[0].id, status="present")
        s2 = self.add(GroupSession, group_id=g.id, number=2, held_on=D(2026, 4, 5),
                      walk_in_count=3)  # fmt: skip
        for member, status in zip(members, ("present", "present", "absent"), strict=True):
            self.add(GroupAttendance, session_id=s2.id, member_id=member.id, status=status)
        self.add(GroupSession, ob, group_id=gb.id, number=1, held_on=D(2026, 4, 6),
                 walk_in_count=10)  # fmt: skip

        # Activities: 4/20 (30 people) and 5/2 (25) count: 2 activities, 55 人次.
        for day, people, station in (
            (D(2026, 3, 14), 50, None), (D(2026, 4, 20), 30, None), (D(2026, 5, 2), 25, None),
            (D(2026, 4, 20), 40, ob),
        ):  # fmt: skip
            self.add(Activity, station, title="活动", activity_type="festival", held_on=day,
                     participants_total=people)  # fmt: skip

        # Visits: 3/20, 5/5, 5/6 count (3).
        for day, station in (
            (D(2026, 3, 14), None), (D(2026, 3, 20), None), (D(2026, 5, 5), None),
            (D(2026, 5, 6), None), (D(2026, 5, 6), ob),
        ):  # fmt: skip
            self.add(Visit, station, visited_on=day, worker_id=(wb if station else w).id,
                     visit_type="routine")  # fmt: skip

        # Volunteer hours: 4/1 (1.5) and 5/1 (3.5) count: 5.00.
        vol = self.add(Volunteer, name="周志愿")
        volb = self.add(Volunteer, ob, name="郑志愿")
        for v, day, hours, station in (
            (vol, D(2026, 3, 14), "2", None), (vol, D(2026, 4, 1), "1.5", None),
            (vol, D(2026, 5, 1), "3.5", None), (volb, D(2026, 5, 1), "8", ob),
        ):  # fmt: skip
            self.add(VolunteerService, station, volunteer_id=v.id, served_on=day,
                     hours=Decimal(hours))  # fmt: skip

        # Supervision: only 6/10, after May: 0 to the end of May.
        self.add(Supervision, held_on=D(2026, 6, 10), form="group", hours=Decimal(2))
        return ob
