"""A client with something of every kind in their story, for the story and PDF tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from app.domain.case_rules import Stage
from app.services.cases.service import CaseService
from app.services.cases.types import ReferralInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.groups.service import GroupService
from app.services.groups.types import AttendanceInput, GroupInput, SessionInput
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput
from app.store.engine import Database
from tests.consents import consent_to_services
from tests.unit.services.activity_flow import activity_input
from tests.unit.services.case_flow import carry, open_case
from tests.unit.services.conftest import TODAY, id_number

REGISTERED = dt.date(2025, 1, 10)
VISITED = dt.date(2025, 6, 27)
RERATED = dt.date(2025, 6, 25)
SESSION = dt.date(2025, 6, 23)
JOINED = dt.date(2025, 6, 16)
REFERRED = dt.date(2025, 5, 20)
ID_NUMBER = id_number("19500308", 2)


@dataclass(frozen=True)
class Built:
    client_id: int
    case_id: int
    visit_id: int
    group_id: int
    activity_id: int


def build_story(db: Database, actor: Actor) -> Built:
    """李秀英: registered (低保, low risk) in January, a case carried to intervention with a
    service record and a referral, a group session, an activity, a visit, then re-rated high
    risk and moved from 低保 to 特困 on RERATED."""
    clients = ClientService(db, actor, today=TODAY)
    data = ClientInput(
        name="李秀英",
        id_number=ID_NUMBER,
        phone="13812345678",
        categories=("dibao_rural",),
        risk_level="low",
        changes_on=REGISTERED,
        late_reason="纸质登记表补录",
    )
    client_id = clients.create(data).id
    consent_to_services(db, actor, client_id)
    cases = CaseService(db, actor, today=TODAY)
    case_id, _ = open_case(cases, client_id)
    version = carry(cases, cases, case_id, Stage.INTERVENTION)
    cases.add_referral(
        case_id,
        version=version,
        data=ReferralInput(
            agency="县残联", sent_on=REFERRED, reason="申请助行辅具", consent_given=True
        ),
    )
    groups = GroupService(db, actor, today=TODAY)
    goals = "提高防跌倒意识，建立互助网络"
    group = groups.create(
        GroupInput(name="长者防跌倒互助小组", group_type="support", goals=goals, start_date=JOINED)
    )
    added = groups.add_member(
        group.group_id, version=group.version, client_id=client_id, joined_on=JOINED
    )
    member = groups.get(group.group_id).members[0].id
    groups.add_session(
        group.group_id,
        version=added.version,
        data=SessionInput(
            held_on=SESSION, topic="居家防跌倒", attendance=(AttendanceInput(member),)
        ),
    )
    activity = ActivityService(db, actor, today=TODAY).create(
        activity_input(client_ids=(client_id,))
    )
    visit = VisitService(db, actor, today=TODAY).add(
        VisitInput(
            visited_on=VISITED,
            visit_type="routine",
            client_ids=(client_id,),
            needs_found="需要助餐服务",
        )
    )
    saved = clients.get(client_id)
    clients.update(
        client_id,
        version=saved.version,
        data=replace(data, id_number=None, phone=None, categories=("tekun_scattered",),
                     risk_level="high", changes_on=RERATED, late_reason=""),
    )  # fmt: skip
    return Built(client_id, case_id, visit.visit_id, group.group_id, activity.activity_id)
