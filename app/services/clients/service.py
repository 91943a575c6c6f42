"""The client registry (服务对象): list, search, create, edit, archive, households, reveal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import idnumber
from app.domain.codes import ClientStatus, CodeList, RiskLevel
from app.domain.contact import normalise_phone
from app.domain.errors import (
    DuplicateRecord,
    InvalidInput,
    NeedsConfirmation,
    NotFound,
    PermissionDenied,
)
from app.domain.masking import mask_id, mask_phone, shown_birth_date
from app.domain.roles import Permission, Role
from app.domain.text import plain, without_hidden
from app.services import history
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.choice import Choice
from app.services.clients import listing
from app.services.clients.types import (
    ClientDetail,
    ClientInput,
    ClientQuery,
    ClientRow,
    HouseholdMember,
    IdCheck,
    Revealed,
    Saved,
    SimilarClient,
)
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.store import search
from app.store.engine import Database
from app.store.models import Case, Client, ClientCategory, CodeItem, Household, User, Village

HEAD = "02"  # GB/T 4761: 户主
ENTITY = "client"
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
        with self._db.read() as session:
            return listing.search_ids(session, self._actor, query)

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
            values, warnings = self._validate(session, data, None, confirm_similar)
            client = Client(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
                **values,
            )
            day = self._changes_day(session, data)
            session.add(client)
            session.flush()
            self._set_categories(session, client, data.categories, day)
            self._set_household(session, client, data, day)
            session.flush()
            self._track(session, client, day, data.late_reason)
            self._index(session, client)
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
            values, warnings = self._validate(session, data, client, confirm_similar)
            changed = sorted(k for k, v in values.items() if getattr(client, k) != v)
            # The log names a risk re-rating with both levels ("风险等级：中 → 高").
            rerated = {"before": client.risk_level, "after": values["risk_level"]}
            risk: dict[str, Any] = {"risk_level": rerated} if "risk_level" in changed else {}
            for key, value in values.items():
                setattr(client, key, value)
            before_categories = set(self._categories_of(session, client.id))
            old_household = client.household_id
            dated = bool({"risk_level", "village_id"} & set(changed))
            dated = dated or before_categories != set(data.categories)
            # Only a change that history keeps asks for (and checks) a 发生日期.
            day = self._changes_day(session, data) if dated else self.today
            self._set_categories(session, client, data.categories, day)
            if before_categories != set(data.categories):
                changed.append("categories")
            self._set_household(session, client, data, day)
            if client.household_id != old_household:
                changed.append("household")
            session.flush()
            self._track(session, client, day, data.late_reason)
            client.updated_by_id = self._actor.user_id
            client.updated_at = self._db.clock.now()
            session.flush()
            self._index(session, client)
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
        client = session.get(Client, client_id)
        if client is None or client.station_id != self._actor.station_id:
            raise NotFound("找不到该服务对象，可能已被删除或不属于本站。")
        return client

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

    def _validate(
        self, session: Session, data: ClientInput, client: Client | None, confirm_similar: bool
    ) -> tuple[dict[str, Any], tuple[str, ...]]:
        warnings: list[str] = []
        name = " ".join(data.name.split())
        if not name:
            raise InvalidInput("请填写姓名。", field="name")
        if len(name) > 64:
            raise InvalidInput("姓名过长（最多64个字）。", field="name")
        plain(name, label="姓名", field="name")
        notes, hidden = without_hidden(data.notes.strip())
        if hidden:
            warnings.append(f"备注中有 {hidden} 个看不见的控制字符（可能是复制时带入的），已删除。")
        plain(data.guardian_name, label="监护人姓名", field="guardian_name")
        if data.id_number is not None:
            plain(data.id_number, label="身份证号", field="id_number")
        values: dict[str, Any] = {
            "name": name,
            "sex": data.sex or "0",
            "birth_date": data.birth_date,
            "ethnicity": data.ethnicity,
            "marital_status": data.marital_status,
            "address": data.address.strip(),
            "relation_to_head": data.relation_to_head,
            "disability_type": data.disability_type,
            "disability_grade": data.disability_grade if data.disability_type else "",
            "self_care": data.self_care,
            "living_arrangement": data.living_arrangement,
            "guardian_name": data.guardian_name.strip(),
            "guardian_relation": data.guardian_relation.strip(),
            "notes": notes,
        }
        if data.id_number is not None:
            values["id_number"] = self._checked_id(session, data.id_number, client, values)
            if values["id_number"]:
                warnings += idnumber.parse(values["id_number"], today=self.today).warnings
        elif client is None:
            values["id_number"] = None
        elif client.id_number:
            # The kept number stays the authority for birth date and sex.
            kept = idnumber.parse(client.id_number, today=self.today)
            values["birth_date"], values["sex"] = kept.birth_date, kept.sex.value
        if data.phone is not None:
            values["phone"] = normalise_phone(data.phone)
        elif client is None:
            values["phone"] = ""
        if data.guardian_phone is not None:
            values["guardian_phone"] = normalise_phone(data.guardian_phone, field="guardian_phone")
        elif client is None:
            values["guardian_phone"] = ""
        if values["birth_date"] and values["birth_date"] > self.today:
            raise InvalidInput("出生日期不能晚于今天。", field="birth_date")
        if data.risk_level not in {r.value for r in RiskLevel}:
            raise InvalidInput("风险等级只能是高、中、低。", field="risk_level")
        values["risk_level"] = data.risk_level
        values["village_id"] = self._checked_village(session, data.village_id)
        values["worker_id"] = self._checked_worker(session, self._assignable(data, client))
        self._check_codes(session, CodeList.CLIENT_CATEGORY, data.categories, "类别")
        if data.disability_type and not data.disability_grade:
            raise InvalidInput("填写了残疾类别，请同时选择残疾等级。", field="disability_grade")
        # An edit that keeps name and birth date was confirmed (or had no namesake) before.
        same_person = client is not None and (client.name, client.birth_date) == (
            name,
            values["birth_date"],
        )
        if values["birth_date"] and not confirm_similar and not same_person:
            similar = self._similar(session, name, values["birth_date"], client)
            if similar:
                people = "、".join(f"{s.name}（{s.village or '未填村居'}）" for s in similar)
                raise NeedsConfirmation(
                    f"已有同名且出生日期相同的服务对象：{people}。确定不是同一个人吗？",
                    items=tuple(similar),
                )
        return values, tuple(warnings)

    def _checked_id(
        self, session: Session, raw: str, client: Client | None, values: dict[str, Any]
    ) -> str | None:
        if not raw.strip():
            return None
        info = idnumber.parse(raw, today=self.today)
        existing = session.scalar(select(Client).where(Client.id_number == info.number))
        if existing is not None and (client is None or existing.id != client.id):
            where = "本站" if existing.station_id == self._actor.station_id else "其他站点"
            raise DuplicateRecord(
                f"身份证号 {mask_id(info.number)} 已在{where}登记为“{existing.name}”，"
                "不能重复登记。请打开已有记录。",
                existing_id=existing.id,
            )
        # The ID number is the authority for birth date and sex.
        values["birth_date"] = info.birth_date
        values["sex"] = info.sex.value
        return info.number

    def _checked_village(self, session: Session, village_id: int | None) -> int | None:
        if village_id is None:
            return None
        village = session.get(Village, village_id)
        if village is None or village.station_id != self._actor.station_id:
            raise InvalidInput("所选村/社区不属于本站。", field="village_id")
        return village_id

    def _assignable(self, data: ClientInput, client: Client | None) -> int | None:
        """The responsible worker asked for, if this user may set it.

        Only the head assigns clients: a worker who could make any client theirs could
        then see every full ID number. A worker keeps the client's worker as it is, and
        may take a client they register themselves.
        """
        if self._actor.can(Permission.ASSIGN):
            return data.worker_id
        allowed = {client.worker_id} if client is not None else {None, self._actor.user_id}
        if data.worker_id not in allowed:
            raise PermissionDenied("负责社工由站长分配。如需接手这位服务对象，请向站长申请。")
        return data.worker_id

    def _checked_worker(self, session: Session, worker_id: int | None) -> int | None:
        if worker_id is None:
            return None
        user = session.get(User, worker_id)
        if user is None or user.station_id != self._actor.station_id or not user.active:
            raise InvalidInput("所选负责社工不是本站在职人员。", field="worker_id")
        return worker_id

    def _check_codes(
        self, session: Session, code_list: CodeList, codes: Sequence[str], noun: str
    ) -> None:
        if not codes:
            return
        known = set(
            session.scalars(select(CodeItem.code).where(CodeItem.list_name == code_list.value))
        )
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise InvalidInput(f"未知的{noun}代码：{'、'.join(unknown)}。", field="categories")

    def _similar(
        self, session: Session, name: str, birth: dt.date, client: Client | None
    ) -> list[SimilarClient]:
        stmt = (
            select(Client, Village.name)
            .outerjoin(Village, Village.id == Client.village_id)
            .where(Client.name == name, Client.birth_date == birth)
        )
        if client is not None:
            stmt = stmt.where(Client.id != client.id)
        return [
            SimilarClient(c.id, c.name, c.birth_date, v or "")
            for c, v in session.execute(stmt.limit(5))
        ]

    def _categories_of(self, session: Session, client_id: int) -> list[str]:
        return list(
            session.scalars(
                select(ClientCategory.category).where(
                    ClientCategory.client_id == client_id, ClientCategory.end_date.is_(None)
                )
            )
        )

    def _changes_day(self, session: Session, data: ClientInput) -> dt.date:
        return history.effective_day(
            session, self._actor.station_id, history.When(data.changes_on, data.late_reason),
            self.today, noun="变更发生日期",
        )  # fmt: skip

    def _track(self, session: Session, client: Client, day: dt.date, late_reason: str) -> None:
        """Keep the dated history of risk level, village and household in step with the row."""
        for field in ("risk_level", "village_id", "household_id"):
            history.change(
                session, station_id=client.station_id, subject=ENTITY, subject_id=client.id,
                field=field, value=getattr(client, field), on=day, user_id=self._actor.user_id,
                late_reason=late_reason,
            )  # fmt: skip

    def _set_categories(
        self, session: Session, client: Client, codes: Sequence[str], day: dt.date
    ) -> None:
        """Add new categories from `day` and end removed ones the day before; history is kept.

        `end_date` is the last day a category is held.
        """
        wanted = list(dict.fromkeys(codes))
        current = {
            cc.category: cc
            for cc in session.scalars(
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
                session.add(
                    ClientCategory(
                        station_id=client.station_id,
                        client_id=client.id,
                        category=code,
                        start_date=day,
                        created_by_id=self._actor.user_id,
                        updated_by_id=self._actor.user_id,
                    )
                )

    def _set_household(
        self, session: Session, client: Client, data: ClientInput, day: dt.date
    ) -> None:
        """Put the client in the household of `head_client_id`, or make them a head."""
        if data.relation_to_head == HEAD:
            household = session.get(Household, client.household_id) if client.household_id else None
            if household is None or household.head_client_id not in (None, client.id):
                household = self._new_household(session, client)
            household.head_client_id = client.id
            household.head_name = client.name
            household.village_id = client.village_id
            client.household_id = household.id
            return
        if data.head_client_id == client.id:
            raise InvalidInput("户主不能选本人；本人是户主时，请把“与户主关系”选为户主。")
        current = session.get(Household, client.household_id) if client.household_id else None
        if current is not None and current.head_client_id == client.id:
            # The head leaves: the household keeps its members, with no registered head.
            current.head_client_id = None
        if data.head_client_id is None:
            client.household_id = None
            return
        head = self._load(session, data.head_client_id)
        if not data.relation_to_head:
            raise InvalidInput("请选择与户主的关系。", field="relation_to_head")
        household = session.get(Household, head.household_id) if head.household_id else None
        if household is None or household.head_client_id != head.id:
            household = self._new_household(session, head)
            head.household_id = household.id
            head.relation_to_head = HEAD
            session.flush()
            self._track(session, head, day, "")
            self._index(session, head)
        client.household_id = household.id

    def _new_household(self, session: Session, head: Client) -> Household:
        household = Household(
            station_id=head.station_id,
            village_id=head.village_id,
            head_client_id=head.id,
            head_name=head.name,
            address=head.address,
            created_by_id=self._actor.user_id,
            updated_by_id=self._actor.user_id,
        )
        session.add(household)
        session.flush()
        return household

    def _index(self, session: Session, client: Client) -> None:
        village = session.get(Village, client.village_id) if client.village_id else None
        search.index_client(
            session,
            client.id,
            name=client.name,
            id_number=client.id_number,
            phone=client.phone,
            village=village.name if village else "",
        )
