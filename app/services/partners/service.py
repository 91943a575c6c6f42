"""PartnerService: the partner directory (合作方) and matching typed names to it.

Reading is for everyone who records referrals and activities (the pickers); changing the
directory and matching is the administrator's, as for the other reference data (villages,
code lists). A partner's party and department are dated (from the day of the change), so
a report reads an earlier month's events under the party they had then.
"""

from __future__ import annotations

import builtins
from collections import Counter
from typing import Any, cast

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound
from app.domain.partners import Department, PartnerType, Party
from app.domain.roles import Permission
from app.services import history
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.partners.links import visible
from app.services.partners.types import (
    Matched,
    PartnerInput,
    PartnerRow,
    PartnerSaved,
    UnmatchedText,
)
from app.store import partner_links
from app.store.engine import Database
from app.store.models import ActivityPartner, Partner, Referral, Resource

ENTITY = "partner"
SUBJECT = "partner"
"""The subject of the partner's rows in dated_values."""
DATED = ("party", "department")
_SOURCES: dict[str, Any] = {
    "referrals": Referral,
    "activity_partners": ActivityPartner,
    "resources": Resource,
}


@logs_refusals(ENTITY)
class PartnerService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def can_manage(self) -> bool:
        return self._actor.can(Permission.MANAGE_SETTINGS)

    # ---- reading -----------------------------------------------------------------------

    def list(self, *, include_inactive: bool = True) -> builtins.list[PartnerRow]:
        """The station's partners and the county-wide ones, active first, by pinyin."""
        # By the stored key of the name (app/store/name_sort.py): computing it here would
        # load pypinyin's ~55 MB of dictionaries into the window to sort a few names.
        stmt = (
            select(Partner)
            .where(visible(self._actor.station_id))
            .order_by(Partner.active.desc(), Partner.name_sort, Partner.id)
        )
        if not include_inactive:
            stmt = stmt.where(Partner.active.is_(True))
        with self._db.read() as session:
            uses = self._uses(session)
            return [_row(p, uses[p.id]) for p in session.scalars(stmt)]

    def choices(self) -> builtins.list[PartnerRow]:
        """The active partners a form offers."""
        return self.list(include_inactive=False)

    def get(self, partner_id: int) -> PartnerRow:
        with self._db.read() as session:
            partner = self._load(session, partner_id)
            return _row(partner, self._uses(session)[partner.id])

    def unmatched(self) -> builtins.list[UnmatchedText]:
        """Names typed on the station's records that point to no partner, most used first,
        then in the GB2312 order of their characters (by pinyin for the 3,755 common ones):
        free text has no stored key, and pypinyin's dictionaries would cost the window
        ~55 MB to break the ties of a list a person works through by count."""
        counts: dict[str, Counter[str]] = {}
        with self._db.read() as session:
            for table, model in _SOURCES.items():
                text = getattr(model, partner_links.TEXT_COLUMNS[table])
                stmt = (
                    select(text, func.count())
                    .where(model.station_id == self._actor.station_id, model.partner_id.is_(None))
                    .group_by(text)
                )
                for name, n in session.execute(stmt).all():
                    if name and name.strip():
                        counts.setdefault(name, Counter())[table] += n
        found = [
            UnmatchedText(name, c["referrals"], c["activity_partners"], c["resources"])
            for name, c in counts.items()
        ]
        return sorted(found, key=lambda u: (-u.total, u.text.encode("gb18030"), u.text))

    # ---- changing ----------------------------------------------------------------------

    def add(self, data: PartnerInput) -> PartnerSaved:
        """A new partner; the station's rows that name it exactly now point to it."""
        self._actor.require(Permission.MANAGE_SETTINGS)
        values = _checked(data)
        station_id = None if data.county_wide else self._actor.station_id
        with self._db.write() as session:
            self._refuse_clash(session, values["name"], station_id)
            partner = Partner(
                station_id=station_id, active=True, created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id, **values,
            )  # fmt: skip
            session.add(partner)
            session.flush()
            self._date(session, partner)
            matched = sum(partner_links.match_exact(session, self._actor.station_id).values())
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=partner.id,
                name=partner.name, partner_type=partner.partner_type,
                department=partner.department, party=partner.party,
                county_wide=data.county_wide, matched=matched,
            )  # fmt: skip
            return PartnerSaved(partner.id, matched, _changes(partner.id))

    def update(self, *, partner_id: int, version: int, data: PartnerInput) -> Changes:
        """Change a partner; its records keep pointing to it under the new name."""
        self._actor.require(Permission.MANAGE_SETTINGS)
        values = _checked(data)
        with self._db.write() as session:
            partner = self._load(session, partner_id)
            check_version(partner, version, "合作方", session)
            if values["name"] != partner.name:
                self._refuse_clash(session, values["name"], partner.station_id)
            changed = sorted(k for k, v in values.items() if getattr(partner, k) != v)
            for key, value in values.items():
                setattr(partner, key, value)
            partner.updated_by_id = self._actor.user_id
            self._date(session, partner)
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=partner.id,
                fields=changed,
            )  # fmt: skip
        return _changes(partner_id)

    def set_active(self, *, partner_id: int, version: int, active: bool) -> Changes:
        """Retire a partner (or take it back): a retired one stays on its records and in the
        reports, and is no longer offered."""
        self._actor.require(Permission.MANAGE_SETTINGS)
        with self._db.write() as session:
            partner = self._load(session, partner_id)
            check_version(partner, version, "合作方", session)
            partner.active = active
            partner.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "activate" if active else "deactivate", entity=ENTITY,
                entity_id=partner.id,
            )  # fmt: skip
        return _changes(partner_id)

    def match(self, *, text: str, partner_id: int) -> Matched:
        """Point every unmatched row of the station that names `text` at the partner (a
        bulk statement: a closed month's rows may be matched too, since no stored figure
        moves; the version moves, so a data package carries the change)."""
        self._actor.require(Permission.MANAGE_SETTINGS)
        if not text.strip():
            raise InvalidInput("请选择要关联的名称。", field="text")
        with self._db.write() as session:
            partner = self._load(session, partner_id)
            counts = {}
            for table, model in _SOURCES.items():
                column = getattr(model, partner_links.TEXT_COLUMNS[table])
                result = session.execute(
                    update(model)
                    .where(
                        model.station_id == self._actor.station_id,
                        column == text,
                        model.partner_id.is_(None),
                    )
                    .values(
                        partner_id=partner.id, version=model.version + 1,
                        updated_by_id=self._actor.user_id, updated_at=self._db.clock.now(),
                    )
                    .execution_options(synchronize_session=False)
                )  # fmt: skip
                counts[table] = cast(Any, result).rowcount or 0
            total = sum(counts.values())
            if total == 0:
                raise NotFound(f"本站没有写作“{text}”的记录，可能已被关联。")
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=partner.id,
                text=text, counts=counts,
            )  # fmt: skip
        return Matched(total, Changes.of(ENTITY, "referral", "activity", "resource"))

    # ---- helpers -----------------------------------------------------------------------

    def _load(self, session: Session, partner_id: int) -> Partner:
        partner = session.get(Partner, partner_id)
        if partner is None or partner.station_id not in (self._actor.station_id, None):
            raise NotFound("该合作方不存在或不属于本站。")
        return partner

    def _refuse_clash(self, session: Session, name: str, station_id: int | None) -> None:
        owner = (
            Partner.station_id.is_(None)
            if station_id is None
            else (Partner.station_id == station_id)
        )
        if session.scalar(select(Partner.id).where(owner, Partner.name == name)) is not None:
            raise InvalidInput(f"已有名为“{name}”的合作方。", field="name")

    def _date(self, session: Session, partner: Partner) -> None:
        """Party and department from today in the dated history (reports read them by day)."""
        for field in DATED:
            history.change(
                session, station_id=self._actor.station_id, subject=SUBJECT,
                subject_id=partner.id, field=field, value=getattr(partner, field),
                on=self._db.clock.today(), user_id=self._actor.user_id,
            )  # fmt: skip

    def _uses(self, session: Session) -> Counter[int]:
        uses: Counter[int] = Counter()
        for model in _SOURCES.values():
            stmt = (
                select(model.partner_id, func.count())
                .where(model.station_id == self._actor.station_id, model.partner_id.is_not(None))
                .group_by(model.partner_id)
            )
            for pid, n in session.execute(stmt).all():
                uses[pid] += n
        return uses


def _checked(data: PartnerInput) -> dict[str, Any]:
    name = data.name.strip()
    if not name:
        raise InvalidInput("请填写合作方名称。", field="name")
    if len(name) > 100:
        raise InvalidInput("合作方名称不能超过100个字。", field="name")
    government = data.partner_type is PartnerType.GOVERNMENT
    if government and data.department is None:
        raise InvalidInput("请选择是哪个政府部门。", field="department")
    return {
        "name": name,
        "partner_type": data.partner_type.value,
        "department": data.department.value if government and data.department else "",
        "party": data.party.value if data.party is not None else "",
        "contact_person": data.contact_person.strip()[:64],
        "phone": data.phone.strip()[:32],
        "note": data.note.strip(),
    }


def _row(p: Partner, uses: int) -> PartnerRow:
    return PartnerRow(
        id=p.id,
        name=p.name,
        partner_type=PartnerType(p.partner_type),
        department=Department(p.department) if p.department else None,
        party=Party(p.party) if p.party else None,
        contact_person=p.contact_person,
        phone=p.phone,
        note=p.note,
        county_wide=p.station_id is None,
        active=p.active,
        version=p.version,
        uses=uses,
    )


def _changes(partner_id: int) -> Changes:
    return Changes.of(ENTITY, ids=(partner_id,))
