"""The county's decision on a conflict goes back to the station in the return package."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.packages.types import ReturnImport
from app.store.models import AuditEntry, Client
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSWORD, Side, counts
from tests.unit.services.packages.test_merging import at_county, at_station, send


@pytest.fixture
def decided(county: Side, station: Side, tmp_path: Path) -> tuple[int, str]:
    """(station id, uuid) of a client both sides gave another phone; the county kept its
    own phone, and the station's new address merged in."""
    client_id = new_client(station.db, station.actor, "张桂兰", seq=11)
    send(station, county, tmp_path / "1.sdpkg")
    with station.db.read() as session:
        uuid = session.scalar(select(Client.uuid).where(Client.id == client_id))
    assert uuid is not None
    at_county(county, uuid, phone="13800000001")
    at_station(station, client_id, phone="13900000002", address="梅林村5组")
    send(station, county, tmp_path / "2.sdpkg")
    [conflict] = county.packages().conflicts()
    county.clock.advance(minutes=30)
    county.packages().resolve(conflict.id, choices={"phone": "county"})
    return client_id, uuid


def back(county: Side, station: Side, path: Path) -> ReturnImport:
    county.clock.advance(minutes=5)
    station.clock.advance(minutes=5)
    if not path.exists():
        county.packages().export_return(station_code="JX0427", out=path, password=PASSWORD)
    return station.packages().import_return(source=path, password=PASSWORD)


def station_client(station: Side, client_id: int) -> Client:
    with station.db.read() as session:
        client = session.get(Client, client_id)
    assert client is not None
    return client


def test_the_station_takes_the_county_s_decision_and_lists_it(
    county: Side, station: Side, decided: tuple[int, str], tmp_path: Path
) -> None:
    client_id, uuid = decided
    with county.db.read() as session:
        at_county_version = session.scalar(select(Client.version).where(Client.uuid == uuid))

    result = back(county, station, tmp_path / "r1.sdpkg")

    assert (result.decisions, result.applied) == (1, 1)
    client = station_client(station, client_id)
    assert (client.phone, client.address) == ("13800000001", "梅林村5组")
    assert client.version == at_county_version
    [row] = station.packages().decisions()
    assert (row.entity_label, row.outcome) == ("服务对象", "applied")
    assert [(f.label, f.county, f.station, f.side) for f in row.fields] == [
        ("联系电话", "13800000001", "13900000002", "county")
    ]
    assert row.decided_by  # the county's administrator, by name
    with station.db.read() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "package_decision_received" in actions


def test_a_replayed_or_repeating_return_package_changes_nothing(
    county: Side, station: Side, decided: tuple[int, str], tmp_path: Path
) -> None:
    client_id, _uuid = decided
    back(county, station, tmp_path / "r1.sdpkg")
    before = counts(station.db)
    version = station_client(station, client_id).version

    again = back(county, station, tmp_path / "r1.sdpkg")
    assert again.already
    after = counts(station.db)
    # Only the audit notes the attempt.
    assert after.pop("audit_log") == before.pop("audit_log") + 1
    assert after == before
    # A later return package repeats the decision: it is not taken twice.
    later = back(county, station, tmp_path / "r2.sdpkg")
    assert later.decisions == 0
    assert len(station.packages().decisions()) == 1
    assert station_client(station, client_id).version == version


def test_a_station_that_changed_the_record_since_keeps_its_change(
    county: Side, station: Side, decided: tuple[int, str], tmp_path: Path
) -> None:
    client_id, _uuid = decided
    at_station(station, client_id, phone="13700000003", address="梅林村5组")

    result = back(county, station, tmp_path / "r1.sdpkg")

    assert (result.decisions, result.applied) == (1, 0)
    assert station_client(station, client_id).phone == "13700000003"
    [row] = station.packages().decisions()
    assert row.outcome == "kept"


def test_after_taking_the_decision_the_next_package_is_no_conflict(
    county: Side, station: Side, decided: tuple[int, str], tmp_path: Path
) -> None:
    client_id, uuid = decided
    back(county, station, tmp_path / "r1.sdpkg")
    at_station(station, client_id, phone="13800000001", address="梅林村5组", notes="回访过")

    result = send(station, county, tmp_path / "3.sdpkg")

    assert result.counts.conflicts == 0
    assert result.per_table["clients"].changed == 1
    with county.db.read() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
    assert client is not None
    assert (client.phone, client.notes) == ("13800000001", "回访过")
