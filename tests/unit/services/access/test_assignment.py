"""Who is responsible for a client or a case is the head's decision.

A worker may see a full ID number only of their own clients; if a worker could make any
client theirs, that rule would mean nothing. Every field through which a worker could take
a record over is tried here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from tests.consents import consent_to_services
from tests.unit.services.conftest import TODAY, id_number


@pytest.fixture
def people(db: Database, admin: Actor, make_actor: Callable[..., Actor]) -> dict[str, Actor]:
    return {
        "admin": admin,
        "head": make_actor(Role.HEAD, "head"),
        "worker": make_actor(Role.WORKER, "worker"),
        "colleague": make_actor(Role.WORKER, "colleague"),
    }


@pytest.fixture
def client_id(db: Database, people: dict[str, Actor]) -> int:
    """A client of the colleague's, with an ID number the worker may not see."""
    head = ClientService(db, people["head"], today=TODAY)
    data = ClientInput(
        name="周秀兰", id_number=id_number("19450312", 21), worker_id=people["colleague"].user_id
    )
    client_id = head.create(data).id
    consent_to_services(db, people["head"], client_id)
    return client_id


def _input(service: ClientService, client_id: int, **changes: Any) -> tuple[int, ClientInput]:
    detail = service.get(client_id)
    data = ClientInput(name=detail.name, worker_id=detail.worker_id, risk_level=detail.risk_level)
    return detail.version, dataclasses.replace(data, **changes)


@pytest.mark.parametrize("to", ["worker", "colleague_none"])
def test_a_worker_cannot_reassign_a_client(
    db: Database, people: dict[str, Actor], client_id: int, to: str
) -> None:
    mine = ClientService(db, people["worker"], today=TODAY)
    target = people["worker"].user_id if to == "worker" else None
    version, data = _input(mine, client_id, worker_id=target)
    with pytest.raises(PermissionDenied, match="站长"):
        mine.update(client_id, version=version, data=data)
    assert mine.get(client_id).worker_id == people["colleague"].user_id
    assert not mine.get(client_id).can_reveal


def test_a_worker_keeps_the_responsible_worker_when_editing(
    db: Database, people: dict[str, Actor], client_id: int
) -> None:
    mine = ClientService(db, people["worker"], today=TODAY)
    version, data = _input(mine, client_id, address="东山村3组")
    mine.update(client_id, version=version, data=data)
    assert mine.get(client_id).address == "东山村3组"


def test_a_worker_registers_a_client_for_themselves_or_no_one(
    db: Database, people: dict[str, Actor]
) -> None:
    mine = ClientService(db, people["worker"], today=TODAY)
    me = people["worker"].user_id
    assert mine.get(mine.create(ClientInput(name="吴桂英", worker_id=me)).id).worker_id == me
    assert mine.get(mine.create(ClientInput(name="郑秀珍")).id).worker_id is None
    with pytest.raises(PermissionDenied):
        mine.create(ClientInput(name="王翠兰", worker_id=people["colleague"].user_id))


@pytest.mark.parametrize("role", ["admin", "head"])
def test_the_head_assigns_clients(
    db: Database, people: dict[str, Actor], client_id: int, role: str
) -> None:
    service = ClientService(db, people[role], today=TODAY)
    version, data = _input(service, client_id, worker_id=people["worker"].user_id)
    service.update(client_id, version=version, data=data)
    assert service.get(client_id).worker_id == people["worker"].user_id
    assert ClientService(db, people["worker"], today=TODAY).get(client_id).can_reveal


def test_a_worker_opens_cases_only_for_themselves(
    db: Database, people: dict[str, Actor], client_id: int
) -> None:
    cases = CaseService(db, people["worker"], today=TODAY)
    assert not cases.can_assign
    for_colleague = OpenCaseInput(
        client_id=client_id,
        intake_date=TODAY,
        presenting_problem="独居，行动不便",
        worker_id=people["colleague"].user_id,
    )
    with pytest.raises(PermissionDenied, match="站长"):
        cases.open_case(for_colleague)
    saved = cases.open_case(dataclasses.replace(for_colleague, worker_id=None))
    assert cases.get(saved.case_id).worker_id == people["worker"].user_id


def test_a_worker_cannot_hand_a_case_over(
    db: Database, people: dict[str, Actor], client_id: int
) -> None:
    cases = CaseService(db, people["worker"], today=TODAY)
    saved = cases.open_case(
        OpenCaseInput(client_id=client_id, intake_date=TODAY, presenting_problem="独居")
    )
    with pytest.raises(PermissionDenied):
        cases.reassign(saved.case_id, version=saved.version, worker_id=people["colleague"].user_id)
    head = CaseService(db, people["head"], today=TODAY)
    assert head.can_assign
    head.reassign(saved.case_id, version=saved.version, worker_id=people["colleague"].user_id)
    assert head.get(saved.case_id).worker_id == people["colleague"].user_id
