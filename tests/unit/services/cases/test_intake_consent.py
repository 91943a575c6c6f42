"""接案 needs the client's service consent, or a recorded reason it could not be taken."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from app.domain.case_rules import Stage
from app.domain.errors import InvalidInput
from app.domain.roles import Role
from app.services.access.audit import AuditService
from app.services.access.consent_types import ConsentInput
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Case
from tests.consents import consent_to_services
from tests.unit.services.case_flow import INTAKE, carry, new_client, open_case
from tests.unit.services.conftest import TODAY


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


@pytest.fixture
def cases(db: Database, worker: Actor) -> CaseService:
    return CaseService(db, worker, today=TODAY)


def case_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Case)) or 0


def test_without_consent_the_case_is_refused_and_says_what_to_do(
    db: Database, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker, consent=False)
    with pytest.raises(InvalidInput) as refused:
        open_case(cases, client)
    assert refused.value.field == "consent"
    assert "知情同意" in refused.value.message and "紧急情况（事后补签）" in refused.value.message
    assert case_count(db) == 0


def test_a_withdrawn_or_later_consent_does_not_count(
    db: Database, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker, consent=False)
    consents = ConsentService(db, worker, today=TODAY)
    consents.record(ConsentInput(client, ("service",), INTAKE - dt.timedelta(days=30), "李秀英"))
    [row] = consents.list_consents(client)
    consents.withdraw(row.id, version=row.version, on=INTAKE - dt.timedelta(days=1))
    with pytest.raises(InvalidInput):
        open_case(cases, client)
    # Signed again, but after the intake date: still no consent on that day.
    consents.record(ConsentInput(client, ("service",), INTAKE + dt.timedelta(days=1), "李秀英"))
    with pytest.raises(InvalidInput):
        open_case(cases, client)
    case_id, _ = open_case(cases, client, intake_date=INTAKE + dt.timedelta(days=1))
    assert cases.get(case_id).consent_exemption == ""


def test_other_items_are_not_the_service_consent(
    db: Database, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker, consent=False)
    items = ("sensitive", "photo", "sharing")
    ConsentService(db, worker, today=TODAY).record(ConsentInput(client, items, INTAKE, "李秀英"))
    with pytest.raises(InvalidInput):
        open_case(cases, client)


def test_an_emergency_opens_the_case_with_its_reason_kept_and_logged(
    db: Database, admin: Actor, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker, consent=False)
    with pytest.raises(InvalidInput, match="写明") as refused:
        open_case(cases, client, consent_exemption="emergency")
    assert refused.value.field == "consent"
    with pytest.raises(InvalidInput, match="只能是"):
        open_case(cases, client, consent_exemption="busy", consent_note="没空")
    case_id, _ = open_case(
        cases, client, consent_exemption="emergency", consent_note="突发跌倒送医，家属事后补签"
    )
    detail = cases.get(case_id)
    assert (detail.consent_exemption, detail.consent_note) == (
        "emergency",
        "突发跌倒送医，家属事后补签",
    )
    opened = AuditService(db, admin).recent(entity="case", entity_id=case_id, limit=1)[0]
    assert "未签知情同意的原因：紧急情况（事后补签）" in opened.text


def test_with_consent_a_chosen_reason_is_not_kept(
    db: Database, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker)
    case_id, _ = open_case(cases, client, consent_exemption="incapacity", consent_note="监护人")
    detail = cases.get(case_id)
    assert (detail.consent_exemption, detail.consent_note) == ("", "")


def test_declining_or_referring_at_intake_needs_no_consent(
    db: Database, worker: Actor, cases: CaseService
) -> None:
    declined, _ = open_case(
        cases, new_client(db, worker, consent=False), decision="decline",
        decision_reason="不属于服务范围",
    )  # fmt: skip
    referred, _ = open_case(
        cases, new_client(db, worker, "王桂兰", seq=4, consent=False), decision="refer",
        decision_reason="需要医疗康复", refer_to="县残联",
    )  # fmt: skip
    assert [cases.get(c).stage for c in (declined, referred)] == ["declined", "referred"]


def test_a_child_under_guardian_consent_opens_the_case(
    db: Database, worker: Actor, cases: CaseService
) -> None:
    child = ClientService(db, worker, today=TODAY).create(
        ClientInput(name="刘小明", birth_date=dt.date(2016, 5, 1), guardian_name="刘建国",
                    guardian_relation="父亲")
    ).id  # fmt: skip
    consent_to_services(db, worker, child, INTAKE)
    case_id, _ = open_case(cases, child)
    assert cases.get(case_id).consent_exemption == ""


def withdraw_service_consent(db: Database, actor: Actor, client: int, on: dt.date) -> None:
    consents = ConsentService(db, actor, today=TODAY)
    for row in consents.list_consents(client):
        consents.withdraw(row.id, version=row.version, on=on)


def test_reopening_a_declined_case_needs_the_consent_it_never_had(
    db: Database, admin: Actor, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker, consent=False)
    case_id, version = open_case(cases, client, decision="decline", decision_reason="本人暂不需要")
    head = CaseService(db, admin, today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        head.reopen(case_id, version=version, reason="本人再次求助")
    assert refused.value.field == "consent" and "知情同意" in refused.value.message
    assert cases.get(case_id).stage == "declined"
    ConsentService(db, worker, today=TODAY).record(
        ConsentInput(client, ("service",), TODAY, "李秀英")
    )
    head.reopen(case_id, version=version, reason="本人再次求助")
    assert cases.get(case_id).stage == "intake"


def test_reopening_a_closed_case_after_consent_was_withdrawn_is_refused(
    db: Database, admin: Actor, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker)
    case_id, _ = open_case(cases, client)
    head = CaseService(db, admin, today=TODAY)
    version = carry(cases, head, case_id, Stage.CLOSURE)
    withdraw_service_consent(db, worker, client, TODAY - dt.timedelta(days=1))
    with pytest.raises(InvalidInput, match="知情同意"):
        head.reopen(case_id, version=version, reason="情况反复")
    assert cases.get(case_id).locked


def test_a_case_opened_under_an_exemption_reopens_under_it(
    db: Database, admin: Actor, worker: Actor, cases: CaseService
) -> None:
    client = new_client(db, worker, consent=False)
    case_id, version = open_case(
        cases, client, consent_exemption="incapacity", consent_note="重度智力残疾，监护人外出"
    )
    version = cases.decline(case_id, version=version, reason="监护人拒绝服务").version
    head = CaseService(db, admin, today=TODAY)
    head.reopen(case_id, version=version, reason="监护人同意继续")
    assert cases.get(case_id).stage == "intake"


@pytest.mark.parametrize("first", ["decline", "closed"])
def test_a_new_intake_after_a_declined_or_closed_case_still_needs_consent(
    db: Database, admin: Actor, worker: Actor, cases: CaseService, first: str
) -> None:
    if first == "decline":
        client = new_client(db, worker, consent=False)
        open_case(cases, client, decision="decline", decision_reason="不属于服务范围")
    else:
        client = new_client(db, worker)
        case_id, _ = open_case(cases, client)
        carry(cases, CaseService(db, admin, today=TODAY), case_id, Stage.CLOSURE)
        withdraw_service_consent(db, worker, client, TODAY - dt.timedelta(days=1))
    before = case_count(db)
    with pytest.raises(InvalidInput) as refused:
        open_case(cases, client, intake_date=TODAY)
    assert refused.value.field == "consent"
    assert case_count(db) == before
