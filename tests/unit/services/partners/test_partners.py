"""The partner directory: who may change it, exact-name matching as records are saved and
when a partner is added, and a person's matching of the rest."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.partners import Department, PartnerType, Party
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import ReferralInput
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.partners.service import PartnerService
from app.services.partners.types import PartnerInput
from app.store.engine import Database
from app.store.models import ActivityPartner, DatedValue, Referral, Station
from tests.unit.services.activity_flow import activity_input
from tests.unit.services.case_flow import INTAKE, new_client, open_case
from tests.unit.services.conftest import TODAY, audit_actions

DISABLED = PartnerInput(
    "县残联", PartnerType.GOVERNMENT, Department.DISABLED_FEDERATION, county_wide=True
)
VILLAGE = PartnerInput("梅林村委会", PartnerType.VILLAGE_COMMITTEE, party=Party.COMMUNITY)


_CLIENTS = itertools.count()


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def _refer(db: Database, worker: Actor, agency: str, partner_id: int | None = None) -> int:
    cases = CaseService(db, worker, today=TODAY)
    n = next(_CLIENTS)
    case_id, version = open_case(
        cases, new_client(db, worker, "张李王赵刘陈杨黄"[n % 8] + "桂兰", 2 * n % 900 + 3)
    )
    data = ReferralInput(agency, INTAKE, reason="需要辅具", partner_id=partner_id)
    cases.refer(case_id, version=version, data=data)
    return case_id


def _referral_partners(db: Database) -> dict[str, int | None]:
    with db.read() as session:
        return dict(session.execute(select(Referral.agency, Referral.partner_id)).all())


def _activity_links(db: Database) -> dict[str, int | None]:
    with db.read() as session:
        stmt = select(ActivityPartner.name, ActivityPartner.partner_id)
        return dict(session.execute(stmt).all())


def test_add_edit_and_retire(db: Database, admin: Actor) -> None:
    partners = PartnerService(db, admin)
    disabled = partners.add(DISABLED).partner_id
    village = partners.add(VILLAGE).partner_id
    rows = partners.list()
    # By pinyin: 梅 (mei) before 县 (xian).
    assert [(r.name, r.type_label, r.party_label, r.county_wide) for r in rows] == [
        ("梅林村委会", "村（居）委会", "社区", False),
        ("县残联", "政府部门·残联", "—", True),
    ]
    with pytest.raises(InvalidInput, match="已有名为“县残联”"):
        partners.add(DISABLED)
    with pytest.raises(InvalidInput) as err:
        partners.add(PartnerInput("县教育局", PartnerType.GOVERNMENT))
    assert err.value.field == "department"
    row = partners.get(village)
    partners.update(
        partner_id=village, version=row.version,
        data=PartnerInput("梅林村村民委员会", PartnerType.VILLAGE_COMMITTEE, party=Party.COMMUNITY,
                          contact_person="王主任", phone="13800000000"),
    )  # fmt: skip
    row = partners.get(village)
    assert (row.name, row.contact_person) == ("梅林村村民委员会", "王主任")
    partners.set_active(partner_id=disabled, version=partners.get(disabled).version, active=False)
    assert [r.name for r in partners.choices()] == ["梅林村村民委员会"]
    assert [r.name for r in partners.list()][-1] == "县残联"  # retired ones last
    assert audit_actions(db, entity="partner") == ["create", "create", "update", "deactivate"]


def test_only_the_administrator_changes_the_directory(
    db: Database, admin: Actor, worker: Actor, make_actor: Callable[..., Actor]
) -> None:
    pid = PartnerService(db, admin).add(VILLAGE).partner_id
    for actor in (worker, make_actor(Role.HEAD, "head", "张站长")):
        partners = PartnerService(db, actor)
        assert [r.name for r in partners.choices()] == ["梅林村委会"]
        with pytest.raises(PermissionDenied):
            partners.add(DISABLED)
        with pytest.raises(PermissionDenied):
            partners.match(text="县残联", partner_id=pid)
    assert audit_actions(db, entity="partner").count("refused") == 4


def test_party_changes_are_dated_from_the_day_of_the_change(db: Database, admin: Actor) -> None:
    partners = PartnerService(db, admin)
    pid = partners.add(PartnerInput("阳光社工", PartnerType.SOCIAL_ORG, party=Party.SOCIAL_ORG))
    row = partners.get(pid.partner_id)
    partners.update(
        partner_id=row.id, version=row.version,
        data=PartnerInput("阳光社工", PartnerType.SOCIAL_ORG, party=Party.CHARITY),
    )  # fmt: skip
    with db.read() as session:
        values = session.execute(
            select(DatedValue.value, DatedValue.valid_to)
            .where(DatedValue.subject == "partner", DatedValue.field == "party")
            .order_by(DatedValue.id)
        ).all()
    # Both the same day: the second value replaces the first (no day held the first).
    assert values == [("charity", None)]


def test_records_point_to_the_partner_named_exactly(
    db: Database, admin: Actor, worker: Actor
) -> None:
    partners = PartnerService(db, admin)
    disabled = partners.add(DISABLED).partner_id
    _refer(db, worker, "县残联")
    _refer(db, worker, "县残疾人联合会")  # a near name is never guessed
    assert _referral_partners(db) == {"县残联": disabled, "县残疾人联合会": None}
    activities = ActivityService(db, worker, today=TODAY)
    saved = activities.create(activity_input(partners=("县残联", "县义工协会")))
    with db.read() as session:
        links = dict(
            session.execute(select(ActivityPartner.name, ActivityPartner.partner_id)).all()
        )
    assert links == {"县残联": disabled, "县义工协会": None}
    # Adding 县义工协会 points the activity's text at it at once.
    added = partners.add(PartnerInput("县义工协会", PartnerType.VOLUNTEER_TEAM))
    assert added.matched == 1
    # Renamed in the directory, the activity keeps its partner through an edit.
    row = partners.get(disabled)
    partners.update(
        partner_id=disabled, version=row.version,
        data=PartnerInput("县残疾人联合会", PartnerType.GOVERNMENT, Department.DISABLED_FEDERATION,
                          county_wide=True),
    )  # fmt: skip
    detail = activities.get(saved.activity_id)
    activities.update(saved.activity_id, version=detail.version,
                      data=activity_input(partners=("县残联", "梅林村委会")))  # fmt: skip
    with db.read() as session:
        links = dict(
            session.execute(select(ActivityPartner.name, ActivityPartner.partner_id)).all()
        )
    assert links == {"县残联": disabled, "梅林村委会": None}


def test_a_renamed_partner_moves_to_its_new_place_by_pinyin(db: Database, admin: Actor) -> None:
    partners = PartnerService(db, admin)
    village = partners.add(VILLAGE).partner_id
    partners.add(DISABLED)
    partners.add(PartnerInput("阿姨帮帮团", PartnerType.VOLUNTEER_TEAM, party=Party.VOLUNTEER))
    assert [r.name for r in partners.list()] == ["阿姨帮帮团", "梅林村委会", "县残联"]
    data = replace(VILLAGE, name="张家村委会")
    partners.update(partner_id=village, version=partners.get(village).version, data=data)
    assert [r.name for r in partners.choices()] == ["阿姨帮帮团", "县残联", "张家村委会"]


def test_unmatched_texts_used_as_often_come_by_pinyin(db: Database, worker: Actor) -> None:
    for agency in ("县老年协会", "妇女之家", "阿里公益", "妇女之家"):
        _refer(db, worker, agency)
    texts = [u.text for u in PartnerService(db, worker).unmatched()]
    assert texts == ["妇女之家", "阿里公益", "县老年协会"]


def test_unmatched_texts_and_matching_them(db: Database, admin: Actor, worker: Actor) -> None:
    _refer(db, worker, "县残疾人联合会")
    _refer(db, worker, "县残疾人联合会 ")  # stripped: the same text
    ActivityService(db, worker, today=TODAY).create(
        activity_input(partners=("县残疾人联合会", "老年协会"))
    )
    partners = PartnerService(db, admin)
    assert [(u.text, u.referrals, u.activities, u.resources) for u in partners.unmatched()] == [
        ("县残疾人联合会", 2, 1, 0),
        ("老年协会", 0, 1, 0),
    ]
    pid = partners.add(DISABLED).partner_id
    done = partners.match(text="县残疾人联合会", partner_id=pid)
    assert done.count == 3 and done.changes.touches("referral")
    assert [u.text for u in partners.unmatched()] == ["老年协会"]
    assert partners.get(pid).uses == 3
    with pytest.raises(NotFound):
        partners.match(text="县残疾人联合会", partner_id=pid)


def test_another_stations_partner_is_neither_seen_nor_used(
    db: Database, admin: Actor, worker: Actor
) -> None:
    with db.write() as session:
        other = Station(code="JX0427", name="东岗镇社工站")
        session.add(other)
        session.flush()
        other_id = other.id
    pid = PartnerService(db, admin).add(VILLAGE).partner_id
    county = PartnerService(db, admin).add(DISABLED).partner_id
    stranger = PartnerService(db, replace(admin, station_id=other_id))
    assert [r.id for r in stranger.list()] == [county]  # only the county-wide one
    with pytest.raises(NotFound):
        stranger.get(pid)
    with pytest.raises(InvalidInput, match="所选合作方不存在"):
        _refer(db, worker, "梅林村委会", partner_id=pid + 1000)
