"""What the user reads when a server refuses, cannot be reached, or holds a schema of
another version; libpq's own wording in, Chinese out, the original kept for the log."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.domain.errors import StorageError
from app.store import migrate
from app.store.engine import Database, database_url, storage_errors
from app.store.location import shown_location

REFUSED = 'connection to server at "10.0.0.5", port 5432 failed: Connection refused'
WRONG = 'connection to server at "10.0.0.5", port 5432 failed: FATAL:  password authentication failed for user "county_jx0426"'  # noqa: E501
NONE = 'connection to server at "10.0.0.5", port 5432 failed: fe_sendauth: no password supplied'


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        (REFUSED, "无法连接到县级服务器"),
        (WRONG, "数据库密码不对"),
        (NONE, "没有数据库密码"),
        ('FATAL:  database "county" does not exist', "没有这个数据库"),
        ("server closed the connection unexpectedly", "无法连接到县级服务器"),
    ],
)
def test_server_failures_read_in_chinese(said: str, shown: str) -> None:
    failure = OperationalError("SELECT 1", {}, psycopg.OperationalError(said))
    with pytest.raises(StorageError) as raised, storage_errors():
        raise failure
    assert shown in raised.value.message
    assert raised.value.detail == said


def test_a_schema_newer_than_the_program_is_refused_untouched(db: Database) -> None:
    migrate.upgrade(db.engine)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    with pytest.raises(StorageError) as raised:
        migrate.upgrade(db.engine)
    assert "比本程序新" in raised.value.message and "0999" in raised.value.message
    assert migrate.current_revision(db.engine) == "0999"


def test_a_libpq_url_gets_the_installed_driver_and_hides_its_password() -> None:
    url = "postgresql://county:s3cret@10.0.0.5:5432/county?sslmode=require"
    assert database_url(url).startswith("postgresql+psycopg://county:s3cret@")
    assert "s3cret" not in shown_location(url)
    assert "sslmode=require" in shown_location(url)
