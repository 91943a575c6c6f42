"""Per-worker supervision and training hours against continuing-education targets.

A registered social worker needs 72 hours (助理社会工作师) or 90 hours (社会工作师) of
continuing education per 3-year registration period; supervision received and trainings
attended both count. The targets and the period's first year are station settings the
head may change. A user's own `registered_on` date, when set, starts their period instead.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.services.staff.training_types import HourTargets, WorkerHours
from app.store import settings as settings_rows
from app.store.engine import Database
from app.store.models import (
    CodeItem,
    Setting,
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    User,
)

TARGETS_KEY = "training.targets"
PERIOD_START_KEY = "training.period_start_year"
DEFAULT_TARGETS: dict[str, int] = {"assistant": 72, "social_worker": 90}
FIRST_PERIOD = 2025
PERIOD_YEARS = 3


def default_period_start(today: dt.date) -> int:
    """The first year of the 3-year window holding `today` (2025–2027, 2028–2030…)."""
    return FIRST_PERIOD + PERIOD_YEARS * ((today.year - FIRST_PERIOD) // PERIOD_YEARS)


@logs_refusals("training")
class TrainingHoursService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self.today = today or db.clock.today()

    @property
    def can_set_targets(self) -> bool:
        return self._actor.can(Permission.APPROVE)

    def targets(self) -> HourTargets:
        with self._db.read() as session:
            return read_targets(session, self._actor.station_id, self.today)

    def set_targets(self, targets: HourTargets) -> Changes:
        """Change the targets; the station head and the administrator may."""
        self._actor.require(Permission.APPROVE)
        if not 2000 <= targets.period_start_year <= 2100:
            raise InvalidInput("注册周期起始年份应在2000至2100之间。", field="period_start_year")
        for title, hours in targets.by_title.items():
            if not 0 <= hours <= 1000:
                raise InvalidInput("目标学时应在0至1000小时之间。", field=title)
        with self._db.write() as session:
            self._store(session, TARGETS_KEY, dict(targets.by_title))
            self._store(session, PERIOD_START_KEY, targets.period_start_year)
            audit.record(
                session, self._actor, "setting", entity="setting", key=TARGETS_KEY,
                value=dict(targets.by_title), period_start_year=targets.period_start_year,
            )  # fmt: skip
        return Changes.of("settings", "training_targets")

    def worker_hours(self, *, year: int | None = None) -> list[WorkerHours]:
        """Every worker of the station (a worker sees only their own line)."""
        year = year or self.today.year
        targets = self.targets()
        with self._db.read() as session:
            stmt = (
                select(User)
                .where(
                    User.station_id == self._actor.station_id,
                    User.active.is_(True),
                    User.role != Role.SUPERVISOR.value,
                )
                .order_by(User.name_sort, User.id)
            )
            if not self._sees_everyone:
                stmt = stmt.where(User.id == self._actor.user_id)
            users = list(session.scalars(stmt))
            titles = dict(
                session.execute(
                    select(CodeItem.code, CodeItem.label).where(
                        CodeItem.list_name == CodeList.WORKER_TITLE.value
                    )
                ).all()
            )
            year_start, year_end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            station = self._actor.station_id
            lines = []
            for user in users:
                start, end = registration_period(user.registered_on, targets)
                lines.append(
                    WorkerHours(
                        user_id=user.id,
                        name=user.display_name,
                        title=user.title,
                        title_label=titles.get(user.title, user.title),
                        year_hours=sum(
                            hours_between(session, station, user.id, year_start, year_end),
                            Decimal(0),
                        ),
                        period_hours=sum(
                            hours_between(session, station, user.id, start, end), Decimal(0)
                        ),
                        period_start=start,
                        period_end=end,
                        target=targets.target(user.title),
                    )
                )
            return lines

    @property
    def _sees_everyone(self) -> bool:
        return self._actor.can(Permission.EDIT_ANY_CASE) or self._actor.can(
            Permission.WRITE_SUPERVISION
        )

    def _store(self, session: Session, key: str, value: Any) -> None:
        station = self._actor.station_id
        text = json.dumps(value, ensure_ascii=False)
        row = session.scalar(
            select(Setting).where(Setting.key == key, Setting.station_id == station)
        )
        if row is None:
            session.add(
                Setting(
                    key=key,
                    value=text,
                    station_id=station,
                    created_by_id=self._actor.user_id,
                    updated_by_id=self._actor.user_id,
                )
            )
        else:
            row.value = text
            row.updated_by_id = self._actor.user_id


def read_targets(session: Session, station_id: int, today: dt.date) -> HourTargets:
    """The station's hour targets by title and the first year of its registration period."""
    stored = settings_rows.read(session, TARGETS_KEY, {}, station_id=station_id)
    start = settings_rows.read(session, PERIOD_START_KEY, None, station_id=station_id)
    by_title = dict(DEFAULT_TARGETS)
    by_title.update({str(k): int(v) for k, v in stored.items()})
    return HourTargets(
        period_start_year=int(start) if start else default_period_start(today),
        by_title=by_title,
    )


def registration_period(
    registered_on: dt.date | None, targets: HourTargets
) -> tuple[dt.date, dt.date]:
    """A worker's 3-year registration period: from their own date, else the station's year."""
    start = registered_on or dt.date(targets.period_start_year, 1, 1)
    try:
        end = start.replace(year=start.year + PERIOD_YEARS)
    except ValueError:  # registered on 29 February
        end = dt.date(start.year + PERIOD_YEARS, 3, 1)
    return start, end - dt.timedelta(days=1)


def hours_between(
    session: Session, station_id: int, user_id: int, first: dt.date, last: dt.date
) -> tuple[Decimal, Decimal]:
    """Hours of supervision received and of training attended from `first` to `last`."""
    supervised = session.scalar(
        select(func.coalesce(func.sum(Supervision.hours), 0))
        .join(SupervisionSupervisee, SupervisionSupervisee.supervision_id == Supervision.id)
        .where(
            Supervision.station_id == station_id,
            SupervisionSupervisee.user_id == user_id,
            Supervision.held_on.between(first, last),
        )
    )
    trained = session.scalar(
        select(func.coalesce(func.sum(Training.hours), 0))
        .join(TrainingParticipant, TrainingParticipant.training_id == Training.id)
        .where(
            Training.station_id == station_id,
            TrainingParticipant.user_id == user_id,
            Training.held_on.between(first, last),
        )
    )
    return Decimal(str(supervised or 0)), Decimal(str(trained or 0))
