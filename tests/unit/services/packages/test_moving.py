"""An offline station's own file moves into the county's database (`station migrate`):
every row and photo, counted and verified, a county-side change never overwritten, and a
damaged photo stopping the move with nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.community.photos import ActivityPhotoService
from app.services.community.service import ActivityService
from app.services.packages import move_checks as checks
from app.services.packages.move_checks import MoveRefused
from app.services.packages.moving import MoveResult, StationMover
from app.services.packages.tables import station_specs
from app.services.settings.setup import SetupService
from app.store.engine import Database
from app.store.models import ActivityPhoto, Client, PackageConflict, Station
from tests.unit.services.activity_flow import activity_input, make_photo
from tests.unit.services.packages.conftest import Side, counts
from tests.unit.services.packages.test_county import send, work

# Ordinary records: they keep their version at the county. (Villages, settings and users
# the county typed itself were taken over by the first package under a newer version.)
PLAIN = ("clients", "cases", "service_records", "activities", "activity_photos", "visits")


def _mover(station: Side, county: Side) -> StationMover:
    return StationMover(
        station.db, county.db, source_photos=station.photos, county_photos=county.photos,
        source_folders=station.folders, county_folders=county.folders,
    )  # fmt: skip


def _photo(station: Side, folder: Path, name: str, day: dt.date) -> None:
    saved = ActivityService(station.db, station.actor).create(activity_input(held_on=day))
    photos = ActivityPhotoService(station.db, station.actor, folder=station.photos)
    photos.add(saved.activity_id, make_photo(folder / name, size=(320, 200 + len(name))))


@pytest.fixture
def sent(county: Side, station: Side, tmp_path: Path) -> Side:
    """A station that sent one package to the county, then went on working offline."""
    work(station.db, station.actor, seq=11, day=dt.date(2026, 10, 5))
    _photo(station, tmp_path, "first.jpg", dt.date(2026, 10, 5))
    send(station, county, tmp_path, "1")
    station.clock.set(dt.datetime(2026, 10, 20, 9))
    work(station.db, station.actor, seq=21, day=dt.date(2026, 10, 19))
    _photo(station, tmp_path, "second.jpg", dt.date(2026, 10, 19))
    return station


def _pairs(db: Database, code: str) -> dict[str, dict[str, int]]:
    """uuid → version of the station's rows, per table."""
    out = {}
    with db.read() as session:
        station_id = session.scalar(select(Station.id).where(Station.code == code))
        for spec in station_specs():
            t = spec.table
            stmt = select(t.c.uuid, t.c.version).where(t.c.station_id == station_id)
            out[spec.name] = {u: v for u, v in session.execute(stmt)}
    return out


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _photo_names(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(ActivityPhoto.file_name).order_by(ActivityPhoto.id)))


def _table(result: MoveResult, name: str) -> tuple[int, int, int]:
    found = next(t for t in result.tables if t.table == name)
    return found.in_file, found.new, found.already


def test_every_row_and_photo_moves_counted_and_verified(county: Side, sent: Side) -> None:
    result = _mover(sent, county).move(server="县服务器")

    assert result.wrote
    # Two rounds of work: the first came in the package, the second is new at the county.
    assert _table(result, "clients") == (4, 2, 2)
    assert _table(result, "activities") == (4, 2, 2)
    assert _table(result, "activity_photos") == (2, 1, 1)
    assert _table(result, "service_records") == (2, 1, 1)
    assert result.total("in_file") == result.total("new") + result.total("already")
    assert (result.total("conflicts"), result.photos) == (0, 2)
    mine, theirs = _pairs(sent.db, "JX0427"), _pairs(county.db, "JX0427")
    for name in PLAIN:
        assert theirs[name] == mine[name], name
    for spec in station_specs():
        assert set(mine[spec.name]) <= set(theirs[spec.name]), spec.name
    for name in _photo_names(sent.db):
        assert _sha(county.photos / name) == _sha(sent.photos / name)
    # The ids are the county's own: its first station's rows came first.
    with county.db.read() as session:
        ids = set(session.scalars(select(Client.id).where(Client.uuid.in_(mine["clients"]))))
    assert len(ids) == 4
    assert "县服务器" in SetupService(sent.db).moved_notice()


def test_running_it_again_changes_nothing(county: Side, sent: Side) -> None:
    first = _mover(sent, county).move()
    before = counts(county.db)
    pairs = _pairs(county.db, "JX0427")

    again = _mover(sent, county).move()

    assert not again.wrote
    assert (again.total("new"), again.total("changed"), again.photos_copied) == (0, 0, 0)
    assert again.total("in_file") == first.total("in_file")
    assert counts(county.db) == before
    assert _pairs(county.db, "JX0427") == pairs


def test_a_dry_run_counts_and_writes_nothing(county: Side, sent: Side) -> None:
    before = counts(county.db)

    preview = _mover(sent, county).move(dry_run=True)

    assert preview.dry_run and _table(preview, "clients") == (4, 2, 2)
    assert counts(county.db) == before
    assert not (county.photos / _photo_names(sent.db)[1]).exists()
    assert SetupService(sent.db).moved_notice() == ""
    done = _mover(sent, county).move()
    assert done.tables == preview.tables


def _uuid(side: Side, name: str) -> str:
    with side.db.read() as session:
        found = session.scalar(select(Client.uuid).where(Client.name == name))
    assert found is not None
    return found


def _county_phone(county: Side, uuid: str, phone: str) -> None:
    with county.db.write() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
        assert client is not None
        client.phone = phone


def test_a_newer_county_change_is_a_conflict_never_overwritten(county: Side, sent: Side) -> None:
    only_county, both = _uuid(sent, "测试11号"), _uuid(sent, "测试12号")
    _county_phone(county, only_county, "13800000001")
    _county_phone(county, both, "13800000002")
    clients = ClientService(sent.db, sent.actor)
    with sent.db.read() as session:
        both_id = session.scalar(select(Client.id).where(Client.uuid == both))
    assert both_id is not None
    saved = clients.get(both_id)
    data = ClientInput(name=saved.name, phone="13900000009", address="梅林村1组")
    clients.update(both_id, version=saved.version, data=data)

    result = _mover(sent, county).move()

    assert next(t for t in result.tables if t.table == "clients").conflicts == 2
    with county.db.read() as session:
        phones = {u: p for u, p in session.execute(select(Client.uuid, Client.phone))}
        waiting = list(
            session.scalars(
                select(PackageConflict.record_uuid).where(PackageConflict.status == "open")
            )
        )
    assert (phones[only_county], phones[both]) == ("13800000001", "13800000002")
    assert sorted(waiting) == sorted([only_county, both])
    assert [c.record_uuid for c in county.packages().conflicts()] == waiting
    # Run again: the same conflicts are not listed twice.
    before = counts(county.db)
    assert _mover(sent, county).move().total("conflicts") == 0
    assert counts(county.db) == before


def _refused(county: Side, sent: Side, words: str) -> None:
    before, pairs = counts(county.db), _pairs(county.db, "JX0427")
    photos = sorted(county.photos.iterdir())
    with pytest.raises(MoveRefused) as refused:
        _mover(sent, county).move()
    assert words in refused.value.message and "没有迁移任何内容" in refused.value.message
    assert counts(county.db) == before
    assert _pairs(county.db, "JX0427") == pairs
    assert sorted(county.photos.iterdir()) == photos
    assert SetupService(sent.db).moved_notice() == ""


def test_a_tampered_photo_stops_the_move(county: Side, sent: Side) -> None:
    (sent.photos / _photo_names(sent.db)[1]).write_bytes(b"not the photo that was added")
    _refused(county, sent, "校验值不符")


def test_a_missing_photo_stops_the_move(county: Side, sent: Side) -> None:
    (sent.photos / _photo_names(sent.db)[1]).unlink()
    _refused(county, sent, "缺少 1 张照片")


def test_a_damaged_photo_at_the_county_rolls_everything_back(county: Side, sent: Side) -> None:
    # The package brought the first photo; the county's copy went bad since.
    (county.photos / _photo_names(sent.db)[0]).write_bytes(b"damaged")
    _refused(county, sent, "核对没有通过")


def test_a_station_the_county_does_not_know_is_refused(
    county: Side, make_station: object, tmp_path: Path
) -> None:
    assert callable(make_station)
    stranger: Side = make_station("JX0499", "远山镇社工站")
    before = counts(county.db)
    with pytest.raises(MoveRefused, match="县数据库中没有站点"):
        _mover(stranger, county).move()
    assert counts(county.db) == before


def test_the_row_check_names_a_table_whose_count_or_versions_differ() -> None:
    mine = {"clients": {"a": 1, "b": 2}, "visits": {"c": 1}}
    checks.verify_rows(mine, {"clients": {"b": 2, "a": 1}, "visits": {"c": 1}})
    with pytest.raises(MoveRefused) as refused:
        checks.verify_rows(mine, {"clients": {"a": 1, "b": 3}, "visits": {}})
    message = refused.value.message
    assert "服务对象（记录版本不符）" in message and "走访（文件 1 条，县里 0 条）" in message
    assert "已回滚" in message
