"""Demo daily records: groups, activities, visits, staff records and work logs that agree."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy import Date, Table, func, select

from app.demo import activities as demo_activities
from app.demo import groups as demo_groups
from app.demo import staff_records as demo_staff_records
from app.demo import visits as demo_visits
from app.demo import worklogs as demo_worklogs
from app.demo.builder import RECORD_TABLES, DemoSummary, create_demo_database, fill_station
from app.demo.cases import SCALES
from app.domain.codes import SEED, CodeList
from app.domain.roles import Role
from app.services.context import Actor
from app.store.base import Base
from app.store.engine import Database
from app.store.models import (
    Activity,
    ActivityParticipant,
    Case,
    Client,
    Group,
    GroupAttendance,
    GroupFacilitator,
    GroupMember,
    GroupSession,
    Household,
    ServiceRecord,
    Supervision,
    SupervisionSupervisee,
    TrainingParticipant,
    User,
    Visit,
    VisitClient,
    Volunteer,
    VolunteerService,
    WorkLog,
    WorkLogEntry,
)

Demo = tuple[Database, DemoSummary]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """One small demo station for the whole module."""
    db = Database.open(tmp_path_factory.mktemp("records") / "demo.sqlite3")
    return db, create_demo_database(db, seed=3).summary


def _count(db: Database, model: type[Base]) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _workers(db: Database) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(User.id).where(User.role == Role.WORKER.value)))


def test_the_small_demo_has_every_kind_of_daily_record(demo: Demo) -> None:
    db, summary = demo
    assert 20 <= summary.count("groups") <= 30
    assert 120 <= summary.count("group_sessions") <= 260
    assert summary.count("activities") == 300
    assert summary.count("visits") == 2000
    assert 40 <= summary.count("supervisions") <= 80
    assert 5 <= summary.count("trainings") <= 20
    assert 20 <= summary.count("volunteers") <= 60
    assert summary.count("resources") >= 10
    assert summary.count("work_log_entries") > summary.count("work_logs") > 1000
    with db.read() as session:
        for name in RECORD_TABLES:
            rows = session.scalar(select(func.count()).select_from(Base.metadata.tables[name]))
            assert rows == summary.count(name) > 0, name  # what the summary tells the user
    steps = dict(summary.timings)
    assert {"服务对象", "个案", "小组", "走访", "工作日志"} <= set(steps)
    with db.read() as session:
        statuses = set(session.scalars(select(Group.status)))
        kinds = set(session.scalars(select(Activity.activity_type)))
        visit_kinds = set(session.scalars(select(Visit.visit_type)))
        linked = session.execute(
            select(
                func.count(VolunteerService.activity_id),
                func.count(VolunteerService.session_id),
                func.count(VolunteerService.case_id),
            )
        ).one()
    assert statuses == {"planning", "running", "ended"}
    assert kinds <= {code for code, _ in SEED[CodeList.ACTIVITY_TYPE]} and len(kinds) >= 6
    assert visit_kinds == {code for code, _ in SEED[CodeList.VISIT_TYPE]}
    assert all(linked)


def test_attendance_names_members_of_the_same_group_while_they_belonged(demo: Demo) -> None:
    db, _summary = demo
    with db.read() as session:
        rows = session.execute(
            select(
                GroupSession.group_id,
                GroupMember.group_id,
                GroupSession.held_on,
                GroupMember.joined_on,
                GroupMember.left_on,
                GroupAttendance.status,
            )
            .join(GroupSession, GroupSession.id == GroupAttendance.session_id)
            .join(GroupMember, GroupMember.id == GroupAttendance.member_id)
        ).all()
        facilitated = session.scalar(
            select(func.count(func.distinct(GroupFacilitator.group_id))).where(
                GroupFacilitator.role == "lead"
            )
        )
    assert len(rows) > 500
    for session_group, member_group, held, joined, left, _status in rows:
        assert session_group == member_group
        assert joined is not None and joined <= held and (left is None or held <= left)
    statuses = Counter(status for *_rest, status in rows)
    assert 0.75 < statuses["present"] / len(rows) < 0.95
    assert statuses["absent"] > statuses["left"] > 0
    assert facilitated == _count(db, Group)


def test_activity_participants_add_up_and_come_from_the_village(demo: Demo) -> None:
    db, _summary = demo
    with db.read() as session:
        activities = list(session.scalars(select(Activity)))
        signed = Counter(session.scalars(select(ActivityParticipant.activity_id)))
        wrong_village = session.scalar(
            select(func.count())
            .select_from(ActivityParticipant)
            .join(Activity, Activity.id == ActivityParticipant.activity_id)
            .join(Client, Client.id == ActivityParticipant.client_id)
            .where(Client.village_id != Activity.village_id)
        )
    for a in activities:
        parts = (
            a.participants_elderly
            + a.participants_children
            + a.participants_disabled
            + a.participants_other
        )
        assert parts == a.participants_total > 0
        assert signed[a.id] <= a.participants_total
    assert wrong_village == 0


def test_visits_are_of_the_stations_households_and_some_open_cases(demo: Demo) -> None:
    db, _summary = demo
    with db.read() as session:
        foreign = session.scalar(
            select(func.count())
            .select_from(Visit)
            .join(Household, Household.id == Visit.household_id)
            .where(Household.village_id != Visit.village_id)
        )
        unmet = session.scalar(
            select(func.count())
            .select_from(Visit)
            .where(~select(VisitClient.id).where(VisitClient.visit_id == Visit.id).exists())
        )
        opened = session.execute(
            select(Visit.visited_on, Visit.worker_id, Case.intake_date, Case.worker_id)
            .join(Case, Case.visit_id == Visit.id)
            .where(Visit.result == "open_case")
        ).all()
        results = set(session.scalars(select(Visit.result)))
    assert foreign == 0 and unmet == 0
    assert opened and results == {"none", "follow", "refer", "open_case"}
    for visited, visitor, intake, worker in opened:
        assert visited <= intake and visitor == worker


def test_no_daily_record_is_dated_in_the_future(demo: Demo) -> None:
    # Cases may look ahead (next contact, follow-up until); the daily records never do.
    db, _summary = demo
    today = dt.date.today()
    models = (
        demo_groups.MODELS + demo_activities.MODELS + demo_visits.MODELS
        + demo_staff_records.MODELS + demo_worklogs.MODELS
    )  # fmt: skip
    with db.read() as session:
        for model in models:
            table = cast(Table, model.__table__)
            for column in table.columns:
                if isinstance(column.type, Date):
                    latest = session.scalar(select(func.max(column)))
                    assert latest is None or latest <= today, (table.name, column.name)


def _minutes(start: dt.time | None, end: dt.time | None) -> int | None:
    """An activity's length from its own times; None when they do not give one."""
    if start is None or end is None:
        return None
    length = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return length if length > 0 else None


def test_work_logs_agree_with_the_records_exactly(demo: Demo) -> None:
    # The demo builds its logs with the rule the work log uses (auto_entries), so comparing
    # with that rule would check the demo against itself: here every automatic entry is
    # matched to the record it names, read straight from that record's table.
    db, _summary = demo
    workers = _workers(db)
    today = dt.date.today()
    first = today - dt.timedelta(days=SCALES["small"].history_days)
    Key = tuple[int, dt.date, str, int, int]  # user, day, source table, source id, minutes
    with db.read() as session:
        stored = session.execute(
            select(
                WorkLog.user_id,
                WorkLog.log_date,
                WorkLogEntry.kind,
                WorkLogEntry.minutes,
                WorkLogEntry.description,
                WorkLogEntry.source_table,
                WorkLogEntry.source_id,
            ).join(WorkLog, WorkLog.id == WorkLogEntry.work_log_id)
        ).all()
        expected: dict[Key, tuple[str, str]] = {}  # -> (kind, what the description names)
        for user, day, rid, minutes, case_no in session.execute(
            select(
                ServiceRecord.worker_id, ServiceRecord.served_on, ServiceRecord.id,
                ServiceRecord.duration_min, Case.case_no,
            ).join(Case, Case.id == ServiceRecord.case_id)
        ):  # fmt: skip
            expected[user, day, "service_records", rid, minutes] = ("case", f"个案服务 {case_no}")
        for user, day, rid, minutes, name, number in session.execute(
            select(
                GroupFacilitator.user_id, GroupSession.held_on, GroupSession.id,
                GroupSession.duration_min, Group.name, GroupSession.number,
            )
            .join(GroupFacilitator, GroupFacilitator.group_id == GroupSession.group_id)
            .join(Group, Group.id == GroupSession.group_id)
        ):  # fmt: skip
            expected[user, day, "group_sessions", rid, minutes] = (
                "group", f"小组 {name} 第{number}节",
            )  # fmt: skip
        timed = 0
        for lead, day, rid, start, end, title in session.execute(
            select(
                Activity.worker_id, Activity.held_on, Activity.id,
                Activity.start_time, Activity.end_time, Activity.title,
            )
        ):  # fmt: skip
            if lead is None:
                continue  # nobody's activity, in nobody's log
            length = _minutes(start, end)
            timed += length is not None
            key = (lead, day, "activities", rid, 120 if length is None else length)
            expected[key] = ("community", f"社区活动 {title}")
        for user, day, rid, minutes in session.execute(
            select(Visit.worker_id, Visit.visited_on, Visit.id, Visit.duration_min)
        ):
            expected[user, day, "visits", rid, minutes] = ("visit", "走访")
        days = {tuple(r) for r in session.execute(select(WorkLog.user_id, WorkLog.log_date))}
        supervised = {
            tuple(r)
            for r in session.execute(
                select(SupervisionSupervisee.user_id, Supervision.held_on).join(
                    Supervision, Supervision.id == SupervisionSupervisee.supervision_id
                )
            )
        }
    wanted = {key: v for key, v in expected.items() if key[0] in workers and first <= key[1]}
    automatic = [r for r in stored if r.source_table]
    found = {(r.user_id, r.log_date, r.source_table, r.source_id, r.minutes): r for r in automatic}
    assert len(found) == len(automatic)  # no record logged twice for the same worker
    assert set(found) == set(wanted)
    for key, (kind, named) in wanted.items():
        assert found[key].kind == kind and found[key].description.startswith(named), key
    assert {key[2] for key in wanted} == {
        "service_records", "group_sessions", "activities", "visits",
    }  # fmt: skip
    assert timed > 0  # activities with both times are logged for exactly that long
    typed = [r for r in stored if not r.source_table]
    assert all(r.source_id is None for r in typed)
    assert {"meeting", "supervision", "training", "admin_support"} <= {r.kind for r in typed}
    assert supervised <= days
    weekdays = {
        first + dt.timedelta(days=n)
        for n in range((today - first).days + 1)
        if (first + dt.timedelta(days=n)).weekday() < 5
    }
    assert {(u, d) for u in workers for d in weekdays} <= days


def test_training_and_volunteers_belong_to_the_station(demo: Demo) -> None:
    db, _summary = demo
    with db.read() as session:
        trainees = set(session.scalars(select(TrainingParticipant.user_id)))
        roles = set(session.scalars(select(User.role).where(User.id.in_(trainees))))
        named = session.scalar(select(func.count()).where(Volunteer.name != ""))
    assert roles <= {Role.WORKER.value, Role.ADMIN.value, Role.HEAD.value}
    assert named == _count(db, Volunteer)


def test_the_same_seed_gives_the_same_records(tmp_path: Path) -> None:
    def records(name: str) -> list[tuple[object, ...]]:
        db = Database.open(tmp_path / name)
        try:
            create_demo_database(db, seed=9)
            with db.read() as session:
                rows: list[tuple[object, ...]] = [
                    tuple(r)
                    for r in session.execute(
                        select(Group.name, Group.start_date, Group.status).order_by(Group.id)
                    )
                ]
                rows += [
                    tuple(r)
                    for r in session.execute(
                        select(Activity.title, Activity.held_on, Activity.participants_total)
                    )
                ]
                rows += [
                    tuple(r)
                    for r in session.execute(
                        select(Visit.visited_on, Visit.household_id, Visit.result)
                    )
                ]
                rows += [
                    tuple(r)
                    for r in session.execute(
                        select(WorkLogEntry.work_log_id, WorkLogEntry.kind, WorkLogEntry.minutes)
                    )
                ]
                return rows
        finally:
            db.dispose()

    first = records("a.sqlite3")
    assert len(first) > 3000
    assert first == records("b.sqlite3")


def test_cancelling_during_the_daily_records_leaves_nothing(db: Database, admin: Actor) -> None:
    seen: list[int] = [0]
    summary = fill_station(
        db,
        admin,
        progress=lambda done, total: seen.append(done),
        is_cancelled=lambda: seen[-1] > 450,  # past the clients and cases of 400 clients
    )
    assert summary.cancelled and max(seen) > 450
    for model in (Client, Case, Group, Activity, Visit, WorkLog):
        assert _count(db, model) == 0
