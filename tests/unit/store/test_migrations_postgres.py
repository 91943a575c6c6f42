"""The migrations on PostgreSQL: from an empty database, and from the previous revision."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import make_url, select

from app.services.settings.setup import SetupService
from app.store import migrate
from app.store.base import Base
from app.store.engine import Database, make_engine
from app.store.models import DatedValue
from tests.conftest import VILLAGES
from tests.unit.store.test_migrations import pending_changes


@pytest.fixture
def empty_pg(pg_server: str) -> Iterator[Database]:
    admin = make_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS sd_migrate WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE sd_migrate")
    url = make_url(pg_server).set(database="sd_migrate").render_as_string(hide_password=False)
    database = Database.open(url)
    yield database
    database.dispose()
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS sd_migrate WITH (FORCE)")
    admin.dispose()


def test_an_empty_database_reaches_exactly_the_models(empty_pg: Database) -> None:
    result = migrate.upgrade(empty_pg.engine)
    assert result.from_revision is None
    assert result.to_revision == migrate.head_revision(empty_pg.engine)
    assert pending_changes(empty_pg, Base.metadata) == []


def test_the_previous_revision_upgrades_with_its_records(empty_pg: Database) -> None:
    setup = SetupService(empty_pg)
    setup.prepare()
    setup.initialise(
        station_name="梅林镇社工站", station_code="JX0426", county="测试县", villages=VILLAGES,
        admin_login="admin", admin_display_name="王站长", password="admin-pass-1",
    )  # fmt: skip
    config = migrate.alembic_config(empty_pg.engine)
    with empty_pg.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    assert migrate.current_revision(empty_pg.engine) == "0002"
    migrate.upgrade(empty_pg.engine)
    assert migrate.current_revision(empty_pg.engine) == migrate.head_revision(empty_pg.engine)
    assert pending_changes(empty_pg, Base.metadata) == []
    with empty_pg.read() as session:
        assert session.scalars(select(DatedValue)).all() == []  # no client or case yet
