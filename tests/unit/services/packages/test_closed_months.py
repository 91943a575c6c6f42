"""A package does not move a month the county holds as closed (月结) without a reason.

The import writes with Core statements, which the ORM's month lock does not see, so it
checks each row itself: rows dated in a closed month stop the import (nothing written)
unless a person with the right gives a 更正原因, and then each is kept as a correction.
A change the station made under its own correction passes, and so does a conflict
decided for the station only with a reason.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import MonthClosed
from app.services.community.service import ActivityService
from app.services.community.types import ParticipantCounts
from app.services.packages.types import Outcome
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.store.models import Activity, MonthCorrection, Station
from tests.unit.services.activity_flow import activity_input
from tests.unit.services.packages.conftest import PASSWORD, Side, counts

OCTOBER = dt.date(2026, 10, 1)
NOVEMBER_3 = dt.datetime(2026, 11, 3, 9)


def _send(station: Side, folder: Path, name: str) -> Path:
    station.clock.advance(minutes=30)
    package = folder / f"{name}.sdpkg"
    station.packages().export_package(out=package, password=PASSWORD)
    return package


def _county_station(county: Side, code: str = "JX0427") -> int:
    with county.db.read() as session:
        found = session.scalar(select(Station.id).where(Station.code == code))
    assert found is not None
    return found


def _activities(county: Side, station_id: int) -> dict[str, int]:
    with county.db.read() as session:
        rows = session.execute(
            select(Activity.title, Activity.participants_total).where(
                Activity.station_id == station_id
            )
        )
        return {title: total for title, total in rows}


@pytest.fixture
def october_closed_at_county(county: Side, station: Side, tmp_path: Path) -> int:
    """The station's October activity reached the county, which then closed October."""
    station.clock.set(dt.datetime(2026, 10, 5, 9))
    ActivityService(station.db, station.actor).create(
        activity_input(title="重阳节敬老活动", held_on=dt.date(2026, 10, 5))
    )
    county.packages().import_package(source=_send(station, tmp_path, "1"), password=PASSWORD)
    station_id = _county_station(county)
    county.clock.set(NOVEMBER_3)
    MonthCloseService(county.db, county.actor).close(OCTOBER, station_id=station_id)
    station.clock.set(NOVEMBER_3)
    return station_id


def test_a_late_october_record_stops_the_import_and_changes_nothing(
    county: Side, station: Side, tmp_path: Path, october_closed_at_county: int
) -> None:
    ActivityService(station.db, station.actor).create(
        activity_input(title="补录的十月活动", held_on=dt.date(2026, 10, 20))
    )
    ActivityService(station.db, station.actor).create(
        activity_input(title="十一月活动", held_on=dt.date(2026, 11, 2))
    )
    package = _send(station, tmp_path, "2")

    preview = county.packages().import_package(source=package, password=PASSWORD, dry_run=True)
    assert preview.closed_months == ((OCTOBER, 1),)
    assert "2026年10月 1 条" in preview.text()
    before = counts(county.db)
    with pytest.raises(MonthClosed, match="已月结的月份（2026年10月 1 条）"):
        county.packages().import_package(source=package, password=PASSWORD)
    assert counts(county.db) == before


def test_with_a_reason_the_rows_go_in_as_corrections_and_the_signed_figures_stay(
    county: Side, station: Side, tmp_path: Path, october_closed_at_county: int
) -> None:
    station_id = october_closed_at_county
    reports = ReportService(county.db, county.actor)
    signed = reports.monthly(OCTOBER, station_id).figures
    ActivityService(station.db, station.actor).create(
        activity_input(title="补录的十月活动", held_on=dt.date(2026, 10, 20))
    )
    package = _send(station, tmp_path, "2")

    with MonthCloseService(county.db, county.actor).correcting("站点补录十月的社区活动"):
        result = county.packages().import_package(source=package, password=PASSWORD)

    assert result.outcome is Outcome.APPLIED
    assert result.closed_months == ((OCTOBER, 1),)
    assert "补录的十月活动" in _activities(county, station_id)
    with county.db.read() as session:
        [correction] = session.scalars(select(MonthCorrection)).all()
        added = session.scalar(select(Activity.id).where(Activity.title == "补录的十月活动"))
    assert (correction.entity, correction.entity_id, correction.action) == (
        "activities",
        added,
        "insert",
    )
    assert correction.reason == "站点补录十月的社区活动"
    assert correction.effective_on == dt.date(2026, 10, 20)
    assert reports.monthly(OCTOBER, station_id).figures == signed
    diff = MonthCloseService(county.db, county.actor).diff(OCTOBER, station_id)
    assert any(f.key == "activities" for f in diff.figures)


def test_a_change_the_station_corrected_itself_passes(
    county: Side, station: Side, tmp_path: Path
) -> None:
    station.clock.set(dt.datetime(2026, 10, 5, 9))
    activities = ActivityService(station.db, station.actor)
    saved = activities.create(activity_input(title="重阳节敬老活动", held_on=dt.date(2026, 10, 5)))
    station.clock.set(NOVEMBER_3)
    MonthCloseService(station.db, station.actor).close(OCTOBER)
    county.packages().import_package(source=_send(station, tmp_path, "1"), password=PASSWORD)
    with MonthCloseService(station.db, station.actor).correcting("参与人数记错了"):
        activities.update(
            saved.activity_id,
            version=saved.version,
            data=activity_input(title="重阳节敬老活动", held_on=dt.date(2026, 10, 5),
                                participants=ParticipantCounts(total=40)),
        )  # fmt: skip

    result = county.packages().import_package(
        source=_send(station, tmp_path, "2"), password=PASSWORD
    )

    assert result.outcome is Outcome.APPLIED and result.closed_months == ()
    assert _activities(county, _county_station(county))["重阳节敬老活动"] == 40
    with county.db.read() as session:
        reasons = session.scalars(select(MonthCorrection.reason)).all()
    assert reasons == ["参与人数记错了"]  # the station's own, not one made at the county


def test_a_conflict_decided_for_the_station_in_a_closed_month_needs_a_reason(
    county: Side, station: Side, tmp_path: Path, october_closed_at_county: int
) -> None:
    station_id = october_closed_at_county
    with county.db.write() as session:
        row = session.scalar(select(Activity).where(Activity.station_id == station_id))
        assert row is not None
        row.place = "县里核实的地点"  # narrative: no correction needed at the county
    activities = ActivityService(station.db, station.actor)
    with station.db.read() as session:
        local = session.scalar(select(Activity))
    assert local is not None
    # The station has not closed October itself: its own edit needs no reason there.
    activities.update(
        local.id,
        version=local.version,
        data=activity_input(title="重阳节敬老活动", held_on=dt.date(2026, 10, 5),
                            place="站点改的地点", participants=ParticipantCounts(total=50)),
    )  # fmt: skip
    county.packages().import_package(source=_send(station, tmp_path, "2"), password=PASSWORD)
    [conflict] = county.packages().conflicts()
    # Only the place conflicts; the count, which only the station changed, goes in with the
    # decision, and so the decision needs the reason.
    assert {f.field for f in conflict.fields} == {"place"}
    assert ("participants_total", "station") in {(m.field, m.side) for m in conflict.merged}
    choices = {"place": "station"}

    with pytest.raises(MonthClosed):
        county.packages().resolve(conflict.id, choices=choices)
    assert _activities(county, station_id)["重阳节敬老活动"] == 36

    with MonthCloseService(county.db, county.actor).correcting("核实后按站点的人数"):
        county.packages().resolve(conflict.id, choices=choices)
    assert _activities(county, station_id)["重阳节敬老活动"] == 50
    with county.db.read() as session:
        [correction] = session.scalars(select(MonthCorrection)).all()
    assert (correction.entity, correction.action) == ("activities", "update")


def test_a_field_merged_into_a_closed_month_needs_a_reason_too(
    county: Side, station: Side, tmp_path: Path, october_closed_at_county: int
) -> None:
    """The county changed the place, the station the count: no conflict, but the count of a
    closed month moves, so the merge waits for a reason as a plain change would."""
    station_id = october_closed_at_county
    with county.db.write() as session:
        row = session.scalar(select(Activity).where(Activity.station_id == station_id))
        assert row is not None
        row.place = "县里核实的地点"
    with station.db.read() as session:
        local = session.scalar(select(Activity))
    assert local is not None
    ActivityService(station.db, station.actor).update(
        local.id,
        version=local.version,
        data=activity_input(title="重阳节敬老活动", held_on=dt.date(2026, 10, 5),
                            participants=ParticipantCounts(total=50)),
    )  # fmt: skip
    package = _send(station, tmp_path, "2")
    preview = county.packages().import_package(source=package, password=PASSWORD, dry_run=True)
    assert (preview.counts.merged, preview.counts.conflicts) == (1, 0)
    assert preview.closed_months == ((OCTOBER, 1),)

    with pytest.raises(MonthClosed):
        county.packages().import_package(source=package, password=PASSWORD)
    assert _activities(county, station_id)["重阳节敬老活动"] == 36

    with MonthCloseService(county.db, county.actor).correcting("核实后按站点的人数"):
        county.packages().import_package(source=package, password=PASSWORD)
    assert _activities(county, station_id)["重阳节敬老活动"] == 50
    with county.db.read() as session:
        place = session.scalar(select(Activity.place).where(Activity.station_id == station_id))
    assert place == "县里核实的地点"
