"""Shared fixtures. Qt runs offscreen; tests that use `qtbot` are marked `gui`."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.history import LATE_REASON_DAYS_KEY
from app.services.settings.setup import SetupService
from app.services.staff.users import UserService
from app.store import settings as settings_rows
from app.store.engine import Database
from tests import postgres

ADMIN_PASSWORD = "admin-pass-1"
VILLAGES = ["梅林村", "东山村", "河口社区"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the real user data folder."""
    monkeypatch.setenv("STATIONDESK_DATA", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("STATIONDESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _gc_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test with a QApplication collects garbage as the app does: on the GUI thread only.

    Automatic collection comes back after the test, for the tests without Qt.
    """
    if "qapp" not in request.fixturenames:
        yield
        return
    from app.ui import garbage

    garbage.install(request.getfixturevalue("qapp"))
    yield
    garbage.uninstall()
    # What outlived that full collection (modules, Qt's wrappers, pytest's own) is frozen,
    # as the app freezes what its start leaves: the next test's collections, when its
    # windows are deleted, then look only at what that test made (a full one costs up to a
    # second). Each test still ends with a full collection: uninstall() unfreezes first.
    gc.freeze()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a throw-away PostgreSQL server's maintenance database (tests/postgres.py)."""
    try:
        with postgres.cluster() as url:
            yield url
    except postgres.Unavailable as why:
        if postgres.required():
            pytest.fail(str(why))
        pytest.skip(str(why))


def initialise_station(database: Database) -> Actor:
    """The station every test starts from: 梅林镇社工站 with three villages, its administrator,
    and late entries allowed (see allow_late_entries)."""
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
    return actor


def allow_late_entries(database: Database) -> None:
    """Most tests enter months of history in one go: no 补录 reason asked for.

    The tests of 补录 itself (tests/unit/services/test_history.py…) set the rule back.
    """
    with database.write() as session:
        settings_rows.write(session, LATE_REASON_DAYS_KEY, 100_000, station_id=None, user_id=1)


def _copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture(scope="session")
def station_templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Actor]:
    """A migrated empty file and a copy of it initialised as `admin` says, made once.

    Migrating costs ~0.4 s and the administrator's argon2 hash more; a copy a few ms.
    """
    folder = tmp_path_factory.mktemp("templates")
    schema, station = folder / "schema.sqlite3", folder / "station.sqlite3"
    database = Database.open(schema)
    SetupService(database).prepare()
    database.dispose()
    _copy(schema, station)
    database = Database.open(station)
    actor = initialise_station(database)
    database.dispose()
    return schema, station, actor


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "station.sqlite3"


@pytest.fixture
def db(
    db_path: Path,
    station_templates: tuple[Path, Path, Actor],
    request: pytest.FixtureRequest,
) -> Iterator[Database]:
    """A database at the newest schema; already initialised when the test asks for `admin`."""
    schema, station, _admin = station_templates
    _copy(station if "admin" in request.fixturenames else schema, db_path)
    database = Database.open(db_path)
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database, station_templates: tuple[Path, Path, Actor]) -> Actor:
    """An initialised station (three villages) and its administrator."""
    return station_templates[2]


@pytest.fixture
def make_actor(db: Database, admin: Actor) -> Callable[..., Actor]:
    """Create a user of the given role in the admin's station and log them in."""

    def make(role: Role, login: str | None = None, display_name: str = "") -> Actor:
        login = login or f"{role.value}{len(UserService(db, admin).list())}"
        password = f"{login}-password"
        UserService(db, admin).add(
            login=login, display_name=display_name or login, role=role, password=password
        )
        return AuthService(db).login(login=login, password=password)

    return make
