"""A county database (the `db` fixture, on both engines) and offline station files.

The county is the initialised test station's database, whose administrator adds the
offline stations; each offline station is its own SQLite file, made from the template
station with another code and login, as a station set up on its own PC would be.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.domain.clock import FixedClock
from app.services.context import Actor
from app.services.packages.attachments import Folders
from app.services.packages.keys import CreatedKeys, KeyFile, create_key_pair
from app.services.packages.service import PackageService
from app.services.packages.tables import station_specs
from app.services.settings.stations import StationService
from app.store.base import Base
from app.store.engine import Database
from app.store.models import Station, User
from app.store.uuids import new_uuid
from tests.conftest import VILLAGES

PASSWORD = "县里给的数据包密码"
PASSPHRASE = "县里私钥的口令2026"
START = dt.datetime(2026, 10, 5, 9, 0)
SET_UP = dt.datetime(2026, 10, 4, 9, 0, tzinfo=dt.UTC)


@dataclass
class Side:
    """One database and the administrator acting on it, with its clock and photos."""

    db: Database
    actor: Actor
    clock: FixedClock
    photos: Path

    @property
    def folders(self) -> Folders:
        """The side's own photos, documents and evidence folders."""
        return Folders(
            self.photos,
            self.photos.with_name(f"{self.photos.name}-documents"),
            self.photos.with_name(f"{self.photos.name}-evidence"),
        )

    def packages(self) -> PackageService:
        return PackageService(self.db, self.actor, folders=self.folders)


def counts(db: Database) -> dict[str, int]:
    """Rows per table: what "changes nothing" compares."""
    with db.read() as session:
        return {
            t.name: session.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


@dataclass(frozen=True)
class Keys:
    """The county's key pair, and another county's."""

    ours: CreatedKeys
    theirs: CreatedKeys

    def key_file(self, passphrase: str = PASSPHRASE) -> KeyFile:
        return KeyFile(self.ours.private_path, passphrase)


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    """Made once: an RSA-3072 key takes about a second to make."""
    folder = tmp_path_factory.mktemp("county-keys")
    return Keys(
        create_key_pair(folder / "ours", PASSPHRASE), create_key_pair(folder / "theirs", PASSPHRASE)
    )


@pytest.fixture
def county(db: Database, admin: Actor, tmp_path: Path) -> Side:
    clock = FixedClock(START)
    county_db = db.with_clock(clock)
    stations = StationService(county_db, admin)
    stations.add_station(code="JX0427", name="东港镇社工站", villages=VILLAGES)
    stations.add_station(code="JX0428", name="新桥镇社工站", villages=VILLAGES[:2])
    return Side(county_db, admin, clock, tmp_path / "county-photos")


def station_file(folder: Path, template: tuple[Path, Path, Actor], code: str, name: str) -> Side:
    """An offline station's own database, copied from the template station and renamed,
    with a station uuid of its own (as a station set up on its own PC has)."""
    path = folder / f"{code}.sqlite3"
    src, dst = sqlite3.connect(template[1]), sqlite3.connect(path)
    src.backup(dst)
    dst.close()
    src.close()
    clock = FixedClock(START)
    database = Database.open(path, clock=clock)
    login = f"{code.lower()}.admin"
    with database.write() as session:
        session.execute(update(Station).values(code=code, name=name, uuid=new_uuid()))
        session.execute(update(User).where(User.login == "admin").values(login=login))
        # Made by the computer's clock: its rows are set up the day before, and, as on a PC
        # of its own, under uuids of their own.
        for spec in station_specs():
            t = spec.table
            session.execute(update(t).values(created_at=SET_UP, updated_at=SET_UP))
            for row_id in list(session.scalars(select(t.c.id))):
                session.execute(update(t).where(t.c.id == row_id).values(uuid=new_uuid()))
    actor = dataclasses.replace(template[2], login=login, station_name=name)
    return Side(database, actor, clock, folder / f"{code}-photos")


@pytest.fixture
def make_station(
    tmp_path: Path, station_templates: tuple[Path, Path, Actor]
) -> Iterator[Callable[[str, str], Side]]:
    made: list[Database] = []

    def make(code: str, name: str) -> Side:
        side = station_file(tmp_path, station_templates, code, name)
        made.append(side.db)
        return side

    yield make
    for database in made:
        database.dispose()


@pytest.fixture
def station(make_station: Callable[[str, str], Side]) -> Side:
    return make_station("JX0427", "东港镇社工站")
