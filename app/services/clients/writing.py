"""A client's dated history kept in step with the row: categories, household, risk and
village (with their 发生日期), and the search index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound
from app.services import history
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store import search
from app.store.models import Client, ClientCategory, Household, Village

HEAD = "02"  # GB/T 4761: 户主
ENTITY = "client"


def own_client(session: Session, actor: Actor, client_id: int) -> Client:
    """The client, if of the actor's station."""
    client = session.get(Client, client_id)
    if client is None or client.station_id != actor.station_id:
        raise NotFound("找不到该服务对象，可能已被删除或不属于本站。")
    return client


class ClientHistory:
    """What one save writes beside the client's row, inside its write transaction."""

    def __init__(self, session: Session, actor: Actor, today: dt.date) -> None:
        self._session = session
        self._actor = actor
        self._today = today

    def categories_of(self, client_id: int) -> list[str]:
        return list(
            self._session.scalars(
                select(ClientCategory.category).where(
                    ClientCategory.client_id == client_id, ClientCategory.end_date.is_(None)
                )
            )
        )

    def changes_day(self, data: ClientInput) -> dt.date:
        return history.effective_day(
            self._session, self._actor.station_id, history.When(data.changes_on, data.late_reason),
            self._today, noun="变更发生日期",
        )  # fmt: skip

    def track(self, client: Client, day: dt.date, late_reason: str) -> None:
        """Keep the dated history of risk level, village and household in step with the row."""
        for field in ("risk_level", "village_id", "household_id"):
            history.change(
                self._session, station_id=client.station_id, subject=ENTITY, subject_id=client.id,
                field=field, value=getattr(client, field), on=day, user_id=self._actor.user_id,
                late_reason=late_reason,
            )  # fmt: skip

    def set_categories(self, client: Client, codes: Sequence[str], day: dt.date) -> None:
        """Add new categories from `day` and end removed ones the day before; history is kept.

        `end_date` is the last day a category is held.
        """
        wanted = list(dict.fromkeys(codes))
        current = {
            cc.category: cc
            for cc in self._session.scalars(
                select(ClientCategory).where(
                    ClientCategory.client_id == client.id, ClientCategory.end_date.is_(None)
                )
            )
        }
        for code, held in current.items():
            if code not in wanted:
                if held.start_date is not None and day <= held.start_date:
                    raise InvalidInput(
                        f"变更发生日期不能早于该类别的开始日期（{held.start_date.isoformat()}）。",
                        field="changes_on",
                    )
                held.end_date = day - dt.timedelta(days=1)
                held.updated_by_id = self._actor.user_id
        for code in wanted:
            if code not in current:
                self._session.add(
                    ClientCategory(
                        station_id=client.station_id,
                        client_id=client.id,
                        category=code,
                        start_date=day,
                        created_by_id=self._actor.user_id,
                        updated_by_id=self._actor.user_id,
                    )
                )

    def set_household(self, client: Client, data: ClientInput, day: dt.date) -> None:
        """Put the client in the household of `head_client_id`, or make them a head."""
        if data.relation_to_head == HEAD:
            household = (
                self._session.get(Household, client.household_id) if client.household_id else None
            )
            if household is None or household.head_client_id not in (None, client.id):
                household = self.new_household(client)
            household.head_client_id = client.id
            household.head_name = client.name
            household.village_id = client.village_id
            client.household_id = household.id
            return
        if data.head_client_id == client.id:
            raise InvalidInput("户主不能选本人；本人是户主时，请把“与户主关系”选为户主。")
        current = self._session.get(Household, client.household_id) if client.household_id else None
        if current is not None and current.head_client_id == client.id:
            # The head leaves: the household keeps its members, with no registered head.
            current.head_client_id = None
        if data.head_client_id is None:
            client.household_id = None
            return
        head = own_client(self._session, self._actor, data.head_client_id)
        if not data.relation_to_head:
            raise InvalidInput("请选择与户主的关系。", field="relation_to_head")
        household = self._session.get(Household, head.household_id) if head.household_id else None
        if household is None or household.head_client_id != head.id:
            household = self.new_household(head)
            head.household_id = household.id
            head.relation_to_head = HEAD
            self._session.flush()
            self.track(head, day, "")
            self.index(head)
        client.household_id = household.id

    def new_household(self, head: Client) -> Household:
        household = Household(
            station_id=head.station_id,
            village_id=head.village_id,
            head_client_id=head.id,
            head_name=head.name,
            address=head.address,
            created_by_id=self._actor.user_id,
            updated_by_id=self._actor.user_id,
        )
        self._session.add(household)
        self._session.flush()
        return household

    def index(self, client: Client) -> None:
        village = self._session.get(Village, client.village_id) if client.village_id else None
        search.index_client(
            self._session,
            client.id,
            name=client.name,
            id_number=client.id_number,
            phone=client.phone,
            village=village.name if village else "",
        )
