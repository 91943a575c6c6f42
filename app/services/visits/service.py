"""Home visits (走访/入户探访): record, list, edit, and open a case from what was found.

Permissions follow case work: a worker records and edits their own visits, the station
head all of the station's, supervisors only read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.cases.service import CaseService
from app.services.cases.types import CaseSaved, OpenCaseInput
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.rooms import lookup as rooms
from app.services.rooms.service import RoomService
from app.services.visits import views as visit_views
from app.services.visits.types import (
    Choice,
    VisitChoices,
    VisitDetail,
    VisitInput,
    VisitQuery,
    VisitResult,
    VisitRow,
    VisitSaved,
)
from app.store.engine import Database
from app.store.models import Client, CodeItem, Household, User, Village, Visit, VisitClient

ENTITY = "visit"
NOUN = "走访记录"
MAX_DURATION_MIN = 24 * 60


@logs_refusals("visit")
class VisitService:
    """Visits of the actor's station; `today` is fixed in tests, else the clock's."""

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def can_record(self) -> bool:
        return self._actor.can(Permission.EDIT_OWN_CASE)

    # ---- reading -------------------------------------------------------------------

    def search_ids(self, query: VisitQuery) -> list[int]:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return visit_views.search_ids(session, self._actor.station_id, query)

    def rows(self, ids: Sequence[int]) -> list[VisitRow]:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return visit_views.rows(session, self._actor.station_id, ids)

    def get(self, visit_id: int) -> VisitDetail:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            visit = self._load(session, visit_id)
            return visit_views.detail(session, visit, editable=self._may_edit(visit))

    def choices(self) -> VisitChoices:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            types = session.execute(
                select(CodeItem.code, CodeItem.label)
                .where(CodeItem.list_name == CodeList.VISIT_TYPE.value, CodeItem.active.is_(True))
                .order_by(CodeItem.sort, CodeItem.id)
            ).all()
            villages = session.execute(
                select(Village.id, Village.name)
                .where(Village.station_id == self._actor.station_id, Village.active.is_(True))
                .order_by(Village.sort, Village.id)
            ).all()
            workers = session.execute(
                select(User.id, User.display_name)
                .where(
                    User.station_id == self._actor.station_id,
                    User.active.is_(True),
                    User.role != Role.SUPERVISOR.value,
                )
                .order_by(User.name_sort, User.id)
            ).all()
        rooms_here = RoomService(self._db, self._actor)
        return VisitChoices(
            visit_types=tuple((label, code) for code, label in types),
            villages=tuple(Choice(i, n) for i, n in villages),
            workers=tuple(Choice(i, n) for i, n in workers),
            rooms=tuple(rooms_here.choices()),
            staff_rooms={s.user_id: s for s in rooms_here.staff()},
            user_id=self._actor.user_id,
            can_record=self.can_record,
            can_record_for_others=self._actor.can(Permission.EDIT_ANY_CASE),
        )

    # ---- writing -------------------------------------------------------------------

    def add(self, data: VisitInput) -> VisitSaved:
        if not self.can_record:
            raise PermissionDenied(f"当前身份（{self._actor.role.label}）不能登记走访。")
        with self._db.write() as session:
            visit = Visit(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                worker_id=self._actor.user_id,
            )
            self._fill(session, visit, data)
            session.add(visit)
            session.flush()
            self._set_clients(session, visit, data.client_ids)
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=visit.id,
                visited_on=visit.visited_on, result=visit.result,
            )  # fmt: skip
            return VisitSaved(visit.id, visit.version, Changes.of(ENTITY, ids=(visit.id,)))

    def update(self, visit_id: int, *, version: int, data: VisitInput) -> VisitSaved:
        with self._db.write() as session:
            visit = self._load(session, visit_id)
            self._require_edit(session, visit)
            check_version(visit, version, NOUN, session)
            before = visit_views.snapshot(session, visit)
            self._fill(session, visit, data)
            self._set_clients(session, visit, data.client_ids)
            after = visit_views.snapshot(session, visit)
            changed = sorted(k for k in after if after[k] != before[k])
            if changed:
                audit.record(
                    session, self._actor, "update", entity=ENTITY, entity_id=visit.id,
                    fields=changed,
                )  # fmt: skip
            return VisitSaved(visit.id, visit.version, Changes.of(ENTITY, ids=(visit.id,)))

    def delete(self, visit_id: int, *, version: int) -> Changes:
        """Only a visit no case was opened from can go (the case keeps its link)."""
        with self._db.write() as session:
            visit = self._load(session, visit_id)
            self._require_edit(session, visit)
            check_version(visit, version, NOUN, session)
            if visit_views.case_nos(session, visit.id):
                raise InvalidInput("已从这次走访开了个案，不能删除。")
            session.execute(delete(VisitClient).where(VisitClient.visit_id == visit.id))
            session.delete(visit)
            audit.record(session, self._actor, "delete", entity=ENTITY, entity_id=visit_id)
            return Changes.of(ENTITY, ids=(visit_id,))

    def open_case(self, visit_id: int, data: OpenCaseInput) -> CaseSaved:
        """接案 for one of the visit's clients, with the visit linked to the new case."""
        with self._db.read() as session:
            visit = self._load(session, visit_id)
            if visit.result != VisitResult.OPEN_CASE.value:
                raise InvalidInput("只有结果为“开个案”的走访才能从这里开个案。")
            clients = set(
                session.scalars(
                    select(VisitClient.client_id).where(VisitClient.visit_id == visit.id)
                )
            )
        if data.client_id not in clients:
            raise InvalidInput("请选择这次走访到的服务对象。", field="client_id")
        cases = CaseService(self._db, self._actor, today=self._today)
        return cases.open_case(dataclasses.replace(data, visit_id=visit_id))

    # ---- helpers -------------------------------------------------------------------

    def _load(self, session: Session, visit_id: int) -> Visit:
        visit = session.get(Visit, visit_id)
        if visit is None or visit.station_id != self._actor.station_id:
            raise NotFound("找不到该走访记录，可能已被删除或不属于本站。")
        return visit

    def _may_edit(self, visit: Visit) -> bool:
        if self._actor.can(Permission.EDIT_ANY_CASE):
            return True
        return self.can_record and visit.worker_id == self._actor.user_id

    def _require_edit(self, session: Session, visit: Visit) -> None:
        if self._may_edit(visit):
            return
        if not self.can_record:
            raise PermissionDenied(f"当前身份（{self._actor.role.label}）只能查看走访记录。")
        worker = session.get(User, visit.worker_id)
        name = worker.display_name if worker else "其他社工"
        raise PermissionDenied(f"这是{name}的走访记录，您只能查看，不能修改。")

    def _fill(self, session: Session, visit: Visit, data: VisitInput) -> None:
        """Check `data` and copy it onto `visit`; household and village follow the clients."""
        if data.visited_on > self.today:
            raise InvalidInput("走访日期不能晚于今天。", field="visited_on")
        if not 1 <= data.duration_min <= MAX_DURATION_MIN:
            raise InvalidInput("走访时长应在 1 到 1440 分钟之间。", field="duration_min")
        if data.new_need_count < 0:
            raise InvalidInput("新发现需求数不能为负数。", field="new_need_count")
        try:
            result = VisitResult(data.result)
        except ValueError:
            raise InvalidInput(f"未知的走访结果：{data.result}。", field="result") from None
        known = session.scalar(
            select(CodeItem.id).where(
                CodeItem.list_name == CodeList.VISIT_TYPE.value, CodeItem.code == data.visit_type
            )
        )
        if known is None:
            raise InvalidInput("请选择走访类型。", field="visit_type")
        clients = self._clients(session, data.client_ids)
        household = self._household(session, data, clients)
        if household is None and not clients:
            raise InvalidInput("请选择走访的家庭或服务对象。", field="household_id")
        village_id = data.village_id
        if village_id is None:
            village_id = household.village_id if household else clients[0].village_id
        else:
            village = session.get(Village, village_id)
            if village is None or village.station_id != self._actor.station_id:
                raise InvalidInput("请选择本站的村（社区）。", field="village_id")
        if data.worker_id is not None and data.worker_id != visit.worker_id:
            if not self._actor.can(Permission.EDIT_ANY_CASE):
                raise PermissionDenied("只有站长或管理员可以替其他社工登记走访。")
            worker = session.get(User, data.worker_id)
            if (
                worker is None
                or worker.station_id != self._actor.station_id
                or not worker.active
                or worker.role == Role.SUPERVISOR.value
            ):
                raise InvalidInput("走访社工应为本站在职的社工或站长。", field="worker_id")
            visit.worker_id = worker.id
        if result is VisitResult.OPEN_CASE and not clients:
            raise InvalidInput("要开个案，请至少选择一位走访到的服务对象。", field="client_ids")
        visit.visited_on = data.visited_on
        visit.room_id = rooms.resolve(
            session, self._actor.station_id, visit.worker_id, data.visited_on, data.room_id
        )
        visit.visit_type = data.visit_type
        visit.household_id = household.id if household else None
        visit.village_id = village_id
        visit.people_met = data.people_met.strip()[:200]
        visit.duration_min = data.duration_min
        visit.living_conditions = data.living_conditions.strip()
        visit.safety = data.safety.strip()
        visit.needs_found = data.needs_found.strip()
        visit.new_need_count = data.new_need_count
        visit.policies_explained = data.policies_explained.strip()
        visit.result = result.value
        visit.updated_by_id = self._actor.user_id

    def _clients(self, session: Session, ids: Sequence[int]) -> list[Client]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        found = {
            c.id: c
            for c in session.scalars(
                select(Client).where(
                    Client.id.in_(wanted), Client.station_id == self._actor.station_id
                )
            )
        }
        if len(found) != len(wanted):
            raise NotFound("找不到所选的服务对象，可能已被删除或不属于本站。")
        return [found[i] for i in wanted]

    def _household(
        self, session: Session, data: VisitInput, clients: list[Client]
    ) -> Household | None:
        """The household chosen (by id or by its head), else the first visited client's."""
        household_id = data.household_id
        if household_id is None and data.household_head_id is not None:
            [head] = self._clients(session, [data.household_head_id])
            if head.household_id is None:
                raise InvalidInput(f"{head.name}还没有登记家庭。", field="household_id")
            household_id = head.household_id
        if household_id is None:
            first = next((c.household_id for c in clients if c.household_id), None)
            return session.get(Household, first) if first else None
        household = session.get(Household, household_id)
        if household is None or household.station_id != self._actor.station_id:
            raise NotFound("找不到所选的家庭，可能已被删除或不属于本站。")
        return household

    def _set_clients(self, session: Session, visit: Visit, client_ids: Sequence[int]) -> None:
        wanted = set(client_ids)
        have = {
            row.client_id: row
            for row in session.scalars(select(VisitClient).where(VisitClient.visit_id == visit.id))
        }
        for client_id, row in have.items():
            if client_id not in wanted:
                session.delete(row)
        for client_id in dict.fromkeys(client_ids):
            if client_id not in have:
                session.add(
                    VisitClient(
                        station_id=visit.station_id, visit_id=visit.id, client_id=client_id,
                        created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
                    )
                )  # fmt: skip
        session.flush()
