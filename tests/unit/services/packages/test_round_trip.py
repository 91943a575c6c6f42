"""A station's package reaches the county, and the county's answer comes back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.codes import CodeList
from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.community.photos import ActivityPhotoService
from app.services.community.service import ActivityService
from app.services.packages.types import Outcome
from app.services.settings.codes import CodeService
from app.store import search
from app.store.models import Activity, ActivityPhoto, Client, CodeItem, Station, User
from tests.unit.services.activity_flow import activity_input, make_photo
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSWORD, Side, counts


def _export(side: Side, path: Path) -> Path:
    side.packages().export_package(out=path, password=PASSWORD)
    return path


def _client_uuid(side: Side, client_id: int) -> str:
    with side.db.read() as session:
        found = session.scalar(select(Client.uuid).where(Client.id == client_id))
    assert found is not None
    return found


def test_a_new_station_s_records_arrive_at_the_county_under_its_code(
    county: Side, station: Side, tmp_path: Path
) -> None:
    client_id = new_client(station.db, station.actor, "张桂兰", seq=11)
    out = tmp_path / "1.sdpkg"
    exported = station.packages().export_package(out=out, password=PASSWORD)
    assert (exported.sequence, exported.per_table["clients"]) == (1, 1)

    result = county.packages().import_package(source=out, password=PASSWORD)

    assert result.outcome is Outcome.APPLIED
    with county.db.read() as session:
        client = session.scalar(
            select(Client).where(Client.uuid == _client_uuid(station, client_id))
        )
        assert client is not None
        code = session.scalar(select(Station.code).where(Station.id == client.station_id))
    assert (client.name, code) == ("张桂兰", "JX0427")
    assert result.counts.new == exported.rows - result.counts.changed
    # The villages the county typed when it added the station are the station's own.
    assert result.per_table["villages"].changed == 3


def test_the_county_finds_the_new_clients_by_name(
    county: Side, station: Side, tmp_path: Path
) -> None:
    new_client(station.db, station.actor, "欧阳桂兰", seq=11)
    county.packages().import_package(
        source=_export(station, tmp_path / "1.sdpkg"), password=PASSWORD
    )
    with county.db.read() as session:
        condition = search.matching(session, "欧阳")
        assert condition is not None
        found = list(session.scalars(select(Client.name).where(condition)))
    assert found == ["欧阳桂兰"]


def test_the_same_package_twice_changes_nothing(
    county: Side, station: Side, tmp_path: Path
) -> None:
    new_client(station.db, station.actor, "张桂兰", seq=11)
    package = _export(station, tmp_path / "1.sdpkg")
    county.packages().import_package(source=package, password=PASSWORD)
    before = counts(county.db)

    again = county.packages().import_package(source=package, password=PASSWORD)

    assert again.outcome is Outcome.ALREADY
    assert counts(county.db) == before


def test_a_dry_run_counts_without_writing(county: Side, station: Side, tmp_path: Path) -> None:
    new_client(station.db, station.actor, "张桂兰", seq=11)
    new_client(station.db, station.actor, "李秀英", seq=13)
    package = _export(station, tmp_path / "1.sdpkg")
    before = counts(county.db)

    preview = county.packages().import_package(source=package, password=PASSWORD, dry_run=True)

    assert preview.outcome is Outcome.DRY_RUN
    assert preview.per_table["clients"].new == 2
    assert counts(county.db) == before
    applied = county.packages().import_package(source=package, password=PASSWORD)
    assert applied.counts == preview.counts


def test_a_package_ahead_of_its_predecessor_waits_for_it(
    county: Side, station: Side, tmp_path: Path
) -> None:
    first_id = new_client(station.db, station.actor, "张桂兰", seq=11)
    first = _export(station, tmp_path / "1.sdpkg")
    station.clock.advance(hours=1)
    second_id = new_client(station.db, station.actor, "李秀英", seq=13)
    second = _export(station, tmp_path / "2.sdpkg")
    packages = county.packages()

    held = packages.import_package(source=second, password=PASSWORD)
    assert held.outcome is Outcome.HELD
    with county.db.read() as session:
        assert (
            session.scalar(select(Client).where(Client.uuid == _client_uuid(station, second_id)))
            is None
        )

    filled = packages.import_package(source=first, password=PASSWORD)

    assert (filled.outcome, filled.applied_after) == (Outcome.APPLIED, (2,))
    with county.db.read() as session:
        for client_id in (first_id, second_id):
            uuid = _client_uuid(station, client_id)
            assert session.scalar(select(Client.id).where(Client.uuid == uuid)) is not None


def test_the_return_package_acknowledges_and_the_next_export_starts_after_it(
    county: Side, station: Side, tmp_path: Path
) -> None:
    new_client(station.db, station.actor, "张桂兰", seq=11)
    station.clock.advance(minutes=5)
    county.packages().import_package(
        source=_export(station, tmp_path / "1.sdpkg"), password=PASSWORD
    )
    CodeService(county.db, county.actor).add(
        code_list=CodeList.SERVICE_MODE, code="video", label="视频探访"
    )
    back = tmp_path / "back.sdpkg"
    made = county.packages().export_return(station_code="JX0427", out=back, password=PASSWORD)
    assert made.acknowledged == 1

    taken = station.packages().import_return(source=back, password=PASSWORD)

    assert taken.acknowledged == 1
    assert taken.code_items == 1
    with station.db.read() as session:
        labels = set(session.scalars(select(CodeItem.label)))
    assert "视频探访" in labels
    station.clock.advance(days=1)
    new_client(station.db, station.actor, "李秀英", seq=13)
    second = station.packages().export_package(out=tmp_path / "2.sdpkg", password=PASSWORD)
    assert second.sequence == 2
    assert second.per_table.get("clients") == 1
    assert "villages" not in second.per_table
    # The first package's records went: the county has them.
    assert second.since == station.clock.now() - dt.timedelta(days=1)


def test_a_user_the_county_adds_for_the_station_reaches_it(
    county: Side, station: Side, tmp_path: Path
) -> None:
    county.packages().import_package(
        source=_export(station, tmp_path / "1.sdpkg"), password=PASSWORD
    )
    with county.db.write() as session:
        station_id = session.scalar(select(Station.id).where(Station.code == "JX0427"))
        worker = User(
            station_id=station_id, login="jx0427.li", display_name="李霞",
            role=Role.WORKER.value, password_hash="x", must_change_password=True,
        )  # fmt: skip
        session.add(worker)
    back = tmp_path / "back.sdpkg"
    county.packages().export_return(station_code="JX0427", out=back, password=PASSWORD)

    station.packages().import_return(source=back, password=PASSWORD)

    with station.db.read() as session:
        user = session.scalar(select(User).where(User.login == "jx0427.li"))
    assert user is not None
    assert (user.display_name, user.station_id, user.must_change_password) == ("李霞", 1, True)


def test_deleting_an_activity_at_the_station_deletes_it_at_the_county(
    county: Side, station: Side, tmp_path: Path
) -> None:
    saved = ActivityService(station.db, station.actor).create(activity_input())
    county.packages().import_package(
        source=_export(station, tmp_path / "1.sdpkg"), password=PASSWORD
    )
    station.clock.advance(hours=1)
    ActivityService(station.db, station.actor).delete(saved.activity_id, version=saved.version)

    result = county.packages().import_package(
        source=_export(station, tmp_path / "2.sdpkg"), password=PASSWORD
    )

    assert result.per_table["activities"].deleted == 1
    with county.db.read() as session:
        assert session.scalar(select(Activity.id)) is None


def test_photos_travel_with_their_activity(county: Side, station: Side, tmp_path: Path) -> None:
    saved = ActivityService(station.db, station.actor).create(activity_input())
    photos = ActivityPhotoService(station.db, station.actor, folder=station.photos)
    photos.add(saved.activity_id, make_photo(tmp_path / "p.jpg"))

    county.packages().import_package(
        source=_export(station, tmp_path / "1.sdpkg"), password=PASSWORD
    )

    with county.db.read() as session:
        photo = session.scalar(select(ActivityPhoto))
    assert photo is not None
    copied = county.photos / photo.file_name
    assert copied.read_bytes() == (station.photos / photo.file_name).read_bytes()


def test_a_worker_may_not_export(station: Side, tmp_path: Path) -> None:
    worker = replace(station.actor, role=Role.WORKER)
    side = Side(station.db, worker, station.clock, station.photos)
    with pytest.raises(PermissionDenied):
        side.packages().export_package(out=tmp_path / "x.sdpkg", password=PASSWORD)
    assert not (tmp_path / "x.sdpkg").exists()
