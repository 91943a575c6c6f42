"""Revision 0019: partners get the stored pinyin key of their name, filled for the rows
already there and gone again on a downgrade."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from app.services.context import Actor
from app.store.engine import Database
from tests.unit.store.migrating import move


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def _columns(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("partners")}


def test_the_key_is_filled_for_the_partners_there_and_dropped_on_the_way_down(
    db: Database, admin: Actor
) -> None:
    move(db, "0018")
    assert "name_sort" not in _columns(db)
    with db.engine.begin() as conn:
        for name in ("张家村委会", "阿姨帮帮团", "曾氏宗亲会"):
            conn.execute(
                text(
                    "INSERT INTO partners (uuid, station_id, name, partner_type, department,"
                    " party, contact_person, phone, note, active, created_at, updated_at,"
                    " version) VALUES (:uuid, :sid, :name, 'charity', '', '', '', '', '',"
                    " :yes, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
                ),
                {"uuid": f"u-{name}", "sid": admin.station_id, "name": name, "yes": True},
            )
    move(db, "head")
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, name_sort FROM partners")).all()
    keys: dict[str, str] = dict(rows)
    # 曾 as a surname reads zeng, not ceng.
    assert keys == {
        "阿姨帮帮团": "a yi bang bang tuan  阿姨帮帮团",
        "曾氏宗亲会": "zeng shi zong qin hui  曾氏宗亲会",
        "张家村委会": "zhang jia cun wei hui  张家村委会",
    }
    move(db, "0018")
    assert "name_sort" not in _columns(db)
    move(db, "head")
