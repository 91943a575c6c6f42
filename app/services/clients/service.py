"""The client registry (服务对象): list, search, create, edit, archive, households, reveal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import idnumber
from app.domain.codes import ClientStatus, CodeList
from app.domain.errors import (
    InvalidInput,
    PermissionDenied,
)
from app.domain.masking import mask_id, mask_phone, shown_birth_date
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.choice import Choice
from app.services.clients import listing
from app.services.clients.checks import ClientChecks
from app.services.clients.types import (
    ClientDetail,
    ClientInput,
    ClientQuery,
    ClientRow,
    HouseholdMember,
    IdCheck,
    Revealed,
    Saved,
)
from app.services.clients.writing import ENTITY, ClientHistory, own_client
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.models import Case, Client, ClientCategory, CodeItem, Household, User, Village

_EDITABLE = (
    "name", "id_number", "phone", "sex", "birth_date", "ethnicity", "marital_status",
    "village_id", "address", "relation_to_head", "disability_type", "disability_grade",
    "self_care", "living_arrangement", "guardian_name", "guardian_relation", "guardian_phone",
    "risk_level", "worker_id", "notes",
)  # fmt: skip
_SENSITIVE = {"id_number", "phone", "guardian_phone"}


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    return idnumber.age_on(birth, today) if birth else None


@logs_refusals("client")
class ClientService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def can_edit(self) -> bool:
        """Whether the actor may create and edit clients (the UI hides what would be refused)."""
        return self._actor.can(Permission.EDIT_CLIENTS)

    # ---- reading -------------------------------------------------------------------

    def search_ids(self, query: ClientQuery) -> list[int]:
        """Ids of the matching clients in display order (the list fetches rows lazily)."""
        self._actor.require(Permission.VIEW_CLIENTS)
        return listing.search_ids(self._db, self._actor, query)

    def rows(self, ids: Sequence[int]) -> list[ClientRow]:
        """The list lines for `ids`, in the same order; ids no longer visible are skipped."""
        self._actor.require(Permission.VIEW_CLIENTS)
        if not ids:
            return []
        today = self.today
        with self._db.read() as session:
            stmt = (
                select(Client, Village.name, User.display_name)
                .outerjoin(Village, Village.id == Client.village_id)
                .outerjoin(User, User.id == Client.worker_id)
                .where(Client.id.in_(ids), Client.station_id == self._actor.station_id)
            )
            found = {c.id: (c, v or "", w or "") for c, v, w in session.execute(stmt)}
            categories = self._current_categories(session, list(found))
        rows = []
        for cid in ids:
            if cid not in found:
                continue
            c, village, worker = found[cid]
            rows.append(
                ClientRow(
                    id=c.id,
                    name=c.name,
                    sex=c.sex,
                    age=_age(c.birth_date, today),
                    id_number_masked=mask_id(c.id_number),
                    phone_masked=mask_phone(c.phone),
                    village=village,
                    categories="、".join(categories.get(c.id, [])),
                    risk_level=c.risk_level,
                    worker=worker,
                    status=c.status,
                )
            )
        return rows

    def _current_categories(self, session: Session, ids: list[int]) -> dict[int, list[str]]:
        labels = dict(
            session.execute(
                select(CodeItem.code, CodeItem.label).where(
                    CodeItem.list_name == CodeList.CLIENT_CATEGORY.value
                )
            ).all()
        )
        result: dict[int, list[str]] = {}
        stmt = (
            select(ClientCategory.client_id, ClientCategory.category)
            .where(ClientCategory.client_id.in_(ids), ClientCategory.end_date.is_(None))
            .order_by(ClientCategory.id)
        )
        for cid, code in session.execute(stmt):
            result.setdefault(cid, []).append(labels.get(code, code))
        return result

    def get(self, client_id: int) -> ClientDetail:
        self._actor.require(Permission.VIEW_CLIENTS)
        today = self.today
        with self._db.read() as session:
            c = self._load(session, client_id)
            village = session.get(Village, c.village_id) if c.village_id else None
            worker = session.get(User, c.worker_id) if c.worker_id else None
            categories = tuple(
                session.scalars(
                    select(ClientCategory.category)
                    .where(ClientCategory.client_id == c.id, ClientCategory.end_date.is_(None))
                    .order_by(ClientCategory.id)
                )
            )
            household = session.get(Household, c.household_id) if c.household_id else None
            members: list[HouseholdMember] = []
            head_name = ""
            if household is not None:
                head_name = household.head_name
                for m in session.scalars(
                    select(Client)
                    .where(Client.household_id == household.id)
                    .order_by(Client.birth_date.is_(None), Client.birth_date)
                ):
                    if m.id == c.id:
                        continue
                    members.append(
                        HouseholdMember(
                            id=m.id,
                            name=m.name,
                            relation=m.relation_to_head,
                            age=_age(m.birth_date, today),
                            is_head=m.id == household.head_client_id,
                        )
                    )
            may_reveal = self._can_reveal(session, c)
            return ClientDetail(
                id=c.id,
                version=c.version,
                name=c.name,
                id_number_masked=mask_id(c.id_number),
                has_id_number=bool(c.id_number),
                phone_masked=mask_phone(c.phone),
                sex=c.sex,
                birth_date=shown_birth_date(
                    c.birth_date, id_number=c.id_number, may_reveal=may_reveal
                ),
                age=_age(c.birth_date, today),
                ethnicity=c.ethnicity,
                marital_status=c.marital_status,
                village_id=c.village_id,
                village=village.name if village else "",
                address=c.address,
                household_id=c.household_id,
                head_client_id=household.head_client_id if household else None,
                head_name=head_name,
                relation_to_head=c.relation_to_head,
                categories=categories,
                disability_type=c.disability_type,
                disability_grade=c.disability_grade,
                self_care=c.self_care,
                living_arrangement=c.living_arrangement,
                guardian_name=c.guardian_name,
                guardian_relation=c.guardian_relation,
                guardian_phone_masked=mask_phone(c.guardian_phone),
                risk_level=c.risk_level,
                worker_id=c.worker_id,
                worker=worker.display_name if worker else "",
                status=c.status,
                archive_reason=c.archive_reason,
                notes=c.notes,
                created_at=c.created_at,
                updated_at=c.updated_at,
                household_members=tuple(members),
                can_reveal=may_reveal,
                can_edit=self._actor.can(Permission.EDIT_CLIENTS),
            )

    def reveal(self, client_id: int) -> Revealed:
        """The full ID number and phones; allowed roles only, and every reveal is logged."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.write() as session:
            c = self._load(session, client_id)
            if not self._can_reveal(session, c):
                raise PermissionDenied("您无权查看该服务对象的完整身份证号和电话。")
            audit.record(
                session, self._actor, "reveal", entity=ENTITY, entity_id=c.id,
                fields=["id_number", "phone", "guardian_phone"],
            )  # fmt: skip
            return Revealed(c.id_number or "", c.phone, c.guardian_phone)

    def check_id_number(self, raw: str, *, exclude_id: int | None = None) -> IdCheck:
        """Validate an ID number as it is typed and say whether it is already registered."""
        info = idnumber.parse(raw, today=self.today)
        with self._db.read() as session:
            existing = session.scalar(select(Client).where(Client.id_number == info.number))
        if existing is not None and existing.id == exclude_id:
            existing = None
        return IdCheck(
            number=info.number,
            birth_date=info.birth_date,
            sex=info.sex.value,
            place=info.place,
            warnings=info.warnings,
            existing_id=existing.id if existing else None,
            existing_name=existing.name if existing else "",
        )

    def villages(self) -> list[Choice]:
        with self._db.read() as session:
            stmt = (
                select(Village.id, Village.name)
                .where(Village.station_id == self._actor.station_id, Village.active.is_(True))
                .order_by(Village.sort, Village.id)
            )
            return [Choice(i, n) for i, n in session.execute(stmt)]

    @property
    def can_assign(self) -> bool:
        """Whether the actor may choose any responsible worker (else only themselves)."""
        return self._actor.can(Permission.ASSIGN)

    @property
    def user_id(self) -> int:
        return self._actor.user_id

    def workers(self) -> list[Choice]:
        """Users who can be responsible for a client: social workers, heads, administrators."""
        with self._db.read() as session:
            stmt = (
                select(User.id, User.display_name)
                .where(
                    User.station_id == self._actor.station_id,
                    User.active.is_(True),
                    User.role != Role.SUPERVISOR.value,
                )
                .order_by(User.name_sort, User.id)
            )
            return [Choice(i, n) for i, n in session.execute(stmt)]

    def find_heads(self, text: str, *, limit: int = 20) -> list[Choice]:
        """Clients who could be a household head, found by name, ID or phone."""
        ids = self.search_ids(ClientQuery(text=text))[:limit]
        return [
            Choice(r.id, f"{r.name}（{r.village or '未填村居'}，{r.id_number_masked or '无证号'}）")
            for r in self.rows(ids)
        ]

    # ---- writing -------------------------------------------------------------------

    def add(self, data: ClientInput, *, confirm_similar: bool = False) -> Saved:
        """Register a client (登记服务对象); the name scripts use for `create`."""
        return self.create(data, confirm_similar=confirm_similar)

    def create(self, data: ClientInput, *, confirm_similar: bool = False) -> Saved:
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.write() as session:
            checks = ClientChecks(session, self._actor, self.today)
            values, warnings = checks.values(data, None, confirm_similar=confirm_similar)
            client = Client(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
                **values,
            )
            written = ClientHistory(session, self._actor, self.today)
            day = written.changes_day(data)
            session.add(client)
            session.flush()
            written.set_categories(client, data.categories, day)
            written.set_household(client, data, day)
            session.flush()
            written.track(client, day, data.late_reason)
            written.index(client)
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=client.id,
                name=client.name, id_number=mask_id(client.id_number),
            )  # fmt: skip
            return Saved(client.id, client.version, warnings)

    def update(
        self, client_id: int, *, version: int, data: ClientInput, confirm_similar: bool = False
    ) -> Saved:
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.write() as session:
            client = self._load(session, client_id)
            check_version(client, version, "服务对象记录", session)
            checks = ClientChecks(session, self._actor, self.today)
            values, warnings = checks.values(data, client, confirm_similar=confirm_similar)
            changed = sorted(k for k, v in values.items() if getattr(client, k) != v)
            # The log names a risk re-rating with both levels ("风险等级：中 → 高").
            rerated = {"before": client.risk_level, "after": values["risk_level"]}
            risk: dict[str, Any] = {"risk_level": rerated} if "risk_level" in changed else {}
            for key, value in values.items():
                setattr(client, key, value)
            written = ClientHistory(session, self._actor, self.today)
            before_categories = set(written.categories_of(client.id))
            old_household = client.household_id
            dated = bool({"risk_level", "village_id"} & set(changed))
            dated = dated or before_categories != set(data.categories)
            # Only a change that history keeps asks for (and checks) a 发生日期.
            day = written.changes_day(data) if dated else self.today
            written.set_categories(client, data.categories, day)
            if before_categories != set(data.categories):
                changed.append("categories")
            written.set_household(client, data, day)
            if client.household_id != old_household:
                changed.append("household")
            session.flush()
            written.track(client, day, data.late_reason)
            client.updated_by_id = self._actor.user_id
            client.updated_at = self._db.clock.now()
            session.flush()
            written.index(client)
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=client.id,
                fields=changed, **risk,
            )  # fmt: skip
            return Saved(client.id, client.version, warnings)

    def archive(self, client_id: int, *, version: int, reason: str) -> Saved:
        """Archive (归档): the client leaves the active list; nothing is deleted."""
        self._actor.require(Permission.EDIT_CLIENTS)
        reason = reason.strip()
        if not reason:
            raise InvalidInput("请填写归档原因，例如：迁出、死亡、不再需要服务。", field="reason")
        with self._db.write() as session:
            client = self._load(session, client_id)
            check_version(client, version, "服务对象记录", session)
            client.status = ClientStatus.ARCHIVED.value
            client.archived_at = self._db.clock.now()
            client.archive_reason = reason
            client.updated_by_id = self._actor.user_id
            session.flush()
            audit.record(
                session, self._actor, "archive", entity=ENTITY, entity_id=client.id, reason=reason
            )
            return Saved(client.id, client.version)

    def unarchive(self, client_id: int, *, version: int) -> Saved:
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.write() as session:
            client = self._load(session, client_id)
            check_version(client, version, "服务对象记录", session)
            client.status = ClientStatus.ACTIVE.value
            client.archived_at = None
            client.archive_reason = ""
            client.updated_by_id = self._actor.user_id
            session.flush()
            audit.record(session, self._actor, "unarchive", entity=ENTITY, entity_id=client.id)
            return Saved(client.id, client.version)

    @staticmethod
    def changes(saved: Saved) -> Changes:
        return Changes.of(ENTITY, ids=(saved.id,))

    # ---- helpers -------------------------------------------------------------------

    def _load(self, session: Session, client_id: int) -> Client:
        return own_client(session, self._actor, client_id)

    def _can_reveal(self, session: Session, client: Client) -> bool:
        if self._actor.can(Permission.REVEAL_ANY):
            return True
        if self._actor.role is not Role.WORKER:
            return False
        if client.worker_id == self._actor.user_id:
            return True
        own_case = select(Case.id).where(
            Case.client_id == client.id, Case.worker_id == self._actor.user_id
        )
        return session.scalar(own_case.limit(1)) is not None
