"""Recording the service consent a case needs before it is opened (接案), for test fixtures."""

from __future__ import annotations

import datetime as dt

from app.domain.consent import SERVICE
from app.services.access.consent_types import SELF, ConsentInput
from app.services.access.consents import ConsentService
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Client

SIGNED_ON = dt.date(2000, 1, 3)
"""Early enough for every intake date the tests use."""


def consent_to_services(
    db: Database, actor: Actor, client_id: int, on: dt.date | None = None
) -> None:
    """The client (a guardian for a child under 14) signs the service item on `on`.

    By default on SIGNED_ON, or the birth date when the client was born later.
    """
    with db.read() as session:
        born = session.get_one(Client, client_id).birth_date
    day = on or max(SIGNED_ON, born or SIGNED_ON)
    consents = ConsentService(db, actor, today=max(day, dt.date.today()))
    rule = consents.signer_rule(client_id, day)
    signer, relation = (rule.client_name, SELF)
    if rule.needs_guardian:
        signer, relation = (rule.guardian_name or "王监护", rule.guardian_relation or "监护人")
    consents.record(ConsentInput(client_id, (SERVICE,), day, signer, relation))
