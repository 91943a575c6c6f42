"""What the demo's later record kinds share: bulk rows with ids up front, and the station scene.

Groups, activities, visits and the staff records are all written the way demo_rows and
demo_case_rows write clients and cases (bulk inserts, ids given up front), and all
draw on the same picture of one station: its workers, villages, clients and cases.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.demo.case_rows import date_keys, dated, morning
from app.demo.inserts import insert_rows
from app.demo.rooms import RoomPlan, roomed
from app.domain.roles import Role
from app.store.engine import clock_of
from app.store.models import Case, Client, ClientCategory, Station, User, Village

_DATE_KEYS = ("held_on", "visited_on", "served_on", "received_on")
"""The columns that date a record, in the order they are looked for."""
LATE_EVERY = 9
"""One record in nine is typed in a week or two later, from the paper form (补录)."""


def typed_on(row_id: int, day: Any, now: dt.datetime) -> dt.datetime:
    """When the demo's record was typed in: on its day (09:00 UTC is the same calendar day
    from UTC to China time), now and then 8–14 days later, never after `now`."""
    if not isinstance(day, dt.date):
        return now
    if row_id % LATE_EVERY == 4:
        day += dt.timedelta(days=8 + row_id % 7)
    return min(morning(day), now)


class BulkRows:
    """One station's rows of the given models, written in that order (parents first)."""

    def __init__(
        self,
        session: Session,
        station_id: int,
        models: Sequence[Any],
        rooms: RoomPlan | None = None,
    ) -> None:
        self.session = session
        self.station_id = station_id
        self.models = tuple(models)
        self.next_id = {m: (session.scalar(select(func.max(m.id))) or 0) + 1 for m in models}
        self.rows: dict[Any, list[dict[str, Any]]] = {m: [] for m in models}
        self.counts: dict[str, int] = {cast(Table, m.__table__).name: 0 for m in models}
        self.date_keys = date_keys(self.models, _DATE_KEYS)
        self.rooms = rooms
        self.roomed = roomed(self.models) if rooms is not None else frozenset()
        self.now = clock_of(session).now()

    @property
    def pending(self) -> int:
        return sum(len(rows) for rows in self.rows.values())

    def row(self, model: Any, author: int, **values: Any) -> dict[str, Any]:
        row_id = self.next_id[model]
        self.next_id[model] = row_id + 1
        keys = self.date_keys[model]
        day = dated(values, keys) if keys else None
        typed = typed_on(row_id, day, self.now) if keys else self.now
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

    def flush(self) -> None:
        for model in self.models:
            rows = self.rows[model]
            if rows:
                # Bulk, not the ORM: see demo_rows.RowWriter.flush.
                insert_rows(self.session, cast(Table, model.__table__), rows)
                self.counts[cast(Table, model.__table__).name] += len(rows)
                self.rows[model] = []


@dataclass(frozen=True)
class DemoClient:
    id: int
    name: str
    village_id: int | None
    household_id: int | None
    age: int
    categories: frozenset[str]
    disabled: bool
    risk: str
    worker_id: int | None
    sex: str = "1"
    relation: str = ""
    living: str = ""
    self_care: str = ""
    disability_type: str = ""
    disability_grade: str = ""
    guardian_relation: str = ""

    @property
    def elderly(self) -> bool:
        return self.age >= 60

    @property
    def child(self) -> bool:
        return self.age < 18


@dataclass(frozen=True)
class DemoCase:
    id: int
    client_id: int
    worker_id: int
    intake: dt.date
    closed_on: dt.date | None
    stage: str
    source: str


@dataclass
class Scene:
    """One station as the record generators see it, and the days its demo history covers."""

    station_id: int
    code: str
    workers: list[int]
    head: int
    supervisor: int | None
    villages: list[tuple[int, str]]
    clients: list[DemoClient]
    cases: list[DemoCase]
    first_day: dt.date
    today: dt.date
    by_village: dict[int, list[DemoClient]] = field(default_factory=dict)
    households: dict[int, list[DemoClient]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_village: dict[int, list[DemoClient]] = defaultdict(list)
        for client in self.clients:
            if client.village_id is not None:
                by_village[client.village_id].append(client)
        self.by_village, self.households = dict(by_village), households_of(self.clients)

    def members(self, client: DemoClient) -> list[DemoClient]:
        """The client's household as the station knows it (just the client when none)."""
        if client.household_id is None:
            return [client]
        return self.households.get(client.household_id, [client])

    def weekday(self, rng: random.Random, first: dt.date | None = None) -> dt.date:
        """A working day between `first` (default: the start of the history) and today."""
        start = max(first or self.first_day, self.first_day)
        span = max((self.today - start).days, 0)
        for _ in range(20):
            day = start + dt.timedelta(days=rng.randint(0, span))
            if day.weekday() < 5:
                return day
        return start


def load_scene(session: Session, station_id: int, first_day: dt.date, today: dt.date) -> Scene:
    """Read back what the earlier steps wrote for the station: staff, villages, clients, cases."""
    station = session.get_one(Station, station_id)
    staff = session.execute(
        select(User.id, User.role).where(User.station_id == station_id).order_by(User.id)
    ).all()
    workers = [uid for uid, role in staff if role == Role.WORKER.value]
    heads = [uid for uid, role in staff if role in (Role.HEAD.value, Role.ADMIN.value)]
    supervisors = [uid for uid, role in staff if role == Role.SUPERVISOR.value]
    villages = [
        (vid, name)
        for vid, name in session.execute(
            select(Village.id, Village.name)
            .where(Village.station_id == station_id, Village.active.is_(True))
            .order_by(Village.sort, Village.id)
        )
    ]
    clients = load_clients(session, station_id, today)
    cases = [
        DemoCase(*row)
        for row in session.execute(
            select(
                Case.id,
                Case.client_id,
                Case.worker_id,
                Case.intake_date,
                Case.closed_on,
                Case.stage,
                Case.source,
            )
            .where(Case.station_id == station_id)
            .order_by(Case.id)
        )
    ]
    return Scene(
        station_id=station_id,
        code=station.code,
        workers=workers,
        head=heads[0] if heads else workers[0],
        supervisor=supervisors[0] if supervisors else None,
        villages=villages,
        clients=clients,
        cases=cases,
        first_day=first_day,
        today=today,
    )


def load_clients(session: Session, station_id: int, today: dt.date) -> list[DemoClient]:
    """The station's active clients with what the generators fit their records to."""
    categories: dict[int, set[str]] = defaultdict(set)
    for client_id, code in session.execute(
        select(ClientCategory.client_id, ClientCategory.category).where(
            ClientCategory.station_id == station_id
        )
    ):
        categories[client_id].add(code)
    clients = []
    # Unpacked, not read by name: a Row's attributes cost more on 100,000 clients.
    for (
        cid, name, village_id, household_id, birth_date, disability_type, risk_level,
        worker_id, sex, relation, living, self_care, grade, guardian_relation,
    ) in session.execute(
        select(
            Client.id, Client.name, Client.village_id, Client.household_id, Client.birth_date,
            Client.disability_type, Client.risk_level, Client.worker_id, Client.sex,
            Client.relation_to_head, Client.living_arrangement, Client.self_care,
            Client.disability_grade, Client.guardian_relation,
        )
        .where(Client.station_id == station_id, Client.status == "active")
        .order_by(Client.id)
    ):  # fmt: skip
        born = birth_date or dt.date(today.year - 40, 1, 1)
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        clients.append(
            DemoClient(
                cid, name, village_id, household_id, age,
                frozenset(categories.get(cid, ())), bool(disability_type),
                risk_level or "low", worker_id, sex, relation, living, self_care,
                disability_type, grade, guardian_relation,
            )
        )  # fmt: skip
    return clients


def households_of(clients: Sequence[DemoClient]) -> dict[int, list[DemoClient]]:
    households: dict[int, list[DemoClient]] = defaultdict(list)
    for client in clients:
        if client.household_id is not None:
            households[client.household_id].append(client)
    return dict(households)


def hours(minutes: int) -> Decimal:
    """Minutes as the hours a Numeric(6, 2) column stores, e.g. 90 → 1.50."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))
