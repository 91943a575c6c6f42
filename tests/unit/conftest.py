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
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, make_url, select
from sqlalchemy.exc import DBAPIError

from app.domain.roles import Role
from app.services.access import passwords
from app.services.access.auth import actor_for
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.store.engine import Database, make_engine
from app.store.models import User
from tests import pg_reset
from tests.conftest import initialise_station

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
    actor = initialise_station(database)
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
def sqlite_db(
    db_path: Path,
    _shared: Database,
    _templates: tuple[Path, Path, Actor],
    request: pytest.FixtureRequest,
) -> Iterator[Database]:
    """A database file at the newest schema; initialised when the test asks for `admin`."""
    schema, station, _actor = _templates
    _copy(station if "admin" in request.fixturenames else schema, db_path)
    yield _shared
    _shared.dispose()


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """The database of a test; the service tests run it on both engines (services/conftest)."""
    return sqlite_db


@dataclass
class _PgTemplates:
    """The test server's template databases, their snapshots, and the one test database."""

    admin: Engine
    test: Database
    snapshots: dict[str, pg_reset.Snapshot]
    resettable: bool
    holds: str = ""  # the template sd_test is a clean copy of, if it is one


@pytest.fixture(scope="session")
def _pg_templates(pg_server: str, _templates: tuple[Path, Path, Actor]) -> Iterator[_PgTemplates]:
    """Template databases on the test server, made like the SQLite ones, and the engine of
    the one database each test gets as a fresh copy of a template."""
    admin = make_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in ("sd_schema", "sd_station", "sd_test"):
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE sd_schema")
    schema = Database.open(_pg_url(pg_server, "sd_schema"))
    SetupService(schema).prepare()
    schema.dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE sd_station TEMPLATE sd_schema")
    station = Database.open(_pg_url(pg_server, "sd_station"))
    actor = initialise_station(station)
    station.dispose()
    # `admin` hands out the SQLite template's actor: both must be the same.
    assert actor == _templates[2]
    snapshots = {}
    for name in ("sd_schema", "sd_station"):
        engine = make_engine(_pg_url(pg_server, name))
        with engine.connect() as conn:
            snapshots[name] = pg_reset.snapshot(conn)
            resettable = pg_reset.may_reset(conn)
        engine.dispose()
    test = Database.open(_pg_url(pg_server, "sd_test"))
    yield _PgTemplates(admin, test, snapshots, resettable)
    test.dispose()
    admin.dispose()


@pytest.fixture
def pg_db(_pg_templates: _PgTemplates, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh PostgreSQL database at the newest schema; initialised when the test asks for
    `admin`. Tests of the database file itself (they ask for `db_path`) stay on SQLite.

    The database is the template's copy, or, when the last test left the schema as the
    templates have it, the last test's database with the template's rows put back
    (tests/pg_reset.py: a copy costs half a second)."""
    if "db_path" in request.fixturenames:
        pytest.skip("这是 SQLite 数据库文件本身的测试")
    pg, test = _pg_templates, _pg_templates.test
    template = "sd_station" if "admin" in request.fixturenames else "sd_schema"
    test.dispose()
    if not (pg.holds and pg.resettable and _put_back(test, pg.snapshots[template])):
        with pg.admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS sd_test WITH (FORCE)")
            conn.exec_driver_sql(f"CREATE DATABASE sd_test TEMPLATE {template}")
    pg.holds = template
    yield test
    test.dispose()


def _put_back(test: Database, template: pg_reset.Snapshot) -> bool:
    try:
        with test.engine.connect() as conn:
            done = pg_reset.reset(conn, template)
    except DBAPIError:  # a lock the last test left behind: the copy (FORCE) ends it
        done = False
    test.dispose()
    return done


def _pg_url(server: str, name: str) -> str:
    return str(make_url(server).set(database=name).render_as_string(hide_password=False))


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
