"""Revision 0013 adds the 社工室 tables, the records' room and the users' certificate, and
a downgrade takes them away again without losing the records."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text

from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.rooms.service import RoomService
from app.store.engine import Database
from app.store.models import Activity
from tests.unit.services.activity_flow import activity_input
from tests.unit.store.migrating import move


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def _columns(db: Database, table: str) -> set[str]:
    return {c["name"] for c in inspect(db.engine).get_columns(table)}


def test_rooms_come_and_go_and_the_records_stay(db: Database, admin: Actor) -> None:
    RoomService(db, admin).add_room(name="梅林村社工室")
    room_id = RoomService(db, admin).rooms()[0].id
    ActivityService(db, admin).create(activity_input(room_id=room_id))
    move(db, "0012")
    tables = set(inspect(db.engine).get_table_names())
    assert not {"rooms", "room_villages"} & tables
    assert "room_id" not in _columns(db, "activities") | _columns(db, "service_records")
    assert "certificate_no" not in _columns(db, "users")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT title FROM activities")).scalars().all() == [
            "端午节包粽子活动"
        ]
    move(db, "head")
    assert {"room_id"} <= _columns(db, "visits")
    with db.read() as session:
        assert session.execute(select(Activity.title, Activity.room_id)).all() == [
            ("端午节包粽子活动", None)
        ]
    RoomService(db, admin).add_room(name="东山村社工室")  # the tables work again
