"""A small station written row by row, with every edge case the monthly report must get
right, for October 2026. The expected figures in the tests are worked out by hand from
the comments here, not by running the report's queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from app.services.context import Actor
from app.store.engine import Database
from app.store.models import (
    Activity,
    Case,
    CaseClosure,
    CaseEvent,
    Client,
    ClientCategory,
    Group,
    GroupAttendance,
    GroupMember,
    GroupSession,
    Household,
    Referral,
    Resource,
    ServiceRecord,
    Station,
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    User,
    Village,
    Visit,
    VisitClient,
    Volunteer,
    VolunteerService,
)

MONTH = dt.date(2026, 10, 1)
D = dt.date


def id_number(sequence: int) -> str:
    body = f"36042619500308{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


@dataclass(frozen=True)
class Known:
    station_id: int
    other_station_id: int
    worker1: str
    worker2: str
    first_id_number: str


def build(db: Database, admin: Actor) -> Known:
    with db.write() as s:
        return _Builder(s, admin).run()


class _Builder:
    def __init__(self, session: Session, admin: Actor) -> None:
        self.s = session
        self.admin = admin
        self.sid = admin.station_id

    def add(self, model: type[Any], station_id: int | None = None, **values: Any) -> Any:
        row = model(station_id=station_id or self.sid, created_by_id=self.admin.user_id, **values)
        self.s.add(row)
        self.s.flush()
        return row

    def run(self) -> Known:
        s, sid = self.s, self.sid
        villages = dict(s.execute(select(Village.name, Village.id)).all())
        v1, v2, v3 = villages["梅林村"], villages["东山村"], villages["河口社区"]
        other = Station(code="JX0427", name="东岗镇社工站", created_by_id=self.admin.user_id)
        s.add(other)
        s.flush()
        ob = other.id
        w1 = self.add(User, login="zhang", display_name="张社工", role="worker", password_hash="x")
        w2 = self.add(User, login="li", display_name="李社工", role="worker", password_hash="x")
        wb = self.add(
            User, ob, login="zhao", display_name="赵社工", role="worker", password_hash="x"
        )

        # Clients: c1, c2 in 梅林村, c3, c4 in 东山村, c5 in 河口社区, c6 without a village.
        c = [
            self.add(Client, name=name, id_number=id_number(i), village_id=v)
            for i, (name, v) in enumerate(
                [("甲", v1), ("乙", v1), ("丙", v2), ("丁", v2), ("戊", v3), ("己", None)], 1
            )
        ]
        cb = self.add(Client, ob, name="庚", id_number=id_number(9))
        self.add(
            ClientCategory, client_id=c[0].id, category="dibao_rural", start_date=D(2025, 1, 1)
        )
        self.add(
            ClientCategory,
            client_id=c[0].id,
            category="tekun_scattered",
            start_date=D(2026, 10, 15),
        )
        self.add(
            ClientCategory,
            client_id=c[1].id,
            category="tekun_scattered",
            start_date=D(2025, 1, 1),
            end_date=D(2026, 9, 1),
        )
        self.add(
            ClientCategory, client_id=c[3].id, category="dibao_rural", start_date=D(2024, 3, 1)
        )

        def case(
            no: str,
            client: Client,
            worker: User,
            intake: dt.date,
            risk: str = "low",
            stage: str = "intervention",
            station: int | None = None,
        ) -> Case:
            return self.add(
                Case,
                station,
                case_no=no,
                client_id=client.id,
                worker_id=worker.id,
                intake_date=intake,
                risk_level=risk,
                stage=stage,
            )

        def event(k: Case, kind: str, before: str, after: str, day: dt.date) -> None:
            self.add(
                CaseEvent,
                k.station_id,
                case_id=k.id,
                kind=kind,
                from_value=before,
                to_value=after,
                happened_on=day,
            )

        def closure(k: Case, reason: str, day: dt.date, status: str = "approved") -> None:
            at = dt.datetime(day.year, day.month, day.day, 2, 0, tzinfo=dt.UTC)
            self.add(
                CaseClosure,
                case_id=k.id,
                reason=reason,
                status=status,
                reviewed_at=at,
                reviewed_on=day,
            )

        # K1: open since August, high risk: carried over, open at the end, high-risk.
        k1 = case("K1", c[0], w1, D(2026, 8, 10), "high")
        # K2: carried over, closed 10-12 (goals met).
        k2 = case("K2", c[1], w2, D(2026, 9, 5), stage="closure")
        event(k2, "stage", "evaluation", "closure", D(2026, 10, 12))
        closure(k2, "goals_met", D(2026, 10, 12))
        # K3: opened 10-03 and closed 10-20 in the same month (client request).
        k3 = case("K3", c[2], w1, D(2026, 10, 3), stage="closure")
        event(k3, "stage", "intervention", "closure", D(2026, 10, 20))
        closure(k3, "client_request", D(2026, 10, 20))
        # K4: closed in July (moved away), reopened 10-08: not carried, reopened, open at end.
        k4 = case("K4", c[3], w2, D(2026, 6, 1), "medium")
        event(k4, "stage", "intervention", "closure", D(2026, 7, 15))
        closure(k4, "moved_away", D(2026, 7, 15), status="reopened")
        event(k4, "reopen", "closure", "intervention", D(2026, 10, 8))
        # K5: registered 10-25 and declined at intake: new, and closed as 不接案.
        k5 = case("K5", c[4], w1, D(2026, 10, 25), stage="declined")
        event(k5, "stage", "intake", "declined", D(2026, 10, 25))
        # K6: opened in November: nowhere in October.
        case("K6", c[4], w1, D(2026, 11, 2))
        # K7: closed on the last day of September: not carried over.
        k7 = case("K7", c[2], w2, D(2026, 5, 1), stage="closure")
        event(k7, "stage", "intervention", "closure", D(2026, 9, 30))
        closure(k7, "other", D(2026, 9, 30))
        # K8: opened on the last day of September: carried over, still open.
        case("K8", c[5], w1, D(2026, 9, 30))
        # K10: closed into follow-up 10-15, then follow-up ends 10-28: one closing only.
        k10 = case("K10", c[1], w2, D(2026, 7, 1), stage="closure")
        event(k10, "stage", "evaluation", "follow_up", D(2026, 10, 15))
        closure(k10, "self_reliant", D(2026, 10, 15))
        event(k10, "stage", "follow_up", "closure", D(2026, 10, 28))
        # Another station's case opened in October, with a service record.
        kb = case("KB", cb, wb, D(2026, 10, 5), station=ob)

        def record(
            k: Case,
            client: Client,
            worker: User,
            day: dt.date,
            minutes: int,
            station: int | None = None,
        ) -> None:
            self.add(
                ServiceRecord,
                station,
                case_id=k.id,
                client_id=client.id,
                worker_id=worker.id,
                served_on=day,
                duration_min=minutes,
                mode="home",
            )

        record(k1, c[0], w1, D(2026, 10, 1), 60)
        record(k1, c[0], w1, D(2026, 10, 15), 30)
        record(k2, c[1], w2, D(2026, 10, 10), 45)
        record(k1, c[5], w1, D(2026, 10, 31), 60)  # last day of the month
        record(k1, c[0], w1, D(2026, 9, 30), 20)  # September
        record(k1, c[0], w1, D(2026, 11, 1), 20)  # November
        record(kb, cb, wb, D(2026, 10, 10), 90, ob)

        self.add(
            Referral, client_id=c[0].id, case_id=k1.id, agency="县医院", sent_on=D(2026, 10, 18)
        )
        self.add(Referral, client_id=c[0].id, agency="民政所", sent_on=D(2026, 9, 1))
        self.add(Referral, ob, client_id=cb.id, agency="县医院", sent_on=D(2026, 10, 2))

        # Groups: G1 running since September; G2 started and ended in October; G3 ended earlier.
        g1 = self.add(
            Group,
            name="长者互助小组",
            group_type="support",
            status="running",
            start_date=D(2026, 9, 1),
        )
        g2 = self.add(
            Group,
            name="亲子阅读小组",
            group_type="education",
            status="ended",
            start_date=D(2026, 10, 5),
            end_date=D(2026, 10, 26),
        )
        self.add(
            Group,
            name="旧小组",
            group_type="support",
            status="ended",
            start_date=D(2026, 8, 1),
            end_date=D(2026, 9, 15),
        )
        gb = self.add(
            Group,
            ob,
            name="外站小组",
            group_type="support",
            status="running",
            start_date=D(2026, 10, 1),
        )
        m = [self.add(GroupMember, group_id=g1.id, client_id=c[i].id) for i in range(3)]
        m += [self.add(GroupMember, group_id=g2.id, client_id=c[i].id) for i in range(3, 6)]

        def session(
            g: Group,
            n: int,
            day: dt.date,
            walk_ins: int,
            start: dt.time | None = None,
            station: int | None = None,
        ) -> GroupSession:
            return self.add(
                GroupSession,
                station,
                group_id=g.id,
                number=n,
                held_on=day,
                start_time=start,
                walk_in_count=walk_ins,
            )

        def attend(sess: GroupSession, member: GroupMember, status: str) -> None:
            self.add(GroupAttendance, session_id=sess.id, member_id=member.id, status=status)

        s1 = session(g1, 1, D(2026, 9, 20), 2)
        attend(s1, m[0], "present")
        s2 = session(g1, 2, D(2026, 10, 10), 3)  # 2 present + 3 walk-ins = 5
        attend(s2, m[0], "present")
        attend(s2, m[1], "present")
        attend(s2, m[2], "absent")
        s3 = session(g1, 3, D(2026, 10, 31), 0, dt.time(23, 30))  # 1 present (one left) = 1
        attend(s3, m[0], "present")
        attend(s3, m[1], "left")
        s4 = session(g2, 1, D(2026, 10, 12), 1)  # 3 present + 1 walk-in = 4
        for member in m[3:]:
            attend(s4, member, "present")
        session(gb, 1, D(2026, 10, 12), 20, station=ob)

        self.add(
            Activity,
            title="重阳节敬老活动",
            activity_type="festival",
            held_on=D(2026, 10, 3),
            village_id=v1,
            worker_id=w1.id,
            participants_total=40,
        )
        self.add(
            Activity,
            title='=HYPERLINK("http://x")',
            activity_type="education",
            held_on=D(2026, 10, 31),
            village_id=v2,
            worker_id=w2.id,
            participants_total=25,
        )
        self.add(
            Activity,
            title="九月活动",
            activity_type="festival",
            held_on=D(2026, 9, 28),
            village_id=v1,
            worker_id=w1.id,
            participants_total=10,
        )
        self.add(
            Activity,
            ob,
            title="外站活动",
            activity_type="festival",
            held_on=D(2026, 10, 5),
            participants_total=100,
        )

        h1 = self.add(Household, village_id=v1, head_name="甲")
        vi1 = self.add(
            Visit,
            visited_on=D(2026, 10, 5),
            worker_id=w1.id,
            household_id=h1.id,
            village_id=v1,
            visit_type="routine",
            new_need_count=2,
        )
        vi2 = self.add(
            Visit, visited_on=D(2026, 10, 20), worker_id=w2.id, village_id=v2, visit_type="routine"
        )
        self.add(
            Visit,
            visited_on=D(2026, 10, 30),
            worker_id=w1.id,
            village_id=v1,
            visit_type="routine",
            new_need_count=1,
        )
        self.add(
            Visit,
            ob,
            visited_on=D(2026, 10, 6),
            worker_id=wb.id,
            visit_type="routine",
            new_need_count=5,
        )
        self.add(VisitClient, visit_id=vi1.id, client_id=c[0].id)
        self.add(VisitClient, visit_id=vi1.id, client_id=c[1].id)
        self.add(VisitClient, visit_id=vi2.id, client_id=c[2].id)

        vol1 = self.add(Volunteer, name="周志愿", id_number=id_number(21))
        vol2 = self.add(Volunteer, name="吴志愿")
        volb = self.add(Volunteer, ob, name="郑志愿")
        for vol, day, hours in (
            (vol1, D(2026, 10, 3), "2.5"),
            (vol1, D(2026, 10, 10), "1.5"),
            (vol2, D(2026, 10, 31), "3"),
            (vol2, D(2026, 9, 1), "4"),
        ):
            self.add(VolunteerService, volunteer_id=vol.id, served_on=day, hours=Decimal(hours))
        self.add(
            VolunteerService, ob, volunteer_id=volb.id, served_on=D(2026, 10, 3), hours=Decimal(5)
        )

        self.add(
            Resource,
            received_on=D(2026, 10, 8),
            source="爱心企业",
            kind="cash",
            value_yuan=Decimal("500.00"),
            client_id=c[0].id,
        )
        self.add(
            Resource,
            received_on=D(2026, 10, 22),
            source="慈善会",
            kind="goods",
            value_yuan=Decimal("1200.50"),
        )
        self.add(
            Resource,
            received_on=D(2026, 9, 22),
            source="慈善会",
            kind="goods",
            value_yuan=Decimal("100"),
        )
        self.add(
            Resource,
            ob,
            received_on=D(2026, 10, 22),
            source="外站",
            kind="goods",
            value_yuan=Decimal("999"),
        )

        sup1 = self.add(
            Supervision,
            held_on=D(2026, 10, 9),
            supervisor_name="陈督导",
            form="individual",
            hours=Decimal("2"),
        )
        sup2 = self.add(
            Supervision,
            held_on=D(2026, 3, 15),
            supervisor_name="陈督导",
            form="group",
            hours=Decimal("1.5"),
        )
        self.add(Supervision, ob, held_on=D(2026, 10, 9), form="group", hours=Decimal("3"))
        for sup, user in ((sup1, w1), (sup1, w2), (sup2, w1)):
            self.add(SupervisionSupervisee, supervision_id=sup.id, user_id=user.id)
        t1 = self.add(Training, title="个案管理培训", held_on=D(2026, 10, 16), hours=Decimal(6))
        t2 = self.add(Training, title="危机干预", held_on=D(2026, 10, 30), hours=Decimal(3))
        for t, user in ((t1, w1), (t2, w1), (t2, w2)):
            self.add(TrainingParticipant, training_id=t.id, user_id=user.id)
        return Known(sid, ob, w1.display_name, w2.display_name, c[0].id_number or "")
