"""Writing an accepted roster inside the caller's one write transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.domain.codes import ClientStatus
from app.services.context import Actor
from app.services.importing.classify import AMOUNT_LABEL, CATEGORY_LABEL, chunks
from app.services.importing.results import PreviewRow
from app.store import search
from app.store.engine import clock_of
from app.store.models import Client, ClientCategory, Household
from app.store.uuids import new_uuid

HEAD = "02"  # GB/T 4761: 户主
Tick = Callable[[int], None]


class RosterWriter:
    """Adds new clients, applies updates, grants and ends the roster's category."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        *,
        batch_id: int,
        category: str,
        import_date: dt.date,
        villages: dict[int, str],
    ) -> None:
        self.session = session
        self.actor = actor
        self.batch_id = batch_id
        self.category = category
        self.import_date = import_date
        self.villages = villages
        now = clock_of(session).now()
        # Given here rather than left to the column defaults, which cost time per row.
        self.author = {
            "station_id": actor.station_id,
            "created_by_id": actor.user_id,
            "updated_by_id": actor.user_id,
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        self.categories: list[dict[str, Any]] = []

    def _next_id(self, model: Any) -> int:
        return int(self.session.scalar(select(func.max(model.id))) or 0) + 1

    def _grant(self, client_id: int, amount: str) -> None:
        self.categories.append(
            {
                "uuid": new_uuid(),
                "client_id": client_id,
                "category": self.category,
                "start_date": self.import_date,
                "import_batch_id": self.batch_id,
                "benefit_amount": amount,
                **self.author,
            }
        )

    def add_new(self, rows: Sequence[PreviewRow], tick: Tick) -> None:
        """New clients in bulk; a 户主 row heads a new household that later rows may join."""
        next_client = self._next_id(Client)
        next_household = self._next_id(Household)
        clients: list[dict[str, Any]] = []
        households: list[dict[str, Any]] = []
        heads: list[dict[str, Any]] = []
        for row in rows:
            v = row.values
            assert v is not None
            client_id = next_client
            next_client += 1
            household_id = None
            if v.relation == HEAD:
                household_id = next_household
                next_household += 1
                households.append(
                    {
                        "id": household_id, "uuid": new_uuid(), "village_id": v.village_id,
                        "head_name": v.name, "address": v.address, "notes": "", **self.author,
                    }
                )  # fmt: skip
                heads.append({"h_id": household_id, "h_head": client_id})
            clients.append(
                {
                    "id": client_id, "uuid": new_uuid(), "name": v.name,
                    "id_number": v.id_number, "sex": v.sex, "birth_date": v.birth_date,
                    "ethnicity": "", "marital_status": "", "phone": v.phone,
                    "village_id": v.village_id, "address": v.address,
                    "household_id": household_id, "relation_to_head": v.relation,
                    "disability_type": v.disability_type,
                    "disability_grade": v.disability_grade, "self_care": "",
                    "living_arrangement": "", "guardian_name": "", "guardian_relation": "",
                    "guardian_phone": "", "risk_level": "low", "worker_id": None,
                    "status": ClientStatus.ACTIVE.value, "archive_reason": "", "notes": "",
                    **self.author,
                }
            )  # fmt: skip
            row.client_id = client_id
            self._grant(client_id, v.benefit_amount)
        self._join_households(rows, clients)
        for model, payload in ((Household, households), (Client, clients)):
            for start in range(0, len(payload), 2000):
                self.session.execute(
                    insert(cast(Table, model.__table__)), payload[start : start + 2000]
                )
                tick(len(payload[start : start + 2000]) if model is Client else 0)
        if heads:
            table = cast(Table, Household.__table__)
            self.session.execute(
                update(table)
                .where(table.c.id == bindparam("h_id"))
                .values(head_client_id=bindparam("h_head")),
                heads,
            )
        search.index_clients(
            self.session,
            [
                (
                    c["id"],
                    c["name"],
                    c["id_number"],
                    c["phone"],
                    self.villages.get(c["village_id"], ""),
                )
                for c in clients
            ],
        )

    def _join_households(self, rows: Sequence[PreviewRow], clients: list[dict[str, Any]]) -> None:
        """Members name their head: join the one household of that head in the same village."""
        found: dict[tuple[str, int | None], list[int]] = {}
        for c in clients:
            if c["household_id"] is not None:
                found.setdefault((c["name"], c["village_id"]), []).append(c["household_id"])
        wanted = sorted(
            {
                r.values.head_name
                for r in rows
                if r.values and r.values.head_name and r.values.relation != HEAD
            }
        )
        for part in chunks(wanted):
            for hid, head_name, village_id in self.session.execute(
                select(Household.id, Household.head_name, Household.village_id).where(
                    Household.station_id == self.actor.station_id, Household.head_name.in_(part)
                )
            ):
                found.setdefault((head_name, village_id), []).append(hid)
        for row, c in zip(rows, clients, strict=True):
            v = row.values
            if v is None or c["household_id"] is not None or not v.head_name:
                continue
            households = found.get((v.head_name, v.village_id), [])
            if len(households) == 1:
                c["household_id"] = households[0]

    def apply_updates(self, rows: Sequence[PreviewRow], tick: Tick) -> None:
        """Changed fields through the ORM, so each client's version moves on."""
        by_id = {r.client_id: r for r in rows if r.client_id is not None}
        ids = list(by_id)
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            clients = self.session.scalars(select(Client).where(Client.id.in_(part))).all()
            held = {
                cc.client_id: cc
                for cc in self.session.scalars(
                    select(ClientCategory).where(
                        ClientCategory.client_id.in_(part),
                        ClientCategory.category == self.category,
                        ClientCategory.end_date.is_(None),
                    )
                )
            }
            for client in clients:
                self._update(client, by_id[client.id], held.get(client.id))
            self.session.flush()
            search.index_clients(
                self.session,
                [
                    (c.id, c.name, c.id_number, c.phone, self.villages.get(c.village_id or 0, ""))
                    for c in clients
                ],
            )
            tick(len(part))

    def _update(self, client: Client, row: PreviewRow, held: ClientCategory | None) -> None:
        v = row.values
        assert v is not None
        labels = {c.label for c in row.changes}
        for label, attr, value in (
            ("联系电话", "phone", v.phone),
            ("村/社区", "village_id", v.village_id),
            ("地址", "address", v.address),
            ("与户主关系", "relation_to_head", v.relation),
            ("残疾类别", "disability_type", v.disability_type),
            ("残疾等级", "disability_grade", v.disability_grade),
        ):
            if label in labels:
                setattr(client, attr, value)
        if labels - {CATEGORY_LABEL, AMOUNT_LABEL}:
            client.updated_by_id = self.actor.user_id
            client.updated_at = clock_of(self.session).now()
        if CATEGORY_LABEL in labels:
            self._grant(client.id, v.benefit_amount)
        elif AMOUNT_LABEL in labels and held is not None:
            # A new amount starts a new period, so the old amount stays in the history.
            held.end_date = self.import_date
            held.updated_by_id = self.actor.user_id
            self._grant(client.id, v.benefit_amount)

    def end_exits(self, client_ids: Sequence[int]) -> int:
        """End the category of those who left the roster; the rows stay as history."""
        ended = 0
        for start in range(0, len(client_ids), 500):
            part = client_ids[start : start + 500]
            result = self.session.execute(
                update(ClientCategory)
                .where(
                    ClientCategory.client_id.in_(part),
                    ClientCategory.category == self.category,
                    ClientCategory.end_date.is_(None),
                    ClientCategory.import_batch_id.is_not(None),
                )
                .values(
                    end_date=self.import_date,
                    updated_by_id=self.actor.user_id,
                    updated_at=clock_of(self.session).now(),
                    version=ClientCategory.version + 1,
                )
                .execution_options(synchronize_session=False)
            )
            ended += int(getattr(result, "rowcount", 0) or 0)
        return ended

    def flush_categories(self) -> None:
        table = cast(Table, ClientCategory.__table__)
        for start in range(0, len(self.categories), 2000):
            self.session.execute(insert(table), self.categories[start : start + 2000])
        self.categories = []
