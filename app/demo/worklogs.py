"""Demo work logs: a log for every worker on every working day of the demo's history.

The automatic entries come from `worklog_sources.auto_entries`, the same rule the work
log and the monthly report use, so the demo's logs agree with its records exactly. A day
with a record on a weekend gets its log too. The entries a worker types (meetings,
supervision and training they attended, administrative help) are added besides.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.bulk import BulkRows, Scene
from app.demo.people import Weights, chance, pick
from app.demo.staff_texts import MANUAL
from app.services.visits.worklog_sources import auto_entries
from app.store.models import (
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    WorkLog,
    WorkLogEntry,
)

MODELS = (WorkLog, WorkLogEntry)
BATCH = 50_000
Typed = tuple[str, int, str]  # kind, minutes, description
_TYPED = Weights({"admin_support": 50, "other": 35, "meeting": 15})


def fill_worklogs(session: Session, rows: BulkRows, scene: Scene, rng: random.Random) -> None:
    """Logs and entries of the station's workers; flushes `rows` as it goes."""
    workers = scene.workers
    if not workers:
        return
    days: dict[tuple[int, dt.date], list[tuple[str, int, str, str, int | None]]] = defaultdict(list)
    day = scene.first_day
    while day <= scene.today:
        if day.weekday() < 5:
            for user in workers:
                days[user, day] = []
        day += dt.timedelta(days=1)
    for entry in auto_entries(session, scene.station_id, workers, scene.first_day, scene.today):
        days[entry.user_id, entry.day].append(
            (entry.kind, entry.minutes, entry.description, entry.source_table, entry.source_id)
        )
    for (user, day), (kind, minutes, text) in _attended(session, scene):
        if (user, day) in days:
            days[user, day].append((kind, minutes, text, "", None))
    for (user, day), entries in sorted(days.items(), key=lambda item: (item[0][1], item[0][0])):
        log = rows.row(WorkLog, user, user_id=user, log_date=day, notes="")
        for kind, minutes, text in _typed(rng, day, busy=bool(entries)):
            entries.append((kind, minutes, text, "", None))
        for kind, minutes, text, table, source in entries:
            rows.row(
                WorkLogEntry,
                user,
                work_log_id=log["id"],
                kind=kind,
                minutes=minutes,
                description=text,
                source_table=table,
                source_id=source,
            )
        if rows.pending >= BATCH:
            rows.flush()
    rows.flush()


def _typed(rng: random.Random, day: dt.date, *, busy: bool) -> list[Typed]:
    """What the worker adds by hand: the Monday meeting, office work on some days."""
    typed: list[Typed] = []
    if day.weekday() == 0:
        typed.append(("meeting", *_pair(MANUAL["meeting"][0])))
    if chance(rng, 0.2) or not busy:
        kind = pick(rng, _TYPED)
        typed.append((kind, *_pair(rng.choice(MANUAL[kind]))))
    return typed


def _pair(item: tuple[str, int]) -> tuple[int, str]:
    return item[1], item[0]


def _attended(session: Session, scene: Scene) -> list[tuple[tuple[int, dt.date], Typed]]:
    """Supervision received and trainings attended, as the worker logs them."""
    station = scene.station_id
    found: list[tuple[tuple[int, dt.date], Typed]] = []
    for user, day, spent, topics in session.execute(
        select(
            SupervisionSupervisee.user_id,
            Supervision.held_on,
            Supervision.hours,
            Supervision.topics,
        )
        .join(Supervision, Supervision.id == SupervisionSupervisee.supervision_id)
        .where(Supervision.station_id == station)
        .order_by(Supervision.id, SupervisionSupervisee.id)
    ):
        found.append(((user, day), ("supervision", int(spent * 60), f"接受督导：{topics}")))
    for user, day, spent, title in session.execute(
        select(TrainingParticipant.user_id, Training.held_on, Training.hours, Training.title)
        .join(Training, Training.id == TrainingParticipant.training_id)
        .where(Training.station_id == station)
        .order_by(Training.id, TrainingParticipant.id)
    ):
        found.append(((user, day), ("training", int(spent * 60), f"参加培训：{title}")))
    return found
