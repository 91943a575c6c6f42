"""Supervision records (督导): who supervised whom, how long, which cases were discussed.

Supervisors and the station head write them (`WRITE_SUPERVISION`); a supervisor changes
the records they entered, the head all of the station. A social worker reads only the
sessions they attended as a supervisee.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.choice import Choice
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.settings.codes import code_labels
from app.services.staff.access import (
    check_users,
    own_record,
    parse_hours,
    station_users,
    user_names,
)
from app.services.staff.supervision_types import (
    SupervisionDetail,
    SupervisionInput,
    SupervisionQuery,
    SupervisionRow,
    SupervisionSort,
)
from app.store.engine import Database
from app.store.models import (
    Case,
    Supervision,
    SupervisionCase,
    SupervisionSupervisee,
    User,
)

ENTITY = "supervision"
NOUN = "督导记录"


@logs_refusals("supervision")
class SupervisionService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def can_write(self) -> bool:
        return self._actor.can(Permission.WRITE_SUPERVISION)

    @property
    def default_supervisor_id(self) -> int | None:
        """A supervisor entering a record usually led the session themselves."""
        return self._actor.user_id if self._actor.role is Role.SUPERVISOR else None

    def may_edit(self, created_by_id: int | None) -> bool:
        if self._actor.can(Permission.EDIT_ANY_CASE):
            return True
        return self.can_write and created_by_id == self._actor.user_id

    # ---- reading ------------------------------------------------------------------------

    def supervisors(self) -> list[Choice]:
        with self._db.read() as session:
            return station_users(session, self._actor, supervisors=True)

    def workers(self) -> list[Choice]:
        with self._db.read() as session:
            return station_users(session, self._actor, supervisors=False)

    def search_ids(self, query: SupervisionQuery) -> list[int]:
        stmt = self._visible(select(Supervision.id))
        if query.form:
            stmt = stmt.where(Supervision.form == query.form)
        if query.year is not None:
            stmt = stmt.where(Supervision.held_on.between(*_year_bounds(query.year)))
        if query.supervisee_id is not None:
            stmt = stmt.where(_attended(query.supervisee_id))
        text = query.text.strip()
        if text:
            named = (
                select(SupervisionSupervisee.id)
                .join(User, User.id == SupervisionSupervisee.user_id)
                .where(
                    SupervisionSupervisee.supervision_id == Supervision.id,
                    User.display_name.contains(text, autoescape=True),
                )
            )
            by_supervisor = select(User.id).where(
                User.id == Supervision.supervisor_id,
                User.display_name.contains(text, autoescape=True),
            )
            stmt = stmt.where(
                or_(
                    Supervision.supervisor_name.contains(text, autoescape=True),
                    Supervision.topics.contains(text, autoescape=True),
                    exists(named),
                    exists(by_supervisor),
                )
            )
        column: Any = (
            Supervision.hours if query.sort is SupervisionSort.HOURS else Supervision.held_on
        )
        order = column.desc() if query.descending else column.asc()
        tie = Supervision.id.desc() if query.descending else Supervision.id.asc()
        with self._db.read() as session:
            return list(session.scalars(stmt.order_by(order, tie)))

    def rows(self, ids: Sequence[int]) -> list[SupervisionRow]:
        with self._db.read() as session:
            records = list(
                session.scalars(self._visible(select(Supervision)).where(Supervision.id.in_(ids)))
            )
            ids_found = [r.id for r in records]
            attendees = self._attendees(session, ids_found)
            names = user_names(
                session,
                self._actor,
                {u for us in attendees.values() for u in us}
                | {r.supervisor_id for r in records if r.supervisor_id is not None},
            )
            cases = _case_counts(session, ids_found)
            forms = code_labels(session, CodeList.SUPERVISION_FORM)
            return [
                SupervisionRow(
                    id=r.id,
                    held_on=r.held_on,
                    supervisor=_supervisor(r, names),
                    form=forms.get(r.form, r.form),
                    hours=r.hours,
                    supervisees="、".join(names.get(u, "") for u in attendees.get(r.id, ())),
                    cases=cases.get(r.id, 0),
                    topics=r.topics.splitlines()[0] if r.topics else "",
                )
                for r in records
            ]

    def detail(self, supervision_id: int) -> SupervisionDetail:
        with self._db.read() as session:
            record = self._readable(session, supervision_id)
            attendees = self._attendees(session, [record.id]).get(record.id, ())
            case_nos = tuple(
                session.scalars(
                    select(Case.case_no)
                    .join(SupervisionCase, SupervisionCase.case_id == Case.id)
                    .where(SupervisionCase.supervision_id == record.id)
                    .order_by(Case.case_no)
                )
            )
            return SupervisionDetail(
                id=record.id,
                version=record.version,
                held_on=record.held_on,
                form=record.form,
                hours=record.hours,
                supervisor_id=record.supervisor_id,
                supervisor_name=record.supervisor_name,
                supervisee_ids=tuple(attendees),
                case_nos=case_nos,
                topics=record.topics,
                advice=record.advice,
                follow_up=record.follow_up,
                can_edit=self.may_edit(record.created_by_id),
            )

    # ---- writing ------------------------------------------------------------------------

    def create(self, data: SupervisionInput) -> Changes:
        self._actor.require(Permission.WRITE_SUPERVISION)
        with self._db.write() as session:
            values, case_ids = self._validated(session, data)
            record = Supervision(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
                **values,
            )
            session.add(record)
            session.flush()
            self._link(session, record.id, data.supervisee_ids, case_ids)
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=record.id,
                fields=sorted(values), supervisees=list(data.supervisee_ids),
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(record.id,))

    def update(self, *, supervision_id: int, version: int, data: SupervisionInput) -> Changes:
        self._actor.require(Permission.WRITE_SUPERVISION)
        with self._db.write() as session:
            record = own_record(session, Supervision, supervision_id, self._actor, NOUN)
            if not self.may_edit(record.created_by_id):
                raise PermissionDenied("只有记录人和站长可以修改这条督导记录。")
            check_version(record, version, NOUN, session)
            values, case_ids = self._validated(session, data)
            changed = sorted(k for k, v in values.items() if getattr(record, k) != v)
            for key, value in values.items():
                setattr(record, key, value)
            record.updated_by_id = self._actor.user_id
            record.updated_at = (
                self._db.clock.now()
            )  # a change of links alone still bumps the version
            for model in (SupervisionSupervisee, SupervisionCase):
                session.execute(delete(model).where(model.supervision_id == record.id))
            self._link(session, record.id, data.supervisee_ids, case_ids)
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=record.id,
                fields=changed, supervisees=list(data.supervisee_ids),
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(supervision_id,))

    # ---- helpers ------------------------------------------------------------------------

    def _visible(self, stmt: Any) -> Any:
        stmt = stmt.where(Supervision.station_id == self._actor.station_id)
        if self._actor.can(Permission.WRITE_SUPERVISION):
            return stmt
        return stmt.where(_attended(self._actor.user_id))

    def _readable(self, session: Session, supervision_id: int) -> Supervision:
        record = own_record(session, Supervision, supervision_id, self._actor, NOUN)
        if not self._actor.can(Permission.WRITE_SUPERVISION) and not session.scalar(
            select(_attended(self._actor.user_id)).where(Supervision.id == record.id)
        ):
            raise PermissionDenied("社工只能查看自己参加的督导记录。")
        return record

    def _validated(
        self, session: Session, data: SupervisionInput
    ) -> tuple[dict[str, Any], list[int]]:
        forms = code_labels(session, CodeList.SUPERVISION_FORM)
        if data.form not in forms:
            raise InvalidInput("请选择督导形式。", field="form")
        hours = parse_hours(data.hours)
        name = data.supervisor_name.strip()
        if data.supervisor_id is not None:
            check_users(session, self._actor, (data.supervisor_id,), "supervisor")
            name = ""
        elif not name:
            raise InvalidInput("请选择督导，或填写外部督导的姓名。", field="supervisor")
        if not data.supervisee_ids:
            raise InvalidInput("请至少选择一名被督导的社工。", field="supervisees")
        check_users(session, self._actor, data.supervisee_ids, "supervisees")
        case_ids: list[int] = []
        for case_no in dict.fromkeys(n.strip().upper() for n in data.case_nos if n.strip()):
            case_id = session.scalar(
                select(Case.id).where(
                    Case.case_no == case_no, Case.station_id == self._actor.station_id
                )
            )
            if case_id is None:
                raise InvalidInput(f"本站没有个案编号“{case_no}”。", field="cases")
            case_ids.append(case_id)
        values = {
            "held_on": data.held_on,
            "form": data.form,
            "hours": hours,
            "supervisor_id": data.supervisor_id,
            "supervisor_name": name[:64],
            "topics": data.topics.strip(),
            "advice": data.advice.strip(),
            "follow_up": data.follow_up.strip(),
        }
        return values, case_ids

    def _link(
        self, session: Session, supervision_id: int, user_ids: tuple[int, ...], case_ids: list[int]
    ) -> None:
        common = {
            "station_id": self._actor.station_id,
            "created_by_id": self._actor.user_id,
            "updated_by_id": self._actor.user_id,
        }
        for user_id in dict.fromkeys(user_ids):
            session.add(
                SupervisionSupervisee(supervision_id=supervision_id, user_id=user_id, **common)
            )
        for case_id in case_ids:
            session.add(SupervisionCase(supervision_id=supervision_id, case_id=case_id, **common))

    def _attendees(self, session: Session, ids: list[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        stmt = (
            select(SupervisionSupervisee.supervision_id, SupervisionSupervisee.user_id)
            .where(SupervisionSupervisee.supervision_id.in_(ids))
            .order_by(SupervisionSupervisee.id)
        )
        for sid, uid in session.execute(stmt):
            found.setdefault(sid, []).append(uid)
        return found


def _attended(user_id: int) -> Any:
    return exists(
        select(SupervisionSupervisee.id).where(
            SupervisionSupervisee.supervision_id == Supervision.id,
            SupervisionSupervisee.user_id == user_id,
        )
    )


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _supervisor(record: Supervision, names: dict[int, str]) -> str:
    if record.supervisor_id is not None:
        return names.get(record.supervisor_id, "")
    return record.supervisor_name


def _case_counts(session: Session, ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for sid in session.scalars(
        select(SupervisionCase.supervision_id).where(SupervisionCase.supervision_id.in_(ids))
    ):
        counts[sid] = counts.get(sid, 0) + 1
    return counts
