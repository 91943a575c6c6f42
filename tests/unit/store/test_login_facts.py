"""The login window's facts, read from the file before SQLAlchemy loads (app/store/login_facts.py).

Whatever they cannot vouch for gives None, and the start goes the long way through the
services: the wizard for a file without users, the notice for a moved one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.services.context import Actor
from app.services.settings import moved
from app.services.settings.setup import SetupService
from app.store.engine import Database
from app.store.login_facts import LoginFacts, login_facts
from app.store.models import Station


def test_a_station_file_gives_the_name_the_services_give(
    db: Database, admin: Actor, db_path: Path
) -> None:
    facts = login_facts(db_path)
    assert facts == LoginFacts(SetupService(db).station_name())
    assert facts.station_name


def test_several_stations_show_no_name(db: Database, admin: Actor, db_path: Path) -> None:
    with db.write() as session:
        session.add(Station(name="东山镇社工站", code="JX0427"))
    assert login_facts(db_path) == LoginFacts("")
    assert SetupService(db).station_name() == ""


def test_a_file_without_users_goes_to_the_wizard(db: Database, db_path: Path) -> None:
    assert not SetupService(db).is_initialised()
    assert login_facts(db_path) is None


def test_a_moved_file_goes_the_long_way_for_its_notice(
    db: Database, admin: Actor, db_path: Path
) -> None:
    with db.write() as session:
        moved.mark(
            session, server="postgresql://owner@county/county", station_code="JX0426",
            at=dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC),
        )  # fmt: skip
    assert SetupService(db).moved_notice()
    assert login_facts(db_path) is None


def test_what_is_not_a_station_file_gives_nothing(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"not a database\n" * 300)
    assert login_facts(notes) is None
    assert login_facts(tmp_path / "missing.sqlite3") is None
    assert not (tmp_path / "missing.sqlite3").exists()
