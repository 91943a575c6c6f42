"""Fixtures for the service tests: a client service on a fixed day, villages, ID numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from stdnum.cn import ric

from app.services.clients.service import ClientService
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import AuditEntry, Village

TODAY = dt.date(2025, 6, 30)


def id_number(birth: str, sequence: int, place: str = "360426") -> str:
    """A valid 18-digit number for `birth` (YYYYMMDD); an odd sequence gives a man."""
    body = f"{place}{birth}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def audit_actions(db: Database, *, entity: str = "", entity_id: int | None = None) -> list[str]:
    stmt = select(AuditEntry.action).order_by(AuditEntry.id)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    with db.read() as session:
        return list(session.scalars(stmt))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    """Every service test runs on both engines: the station's SQLite file and the county's
    PostgreSQL (a throw-away server, tests/postgres.py)."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    database: Database = request.getfixturevalue(fixture)
    return database


@pytest.fixture
def villages(db: Database, admin: Actor) -> dict[str, int]:
    with db.read() as session:
        return {name: vid for name, vid in session.execute(select(Village.name, Village.id))}


@pytest.fixture
def clients(db: Database, admin: Actor) -> ClientService:
    return ClientService(db, admin, today=TODAY)
