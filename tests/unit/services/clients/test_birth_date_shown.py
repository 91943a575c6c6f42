"""Who sees a client's birth date, and who may find an ID number by its parts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

import pytest

from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.store.engine import Database
from tests.consents import consent_to_services
from tests.unit.services.case_flow import open_case
from tests.unit.services.conftest import TODAY, id_number

ZHANG = id_number("19500308", 7)  # a man born 8 March 1950, 75 on TODAY
BORN = dt.date(1950, 3, 8)
CHILD_BORN = dt.date(2021, 5, 4)


class Station(NamedTuple):
    head: Actor
    worker: Actor
    colleague: Actor
    supervisor: Actor
    zhang: int  # the worker's client, with an ID number
    child: int  # the worker's client, without one


@pytest.fixture
def station(db: Database, admin: Actor, make_actor: Callable[..., Actor]) -> Station:
    worker = make_actor(Role.WORKER, "worker_a")
    service = ClientService(db, admin, today=TODAY)
    zhang = service.create(ClientInput(name="张三", id_number=ZHANG, worker_id=worker.user_id))
    child = service.create(
        ClientInput(name="张小", birth_date=CHILD_BORN, sex="2", worker_id=worker.user_id)
    )
    return Station(
        make_actor(Role.HEAD),
        worker,
        make_actor(Role.WORKER, "worker_b"),
        make_actor(Role.SUPERVISOR),
        zhang.id,
        child.id,
    )


def test_only_who_may_reveal_the_number_sees_the_birth_date(
    db: Database, admin: Actor, station: Station
) -> None:
    def seen(actor: Actor) -> tuple[dt.date | None, int | None, bool]:
        detail = ClientService(db, actor, today=TODAY).get(station.zhang)
        return detail.birth_date, detail.age, detail.can_reveal

    assert seen(admin) == seen(station.head) == seen(station.worker) == (BORN, 75, True)
    assert seen(station.colleague) == seen(station.supervisor) == (None, 75, False)


def test_without_an_id_number_there_is_nothing_to_rebuild(db: Database, station: Station) -> None:
    detail = ClientService(db, station.supervisor, today=TODAY).get(station.child)
    assert (detail.birth_date, detail.age) == (CHILD_BORN, 4)


def test_a_colleagues_edit_keeps_the_hidden_birth_date(db: Database, station: Station) -> None:
    service = ClientService(db, station.colleague, today=TODAY)
    for client_id in (station.zhang, station.child):
        d = service.get(client_id)
        # What the form sends back: the masked number untouched, the date as it was shown.
        data = ClientInput(
            name=d.name + "（改）", id_number=None, sex=d.sex, birth_date=d.birth_date,
            worker_id=d.worker_id,
        )  # fmt: skip
        service.update(client_id, version=d.version, data=data)
    owner = ClientService(db, station.worker, today=TODAY)
    assert owner.get(station.zhang).birth_date == BORN
    assert owner.get(station.child).birth_date == CHILD_BORN


@pytest.mark.parametrize(
    ("text", "head_finds", "others_find"),
    [
        ("0308", True, False),  # a part of the birth date
        ("19500308007", True, False),
        (ZHANG, True, True),  # the whole number, as when a client hands over the card
        (ZHANG.lower(), True, True),
        ("张三", True, True),
    ],
)
def test_parts_of_an_id_number_find_a_client_only_for_who_may_see_any_number(
    db: Database, station: Station, text: str, head_finds: bool, others_find: bool
) -> None:
    def finds(actor: Actor) -> bool:
        clients = ClientService(db, actor, today=TODAY).search_ids(ClientQuery(text=text))
        return station.zhang in clients

    assert finds(station.head) is head_finds
    # The worker's own client too: a search that found it would find a colleague's as well.
    assert finds(station.worker) is finds(station.supervisor) is others_find


def test_the_case_list_search_follows_the_same_rule(
    db: Database, admin: Actor, station: Station
) -> None:
    consent_to_services(db, admin, station.zhang)
    case_id, _version = open_case(CaseService(db, admin, today=TODAY), station.zhang)
    for actor, expected in ((station.head, [case_id]), (station.supervisor, [])):
        cases = CaseService(db, actor, today=TODAY).search_ids(CaseQuery(text="0308"))
        assert cases == expected
    whole = CaseService(db, station.supervisor, today=TODAY).search_ids(CaseQuery(text=ZHANG))
    assert whole == [case_id]
