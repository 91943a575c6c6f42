"""Three-way merge: against the row last exchanged, only a field both sides changed to
different values waits for a person; the rest merges on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.packages.merging import three_way
from app.services.packages.tables import spec_named
from app.services.packages.types import Outcome
from app.store.models import Client, PackageBase
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSWORD, Side, counts

BASE = {"name": "张桂兰", "phone": "1", "address": "梅林村3组", "notes": ""}


def test_the_rules_field_by_field() -> None:
    spec = spec_named("clients")
    county = {**BASE, "phone": "county", "notes": "same"}
    station = {**BASE, "address": "station", "notes": "same"}
    merge = three_way(spec, BASE, county, station)
    assert merge.taken == ("address",)
    assert merge.kept == ("phone",)
    assert merge.conflicts == ()
    clash = three_way(spec, BASE, county, {**station, "phone": "station"})
    assert clash.conflicts == (("phone", "county", "station"),)
    assert clash.merged() == [("address", "station")]


def test_bookkeeping_never_conflicts() -> None:
    spec = spec_named("clients")
    county = {**BASE, "version": 7, "updated_at": "2026-10-06T09:00:00+00:00"}
    station = {**BASE, "version": 3, "updated_at": "2026-10-05T09:00:00+00:00"}
    merge = three_way(spec, BASE, county, station)
    assert (merge.taken, merge.kept, merge.conflicts) == ((), (), ())


@pytest.fixture
def exchanged(county: Side, station: Side, tmp_path: Path) -> tuple[int, str]:
    """(station id, uuid) of a client the county has from the station's first package."""
    client_id = new_client(station.db, station.actor, "张桂兰", seq=11)
    send(station, county, tmp_path / "1.sdpkg")
    with station.db.read() as session:
        uuid = session.scalar(select(Client.uuid).where(Client.id == client_id))
    assert uuid is not None
    return client_id, uuid


def send(station: Side, county: Side, path: Path, *, dry_run: bool = False) -> Any:
    station.clock.advance(minutes=5)
    if not path.exists():
        station.packages().export_package(out=path, password=PASSWORD)
    return county.packages().import_package(source=path, password=PASSWORD, dry_run=dry_run)


def at_station(station: Side, client_id: int, **fields: Any) -> None:
    clients = ClientService(station.db, station.actor)
    saved = clients.get(client_id)
    data = ClientInput(**{"name": "张桂兰", "address": "梅林村3组", **fields})
    clients.update(client_id, version=saved.version, data=data)


def at_county(county: Side, uuid: str, **fields: Any) -> None:
    with county.db.write() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
        assert client is not None
        for name, value in fields.items():
            setattr(client, name, value)


def county_client(county: Side, uuid: str) -> Client:
    with county.db.read() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
    assert client is not None
    return client


def test_a_field_only_the_station_changed_is_taken_and_the_county_s_kept(
    county: Side, station: Side, exchanged: tuple[int, str], tmp_path: Path
) -> None:
    client_id, uuid = exchanged
    at_county(county, uuid, notes="县里核实过")
    at_station(station, client_id, address="梅林村5组")
    package = tmp_path / "2.sdpkg"

    preview = send(station, county, package, dry_run=True)
    result = send(station, county, package)

    assert (preview.counts.merged, preview.counts.conflicts) == (1, 0)
    assert (result.per_table["clients"].merged, result.counts.conflicts) == (1, 0)
    client = county_client(county, uuid)
    assert (client.address, client.notes) == ("梅林村5组", "县里核实过")
    assert county.packages().conflicts() == []


def test_a_field_only_the_county_changed_stays_on_the_next_package_too(
    county: Side, station: Side, exchanged: tuple[int, str], tmp_path: Path
) -> None:
    client_id, uuid = exchanged
    at_county(county, uuid, notes="县里核实过")
    at_station(station, client_id, address="梅林村5组")
    send(station, county, tmp_path / "2.sdpkg")
    # The station still has its old note: the county's stays, the new address goes in.
    at_station(station, client_id, address="梅林村6组")
    result = send(station, county, tmp_path / "3.sdpkg")

    assert result.counts.conflicts == 0
    client = county_client(county, uuid)
    assert (client.address, client.notes) == ("梅林村6组", "县里核实过")


def test_both_changed_the_same_field_differently_is_the_only_conflict(
    county: Side, station: Side, exchanged: tuple[int, str], tmp_path: Path
) -> None:
    client_id, uuid = exchanged
    at_county(county, uuid, phone="13800000001", notes="县里核实过")
    at_station(station, client_id, phone="13900000002", address="梅林村5组")

    preview = send(station, county, tmp_path / "2.sdpkg", dry_run=True)
    send(station, county, tmp_path / "2.sdpkg")

    assert (preview.counts.conflicts, preview.counts.merged) == (1, 0)
    [conflict] = county.packages().conflicts()
    assert [(f.field, f.county, f.station) for f in conflict.fields] == [
        ("phone", "13800000001", "13900000002")
    ]
    assert {(m.field, m.side) for m in conflict.merged} == {
        ("address", "station"), ("notes", "county"),
    }  # fmt: skip
    assert county_client(county, uuid).address == "梅林村3组"  # nothing until decided

    county.packages().resolve(conflict.id, choices={"phone": "county"})

    client = county_client(county, uuid)
    assert (client.phone, client.address, client.notes) == (
        "13800000001",
        "梅林村5组",
        "县里核实过",
    )


def test_both_changed_to_the_same_value_is_no_conflict(
    county: Side, station: Side, exchanged: tuple[int, str], tmp_path: Path
) -> None:
    client_id, uuid = exchanged
    at_county(county, uuid, phone="13800000001")
    at_station(station, client_id, phone="13800000001")

    result = send(station, county, tmp_path / "2.sdpkg")

    clients = result.per_table["clients"]
    assert (clients.conflicts, clients.changed, clients.unchanged) == (0, 0, 1)
    assert county.packages().conflicts() == []
    assert county_client(county, uuid).phone == "13800000001"


def test_a_base_without_its_row_compares_as_before(
    county: Side, station: Side, exchanged: tuple[int, str], tmp_path: Path
) -> None:
    """A base kept before revision 0017 has no row: every differing field is listed."""
    client_id, uuid = exchanged
    with county.db.write() as session:
        session.execute(update(PackageBase).values(base_row=None))
    at_county(county, uuid, phone="13800000001")
    at_station(station, client_id, phone="13900000002", address="梅林村5组")

    send(station, county, tmp_path / "2.sdpkg")

    [conflict] = county.packages().conflicts()
    assert {f.field for f in conflict.fields} == {"phone", "address"}
    assert conflict.merged == ()


def test_a_merge_keeps_the_base_and_a_second_import_changes_nothing(
    county: Side, station: Side, exchanged: tuple[int, str], tmp_path: Path
) -> None:
    client_id, uuid = exchanged
    at_county(county, uuid, notes="县里核实过")
    at_station(station, client_id, address="梅林村5组")
    package = tmp_path / "2.sdpkg"
    send(station, county, package)
    with county.db.read() as session:
        base = session.scalar(select(PackageBase).where(PackageBase.record_uuid == uuid))
    assert base is not None and base.base_row is not None
    assert '"address":"梅林村5组"' in base.base_row  # the station's row as it came
    before = counts(county.db)

    again = send(station, county, package)

    assert again.outcome is Outcome.ALREADY
    assert counts(county.db) == before
    assert county_client(county, uuid).address == "梅林村5组"
