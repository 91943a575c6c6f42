"""Demo supervision, training, volunteers with their service hours, and resources linked.

Run after groups, activities and visits are written: volunteer hours point at real
activities, sessions and cases of the station, on the days those took place.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.bulk import BulkRows, Scene, hours
from app.demo.people import FEMALE, MALE, People, chance, pick
from app.demo.situations import fits
from app.demo.staff_texts import (
    DONORS,
    EXTERNAL_SUPERVISORS,
    RESOURCES,
    SUPERVISION_TOPICS,
    TRAININGS,
    VOLUNTEER_CASE_WORK,
    VOLUNTEER_SKILLS,
)
from app.services.visits.worklog_sources import activity_minutes
from app.store.models import (
    Activity,
    Group,
    GroupSession,
    Resource,
    ServiceRecord,
    Supervision,
    SupervisionCase,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    Volunteer,
    VolunteerService,
)

MODELS = (
    Supervision,
    SupervisionSupervisee,
    SupervisionCase,
    Training,
    TrainingParticipant,
    Volunteer,
    VolunteerService,
    Resource,
)


def fill_staff_records(
    session: Session, rows: BulkRows, scene: Scene, rng: random.Random, people: People
) -> None:
    """Supervision about monthly per worker, trainings, 20–60 volunteers, resources."""
    if not scene.workers:
        return
    _supervision(rows, scene, rng)
    _trainings(rows, scene, rng)
    _volunteers(session, rows, scene, rng, people)
    _resources(session, rows, scene, rng)


def _months(scene: Scene) -> list[dt.date]:
    first = scene.first_day.replace(day=1)
    months = []
    while first <= scene.today:
        months.append(first)
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return months


def _in_month(scene: Scene, rng: random.Random, month: dt.date) -> dt.date | None:
    days = [month + dt.timedelta(days=n) for n in range(28)]
    days = [d for d in days if scene.first_day <= d <= scene.today and d.weekday() < 5]
    return rng.choice(days) if days else None


def _supervision(rows: BulkRows, scene: Scene, rng: random.Random) -> None:
    author = scene.supervisor or scene.head
    clients = {c.id: c for c in scene.clients}
    for index, month in enumerate(_months(scene)):
        sessions = [[w] for w in scene.workers if chance(rng, 0.9)]
        if index % 3 == 2:
            sessions.append(list(scene.workers))  # quarterly group supervision
        for supervisees in sessions:
            day = _in_month(scene, rng, month)
            if day is None:
                continue
            group = len(supervisees) > 1
            internal = scene.supervisor is not None and chance(rng, 0.8)
            topic, advice, follow_up, about = rng.choice(SUPERVISION_TOPICS)
            form = "group" if group else pick(rng, {"individual": 60, "onsite": 25, "online": 15})
            record = rows.row(
                Supervision,
                author,
                held_on=day,
                supervisor_id=scene.supervisor if internal else None,
                supervisor_name="" if internal else rng.choice(EXTERNAL_SUPERVISORS),
                form=form,
                hours=Decimal(rng.choice(("2.0", "2.5", "3.0") if group else ("1.0", "1.5"))),
                topics=topic,
                advice=advice,
                follow_up=follow_up,
            )
            for user in supervisees:
                rows.row(SupervisionSupervisee, author, supervision_id=record["id"], user_id=user)
            # Cases brought to supervision are open that day and what the topic is about.
            open_cases = [
                c
                for c in scene.cases
                if c.worker_id in supervisees
                and c.intake <= day
                and (c.closed_on is None or c.closed_on >= day)
                and c.client_id in clients
                and fits(about, clients[c.client_id])
            ]
            for case in rng.sample(open_cases, min(len(open_cases), rng.randint(0, 2))):
                rows.row(SupervisionCase, author, supervision_id=record["id"], case_id=case.id)


def _trainings(rows: BulkRows, scene: Scene, rng: random.Random) -> None:
    staff = [*scene.workers, scene.head]
    for month in _months(scene):
        if not chance(rng, 0.6):
            continue
        day = _in_month(scene, rng, month)
        if day is None:
            continue
        title, organiser = rng.choice(TRAININGS)
        duration = rng.choice(("3.0", "3.5", "6.0", "7.0"))
        training = rows.row(
            Training,
            scene.head,
            title=title,
            organiser=organiser,
            held_on=day,
            hours=Decimal(duration),
        )
        for user in rng.sample(staff, rng.randint(1, len(staff))):
            rows.row(
                TrainingParticipant,
                scene.head,
                training_id=training["id"],
                user_id=user,
                certificate=float(duration) >= 6 and chance(rng, 0.5),
            )


def _volunteers(
    session: Session, rows: BulkRows, scene: Scene, rng: random.Random, people: People
) -> None:
    by_village: dict[int | None, list[int]] = {}
    for _ in range(rng.randint(20, 60)):
        village_id = rng.choice(scene.villages)[0] if scene.villages else None
        sex = pick(rng, {FEMALE: 60, MALE: 40})
        born = people.birth(rng.randint(18, 68))
        volunteer = rows.row(
            Volunteer,
            scene.head,
            name=people.name(sex, born.year),
            phone=people.phone(),
            id_number=people.id_number(born, sex) if chance(rng, 0.7) else None,
            skills="、".join(rng.sample(VOLUNTEER_SKILLS, rng.randint(1, 2))),
            village_id=village_id,
            active=chance(rng, 0.9),
        )
        by_village.setdefault(village_id, []).append(volunteer["id"])
    everyone = [v for ids in by_village.values() for v in ids]
    station = scene.station_id
    for activity_id, day, village_id, kind, start, end in session.execute(
        select(
            Activity.id,
            Activity.held_on,
            Activity.village_id,
            Activity.activity_type,
            Activity.start_time,
            Activity.end_time,
        )
        .where(Activity.station_id == station)
        .order_by(Activity.id)
    ):
        if kind != "volunteer" and not chance(rng, 0.3):
            continue
        local = by_village.get(village_id) or everyone
        helpers = rng.sample(
            local, min(len(local), rng.randint(3, 8) if kind == "volunteer" else 2)
        )
        for volunteer_id in helpers:
            rows.row(
                VolunteerService,
                scene.head,
                volunteer_id=volunteer_id,
                served_on=day,
                hours=hours(activity_minutes(start, end)),
                activity_id=activity_id,
                session_id=None,
                case_id=None,
                description="协助签到、维持秩序、服务老人",
            )
    for session_id, day, minutes in session.execute(
        select(GroupSession.id, GroupSession.held_on, GroupSession.duration_min)
        .join(Group, Group.id == GroupSession.group_id)
        .where(GroupSession.station_id == station)
        .order_by(GroupSession.id)
    ):
        if chance(rng, 0.15):
            rows.row(
                VolunteerService,
                scene.head,
                volunteer_id=rng.choice(everyone),
                served_on=day,
                hours=hours(minutes),
                activity_id=None,
                session_id=session_id,
                case_id=None,
                description="协助带领小组游戏、接送行动不便的组员",
            )
    # A volunteer paired with a case serves while the case is served: between its first
    # and its last service record, so never before the plan is approved or after closure.
    served = {
        case_id: (first, last)
        for case_id, first, last in session.execute(
            select(ServiceRecord.case_id, func.min(ServiceRecord.served_on),
                   func.max(ServiceRecord.served_on))
            .where(ServiceRecord.station_id == station)
            .group_by(ServiceRecord.case_id)
        )
    }  # fmt: skip
    clients = {c.id: c for c in scene.clients}
    paired = [
        c
        for c in scene.cases
        if c.stage in ("intervention", "closure", "follow_up")
        and c.id in served
        and c.client_id in clients
    ]
    for case in rng.sample(paired, len(paired) // 10):
        volunteer_id = rng.choice(everyone)
        client = clients[case.client_id]
        work = [text for text, who in VOLUNTEER_CASE_WORK if fits(who, client)]
        first, last = served[case.id]
        day = first + dt.timedelta(days=rng.randint(0, 7))
        while day <= last:
            rows.row(
                VolunteerService,
                scene.head,
                volunteer_id=volunteer_id,
                served_on=day,
                hours=Decimal(rng.choice(("1.0", "1.5", "2.0"))),
                activity_id=None,
                session_id=None,
                case_id=case.id,
                description=rng.choice(work),
            )
            day += dt.timedelta(days=rng.randint(14, 30))


def _resources(session: Session, rows: BulkRows, scene: Scene, rng: random.Random) -> None:
    activities = list(
        session.execute(
            select(Activity.id, Activity.held_on)
            .where(Activity.station_id == scene.station_id, Activity.activity_type == "festival")
            .order_by(Activity.id)
        )
    )
    numbers: dict[int, int] = {}
    for _ in range(max(10, len(scene.clients) // 10) if scene.clients else 0):
        kind = pick(rng, {"goods": 55, "cash": 25, "service": 20})
        client = rng.choice(scene.clients)
        # What the household gets fits someone in it: 学习用品 go where a pupil lives.
        members = scene.members(client)
        given = [
            (text, value)
            for text, value, who in RESOURCES[kind]
            if any(fits(who, m) for m in members)
        ]
        description, value = rng.choice(given)
        day = scene.weekday(rng)
        activity_id = None
        if activities and kind == "goods" and chance(rng, 0.2):
            activity_id, day = rng.choice(activities)
        numbers[day.year] = numbers.get(day.year, 0) + 1
        rows.row(
            Resource,
            scene.head,
            received_on=day,
            source=rng.choice(DONORS),
            kind=kind,
            description=description,
            value_yuan=Decimal(value * (rng.randint(1, 5) if activity_id else 1)),
            client_id=None if activity_id else client.id,
            household_id=None if activity_id else client.household_id,
            activity_id=activity_id,
            receipt_ref=f"{scene.code}-ZY-{day.year}-{numbers[day.year]:04d}",
        )
