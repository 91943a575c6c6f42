"""Bulk rows for demo cases: ids given up front, held per table, written with Core inserts."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.demo.inserts import insert_rows
from app.demo.rooms import RoomPlan, roomed
from app.domain.roles import Role
from app.store.engine import clock_of
from app.store.models import (
    Case,
    CaseAssessment,
    CaseClosure,
    CaseComment,
    CaseCounter,
    CaseEvaluation,
    CaseEvent,
    CaseFollowUp,
    CaseGoal,
    CasePlan,
    Referral,
    ServiceRecord,
    Station,
    User,
)

MODELS = (
    Case,
    CaseEvent,
    CaseAssessment,
    CasePlan,
    CaseGoal,
    ServiceRecord,
    Referral,
    CaseEvaluation,
    CaseClosure,
    CaseFollowUp,
    CaseComment,
)


_DATE_KEYS = (
    "happened_on", "served_on", "assessed_on", "evaluated_on", "contacted_on", "sent_on",
    "intake_date",
)  # fmt: skip
"""The columns that date a case row, in the order they are looked for."""


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


@functools.cache
def morning(day: dt.date) -> dt.datetime:
    """09:00 UTC of `day`, the same calendar day from UTC to China time (17:00 there):
    when the demo types a record in. Made once a day, not once a row."""
    return at(day, 9)


def dated(values: Mapping[str, object], keys: tuple[str, ...]) -> object:
    """The first of `keys` that `values` sets (not None): what dates the row."""
    for key in keys:
        day = values.get(key)
        if day is not None:
            return day
    return None


def date_keys(models: Sequence[Any], keys: tuple[str, ...]) -> dict[Any, tuple[str, ...]]:
    """Per model, those of `keys` that are its columns: a row sets only its table's columns,
    so the others need not be looked for (a work-log line has none of them)."""
    return {m: tuple(k for k in keys if k in cast(Table, m.__table__).c) for m in models}


class CaseRows:
    """One station's case rows, numbered per year as the service numbers them."""

    def __init__(
        self,
        session: Session,
        station_id: int,
        workers: list[int],
        rng: random.Random,
        today: dt.date,
        rooms: RoomPlan | None = None,
    ) -> None:
        self.session = session
        self.station_id = station_id
        self.workers = workers
        self.rng = rng
        self.today = today
        self.code = session.get_one(Station, station_id).code
        staff = dict(
            session.execute(
                select(User.role, func.min(User.id))
                .where(User.station_id == station_id)
                .group_by(User.role)
            ).all()
        )
        self.head = staff.get(Role.HEAD.value) or staff.get(Role.ADMIN.value) or workers[0]
        self.supervisor = staff.get(Role.SUPERVISOR.value) or self.head
        self.next_id = {m: (session.scalar(select(func.max(m.id))) or 0) + 1 for m in MODELS}
        self.rows: dict[Any, list[dict[str, Any]]] = {m: [] for m in MODELS}
        self.counts: dict[str, int] = {cast(Table, m.__table__).name: 0 for m in MODELS}
        self.date_keys = date_keys(MODELS, _DATE_KEYS)
        self.rooms = rooms
        self.roomed = roomed(MODELS) if rooms is not None else frozenset()
        self.numbers: dict[int, int] = dict(
            session.execute(
                select(CaseCounter.year, CaseCounter.last_number).where(
                    CaseCounter.station_id == station_id
                )
            ).all()
        )
        self.now = clock_of(session).now()

    # ---- rows ------------------------------------------------------------------------

    def row(self, model: Any, author: int, **values: Any) -> dict[str, Any]:
        row_id = self.next_id[model]
        self.next_id[model] = row_id + 1
        # A demo worker types each step in on the day it happened (no 补录 on every row).
        day = dated(values, self.date_keys[model])
        typed = min(morning(day), self.now) if isinstance(day, dt.date) else self.now
        if model in self.roomed:
            self.rooms.tag(values, day, self.now)  # type: ignore[union-attr]
        row = {
            "id": row_id,
            "station_id": self.station_id,
            "created_by_id": author,
            "updated_by_id": author,
            "created_at": typed,
            "updated_at": typed,
            "version": 1,
            **values,
        }
        self.rows[model].append(row)
        return row

    def event(
        self, case: dict[str, Any], kind: str, to: str, day: dt.date, reason: str = ""
    ) -> None:
        before = case["stage"] if kind == "stage" else ""
        self.row(
            CaseEvent,
            case["worker_id"],
            case_id=case["id"],
            kind=kind,
            from_value=before,
            to_value=to,
            reason=reason,
            happened_on=day,
        )
        if kind == "stage":
            case["stage"] = to

    def flush(self) -> None:
        for model in MODELS:
            rows = self.rows[model]
            if rows:
                # Bulk, not the ORM: see demo_rows.RowWriter.flush.
                insert_rows(self.session, cast(Table, model.__table__), rows)
                self.counts[cast(Table, model.__table__).name] += len(rows)
                self.rows[model] = []

    def save_counters(self) -> None:
        existing = set(
            self.session.scalars(
                select(CaseCounter.year).where(CaseCounter.station_id == self.station_id)
            )
        )
        for year, last in self.numbers.items():
            counter = (
                self.session.scalar(
                    select(CaseCounter).where(
                        CaseCounter.station_id == self.station_id, CaseCounter.year == year
                    )
                )
                if year in existing
                else None
            )
            if counter is None:
                self.session.add(
                    CaseCounter(
                        station_id=self.station_id,
                        year=year,
                        last_number=last,
                        created_by_id=self.head,
                        updated_by_id=self.head,
                    )
                )
            else:
                counter.last_number = last
        self.session.flush()
