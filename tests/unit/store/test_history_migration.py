"""Revision 0003 gives an existing database its history from the values it holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from alembic import command
from sqlalchemy import select

from app.domain.clock import FixedClock
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import AssessmentInput, OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store import migrate
from app.store.engine import Database
from app.store.models import DatedValue
from tests.consents import consent_to_services

D = dt.date


def periods(db: Database, subject: str, subject_id: int, field: str) -> list[tuple[object, ...]]:
    with db.read() as session:
        return [
            (row.valid_from, row.valid_to, row.value)
            for row in session.scalars(
                select(DatedValue)
                .where(
                    DatedValue.subject == subject,
                    DatedValue.subject_id == subject_id,
                    DatedValue.field == field,
                )
                .order_by(DatedValue.valid_from)
            )
        ]


def test_history_is_rebuilt_from_the_records_and_their_events(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    clock = FixedClock(dt.datetime(2026, 9, 1, 9, 0))
    timed = db.with_clock(clock)
    w1 = make_actor(Role.WORKER, "w1", "张社工")
    w2 = make_actor(Role.WORKER, "w2", "李社工")
    client = ClientService(timed, admin).create(ClientInput(name="甲", risk_level="medium")).id
    consent_to_services(timed, admin, client)
    clock.set(dt.datetime(2026, 9, 5, 9, 0))
    cases = CaseService(timed, admin)
    case = cases.open_case(
        OpenCaseInput(client_id=client, intake_date=D(2026, 9, 5), presenting_problem="独居")
    )
    clock.set(dt.datetime(2026, 9, 20, 9, 0))
    saved = cases.add_assessment(
        case.case_id,
        version=case.version,
        data=AssessmentInput(
            assessed_on=D(2026, 9, 20), domains={"physical": "跌倒"}, risk_level="high",
            risk_reason="近期跌倒",
        ),
    )  # fmt: skip
    cases.reassign(case.case_id, version=saved.version, worker_id=w2.user_id, reason="调岗")
    assert w1.user_id != w2.user_id

    config = migrate.alembic_config(db.engine)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    migrate.upgrade(db.engine)

    # The client: today's values, from the day the client was registered.
    assert periods(db, "client", client, "risk_level") == [(D(2026, 9, 1), None, "medium")]
    # The case: from intake, changed on the days its events happened.
    assert periods(db, "case", case.case_id, "risk_level") == [
        (D(2026, 9, 5), D(2026, 9, 20), "low"),
        (D(2026, 9, 20), None, "high"),
    ]
    assert periods(db, "case", case.case_id, "worker_id") == [
        (D(2026, 9, 5), D(2026, 9, 20), str(admin.user_id)),
        (D(2026, 9, 20), None, str(w2.user_id)),
    ]
