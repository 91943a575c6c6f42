"""`stationdesk station migrate`: a station made by `stationdesk init` moves, with its photo,
into a county server made by `stationdesk server init` (README 「县级服务器」)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import make_url

from app.cli import main
from app.services.access.auth import AuthService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.community.photos import ActivityPhotoService
from app.services.community.service import ActivityService
from app.store.engine import Database, make_engine
from tests.unit.cli.conftest import PASSWORD
from tests.unit.services.activity_flow import activity_input, make_photo


@pytest.fixture
def county_url(pg_server: str) -> Iterator[str]:
    """An empty database `sd_move`, as a libpq URL of its owner."""
    admin = make_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS sd_move WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE sd_move")
    url = make_url(pg_server).set(drivername="postgresql", database="sd_move")
    yield url.render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS sd_move WITH (FORCE)")
    admin.dispose()


def _station_work(path: Path, photos: Path) -> None:
    db = Database.open(path)
    try:
        actor = AuthService(db).login(login="boss", password=PASSWORD)
        ClientService(db, actor).create(ClientInput(name="张桂兰", address="梅林村3组"))
        saved = ActivityService(db, actor).create(activity_input())
        photo = make_photo(path.parent / "p.jpg")
        ActivityPhotoService(db, actor, folder=photos).add(saved.activity_id, photo)
    finally:
        db.dispose()


def test_a_station_file_moves_to_the_county_server(
    station: Path,
    county_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    station_photos, county_photos = tmp_path / "station-photos", tmp_path / "county-photos"
    _station_work(station, station_photos)
    init = ["server", "init", "--db", county_url, "--admin", "county"]
    assert main([*init, "--pgpass", str(tmp_path / "county.pgpass")]) == 0
    as_county = ["--db", make_url(county_url).set(username="sd_move_county").render_as_string()]
    add = ["station", "add", *as_county, "--user", "county", "--code", "JX0426"]
    assert main([*add, "--name", "梅林镇社工站", "--village", "梅林村"]) == 0
    capsys.readouterr()
    move = ["station", "migrate", "--from", str(station), "--to", county_url]
    move += ["--photos", str(station_photos), "--county-photos", str(county_photos)]

    assert main([*move, "--dry-run"]) == 0
    preview = capsys.readouterr().out
    assert "试迁移" in preview and not county_photos.exists()

    assert main(move) == 0
    out = capsys.readouterr().out
    assert "核对通过" in out and "已标记为已迁移" in out
    assert [line.split()[:3] for line in out.splitlines() if line.startswith("服务对象")] == [
        ["服务对象", "1", "1"]
    ]
    assert [p.name for p in county_photos.iterdir()] == [p.name for p in station_photos.iterdir()]
    # The station's head logs in at the county with the password of the station's file.
    assert main(["station", "list", *as_county, "--user", "boss"]) == 0
    assert "梅林镇社工站" in capsys.readouterr().out

    assert main(move) == 0
    assert "没有做任何更改" in capsys.readouterr().out
    # The file, opened again, says where the station works now.
    assert main(["user", "list", "--db", str(station), "--user", "boss"]) == 0
    assert "迁移到县服务器" in capsys.readouterr().err


def test_a_password_in_the_server_url_is_refused_and_not_shown(
    station: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = "postgresql://owner:s3cret-pw@127.0.0.1:5/county"
    assert main(["station", "migrate", "--from", str(station), "--to", server]) == 2
    shown = capsys.readouterr()
    assert "不要把密码写在 --to 里" in shown.err
    assert "s3cret-pw" not in shown.out + shown.err
