"""A record both sides changed waits for a person, who picks each field's value."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.store.models import Client, PackageConflict
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSWORD, Side


@pytest.fixture
def both_changed(county: Side, station: Side, tmp_path: Path) -> tuple[str, Path]:
    """A client the county has from package 1, then changed on both sides."""
    client_id = new_client(station.db, station.actor, "张桂兰", seq=11)
    station.clock.advance(minutes=5)
    first = tmp_path / "1.sdpkg"
    station.packages().export_package(out=first, password=PASSWORD)
    county.packages().import_package(source=first, password=PASSWORD)
    with station.db.read() as session:
        uuid = session.scalar(select(Client.uuid).where(Client.id == client_id))
    assert uuid is not None
    with county.db.write() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
        assert client is not None
        client.phone, client.notes = "13800000001", "县里核实过电话"
    clients = ClientService(station.db, station.actor)
    saved = clients.get(client_id)
    data = ClientInput(
        name="张桂兰", phone="13900000002", address="梅林村3组", notes="县里核实过电话"
    )
    clients.update(client_id, version=saved.version, data=data)
    station.clock.advance(minutes=5)
    second = tmp_path / "2.sdpkg"
    station.packages().export_package(out=second, password=PASSWORD)
    return uuid, second


def _county_client(county: Side, uuid: str) -> Client:
    with county.db.read() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
    assert client is not None
    return client


def test_a_change_on_both_sides_is_a_conflict_not_an_overwrite(
    county: Side, both_changed: tuple[str, Path]
) -> None:
    uuid, second = both_changed
    preview = county.packages().import_package(source=second, password=PASSWORD, dry_run=True)
    assert preview.counts.conflicts == 1

    result = county.packages().import_package(source=second, password=PASSWORD)

    assert result.per_table["clients"].conflicts == 1
    assert _county_client(county, uuid).phone == "13800000001"
    [conflict] = county.packages().conflicts()
    assert conflict.entity_label == "服务对象"
    diffs = {f.field: (f.county, f.station) for f in conflict.fields}
    # Only what differs is listed: both sides wrote the same note.
    assert diffs == {"phone": ("13800000001", "13900000002")}


def test_the_person_s_choice_is_applied_and_the_conflict_closes(
    county: Side, both_changed: tuple[str, Path]
) -> None:
    uuid, second = both_changed
    county.packages().import_package(source=second, password=PASSWORD)
    [conflict] = county.packages().conflicts()
    before = _county_client(county, uuid).version

    county.packages().resolve(conflict.id, choices={"phone": "station"})

    client = _county_client(county, uuid)
    assert (client.phone, client.notes) == ("13900000002", "县里核实过电话")
    assert client.version > before
    assert county.packages().conflicts() == []
    with county.db.read() as session:
        status = session.scalar(select(PackageConflict.status))
    assert status == "resolved"


def test_a_choice_must_cover_every_field(county: Side, both_changed: tuple[str, Path]) -> None:
    _uuid, second = both_changed
    county.packages().import_package(source=second, password=PASSWORD)
    [conflict] = county.packages().conflicts()
    with pytest.raises(InvalidInput, match="还差：phone"):
        county.packages().resolve(conflict.id, choices={})


def test_after_the_decision_the_station_s_next_change_applies(
    county: Side, station: Side, both_changed: tuple[str, Path], tmp_path: Path
) -> None:
    uuid, second = both_changed
    county.packages().import_package(source=second, password=PASSWORD)
    [conflict] = county.packages().conflicts()
    county.packages().resolve(conflict.id, choices={"phone": "county"})
    clients = ClientService(station.db, station.actor)
    with station.db.read() as session:
        client_id = session.scalar(select(Client.id).where(Client.uuid == uuid))
    assert client_id is not None
    saved = clients.get(client_id)
    data = ClientInput(name="张桂兰", phone="13800000001", address="梅林村5组", notes="搬家")
    clients.update(client_id, version=saved.version, data=data)
    station.clock.advance(minutes=5)
    third = tmp_path / "3.sdpkg"
    station.packages().export_package(out=third, password=PASSWORD)

    result = county.packages().import_package(source=third, password=PASSWORD)

    assert result.per_table["clients"].changed == 1
    assert result.counts.conflicts == 0
    assert _county_client(county, uuid).address == "梅林村5组"
