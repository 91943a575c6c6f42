"""`stationdesk server init|add-station-role` on the test server, from an empty database to
a station's user logging in over the station's own database role (README 「县级服务器」)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url

from app.cli import main
from app.store.engine import make_engine

PASSWORD = "county-pass-123"


@pytest.fixture
def server_db(pg_server: str) -> Iterator[str]:
    """An empty database `sd_cli`, as a libpq URL (postgresql://owner@host:port/sd_cli)."""
    admin = make_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS sd_cli WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE sd_cli")
    url = make_url(pg_server).set(drivername="postgresql", database="sd_cli")
    yield url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS sd_cli WITH (FORCE)")
    admin.dispose()


def _role_of(pgpass: Path) -> tuple[str, str]:
    line = pgpass.read_text(encoding="utf-8").splitlines()[-1]
    _host, _port, _db, role, password = line.split(":")
    return role, password


def test_from_an_empty_database_to_a_station_logging_in(
    server_db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", PASSWORD)
    county_pass, station_pass = tmp_path / "county.pgpass", tmp_path / "jx0426.pgpass"
    init = ["server", "init", "--db", server_db, "--admin", "county", "--pgpass", str(county_pass)]
    assert main([*init, "--sslmode", "disable"]) == 0
    out = capsys.readouterr().out
    county_role, county_secret = _role_of(county_pass)
    assert county_role == "sd_cli_county"
    assert county_secret not in out
    assert oct(county_pass.stat().st_mode & 0o777) == "0o600"
    assert f"postgresql://{county_role}@" in out and "sslmode=disable" in out
    # Again after an upgrade: idempotent, the county role's password kept.
    assert main(init) == 0
    assert "密码未变" in capsys.readouterr().out

    county_url = make_url(server_db).set(username=county_role).render_as_string()
    as_county = ["--db", county_url, "--user", "county"]
    add = ["station", "add", *as_county, "--code", "JX0426", "--name", "梅林镇社工站"]
    assert main([*add, "--village", "梅林村"]) == 0
    user = ["user", "add", *as_county, "--name", "lixia", "--display", "李霞"]
    assert main([*user, "--role", "head", "--station", "JX0426"]) == 0
    temporary = re.search(r"临时密码：(\S+)（", capsys.readouterr().out)
    assert temporary is not None

    role = ["server", "add-station-role", "--db", server_db, "--station", "jx0426"]
    assert main([*role, "--pgpass", str(station_pass)]) == 0
    station_role, secret = _role_of(station_pass)
    assert station_role == "sd_cli_jx0426" and secret not in capsys.readouterr().out

    station_url = make_url(server_db).set(username=station_role).render_as_string()
    monkeypatch.setenv("STATIONDESK_PASSWORD", temporary.group(1))
    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", "lixia-new-pass-1")
    assert main(["user", "passwd", "--db", station_url, "--user", "lixia"]) == 0
    monkeypatch.setenv("STATIONDESK_PASSWORD", "lixia-new-pass-1")
    # The station sees its own users only; the county's administrator is not among them.
    assert main(["user", "list", "--db", station_url, "--user", "county"]) == 2
    assert "用户名或密码" in capsys.readouterr().err


def test_a_password_in_the_url_is_refused_and_not_shown(
    server_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(server_db).set(password="s3cret-Pw").render_as_string(hide_password=False)
    args = ["server", "init", "--db", url, "--admin", "county", "--pgpass", str(tmp_path / "p")]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "不要把密码写在 --db 里" in captured.err
    assert "s3cret-Pw" not in captured.out + captured.err


def test_an_unreachable_server_is_said_so_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.postgres import _free_port

    monkeypatch.setenv("STATIONDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "3")
    url = f"postgresql://owner@127.0.0.1:{_free_port()}/county"
    args = ["server", "init", "--db", url, "--admin", "county", "--pgpass", str(tmp_path / "p")]
    assert main(args) == 2
    assert "无法连接到县级服务器" in capsys.readouterr().err
    assert not os.path.exists(tmp_path / "p")
