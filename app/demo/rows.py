"""Bulk rows for the demo: households, clients and their categories, ids given up front."""

from __future__ import annotations

import datetime as dt
import random
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from app.demo import data
from app.demo.households import HEAD, HouseholdPlan
from app.demo.inserts import insert_rows
from app.domain.name_pinyin import sort_key
from app.services.context import Actor
from app.store.engine import clock_of
from app.store.models import Client, ClientCategory, Household


class RowWriter:
    """Collects one station's rows and writes them in bulk, with ids given up front.

    Giving ids up front lets clients point at their household and categories at their
    client without reading anything back from the database.
    """

    def __init__(self, session: Session, actor: Actor, station_id: int, today: dt.date) -> None:
        self.session = session
        self.station_id = station_id
        self.today = today
        # Given here rather than left to the column defaults: calling those per row
        # costs SQLAlchemy several seconds over 100,000 clients.
        now = clock_of(session).now()
        self.author = {
            "created_by_id": actor.user_id,
            "updated_by_id": actor.user_id,
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        self.next_household = (session.scalar(select(func.max(Household.id))) or 0) + 1
        self.next_client = (session.scalar(select(func.max(Client.id))) or 0) + 1
        self.next_category = (session.scalar(select(func.max(ClientCategory.id))) or 0) + 1
        self.first_household = self.next_household
        self.households: list[dict[str, object]] = []
        self.clients: list[dict[str, object]] = []
        self.categories: list[dict[str, object]] = []
        self.counts = {"households": 0, "clients": 0, "categories": 0}

    @property
    def pending(self) -> int:
        return len(self.clients)

    def add(
        self, plan: HouseholdPlan, village_id: int, worker_id: int | None, rng: random.Random
    ) -> None:
        household_id = None
        if plan.registered and plan.members:
            household_id = self.next_household
            self.next_household += 1
            self.households.append(
                {
                    "id": household_id,
                    "station_id": self.station_id,
                    "village_id": village_id,
                    "head_name": plan.head_name,
                    "address": plan.address,
                    **self.author,
                }
            )
        for person in plan.members:
            client_id = self.next_client
            self.next_client += 1
            self.clients.append(
                {
                    "id": client_id,
                    "station_id": self.station_id,
                    "name": person.name,
                    # The column's default would make the same key, but a callable default
                    # sends the clients through Core's slower executemany (demo_inserts).
                    "name_sort": sort_key(person.name or ""),
                    "id_number": person.id_number,
                    "sex": person.sex,
                    "birth_date": person.birth_date,
                    "ethnicity": person.ethnicity,
                    "marital_status": person.marital_status,
                    "phone": person.phone,
                    "village_id": village_id,
                    "address": plan.address,
                    "household_id": household_id,
                    "relation_to_head": person.relation if household_id else "",
                    "disability_type": person.disability_type,
                    "disability_grade": person.disability_grade,
                    "self_care": person.self_care,
                    "living_arrangement": person.living_arrangement,
                    "guardian_name": person.guardian_name,
                    "guardian_relation": person.guardian_relation,
                    "guardian_phone": person.guardian_phone,
                    "risk_level": person.risk_level,
                    "worker_id": worker_id,
                    "status": "active",
                    **self.author,
                }
            )
            for code in person.categories:
                self.categories.append(
                    {
                        "id": self.next_category,
                        "station_id": self.station_id,
                        "client_id": client_id,
                        "category": code,
                        "start_date": self._since(person.birth_date, code, rng),
                        "benefit_amount": data.BENEFITS.get(code, ""),
                        **self.author,
                    }
                )
                self.next_category += 1

    def _since(self, birth: dt.date, code: str, rng: random.Random) -> dt.date:
        """When the category was granted: its age threshold, or some time in the last years."""
        if code == data.OLDEST_OLD:
            return birth.replace(year=birth.year + 80, day=min(birth.day, 28))
        start = self.today - dt.timedelta(days=rng.randrange(30, 8 * 365))
        return max(start, birth + dt.timedelta(days=30))

    def flush(self) -> int:
        """Write what is pending (households first: clients point at them); returns clients."""
        written = len(self.clients)
        for model, rows in (
            (Household, self.households),
            (Client, self.clients),
            (ClientCategory, self.categories),
        ):
            if rows:
                # Not the ORM: its bulk insert splits rows into small groups
                # whenever the set of NULL columns changes, which is ten times slower.
                insert_rows(self.session, cast(Table, model.__table__), rows)
        self.counts["households"] += len(self.households)
        self.counts["clients"] += written
        self.counts["categories"] += len(self.categories)
        self.households, self.clients, self.categories = [], [], []
        return written

    def link_heads(self) -> None:
        """Point each new household at its head, now that the clients exist."""
        head = (
            select(Client.id)
            .where(Client.household_id == Household.id, Client.relation_to_head == HEAD)
            .limit(1)
            .scalar_subquery()
        )
        self.session.execute(
            update(Household)
            .where(Household.id >= self.first_household)
            .values(head_client_id=head)
            .execution_options(synchronize_session=False)
        )
