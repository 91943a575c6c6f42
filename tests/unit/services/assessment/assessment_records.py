"""A small station written row by row for the third quarter of 2026 (1 July – 30
September), with the edge cases a worker's assessment must get right in comments. The
expected figures in the tests are worked out by hand from these comments.

Workers: 张社工 (A, 助理社会工作师: 72 hours a registration period) and 李社工 (B, no
title). A hands case K2 over to B on 16 August. Every row's entry time is given (the day
it was typed in, at local noon); the test clock stands on 15 October 2026.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.services.access.auth import actor_for
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import (
    Activity,
    Case,
    CaseEvent,
    Client,
    Consent,
    DatedValue,
    Group,
    GroupFacilitator,
    GroupSession,
    ServiceRecord,
    Station,
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    User,
    Visit,
)

D = dt.date
TODAY = D(2026, 10, 15)


@dataclass(frozen=True)
class Built:
    a: Actor
    b: Actor
    supervisor: Actor


def build(db: Database, admin: Actor) -> Built:
    with db.write() as s:
        return _Builder(s, admin).run()


def noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12)).astimezone(dt.UTC)


class _Builder:
    def __init__(self, session: Session, admin: Actor) -> None:
        self.s = session
        self.admin = admin
        self.sid = admin.station_id

    def add(
        self, model: type[Any], *, by: int | None = None, entered: dt.date, **values: Any
    ) -> Any:
        values.setdefault("station_id", self.sid)
        row = model(created_by_id=by or self.admin.user_id, created_at=noon(entered), **values)
        self.s.add(row)
        self.s.flush()
        return row

    def worker(self, login: str, name: str, role: str = "worker", title: str = "none") -> User:
        return self.add(
            User, entered=D(2025, 1, 1), login=login, display_name=name, role=role,
            password_hash="x", title=title,
        )  # fmt: skip

    def case(self, no: str, client: Client, worker: User, intake: dt.date) -> Case:
        case = self.add(
            Case, entered=intake, case_no=no, client_id=client.id, worker_id=worker.id,
            intake_date=intake, stage="intervention",
        )  # fmt: skip
        self.held(case, worker, intake)
        return case

    def held(self, case: Case, worker: User, since: dt.date, until: dt.date | None = None) -> None:
        self.add(
            DatedValue, entered=since, subject="case", subject_id=case.id, field="worker_id",
            value=str(worker.id), valid_from=since, valid_to=until,
        )  # fmt: skip

    def record(
        self, case: Case, day: dt.date, minutes: int, by: User | None, entered: dt.date
    ) -> None:
        worker = by.id if by is not None else self.admin.user_id
        self.add(
            ServiceRecord, by=worker, entered=entered, case_id=case.id,
            client_id=case.client_id, worker_id=worker, served_on=day, duration_min=minutes,
            mode="face",
        )  # fmt: skip

    def run(self) -> Built:
        a = self.worker("zhang", "张社工", title="assistant")
        b = self.worker("li", "李社工")
        sup = self.worker("du", "杜督导", role="supervisor")
        c = [self.add(Client, entered=D(2026, 1, 5), name=n) for n in "甲乙丙丁戊己庚"]

        # K1: A's all along, open. c1 signed the service consent in May: valid.
        k1 = self.case("T-1", c[0], a, D(2026, 5, 10))
        self.add(Consent, entered=D(2026, 5, 1), client_id=c[0].id, item="service",
                 signed_on=D(2026, 5, 1), signer_name="甲")  # fmt: skip
        # K2: A's from June, B's from 16 August (the hand-over); open; c2 has no consent.
        k2 = self.add(
            Case, entered=D(2026, 6, 1), case_no="T-2", client_id=c[1].id, worker_id=b.id,
            intake_date=D(2026, 6, 1), stage="intervention",
        )  # fmt: skip
        self.held(k2, a, D(2026, 6, 1), D(2026, 8, 16))
        self.held(k2, b, D(2026, 8, 16))
        self.add(CaseEvent, entered=D(2026, 8, 16), case_id=k2.id, kind="reassign",
                 from_value=str(a.id), to_value=str(b.id), happened_on=D(2026, 8, 16))  # fmt: skip
        # K3: A's, opened 20 July and closed 10 September (both events typed in by A the
        # same day): handled in the quarter, not open at its end.
        k3 = self.case("T-3", c[2], a, D(2026, 7, 20))
        for day, kind, old, new in (
            (D(2026, 7, 20), "open", "", "intake"),
            (D(2026, 9, 10), "stage", "intervention", "closure"),
        ):
            self.add(CaseEvent, by=a.id, entered=day, case_id=k3.id, kind=kind,
                     from_value=old, to_value=new, happened_on=day)  # fmt: skip
        # K4: A's, closed in June (before the quarter): neither handled nor open.
        k4 = self.case("T-4", c[3], a, D(2026, 2, 1))
        self.add(
            CaseEvent,
            entered=D(2026, 6, 15),
            case_id=k4.id,
            kind="stage",
            from_value="intervention",
            to_value="closure",
            happened_on=D(2026, 6, 15),
        )
        # K5: A's, opened 5 October (after the quarter): not counted.
        self.case("T-5", c[4], a, D(2026, 10, 5))
        # K7: A's, opened 20 September; c6 has no consent.
        self.case("T-7", c[5], a, D(2026, 9, 20))
        # K8: A's, opened 1 July; c7 signed in June and withdrew on 20 September.
        self.case("T-8", c[6], a, D(2026, 7, 1))
        self.add(
            Consent,
            entered=D(2026, 6, 20),
            client_id=c[6].id,
            item="service",
            signed_on=D(2026, 6, 20),
            signer_name="庚",
            withdrawn_on=D(2026, 9, 20),
        )

        # Service records (served on, minutes, typed in by, typed in on):
        self.record(k1, D(2026, 7, 5), 60, a, D(2026, 7, 5))  # A
        self.record(k2, D(2026, 8, 10), 90, a, D(2026, 8, 11))  # A (K2 still A's), 1 day late
        self.record(k2, D(2026, 8, 20), 30, b, D(2026, 8, 20))  # B
        # Typed in by the head: counts for B, responsible for K2 that day.
        self.record(k2, D(2026, 9, 1), 60, None, D(2026, 9, 1))
        self.record(k3, D(2026, 9, 5), 120, a, D(2026, 9, 20))  # A, 15 days late: 补录
        self.record(k1, D(2026, 6, 28), 30, a, D(2026, 7, 2))  # before the quarter
        self.record(k1, D(2026, 10, 2), 30, a, D(2026, 10, 2))  # after it

        # Groups: G1 led by A (sessions 20 June, 15 July, 15 August, typed in by A the
        # same day); G2 led by A and B together (one session on 1 September, typed by B).
        g1 = self.add(Group, entered=D(2026, 6, 1), name="G1", group_type="support")
        g2 = self.add(Group, entered=D(2026, 8, 1), name="G2", group_type="support")
        for group, user in ((g1, a), (g2, a), (g2, b)):
            self.add(GroupFacilitator, entered=D(2026, 6, 1), group_id=group.id, user_id=user.id)
        for number, day in enumerate((D(2026, 6, 20), D(2026, 7, 15), D(2026, 8, 15)), 1):
            self.add(GroupSession, by=a.id, entered=day, group_id=g1.id, number=number,
                     held_on=day)  # fmt: skip
        self.add(GroupSession, by=b.id, entered=D(2026, 9, 1), group_id=g2.id, number=1,
                 held_on=D(2026, 9, 1))  # fmt: skip

        # Activities and visits of A: one activity in the quarter, one after; a visit typed
        # in exactly 7 days later (not late) and one 15 days later (late).
        for day in (D(2026, 8, 1), D(2026, 10, 3)):
            self.add(Activity, by=a.id, entered=day, title="活动", activity_type="talk",
                     held_on=day, worker_id=a.id)  # fmt: skip
        for day, entered in ((D(2026, 7, 10), D(2026, 7, 17)), (D(2026, 9, 15), D(2026, 9, 30))):
            self.add(Visit, by=a.id, entered=entered, visited_on=day, worker_id=a.id,
                     visit_type="home")  # fmt: skip
        # Another station's visit by A's id never counts.
        other = Station(code="JX0427", name="东岗镇社工站", created_by_id=self.admin.user_id)
        self.s.add(other)
        self.s.flush()
        self.add(Visit, station_id=other.id, entered=D(2026, 8, 8), visited_on=D(2026, 8, 8),
                 worker_id=a.id, visit_type="home")  # fmt: skip

        # Supervision of A and B together on 5 August (2 hours); trainings of A: 10 hours in
        # December 2025 (registration period only), 6.5 on 12 September, 3 in October.
        sv = self.add(Supervision, by=sup.id, entered=D(2026, 8, 5), held_on=D(2026, 8, 5),
                      supervisor_id=sup.id, form="individual", hours=Decimal("2"))  # fmt: skip
        for user in (a, b):
            self.add(SupervisionSupervisee, entered=D(2026, 8, 5), supervision_id=sv.id,
                     user_id=user.id)  # fmt: skip
        for day, hours in ((D(2025, 12, 1), "10"), (D(2026, 9, 12), "6.5"), (D(2026, 10, 10), "3")):
            t = self.add(Training, entered=day, title="培训", held_on=day, hours=Decimal(hours))
            self.add(TrainingParticipant, entered=day, training_id=t.id, user_id=a.id)
        return Built(actor_for(self.s, a), actor_for(self.s, b), actor_for(self.s, sup))
