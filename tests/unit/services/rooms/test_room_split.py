"""The monthly report by 社工室, worked out by hand for June 2025.

Rooms 甲 and 乙; 李伟 is in 甲 from 1 June and in 乙 from 16 June, 王芳 in 乙 all month. 李伟's
case opened on 2 June (甲: new), still open on 30 June (乙: open at month end); 王芳's
case opened on 5 June (乙: new and open at month end). Service records on 10 June
(甲), 20 June (乙) and 21 June tagged with no room (站本部). An activity on 12 June with
36 participants (甲) and a visit on 18 June (乙).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import ServiceRecordInput
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.history import When
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.services.reports.splits import NO_ROOM, ROOM_TITLE
from app.services.rooms.service import RoomService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput
from app.store.engine import Database
from tests.unit.services.activity_flow import activity_input
from tests.unit.services.case_flow import new_client, open_case

D = dt.date
TODAY = D(2025, 7, 5)
JUNE = D(2025, 6, 1)


def build(db: Database, admin: Actor, worker: Actor, other: Actor) -> None:
    rooms = RoomService(db, admin)
    rooms.add_room(name="甲社工室")
    rooms.add_room(name="乙社工室")
    ids = {r.name: r.id for r in rooms.rooms()}
    rooms.assign(user_id=worker.user_id, room_id=ids["甲社工室"], when=When(D(2025, 6, 1)))
    rooms.assign(user_id=worker.user_id, room_id=ids["乙社工室"], when=When(D(2025, 6, 16)))
    rooms.assign(user_id=other.user_id, room_id=ids["乙社工室"], when=When(D(2025, 5, 1)))
    theirs = CaseService(db, other, today=TODAY)
    open_case(theirs, new_client(db, other, "赵桂兰", 5), intake_date=D(2025, 6, 5))
    cases = CaseService(db, worker, today=TODAY)
    client = new_client(db, worker)
    case_id, version = open_case(cases, client, intake_date=D(2025, 6, 2), urgency="urgent")
    for day, given in ((D(2025, 6, 10), 0), (D(2025, 6, 20), 0), (D(2025, 6, 21), None)):
        data = ServiceRecordInput(served_on=day, mode="phone", duration_min=10, room_id=given)
        version = cases.add_service_record(case_id, version=version, data=data).version
    ActivityService(db, worker, today=TODAY).create(activity_input(held_on=D(2025, 6, 12)))
    VisitService(db, worker, today=TODAY).add(
        VisitInput(visited_on=D(2025, 6, 18), visit_type="routine", client_ids=(client,))
    )


def test_a_months_figures_split_by_room(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    build(db, admin, worker, make_actor(Role.WORKER, "wangfang", "王芳"))
    report = ReportService(db, admin, today=TODAY).monthly(JUNE)
    split = next(s for s in report.splits if s.title == ROOM_TITLE)
    assert split.columns[:5] == ("月末在案个案", "本月新接个案", "本月结案", "服务人次", "服务人数")
    assert dict(split.rows) == {
        "甲社工室": (0, 1, 0, 1, 1, 1, 36, 0),
        "乙社工室": (2, 1, 0, 1, 1, 0, 0, 1),
        NO_ROOM: (0, 0, 0, 1, 1, 0, 0, 0),
    }
    titles = [s.title for s in report.splits]
    assert titles.index(ROOM_TITLE) == titles.index("按社工") + 1


def test_a_station_without_rooms_has_no_room_split(db: Database, admin: Actor) -> None:
    report = ReportService(db, admin, today=TODAY).monthly(JUNE)
    assert ROOM_TITLE not in [s.title for s in report.splits]


def test_a_month_closed_before_rooms_existed_says_not_counted(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    MonthCloseService(db, admin, today=TODAY).close(JUNE)
    RoomService(db, admin).add_room(name="甲社工室")
    report = ReportService(db, admin, today=TODAY).monthly(JUNE)
    split = next(s for s in report.splits if s.title == ROOM_TITLE)
    assert split.rows == (("未统计（月结时尚无此项）", (None,) * 8),)
