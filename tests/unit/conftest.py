"""Fast fixtures for the unit tests: databases are copied from templates made once.

Migrating a fresh file takes ~0.4 s and an argon2 hash ~50 ms; copying a migrated
template takes a few milliseconds, so each test still starts from a fresh file. The
file sits at one path for the whole run and one engine serves it (its pool emptied
before each copy), because SQLAlchemy compiles every statement once per engine and
that compiling cost more than the tests themselves.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.roles import Role
from app.services.access import passwords
from app.services.access.auth import actor_for
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.store.engine import Database
from app.store.models import User
from tests.conftest import ADMIN_PASSWORD, VILLAGES, allow_late_entries

STAFF_PASSWORD = "staff-pass-1"


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Actor]:
    """A migrated empty file, and a copy of it initialised like `admin` in tests/conftest.py."""
    folder = tmp_path_factory.mktemp("templates")
    schema = folder / "schema.sqlite3"
    database = Database.open(schema)
    SetupService(database).prepare()
    database.dispose()
    station = folder / "station.sqlite3"
    _copy(schema, station)
    database = Database.open(station)
    actor = SetupService(database).initialise(
        station_name="梅林镇社工站",
        station_code="JX0426",
        county="测试县",
        villages=VILLAGES,
        admin_login="admin",
        admin_display_name="王站长",
        password=ADMIN_PASSWORD,
    )
    allow_late_entries(database)
    database.dispose()
    return schema, station, actor


@pytest.fixture(scope="session")
def _shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.open(tmp_path_factory.mktemp("db") / "station.sqlite3")
    yield database
    database.dispose()


@pytest.fixture
def db_path(_shared: Database) -> Path:
    """The database file's path, in a folder emptied for each test."""
    _shared.dispose()
    path = _shared.engine.url.database
    assert path is not None
    folder = Path(path).parent
    for leftover in folder.iterdir():
        if leftover.is_dir():
            shutil.rmtree(leftover)
        else:
            leftover.unlink()
    return Path(path)


@pytest.fixture
def db(
    db_path: Path,
    _shared: Database,
    _templates: tuple[Path, Path, Actor],
    request: pytest.FixtureRequest,
) -> Iterator[Database]:
    """A database at the newest schema; already initialised when the test asks for `admin`."""
    schema, station, _actor = _templates
    _copy(station if "admin" in request.fixturenames else schema, db_path)
    yield _shared
    _shared.dispose()


@pytest.fixture
def admin(db: Database, _templates: tuple[Path, Path, Actor]) -> Actor:
    """The initialised station (three villages) and its administrator."""
    return _templates[2]


@pytest.fixture(scope="session")
def staff_hash() -> str:
    return passwords.hash_password(STAFF_PASSWORD)


@pytest.fixture
def make_actor(db: Database, admin: Actor, staff_hash: str) -> Callable[..., Actor]:
    """A user of the given role in the admin's station (password STAFF_PASSWORD), as an Actor.

    The row is written directly, without a login, so it costs no argon2 hashing.
    """

    def make(role: Role, login: str | None = None, display_name: str = "") -> Actor:
        with db.write() as session:
            count = session.scalar(select(func.count()).select_from(User)) or 0
            login = login or f"{role.value}{count}"
            user = User(
                station_id=admin.station_id,
                login=login,
                display_name=display_name or login,
                role=role.value,
                password_hash=staff_hash,
                created_by_id=admin.user_id,
            )
            session.add(user)
            session.flush()
            return actor_for(session, user)

    return make
