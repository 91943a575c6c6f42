"""Shared fixtures. Qt runs offscreen; tests that use `qtbot` are marked `gui`."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.services.staff.users import UserService
from app.store.engine import Database

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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "station.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An empty database at the newest schema."""
    database = Database.open(db_path)
    SetupService(database).prepare()
    yield database
    database.dispose()


@pytest.fixture
def admin(db: Database) -> Actor:
    """An initialised station (three villages) and its administrator."""
    return SetupService(db).initialise(
        station_name="梅林镇社工站",
        station_code="JX0426",
        county="测试县",
        villages=VILLAGES,
        admin_login="admin",
        admin_display_name="王站长",
        password=ADMIN_PASSWORD,
    )


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
