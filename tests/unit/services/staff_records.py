"""Helpers the supervision, training, volunteer and resource tests share."""

from __future__ import annotations

import datetime as dt

from app.services.access.auth import actor_for
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Station, User
from tests.consents import consent_to_services


def other_station_head(db: Database) -> Actor:
    """The head of a second station in the same database."""
    with db.write() as session:
        station = Station(code="JX0427", name="东山镇社工站")
        session.add(station)
        session.flush()
        user = User(
            station_id=station.id, login="dong", display_name="东山站长", role="head",
            password_hash="x",
        )  # fmt: skip
        session.add(user)
        session.flush()
        return actor_for(session, user)


def set_title(db: Database, actor: Actor, title: str) -> None:
    with db.write() as session:
        user = session.get_one(User, actor.user_id)
        user.title = title


def open_case(db: Database, actor: Actor, name: str = "李秀英") -> str:
    """A case of a new client; returns its number."""
    client = ClientService(db, actor).create(ClientInput(name=name)).id
    consent_to_services(db, actor, client)
    saved = CaseService(db, actor).open_case(
        OpenCaseInput(client_id=client, intake_date=dt.date(2025, 3, 1), presenting_problem="困难")
    )
    return saved.case_no
