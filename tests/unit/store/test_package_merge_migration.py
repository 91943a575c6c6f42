"""Revision 0017 adds the bases' rows, the conflicts' merged fields and the station's list of
the county's decisions, and a downgrade takes them away again; the bases stay."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from app.services.context import Actor
from app.store.engine import Database
from tests.unit.store.migrating import move, tables


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def _columns(db: Database, table: str) -> set[str]:
    return {c["name"] for c in inspect(db.engine).get_columns(table)}


def test_the_merge_columns_come_and_go_and_the_bases_stay(db: Database, admin: Actor) -> None:
    move(db, "0016")
    assert "package_decisions" not in tables(db)
    assert "base_row" not in _columns(db, "package_bases")
    with db.engine.begin() as conn:
        station = conn.execute(text("SELECT id FROM stations")).scalar_one()
        conn.execute(
            text(
                "INSERT INTO package_bases (record_uuid, station_id, entity, station_version,"
                " county_version) VALUES ('u-1', :s, 'clients', 2, 3)"
            ),
            {"s": station},
        )
    move(db, "head")
    assert "package_decisions" in tables(db)
    assert "merged" in _columns(db, "package_conflicts")
    with db.engine.connect() as conn:
        kept = conn.execute(text("SELECT record_uuid, base_row FROM package_bases")).all()
    assert [tuple(r) for r in kept] == [("u-1", None)]  # compares as before 0017
    move(db, "0016")
    assert "package_decisions" not in tables(db)
    assert "base_row" not in _columns(db, "package_bases")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT record_uuid FROM package_bases")).scalars().all() == [
            "u-1"
        ]
    move(db, "head")
