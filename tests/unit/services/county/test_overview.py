"""县级总览: each station's October 2026 (tests/unit/services/report_records.py) side by
side, a closed month as stored, the last data package and the open conflicts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event, select

from app.domain.clock import FixedClock
from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.exports.county_model import CountyOverview, StationOverview
from app.services.context import Actor
from app.services.county.service import CountyService
from app.services.reports import stored
from app.services.reports.closing import MonthCloseService
from app.store.engine import Database
from app.store.models import MonthClose, PackageConflict, PackageLog, Station
from tests.unit.services.report_records import MONTH, Known, build

UTC = dt.UTC


@pytest.fixture
def known(db: Database, admin: Actor) -> Known:
    return build(db, admin)


@pytest.fixture
def county(db: Database, admin: Actor, known: Known) -> CountyService:
    return CountyService(db, admin)


def _by_code(overview: CountyOverview) -> dict[str, StationOverview]:
    return {s.station.code: s for s in overview.stations}


def _close_october(db: Database, admin: Actor, station_id: int) -> None:
    november = db.with_clock(FixedClock(dt.datetime(2026, 11, 3, 9, 0)))
    MonthCloseService(november, admin).close(MONTH, station_id=station_id)


def _log(db: Database, station_id: int, sequence: int, status: str, day: int) -> None:
    with db.write() as session:
        session.add(
            PackageLog(
                station_id=station_id, direction="import", package_id=f"p{station_id}-{sequence}",
                sequence=sequence, status=status,
                created_at=dt.datetime(2026, 11, day, 1, 0, tzinfo=UTC),
                logged_at=dt.datetime(2026, 11, day + 1, 2, 0, tzinfo=UTC),
            )
        )  # fmt: skip


def _conflict(db: Database, station_id: int, status: str) -> None:
    with db.write() as session:
        session.add(
            PackageConflict(
                station_id=station_id, package_id="p", entity="clients", record_uuid="u",
                fields="[]", station_row="{}", station_version=2, county_version=3,
                status=status,
            )
        )  # fmt: skip


def test_every_station_with_its_key_figures(county: CountyService, known: Known) -> None:
    overview = county.overview(dt.date(2026, 10, 17))
    assert overview.month == MONTH
    assert overview.keys[:3] == ("cases_new", "cases_open", "service_records")
    assert overview.labels[0] == "本月新接个案（个）"
    rows = _by_code(overview)
    own = dict(zip(overview.keys, rows["JX0426"].values, strict=True))
    # Worked out by hand in report_records: K3, K5 new; K1, K4, K8 open; 4 records.
    assert (own["cases_new"], own["cases_open"], own["service_records"]) == (2, 3, 4)
    assert (own["activities"], own["visit_households"]) == (2, 3)
    assert own["volunteer_hours"] == Decimal("7.00")
    other = dict(zip(overview.keys, rows["JX0427"].values, strict=True))
    assert (other["cases_new"], other["cases_open"], other["service_records"]) == (1, 1, 1)
    assert overview.totals[:3] == (3, 4, 5)
    for row in overview.stations:
        assert (row.closed_at, row.package, row.open_conflicts) == (None, None, 0)


def test_a_closed_month_shows_its_stored_figures(
    db: Database, admin: Actor, county: CountyService, known: Known
) -> None:
    _close_october(db, admin, known.other_station_id)
    # What was signed stays, even where the stored text differs from a count made now;
    # a figure the closing did not store yet (an older report) is not counted.
    with db.write() as session:
        closing = session.scalar(select(MonthClose))
        assert closing is not None
        report = stored.loads(closing.figures)
        figures = tuple(
            dataclasses.replace(f, value=9) if f.key == "cases_new" else f
            for f in report.figures
            if f.key != "volunteer_hours"
        )
        closing.figures = stored.dumps(dataclasses.replace(report, figures=figures))
    overview = county.overview(MONTH)
    rows = _by_code(overview)
    other = rows["JX0427"]
    values = dict(zip(overview.keys, other.values, strict=True))
    assert values["cases_new"] == 9
    assert values["volunteer_hours"] is None
    assert other.closed_at == dt.datetime(2026, 11, 3, 9, 0)
    assert rows["JX0426"].closed_at is None
    assert overview.closed == 1
    assert overview.totals[0] == 2 + 9
    assert overview.totals[-1] == Decimal("7.00")  # the closed station's is not counted


def test_last_package_and_open_conflicts(db: Database, county: CountyService, known: Known) -> None:
    other = known.other_station_id
    _log(db, other, 1, "applied", 2)
    _log(db, other, 2, "applied", 9)
    _log(db, other, 4, "held", 20)  # waits for number 3
    _conflict(db, other, "open")
    _conflict(db, other, "open")
    _conflict(db, other, "resolved")
    rows = _by_code(county.overview(MONTH))
    package = rows["JX0427"].package
    assert package is not None
    assert package.sequence == 2
    assert package.made_at == dt.datetime(2026, 11, 9, 1, 0, tzinfo=UTC).astimezone().replace(
        tzinfo=None
    )
    assert package.received_at.date() == dt.date(2026, 11, 10)
    assert package.held == 1
    assert rows["JX0427"].open_conflicts == 2
    assert rows["JX0426"].package is None


def test_queries_do_not_grow_with_the_stations(
    db: Database, admin: Actor, county: CountyService, known: Known
) -> None:
    def statements() -> int:
        seen: list[str] = []

        def count(*_args: object) -> None:
            seen.append("")

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            county.overview(MONTH)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(seen)

    two = statements()
    with db.write() as session:
        for n in range(5):
            session.add(Station(code=f"JX05{n}", name=f"站{n}", created_by_id=admin.user_id))
    _close_october(db, admin, known.station_id)
    _close_october(db, admin, known.other_station_id)
    assert statements() == two
    assert len(county.overview(MONTH).stations) == 7


def test_only_the_county_administrator(
    db: Database, county: CountyService, make_actor: Callable[..., Actor]
) -> None:
    assert county.is_county()
    head = make_actor(Role.HEAD)
    assert not CountyService(db, head).is_county()
    with pytest.raises(PermissionDenied):
        CountyService(db, head).overview(MONTH)
    with pytest.raises(PermissionDenied):
        CountyService(db, make_actor(Role.WORKER)).overview(MONTH)


def test_one_station_is_no_county(db: Database, admin: Actor) -> None:
    assert not CountyService(db, admin).is_county()


def test_overview_workbook(
    db: Database, admin: Actor, county: CountyService, known: Known, tmp_path: Path
) -> None:
    _close_october(db, admin, known.other_station_id)
    _log(db, known.other_station_id, 3, "applied", 9)
    path = tmp_path / "总览.xlsx"
    county.write_overview(MONTH, path)
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = [tuple(r) for r in book["汇总"].iter_rows(values_only=True)]
    finally:
        book.close()
    assert rows[0][0] == "2026年10月 县级总览"
    header = rows[3]
    assert header[:3] == ("站点代码", "站点", "本月新接个案（个）")
    assert header[-4:] == ("月结", "最近数据包", "收到日期", "待处理冲突")
    by_code = {r[0]: r for r in rows[4:]}
    assert by_code["JX0426"][2:5] == (2, 3, 4)
    assert by_code["JX0426"][-4] == "未月结"
    assert by_code["JX0427"][-4] == "已月结 2026-11-03"
    assert by_code["JX0427"][-3] == "第 3 号"
    assert by_code["JX0427"][-2] == dt.datetime(2026, 11, 10)
    assert rows[-1][1] == "合计" and rows[-1][2] == 3
