"""A station's package reaches the county, and the county's answer comes back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.services.packages.types import Outcome
from app.store.models import Client, Station
from tests.unit.services.case_flow import new_client
from tests.unit.services.packages.conftest import PASSWORD, Side


def test_a_new_station_s_records_arrive_at_the_county(
    county: Side, station: Side, tmp_path: Path
) -> None:
    client_id = new_client(station.db, station.actor, "张桂兰", seq=11)
    out = tmp_path / "1.sdpkg"
    exported = station.packages().export_package(out=out, password=PASSWORD)
    assert exported.sequence == 1
    assert exported.per_table["clients"] == 1

    result = county.packages().import_package(source=out, password=PASSWORD)

    assert result.outcome is Outcome.APPLIED
    with station.db.read() as session:
        uuid = session.scalar(select(Client.uuid).where(Client.id == client_id))
    with county.db.read() as session:
        client = session.scalar(select(Client).where(Client.uuid == uuid))
        assert client is not None
        code = session.scalar(select(Station.code).where(Station.id == client.station_id))
    assert (client.name, code) == ("张桂兰", "JX0427")
    assert result.counts.new >= 1
