"""A small station to survey, written straight to the store: two closed cases, an open
one, a group with two sessions (the last on 10-20), a group without sessions, and two
activities of the same name; eight clients in two villages, six of them with phones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.domain.satisfaction import Respondent, Subject
from app.services.context import Actor
from app.services.history import When
from app.services.satisfaction.types import SurveyInput
from app.store.engine import Database
from app.store.models import (
    Activity,
    Case,
    Client,
    ClientCategory,
    Group,
    GroupSession,
    Village,
)

CLOSED_ON = dt.date(2026, 10, 8)
LAST_SESSION = dt.date(2026, 10, 20)
HELD_ON = dt.date(2026, 10, 12)
PHONES = ("13812345678", "13987654321", "13700001111", "13600002222", "13500003333", "0791-8888")


@dataclass(frozen=True)
class Records:
    cases: tuple[int, int]
    open_case: int
    group: int
    empty_group: int
    activities: tuple[int, int]
    clients: tuple[int, ...]


def build(db: Database, actor: Actor) -> Records:
    common = {"station_id": actor.station_id, "created_by_id": actor.user_id}
    with db.write() as session:
        villages = list(session.scalars(select(Village.id).order_by(Village.id)))[:2]
        clients = []
        for i in range(8):
            client = Client(
                name=f"张{'桂兰秀英春梅'[i % 6]}{i}", phone=PHONES[i] if i < 6 else "",
                village_id=villages[i % 2], id_number=f"36042619500308{i:03d}X"[:18],
                **common,
            )  # fmt: skip
            session.add(client)
            session.flush()
            session.add(
                ClientCategory(
                    client_id=client.id, category="elderly" if i < 4 else "child", **common
                )
            )
            clients.append(client.id)

        def case(no: str, stage: str, closed: dt.date | None) -> int:
            row = Case(
                case_no=no, client_id=clients[0], worker_id=actor.user_id,
                intake_date=dt.date(2026, 9, 1), stage=stage, closed_on=closed, **common,
            )  # fmt: skip
            session.add(row)
            session.flush()
            return row.id

        cases = (case("T-0001", "closure", CLOSED_ON), case("T-0002", "follow_up", CLOSED_ON))
        open_id = case("T-0003", "intervention", None)
        group = Group(name="银龄互助小组", group_type="support", status="ended", **common)
        empty = Group(name="亲子阅读小组", group_type="education", **common)
        session.add_all([group, empty])
        session.flush()
        for number, day in ((1, dt.date(2026, 10, 13)), (2, LAST_SESSION)):
            session.add(GroupSession(group_id=group.id, number=number, held_on=day, **common))
        activities = []
        for day in (HELD_ON, dt.date(2026, 10, 26)):
            row = Activity(title="重阳敬老活动", activity_type="festival", held_on=day, **common)
            session.add(row)
            session.flush()
            activities.append(row.id)
    return Records(cases, open_id, group.id, empty.id, (activities[0], activities[1]),
                   tuple(clients))  # fmt: skip


def scores(attitude: int, arrangement: int, needs: int, overall: int) -> dict[str, int]:
    return {"attitude": attitude, "arrangement": arrangement, "needs": needs, "overall": overall}


def survey(
    subject: Subject, sid: int, day: dt.date, who: Respondent, *s: int, **kw: str
) -> SurveyInput:
    return SurveyInput(
        subject=subject, subject_id=sid, respondent=who, scores=scores(*s) if s else {},
        when=When(day), **kw,
    )  # fmt: skip
