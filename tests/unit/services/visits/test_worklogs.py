"""The work log agrees with the records it is filled in from, and keeps what the worker typed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.errors import ConflictError, InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.context import Actor
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput
from app.services.visits.worklog_sources import activity_minutes, auto_entries
from app.services.visits.worklog_types import EntryInput, WorkLogDay
from app.services.visits.worklogs import WorkLogService
from app.store.engine import Database
from app.store.models import (
    Activity,
    Group,
    GroupFacilitator,
    GroupSession,
    ServiceRecord,
    Visit,
)
from tests.unit.services.case_flow import new_client, open_case
from tests.unit.services.conftest import TODAY, audit_actions

DAY = TODAY - dt.timedelta(days=2)


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


@pytest.fixture
def head(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.HEAD, "zhang", "张站长")


def logs(db: Database, actor: Actor) -> WorkLogService:
    return WorkLogService(db, actor, today=TODAY)


def automatic(day: WorkLogDay) -> list[tuple[str, int]]:
    return sorted((e.kind, e.minutes) for e in day.entries if e.automatic)


def one_of_each(db: Database, worker: Actor, co_worker: Actor) -> dict[str, int]:
    """A service record, a group session (worker co-facilitates), an activity and a visit on DAY."""
    client = new_client(db, worker)
    case_id, _version = open_case(CaseService(db, worker, today=TODAY), client)
    visit = VisitService(db, worker, today=TODAY).add(
        VisitInput(visited_on=DAY, visit_type="routine", client_ids=(client,), duration_min=40)
    )
    station = worker.station_id
    with db.write() as session:
        record = ServiceRecord(
            station_id=station, case_id=case_id, client_id=client, worker_id=worker.user_id,
            served_on=DAY, duration_min=50, mode="home_visit", content="入户面谈",
        )  # fmt: skip
        group = Group(station_id=station, name="长者健康小组", group_type="elderly")
        activity = Activity(
            station_id=station, title="重阳敬老", activity_type="festival", held_on=DAY,
            start_time=dt.time(14, 0), end_time=dt.time(16, 30), worker_id=worker.user_id,
        )  # fmt: skip
        session.add_all([record, group, activity])
        session.flush()
        session.add_all(
            [
                GroupFacilitator(
                    station_id=station, group_id=group.id, user_id=co_worker.user_id, role="lead"
                ),
                GroupFacilitator(
                    station_id=station, group_id=group.id, user_id=worker.user_id, role="co"
                ),
            ]
        )
        meeting = GroupSession(
            station_id=station, group_id=group.id, number=1, held_on=DAY, duration_min=90,
            topic="认识彼此",
        )  # fmt: skip
        session.add(meeting)
        session.flush()
        return {
            "record": record.id, "session": meeting.id, "activity": activity.id,
            "visit": visit.visit_id,
        }  # fmt: skip


def test_the_log_shows_exactly_the_days_records(db: Database, worker: Actor, head: Actor) -> None:
    one_of_each(db, worker, head)
    day = logs(db, worker).day(worker.user_id, DAY)
    assert automatic(day) == [("case", 50), ("community", 150), ("group", 90), ("visit", 40)]
    assert day.total_minutes == 330
    assert {e.kind_label for e in day.entries} == {"个案", "社区", "小组", "走访"}
    # The lead facilitator gets the session too; the day before is empty for both.
    assert automatic(logs(db, head).day(head.user_id, DAY)) == [("group", 90)]
    assert logs(db, worker).day(worker.user_id, DAY - dt.timedelta(days=1)).entries == ()
    # Opening again changes nothing: the stored entries already agree.
    assert automatic(logs(db, worker).day(worker.user_id, DAY)) == automatic(day)
    assert audit_actions(db, entity="work_log").count("sync") == 2


def test_the_log_follows_changed_and_deleted_records(
    db: Database, worker: Actor, head: Actor
) -> None:
    ids = one_of_each(db, worker, head)
    service = logs(db, worker)
    service.add_entry(worker.user_id, DAY, EntryInput("meeting", 60, "站务例会"))
    service.day(worker.user_id, DAY)
    with db.write() as session:
        session.get_one(ServiceRecord, ids["record"]).duration_min = 25
        session.get_one(Activity, ids["activity"]).end_time = None
        session.delete(session.get_one(GroupSession, ids["session"]))
        session.get_one(Visit, ids["visit"]).visited_on = DAY - dt.timedelta(days=1)
    day = service.day(worker.user_id, DAY)
    assert automatic(day) == [("case", 25), ("community", 120)]
    assert [(e.kind, e.minutes, e.description) for e in day.entries if not e.automatic] == [
        ("meeting", 60, "站务例会")
    ]
    assert automatic(service.day(worker.user_id, DAY - dt.timedelta(days=1))) == [("visit", 40)]
    month = {t.day: t.minutes for t in service.month(worker.user_id, DAY.year, DAY.month)}
    assert month[DAY] == 25 + 120 + 60 and month[DAY - dt.timedelta(days=1)] == 40
    assert len(month) == 30 and sum(month.values()) == 245


def test_manual_entries_are_the_workers_to_change(
    db: Database, worker: Actor, head: Actor, make_actor: Callable[..., Actor]
) -> None:
    one_of_each(db, worker, head)
    service = logs(db, worker)
    service.add_entry(worker.user_id, DAY, EntryInput("admin_support", 30, "协助村委填报"))
    day = service.day(worker.user_id, DAY)
    [typed] = [e for e in day.entries if not e.automatic]
    service.update_entry(typed.id, version=typed.version, data=EntryInput("other", 45, "整理档案"))
    with pytest.raises(ConflictError):
        service.update_entry(typed.id, version=typed.version, data=EntryInput("other", 5, "x"))
    auto = next(e for e in day.entries if e.automatic)
    with pytest.raises(InvalidInput, match="自动生成"):
        service.delete_entry(auto.id, version=auto.version)
    with pytest.raises(InvalidInput, match="工作类型"):
        service.add_entry(worker.user_id, DAY, EntryInput("nope", 30, "x"))
    with pytest.raises(InvalidInput, match="今天以后"):
        service.add_entry(worker.user_id, TODAY + dt.timedelta(days=1), EntryInput("other", 5, "x"))
    service.set_notes(worker.user_id, DAY, version=day.version, notes="天气炎热")
    after = service.day(worker.user_id, DAY)
    assert after.notes == "天气炎热"
    assert [(e.kind, e.minutes) for e in after.entries if not e.automatic] == [("other", 45)]

    # The head sees and corrects any log; a colleague cannot open it; a supervisor only reads.
    other = make_actor(Role.WORKER, "chen", "陈芳")
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    with pytest.raises(PermissionDenied):
        logs(db, other).day(worker.user_id, DAY)
    assert [o.name for o in logs(db, other).owners()] == ["陈芳"]
    read_only = logs(db, supervisor).day(worker.user_id, DAY)
    assert not read_only.editable and read_only.total_minutes == after.total_minutes
    with pytest.raises(PermissionDenied):
        logs(db, supervisor).add_entry(worker.user_id, DAY, EntryInput("other", 5, "x"))
    [mine] = [e for e in logs(db, head).day(worker.user_id, DAY).entries if not e.automatic]
    logs(db, head).delete_entry(mine.id, version=mine.version)
    assert [e for e in service.day(worker.user_id, DAY).entries if not e.automatic] == []
    assert {"add_entry", "update_entry", "delete_entry", "notes"} <= set(
        audit_actions(db, entity="work_log")
    )


def test_activity_minutes_default_when_a_time_is_missing() -> None:
    assert activity_minutes(dt.time(9, 0), dt.time(10, 15)) == 75
    assert activity_minutes(None, dt.time(10, 0)) == 120
    assert activity_minutes(dt.time(9, 0), None) == 120


def test_auto_entries_cover_several_workers_and_days(
    db: Database, worker: Actor, head: Actor
) -> None:
    one_of_each(db, worker, head)
    with db.read() as session:
        rows = auto_entries(session, worker.station_id, [worker.user_id, head.user_id], DAY, DAY)
        assert sorted((r.user_id == head.user_id, r.source_table) for r in rows) == [
            (False, "activities"), (False, "group_sessions"), (False, "service_records"),
            (False, "visits"), (True, "group_sessions"),
        ]  # fmt: skip
        assert auto_entries(session, worker.station_id + 1, [worker.user_id], DAY, DAY) == []
