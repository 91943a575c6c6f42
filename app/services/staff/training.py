"""Training records (培训): title, organiser, date, hours, participants and certificates.

Permissions follow the case rules: a worker changes the trainings they entered, the
station head all of the station; a supervisor reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.choice import Choice
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.staff.access import (
    MAX_TRAINING_HOURS,
    check_users,
    may_create,
    may_edit,
    own_record,
    parse_hours,
    require_create,
    require_edit,
    station_users,
)
from app.services.staff.training_types import (
    Participant,
    TrainingDetail,
    TrainingInput,
    TrainingQuery,
    TrainingRow,
)
from app.store.engine import Database
from app.store.models import Training, TrainingParticipant

ENTITY = "training"
NOUN = "培训记录"


@logs_refusals("training")
class TrainingService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def can_create(self) -> bool:
        return may_create(self._actor)

    def workers(self) -> list[Choice]:
        with self._db.read() as session:
            return station_users(session, self._actor, supervisors=False)

    def search_ids(self, query: TrainingQuery) -> list[int]:
        stmt = select(Training.id).where(Training.station_id == self._actor.station_id)
        if query.year is not None:
            stmt = stmt.where(
                Training.held_on.between(dt.date(query.year, 1, 1), dt.date(query.year, 12, 31))
            )
        if query.participant_id is not None:
            stmt = stmt.where(
                exists(
                    select(TrainingParticipant.id).where(
                        TrainingParticipant.training_id == Training.id,
                        TrainingParticipant.user_id == query.participant_id,
                    )
                )
            )
        text = query.text.strip()
        if text:
            stmt = stmt.where(
                or_(
                    Training.title.contains(text, autoescape=True),
                    Training.organiser.contains(text, autoescape=True),
                )
            )
        column: Any = Training.title if query.sort == "title" else Training.held_on
        order = column.desc() if query.descending else column.asc()
        tie = Training.id.desc() if query.descending else Training.id.asc()
        with self._db.read() as session:
            return list(session.scalars(stmt.order_by(order, tie)))

    def rows(self, ids: Sequence[int]) -> list[TrainingRow]:
        with self._db.read() as session:
            counts = {
                tid: (n, c)
                for tid, n, c in session.execute(
                    select(
                        TrainingParticipant.training_id,
                        func.count(),
                        func.sum(case((TrainingParticipant.certificate.is_(True), 1), else_=0)),
                    )
                    .where(TrainingParticipant.training_id.in_(ids))
                    .group_by(TrainingParticipant.training_id)
                )
            }
            records = session.scalars(
                select(Training).where(
                    Training.id.in_(ids), Training.station_id == self._actor.station_id
                )
            )
            return [
                TrainingRow(
                    id=t.id,
                    held_on=t.held_on,
                    title=t.title,
                    organiser=t.organiser,
                    hours=t.hours,
                    participants=counts.get(t.id, (0, 0))[0],
                    certificates=int(counts.get(t.id, (0, 0))[1] or 0),
                )
                for t in records
            ]

    def detail(self, training_id: int) -> TrainingDetail:
        with self._db.read() as session:
            t = own_record(session, Training, training_id, self._actor, NOUN)
            people = session.scalars(
                select(TrainingParticipant)
                .where(TrainingParticipant.training_id == t.id)
                .order_by(TrainingParticipant.id)
            )
            return TrainingDetail(
                id=t.id,
                version=t.version,
                title=t.title,
                organiser=t.organiser,
                held_on=t.held_on,
                hours=t.hours,
                participants=tuple(Participant(p.user_id, p.certificate) for p in people),
                can_edit=may_edit(self._actor, t.created_by_id),
            )

    def create(self, data: TrainingInput) -> Changes:
        require_create(self._actor)
        with self._db.write() as session:
            values = self._validated(session, data)
            record = Training(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
                **values,
            )
            session.add(record)
            session.flush()
            self._link(session, record.id, data.participants)
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=record.id,
                fields=sorted(values), participants=[p.user_id for p in data.participants],
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(record.id,))

    def update(self, *, training_id: int, version: int, data: TrainingInput) -> Changes:
        with self._db.write() as session:
            record = own_record(session, Training, training_id, self._actor, NOUN)
            require_edit(self._actor, record.created_by_id)
            check_version(record, version, NOUN, session)
            values = self._validated(session, data)
            changed = sorted(k for k, v in values.items() if getattr(record, k) != v)
            for key, value in values.items():
                setattr(record, key, value)
            record.updated_by_id = self._actor.user_id
            record.updated_at = (
                self._db.clock.now()
            )  # a change of participants alone still bumps the version
            session.execute(
                delete(TrainingParticipant).where(TrainingParticipant.training_id == record.id)
            )
            self._link(session, record.id, data.participants)
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=record.id,
                fields=changed, participants=[p.user_id for p in data.participants],
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(training_id,))

    def _validated(self, session: Session, data: TrainingInput) -> dict[str, Any]:
        title = data.title.strip()
        if not title:
            raise InvalidInput("请填写培训名称。", field="title")
        hours = parse_hours(data.hours, maximum=MAX_TRAINING_HOURS)
        if not data.participants:
            raise InvalidInput("请至少选择一名参加培训的社工。", field="participants")
        check_users(
            session, self._actor, tuple(p.user_id for p in data.participants), "participants"
        )
        return {
            "title": title[:200],
            "organiser": data.organiser.strip()[:100],
            "held_on": data.held_on,
            "hours": hours,
        }

    def _link(self, session: Session, training_id: int, people: tuple[Participant, ...]) -> None:
        seen: set[int] = set()
        for p in people:
            if p.user_id in seen:
                continue
            seen.add(p.user_id)
            session.add(
                TrainingParticipant(
                    station_id=self._actor.station_id,
                    training_id=training_id,
                    user_id=p.user_id,
                    certificate=p.certificate,
                    created_by_id=self._actor.user_id,
                    updated_by_id=self._actor.user_id,
                )
            )
