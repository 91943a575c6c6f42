"""A county of three stations: two offline (their own SQLite files, sending packages) and
one working online on the county's database. Two rounds of records both ways, a conflict
decided by a person, a deletion; then the county's summary of October must equal every
station's own October report, figure by figure, and so their sum.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.services.cases.service import CaseService
from app.services.cases.types import ServiceRecordInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.reports.service import ReportService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput
from app.store.engine import Database
from app.store.models import Client, Station
from tests.consents import consent_to_services
from tests.unit.services.activity_flow import activity_input
from tests.unit.services.case_flow import open_case
from tests.unit.services.conftest import id_number
from tests.unit.services.packages.conftest import PASSWORD, Side

OCTOBER = dt.date(2026, 10, 1)


def work(db: Database, actor: Actor, *, seq: int, day: dt.date) -> int:
    """A day's work of a station: two clients, a case with a contact, an activity and a
    visit. Returns the first client's id."""
    clients = ClientService(db, actor)
    ids = []
    for n, category in enumerate(("dibao_rural", "tekun_scattered")):
        data = ClientInput(
            name=f"测试{seq + n}号", id_number=id_number("19480512", seq + n),
            address="梅林村1组", categories=(category,),
        )  # fmt: skip
        ids.append(clients.create(data).id)
    consent_to_services(db, actor, ids[0], on=day)
    cases = CaseService(db, actor)
    # An urgent case may be served before its plan: the report counts the contact.
    case_id, version = open_case(cases, ids[0], intake_date=day, urgency="urgent")
    record = ServiceRecordInput(served_on=day, mode="interview", duration_min=45)
    cases.add_service_record(case_id, version=version, data=record)
    ActivityService(db, actor).create(activity_input(held_on=day))
    VisitService(db, actor).add(
        VisitInput(visited_on=day, visit_type="routine", client_ids=(ids[0],))
    )
    return ids[0]


def send(station: Side, county: Side, folder: Path, name: str) -> None:
    """Package out, into the county, and the return package back."""
    station.clock.advance(minutes=30)
    package, back = folder / f"{name}.sdpkg", folder / f"{name}-back.sdpkg"
    station.packages().export_package(out=package, password=PASSWORD)
    county.packages().import_package(source=package, password=PASSWORD)
    county.packages().export_return(station_code=_code(station), out=back, password=PASSWORD)
    station.packages().import_return(source=back, password=PASSWORD)


def _code(side: Side) -> str:
    with side.db.read() as session:
        code = session.scalar(select(Station.code).where(Station.id == side.actor.station_id))
    assert code is not None
    return code


def own_figures(side: Side, station_id: int | None = None) -> dict[str, Decimal]:
    report = ReportService(side.db, side.actor).monthly(OCTOBER, station_id)
    return {f.key: Decimal(str(f.value)) for f in report.figures}


def test_the_county_summary_is_the_sum_of_the_stations_own_reports(
    county: Side, make_station: Callable[[str, str], Side], tmp_path: Path
) -> None:
    east = make_station("JX0427", "东港镇社工站")
    west = make_station("JX0428", "新桥镇社工站")
    online = county  # 梅林镇 (JX0426) works on the county's database itself

    # Round 1: early October.
    for side, seq in ((east, 100), (west, 200), (online, 300)):
        side.clock.set(dt.datetime(2026, 10, 5, 9))
        work(side.db, side.actor, seq=seq, day=dt.date(2026, 10, 5))
    shared_client = work(east.db, east.actor, seq=110, day=dt.date(2026, 10, 5))
    send(east, county, tmp_path, "east-1")
    send(west, county, tmp_path, "west-1")

    # Between rounds the county corrects a phone the east station also changes.
    with east.db.read() as session:
        shared_uuid = session.scalar(select(Client.uuid).where(Client.id == shared_client))
    with county.db.write() as session:
        row = session.scalar(select(Client).where(Client.uuid == shared_uuid))
        assert row is not None
        row.phone = "13800000001"
    east.clock.set(dt.datetime(2026, 10, 20, 9))
    west.clock.set(dt.datetime(2026, 10, 20, 9))
    online.clock.set(dt.datetime(2026, 10, 20, 9))
    clients = ClientService(east.db, east.actor)
    saved = clients.get(shared_client)
    data = ClientInput(name=saved.name, phone="13900000002", address="梅林村2组",
                       categories=("dibao_rural",))  # fmt: skip
    clients.update(shared_client, version=saved.version, data=data)

    # Round 2: later in October, and the west station drops an activity entered twice.
    for side, seq in ((east, 120), (west, 220), (online, 320)):
        work(side.db, side.actor, seq=seq, day=dt.date(2026, 10, 18))
    twice = ActivityService(west.db, west.actor).create(
        activity_input(held_on=dt.date(2026, 10, 19))
    )
    send(west, county, tmp_path, "west-2a")
    ActivityService(west.db, west.actor).delete(twice.activity_id, version=twice.version)
    send(east, county, tmp_path, "east-2")
    send(west, county, tmp_path, "west-2b")

    [conflict] = county.packages().conflicts()
    # Against the row last exchanged: only the phone both sides changed waits for a person;
    # the address only the station changed goes in with the decision.
    assert {f.field: (f.county, f.station) for f in conflict.fields} == {
        "phone": ("13800000001", "13900000002"),
    }
    assert [(m.field, m.side) for m in conflict.merged] == [("address", "station")]
    county.packages().resolve(conflict.id, choices={"phone": "station"})

    summary = ReportService(county.db, county.actor).county_summary(OCTOBER)
    at_county = {
        s.station.code: {k: Decimal(str(v)) for k, v in zip(summary.keys, s.values, strict=True)}
        for s in summary.stations
    }
    own = {
        "JX0427": own_figures(east),
        "JX0428": own_figures(west),
        "JX0426": own_figures(online),
    }
    for code, figures in own.items():
        assert at_county[code] == figures, code
    county_total: Counter[str] = Counter()
    station_total: Counter[str] = Counter()
    for code in own:
        county_total.update(at_county[code])
        station_total.update(own[code])
    assert county_total == station_total
    # Counted by hand: east worked three times, west and online twice; the activity west
    # entered twice reached the county and then its deletion did.
    assert county_total["service_records"] == 7
    assert [at_county[c]["activities"] for c in ("JX0426", "JX0427", "JX0428")] == [2, 3, 2]
