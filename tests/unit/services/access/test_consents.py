"""Consent rules: items signed separately, guardians under 14, withdrawal, what is missing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.errors import ConflictError, InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.access.consent_types import ConsentInput
from app.services.access.consents import ConsentService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.stations import SettingsService
from app.store.engine import Database
from tests.unit.services.conftest import TODAY, audit_actions

CHILD_BIRTH = dt.date(2012, 3, 15)  # turns 14 on 2026-03-15


def consents(db: Database, actor: Actor, today: dt.date = TODAY) -> ConsentService:
    return ConsentService(db, actor, today=today)


def client(db: Database, actor: Actor, name: str, birth: dt.date | None) -> int:
    data = ClientInput(name=name, birth_date=birth, guardian_name="王芳", guardian_relation="母亲")
    return ClientService(db, actor, today=TODAY).create(data).id


def sign(
    client_id: int,
    *items: str,
    on: dt.date = TODAY,
    signer_name: str = "刘建国",
    signer_relation: str = "本人",
) -> ConsentInput:
    return ConsentInput(
        client_id=client_id, items=items, signed_on=on,
        signer_name=signer_name, signer_relation=signer_relation,
    )  # fmt: skip


def test_items_are_valid_separately_and_missing_names_the_rest(db: Database, admin: Actor) -> None:
    cid = client(db, admin, "刘建国", dt.date(1950, 1, 1))
    svc = consents(db, admin)
    assert svc.missing(cid, ["service", "photo"]) == ("service", "photo")
    svc.record(sign(cid, "service", "sensitive"))
    assert svc.valid_items(cid) == {"service", "sensitive"}
    assert svc.missing(cid, ["service", "photo", "sharing"]) == ("photo", "sharing")
    assert svc.missing(cid, ["service"], on=TODAY - dt.timedelta(days=1)) == ("service",)
    rows = svc.list_consents(cid)
    assert {r.item for r in rows} == {"service", "sensitive"}
    assert all(r.valid and r.text_version == "2026-1" for r in rows)
    assert audit_actions(db, entity="client", entity_id=cid)[-1] == "consent"


def test_a_child_under_14_on_the_signing_day_needs_a_guardian(db: Database, admin: Actor) -> None:
    cid = client(db, admin, "刘小宇", CHILD_BIRTH)
    svc = consents(db, admin, today=dt.date(2026, 6, 1))
    day_before_14 = dt.date(2026, 3, 14)
    rule = svc.signer_rule(cid, day_before_14)
    assert rule.needs_guardian and rule.age == 13 and rule.guardian_name == "王芳"
    with pytest.raises(InvalidInput, match="监护人"):
        svc.record(sign(cid, "service", on=day_before_14, signer_name="刘小宇"))
    with pytest.raises(InvalidInput, match="监护人"):
        svc.record(
            sign(cid, "service", on=day_before_14, signer_name="王芳", signer_relation="本人")
        )
    svc.record(sign(cid, "service", on=day_before_14, signer_name="王芳", signer_relation="母亲"))
    # From the 14th birthday on the child signs for themselves.
    assert not svc.signer_rule(cid, dt.date(2026, 3, 15)).needs_guardian
    svc.record(sign(cid, "photo", on=dt.date(2026, 3, 15), signer_name="刘小宇"))
    assert svc.valid_items(cid) == {"service", "photo"}


def test_without_a_birth_date_the_client_may_sign(db: Database, admin: Actor) -> None:
    cid = client(db, admin, "无名氏", None)
    consents(db, admin).record(sign(cid, "sharing", signer_name="无名氏"))
    assert consents(db, admin).missing(cid, ["sharing"]) == ()


def test_withdrawal_ends_validity_from_its_date(db: Database, admin: Actor) -> None:
    cid = client(db, admin, "刘建国", dt.date(1950, 1, 1))
    signed = TODAY - dt.timedelta(days=30)
    svc = consents(db, admin)
    saved = svc.record(sign(cid, "sharing", "photo", on=signed))
    sharing = next(r for r in svc.list_consents(cid) if r.item == "sharing")
    withdrawn_on = TODAY - dt.timedelta(days=5)
    svc.withdraw(sharing.id, version=sharing.version, on=withdrawn_on)
    assert svc.missing(cid, ["sharing", "photo"]) == ("sharing",)
    assert svc.missing(cid, ["sharing"], on=withdrawn_on - dt.timedelta(days=1)) == ()
    with pytest.raises(ConflictError):
        svc.withdraw(sharing.id, version=sharing.version, on=TODAY)
    assert len(saved.ids) == 2
    assert "consent_withdraw" in audit_actions(db, entity="client", entity_id=cid)
    # A new signing after the withdrawal grants the item again.
    svc.record(sign(cid, "sharing"))
    assert svc.missing(cid, ["sharing"]) == ()


def test_a_later_refusal_replaces_an_earlier_grant(db: Database, admin: Actor) -> None:
    cid = client(db, admin, "刘建国", dt.date(1950, 1, 1))
    svc = consents(db, admin)
    svc.record(sign(cid, "photo", on=TODAY - dt.timedelta(days=10)))
    refusal = sign(cid, "photo")
    svc.record(ConsentInput(**{**refusal.__dict__, "granted": False}))
    assert svc.missing(cid, ["photo"]) == ("photo",)


def test_bad_input_is_refused(db: Database, admin: Actor) -> None:
    cid = client(db, admin, "刘建国", dt.date(1950, 1, 1))
    svc = consents(db, admin)
    with pytest.raises(InvalidInput):
        svc.record(sign(cid))
    with pytest.raises(InvalidInput):
        svc.record(sign(cid, "unknown"))
    with pytest.raises(InvalidInput):
        svc.record(sign(cid, "service", on=TODAY + dt.timedelta(days=1)))
    with pytest.raises(InvalidInput):
        svc.record(sign(cid, "service", signer_name=" "))
    svc.record(sign(cid, "service"))
    with pytest.raises(InvalidInput, match="重复"):
        svc.record(sign(cid, "service"))


def test_supervisors_read_but_cannot_record(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    cid = client(db, admin, "刘建国", dt.date(1950, 1, 1))
    supervisor = consents(db, make_actor(Role.SUPERVISOR, "du", "杜督导"))
    assert supervisor.missing(cid, ["service"]) == ("service",)
    with pytest.raises(PermissionDenied):
        supervisor.record(sign(cid, "service"))
    worker = consents(db, make_actor(Role.WORKER, "liwei", "李伟"))
    worker.record(sign(cid, "service"))
    assert worker.valid_items(cid) == {"service"}


def test_the_text_version_follows_the_setting(db: Database, admin: Actor) -> None:
    SettingsService(db, admin).set("consent.text_version", "2027-2", station_id=admin.station_id)
    cid = client(db, admin, "刘建国", dt.date(1950, 1, 1))
    svc = consents(db, admin)
    svc.record(sign(cid, "service"))
    assert svc.list_consents(cid)[0].text_version == "2027-2"
