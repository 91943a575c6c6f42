"""The volunteer register (志愿者) and the hours they gave (志愿服务记录).

Phones and ID numbers are masked in lists; only those who may edit a volunteer see them in
full, and each such view is audited. A service record links to at most one activity,
group session or case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import extract, func, or_, select
from sqlalchemy.orm import Session

from app.domain import idnumber
from app.domain.contact import normalise_phone
from app.domain.errors import InvalidInput
from app.domain.masking import mask_id, mask_phone
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.choice import Choice
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.staff.access import (
    may_create,
    may_edit,
    own_record,
    parse_hours,
    require_create,
    require_edit,
)
from app.services.volunteers.links import LinkKind, check_link, label
from app.services.volunteers.types import (
    MonthHours,
    RevealedContact,
    ServiceDetail,
    ServiceInput,
    ServiceQuery,
    ServiceRow,
    VolunteerDetail,
    VolunteerHours,
    VolunteerInput,
    VolunteerQuery,
    VolunteerRow,
)
from app.store.engine import Database
from app.store.models import Village, Volunteer, VolunteerService

VOLUNTEER = "volunteer"
SERVICE = "volunteer_service"


@logs_refusals("volunteer")
class VolunteerRegistry:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self.today = today or db.clock.today()

    @property
    def can_create(self) -> bool:
        return may_create(self._actor)

    # ---- the register -------------------------------------------------------------------

    def villages(self) -> list[Choice]:
        with self._db.read() as session:
            stmt = (
                select(Village.id, Village.name)
                .where(Village.station_id == self._actor.station_id, Village.active.is_(True))
                .order_by(Village.sort, Village.id)
            )
            return [Choice(i, n) for i, n in session.execute(stmt)]

    def choices(self, *, active_only: bool = True) -> list[Choice]:
        """Volunteers for a service record's combo box."""
        with self._db.read() as session:
            stmt = select(Volunteer.id, Volunteer.name).where(
                Volunteer.station_id == self._actor.station_id
            )
            if active_only:
                stmt = stmt.where(Volunteer.active.is_(True))
            return [
                Choice(i, n)
                for i, n in session.execute(stmt.order_by(Volunteer.name_sort, Volunteer.id))
            ]

    def search_ids(self, query: VolunteerQuery) -> list[int]:
        stmt = select(Volunteer.id).where(Volunteer.station_id == self._actor.station_id)
        if query.village_id is not None:
            stmt = stmt.where(Volunteer.village_id == query.village_id)
        if query.active_only:
            stmt = stmt.where(Volunteer.active.is_(True))
        text = query.text.strip()
        if text:
            stmt = stmt.where(
                or_(
                    Volunteer.name.contains(text, autoescape=True),
                    Volunteer.skills.contains(text, autoescape=True),
                    Volunteer.phone.contains(text, autoescape=True),
                )
            )
        order = Volunteer.name_sort.desc() if query.descending else Volunteer.name_sort.asc()
        with self._db.read() as session:
            return list(session.scalars(stmt.order_by(order, Volunteer.id)))

    def rows(self, ids: Sequence[int]) -> list[VolunteerRow]:
        year = self.today.year
        with self._db.read() as session:
            hours = dict(
                session.execute(
                    select(VolunteerService.volunteer_id, func.sum(VolunteerService.hours))
                    .where(
                        VolunteerService.volunteer_id.in_(ids),
                        VolunteerService.served_on.between(
                            dt.date(year, 1, 1), dt.date(year, 12, 31)
                        ),
                    )
                    .group_by(VolunteerService.volunteer_id)
                ).all()
            )
            villages = dict(
                session.execute(
                    select(Village.id, Village.name).where(
                        Village.station_id == self._actor.station_id
                    )
                ).all()
            )
            records = session.scalars(
                select(Volunteer).where(
                    Volunteer.id.in_(ids), Volunteer.station_id == self._actor.station_id
                )
            )
            return [
                VolunteerRow(
                    id=v.id,
                    name=v.name,
                    phone_masked=mask_phone(v.phone),
                    skills=v.skills,
                    village=villages.get(v.village_id, "") if v.village_id else "",
                    id_number_masked=mask_id(v.id_number),
                    active=v.active,
                    year_hours=_decimal(hours.get(v.id)),
                )
                for v in records
            ]

    def detail(self, volunteer_id: int) -> VolunteerDetail:
        """A volunteer with phone and ID number masked; see `reveal`."""
        with self._db.read() as session:
            v = own_record(session, Volunteer, volunteer_id, self._actor, "志愿者信息")
            return VolunteerDetail(
                id=v.id,
                version=v.version,
                name=v.name,
                phone_masked=mask_phone(v.phone),
                skills=v.skills,
                village_id=v.village_id,
                id_number_masked=mask_id(v.id_number),
                active=v.active,
                can_edit=may_edit(self._actor, v.created_by_id),
            )

    def reveal(self, volunteer_id: int) -> RevealedContact:
        """The full phone and ID number, for those who may edit the volunteer; audited."""
        with self._db.write() as session:
            v = own_record(session, Volunteer, volunteer_id, self._actor, "志愿者信息")
            require_edit(self._actor, v.created_by_id)
            audit.record(session, self._actor, "reveal", entity=VOLUNTEER, entity_id=v.id)
            return RevealedContact(phone=v.phone, id_number=v.id_number or "")

    def create(self, data: VolunteerInput) -> Changes:
        require_create(self._actor)
        with self._db.write() as session:
            values = self._validated(session, data, None)
            record = Volunteer(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
                **values,
            )
            session.add(record)
            session.flush()
            audit.record(
                session, self._actor, "create", entity=VOLUNTEER, entity_id=record.id,
                fields=sorted(k for k, v in values.items() if v not in (None, "")),
            )  # fmt: skip
        return Changes.of(VOLUNTEER, ids=(record.id,))

    def update(self, *, volunteer_id: int, version: int, data: VolunteerInput) -> Changes:
        with self._db.write() as session:
            record = own_record(session, Volunteer, volunteer_id, self._actor, "志愿者信息")
            require_edit(self._actor, record.created_by_id)
            check_version(record, version, "志愿者信息", session)
            values = self._validated(session, data, record)
            changed = sorted(k for k, v in values.items() if getattr(record, k) != v)
            for key, value in values.items():
                setattr(record, key, value)
            record.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "update", entity=VOLUNTEER, entity_id=record.id,
                fields=changed,
            )  # fmt: skip
        return Changes.of(VOLUNTEER, ids=(volunteer_id,))

    def _validated(
        self, session: Session, data: VolunteerInput, stored: Volunteer | None
    ) -> dict[str, Any]:
        name = data.name.strip()
        if not name:
            raise InvalidInput("请填写志愿者姓名。", field="name")
        if data.id_number is None:
            id_number = stored.id_number if stored else None
        elif data.id_number.strip():
            id_number = idnumber.parse(data.id_number, today=self.today).number
        else:
            id_number = None
        if data.phone is None:
            phone = stored.phone if stored else ""
        else:
            phone = normalise_phone(data.phone)
        if data.village_id is not None:
            village = session.get(Village, data.village_id)
            if village is None or village.station_id != self._actor.station_id:
                raise InvalidInput("所选村/社区不属于本站。", field="village_id")
        return {
            "name": name[:64],
            "phone": phone,
            "skills": data.skills.strip()[:200],
            "village_id": data.village_id,
            "id_number": id_number,
            "active": data.active,
        }

    # ---- service records ----------------------------------------------------------------

    def service_ids(self, query: ServiceQuery) -> list[int]:
        stmt = (
            select(VolunteerService.id)
            .join(Volunteer, Volunteer.id == VolunteerService.volunteer_id)
            .where(VolunteerService.station_id == self._actor.station_id)
        )
        if query.volunteer_id is not None:
            stmt = stmt.where(VolunteerService.volunteer_id == query.volunteer_id)
        if query.year is not None:
            stmt = stmt.where(extract("year", VolunteerService.served_on) == query.year)
        if query.month is not None:
            stmt = stmt.where(extract("month", VolunteerService.served_on) == query.month)
        text = query.text.strip()
        if text:
            stmt = stmt.where(
                or_(
                    Volunteer.name.contains(text, autoescape=True),
                    VolunteerService.description.contains(text, autoescape=True),
                )
            )
        desc = query.descending
        order = VolunteerService.served_on.desc() if desc else VolunteerService.served_on.asc()
        tie = VolunteerService.id.desc() if desc else VolunteerService.id.asc()
        with self._db.read() as session:
            return list(session.scalars(stmt.order_by(order, tie)))

    def service_rows(self, ids: Sequence[int]) -> list[ServiceRow]:
        with self._db.read() as session:
            stmt = (
                select(VolunteerService, Volunteer.name)
                .join(Volunteer, Volunteer.id == VolunteerService.volunteer_id)
                .where(
                    VolunteerService.id.in_(ids),
                    VolunteerService.station_id == self._actor.station_id,
                )
            )
            return [
                ServiceRow(
                    id=s.id,
                    served_on=s.served_on,
                    volunteer=name,
                    hours=s.hours,
                    linked_to=_link_label(session, s),
                    description=s.description.splitlines()[0] if s.description else "",
                )
                for s, name in session.execute(stmt)
            ]

    def service_detail(self, service_id: int) -> ServiceDetail:
        with self._db.read() as session:
            s = own_record(session, VolunteerService, service_id, self._actor, "志愿服务记录")
            return ServiceDetail(
                id=s.id,
                version=s.version,
                volunteer_id=s.volunteer_id,
                served_on=s.served_on,
                hours=s.hours,
                activity_id=s.activity_id,
                session_id=s.session_id,
                case_id=s.case_id,
                linked_to=_link_label(session, s),
                description=s.description,
                can_edit=may_edit(self._actor, s.created_by_id),
            )

    def add_service(self, data: ServiceInput) -> Changes:
        require_create(self._actor)
        with self._db.write() as session:
            values = self._validated_service(session, data)
            record = VolunteerService(
                station_id=self._actor.station_id,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
                **values,
            )
            session.add(record)
            session.flush()
            audit.record(
                session, self._actor, "create", entity=SERVICE, entity_id=record.id,
                volunteer_id=data.volunteer_id, hours=values["hours"],
            )  # fmt: skip
        return Changes.of(SERVICE, VOLUNTEER, ids=(record.id,))

    def update_service(self, *, service_id: int, version: int, data: ServiceInput) -> Changes:
        with self._db.write() as session:
            record = own_record(session, VolunteerService, service_id, self._actor, "志愿服务记录")
            require_edit(self._actor, record.created_by_id)
            check_version(record, version, "志愿服务记录", session)
            values = self._validated_service(session, data)
            changed = sorted(k for k, v in values.items() if getattr(record, k) != v)
            for key, value in values.items():
                setattr(record, key, value)
            record.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "update", entity=SERVICE, entity_id=record.id,
                fields=changed,
            )  # fmt: skip
        return Changes.of(SERVICE, VOLUNTEER, ids=(service_id,))

    def _validated_service(self, session: Session, data: ServiceInput) -> dict[str, Any]:
        own_record(session, Volunteer, data.volunteer_id, self._actor, "志愿者信息")
        links = {
            LinkKind.ACTIVITY: data.activity_id,
            LinkKind.SESSION: data.session_id,
            LinkKind.CASE: data.case_id,
        }
        chosen = [(kind, rid) for kind, rid in links.items() if rid is not None]
        if len(chosen) > 1:
            raise InvalidInput("一条服务记录只能关联一项：活动、小组节次或个案。", field="link")
        for kind, rid in chosen:
            check_link(session, self._actor, kind, rid, field="link")
        return {
            "volunteer_id": data.volunteer_id,
            "served_on": data.served_on,
            "hours": parse_hours(data.hours),
            "activity_id": data.activity_id,
            "session_id": data.session_id,
            "case_id": data.case_id,
            "description": data.description.strip(),
        }

    # ---- totals -------------------------------------------------------------------------

    def month_totals(self, year: int) -> list[MonthHours]:
        """Hours per month of `year` (months without service left out)."""
        month = extract("month", VolunteerService.served_on)
        stmt = (
            select(
                month,
                func.count(),
                func.count(func.distinct(VolunteerService.volunteer_id)),
                func.sum(VolunteerService.hours),
            )
            .where(
                VolunteerService.station_id == self._actor.station_id,
                extract("year", VolunteerService.served_on) == year,
            )
            .group_by(month)
            .order_by(month)
        )
        with self._db.read() as session:
            return [
                MonthHours(int(m), n, people, _decimal(h))
                for m, n, people, h in session.execute(stmt)
            ]

    def volunteer_totals(self, year: int) -> list[VolunteerHours]:
        """Hours per volunteer in `year`, the most hours first."""
        total = func.sum(VolunteerService.hours)
        stmt = (
            select(Volunteer.id, Volunteer.name, func.count(), total)
            .join(VolunteerService, VolunteerService.volunteer_id == Volunteer.id)
            .where(
                Volunteer.station_id == self._actor.station_id,
                extract("year", VolunteerService.served_on) == year,
            )
            .group_by(Volunteer.id, Volunteer.name)
            .order_by(total.desc(), Volunteer.name_sort, Volunteer.id)
        )
        with self._db.read() as session:
            return [VolunteerHours(i, n, c, _decimal(h)) for i, n, c, h in session.execute(stmt)]


def _link_label(session: Session, record: VolunteerService) -> str:
    if record.activity_id is not None:
        return f"活动：{label(session, LinkKind.ACTIVITY, record.activity_id)}"
    if record.session_id is not None:
        return f"小组：{label(session, LinkKind.SESSION, record.session_id)}"
    if record.case_id is not None:
        return f"个案：{label(session, LinkKind.CASE, record.case_id)}"
    return ""


def _decimal(value: object) -> Decimal:
    """A SUM over SQLite's NUMERIC comes back as a float or None: round it to cents."""
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(Decimal("0.01"))
