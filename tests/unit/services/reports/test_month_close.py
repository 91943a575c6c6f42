"""Month close (月结): a signed October stays as it was signed.

October 2026 of a small station, worked out by hand: one urgent case of 陈桂兰 (worker
李社工) opened on 10-05, with service records on 10-06 (60 min), 10-13 (30 min) and
10-20 (45 min): 3 人次, 1 人, 135 min = 2.25 hours. The head 张站长 closes October on
11-02; on 11-10 a record of 10-27 (15 min) that was forgotten is added as a correction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.domain.clock import FixedClock
from app.domain.errors import InvalidInput, MonthClosed, PermissionDenied
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput, ServiceRecordInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.store.models import AuditEntry, MonthClose, MonthCorrection, ServiceRecord
from tests import pdf_reading
from tests.consents import consent_to_services

OCTOBER = dt.date(2026, 10, 1)
NOVEMBER = dt.date(2026, 11, 1)


class Station:
    """The October above, and a clock to move through November."""

    def __init__(self, db: Database, make_actor: Callable[..., Actor]) -> None:
        self.clock = FixedClock(dt.datetime(2026, 10, 5, 9, 0))
        self.db = db.with_clock(self.clock)
        self.worker = make_actor(Role.WORKER, "li", "李社工")
        self.head = make_actor(Role.HEAD, "zhang", "张站长")
        client = ClientService(self.db, self.worker).create(ClientInput(name="陈桂兰"))
        consent_to_services(self.db, self.worker, client.id)
        saved = self.cases(self.worker).open_case(
            OpenCaseInput(
                client_id=client.id,
                intake_date=dt.date(2026, 10, 5),
                source="outreach",
                presenting_problem="独居，近期跌倒，需要紧急介入。",
                urgency="urgent",
            )
        )
        self.case_id, self.version = saved.case_id, saved.version
        for day, minutes in ((6, 60), (13, 30), (20, 45)):
            self.clock.set(dt.datetime(2026, 10, day, 16, 0))
            self.add_record(self.worker, dt.date(2026, 10, day), minutes)

    def cases(self, actor: Actor) -> CaseService:
        return CaseService(self.db, actor)

    def months(self, actor: Actor) -> MonthCloseService:
        return MonthCloseService(self.db, actor)

    def reports(self, actor: Actor) -> ReportService:
        return ReportService(self.db, actor)

    def add_record(self, actor: Actor, day: dt.date, minutes: int) -> int:
        saved = self.cases(actor).add_service_record(
            self.case_id,
            version=self.version,
            data=ServiceRecordInput(served_on=day, mode="home_visit", duration_min=minutes),
        )
        self.version = saved.version
        assert saved.record_id is not None
        return saved.record_id

    def close_october(self) -> None:
        self.clock.set(dt.datetime(2026, 11, 2, 9, 0))
        self.months(self.head).close(OCTOBER, note="已核对")

    def correct(self, reason: str = "漏录10月27日的电话回访") -> int:
        self.clock.set(dt.datetime(2026, 11, 10, 14, 30))
        with self.months(self.head).correcting(reason):
            return self.add_record(self.head, dt.date(2026, 10, 27), 15)


@pytest.fixture
def station(db: Database, make_actor: Callable[..., Actor]) -> Station:
    return Station(db, make_actor)


def figures(station: Station, actor: Actor, month: dt.date = OCTOBER) -> dict[str, object]:
    return {f.key: f.value for f in station.reports(actor).monthly(month).figures}


def refusals(db: Database, login: str) -> list[str]:
    with db.read() as session:
        return list(
            session.scalars(
                select(AuditEntry.detail).where(
                    AuditEntry.action == "refused", AuditEntry.user_login == login
                )
            )
        )


def test_closing_stores_the_month_as_it_is(station: Station) -> None:
    before = figures(station, station.head)
    assert (before["service_records"], before["service_clients"]) == (3, 1)
    assert before["service_hours"] == Decimal("2.25")  # 135 / 60
    station.close_october()
    status = station.months(station.head).status(OCTOBER)
    assert status.closed is not None
    assert status.closed.closed_by == "张站长"
    assert status.closed.closed_at == dt.datetime(2026, 11, 2, 9, 0)
    assert status.closed.note == "已核对"
    assert status.corrections == 0
    report = station.reports(station.head).monthly(OCTOBER)
    assert report.closed == status.closed
    assert figures(station, station.head) == before
    assert not station.months(station.head).status(NOVEMBER).is_closed


def test_a_correction_leaves_the_stored_figures_and_shows_in_the_diff(station: Station) -> None:
    station.close_october()
    record_id = station.correct()
    after = figures(station, station.head)
    assert after["service_records"] == 3  # the stored figure, not 4
    assert after["service_hours"] == Decimal("2.25")
    report = station.reports(station.head).monthly(OCTOBER)
    assert report.corrected_since_close == 1

    diff = station.months(station.head).diff(OCTOBER)
    lines = {line.key: line for line in diff.figures}
    records = lines["service_records"]
    assert (records.stored, records.now, records.difference) == (3, 4, 1)
    assert [c.entity_id for c in records.corrections] == [record_id]
    assert records.corrections[0].note.record.startswith(f"服务记录 #{record_id}（")
    assert "2026-10-27" in records.corrections[0].note.record
    hours = lines["service_hours"]
    assert (hours.stored, hours.now) == (Decimal("2.25"), Decimal("2.50"))  # 150 / 60
    same = lines["service_clients"]
    assert (same.difference, same.corrections) == (0, ())  # still 陈桂兰 alone
    # The head's record counts under the head in 按社工 (a new row, 0 → 1), and under
    # 陈桂兰's village, none (未填写: 3 → 4); she holds no category, so 按类别 stays.
    cells = {line.label: line for line in diff.splits}
    assert (cells["按社工：张站长：服务人次"].stored, cells["按社工：张站长：服务人次"].now) == (
        None,
        1,
    )
    assert (
        cells["按村/社区：未填写：服务人次"].stored,
        cells["按村/社区：未填写：服务人次"].now,
    ) == (3, 4)
    assert cells["按村/社区：未填写：服务人次"].corrections == records.corrections
    assert {line.key for line in diff.changed} == {
        "service_records",
        "service_hours",
        "按社工",
        "按村/社区",
    }

    with station.db.read() as session:
        kept = session.scalars(select(MonthCorrection)).one()
    assert (kept.entity, kept.entity_id, kept.action) == ("service_records", record_id, "insert")
    assert (kept.month, kept.effective_on) == (OCTOBER, dt.date(2026, 10, 27))
    assert kept.reason == "漏录10月27日的电话回访"


def test_the_next_month_lists_the_correction_under_its_notes(station: Station) -> None:
    station.close_october()
    record_id = station.correct()
    station.clock.set(dt.datetime(2026, 12, 3, 10, 0))
    november = station.reports(station.head).monthly(NOVEMBER)
    (note,) = november.corrections
    assert note.month == OCTOBER
    assert note.record.startswith(f"服务记录 #{record_id}")
    assert (note.what, note.reason, note.by) == ("新增", "漏录10月27日的电话回访", "张站长")
    assert note.entered_on == dt.date(2026, 11, 10)
    assert station.months(station.head).corrections_in(NOVEMBER) == (note,)
    # October's own report lists no corrections to earlier months; December none yet.
    assert station.reports(station.head).monthly(OCTOBER).corrections == ()
    assert station.months(station.head).corrections_in(dt.date(2026, 12, 1)) == ()


def test_closing_again_stores_the_new_figures_and_keeps_the_first(station: Station) -> None:
    station.close_october()
    station.correct()
    station.clock.set(dt.datetime(2026, 11, 12, 8, 0))
    station.months(station.head).close(OCTOBER, note="补录后重新月结")
    assert figures(station, station.head)["service_records"] == 4
    status = station.months(station.head).status(OCTOBER)
    assert status.corrections == 0
    assert status.closed is not None and status.closed.note == "补录后重新月结"
    with station.db.read() as session:
        closings = list(session.scalars(select(MonthClose).order_by(MonthClose.id)))
    assert [c.superseded_at is not None for c in closings] == [True, False]
    assert closings[0].superseded_at == dt.datetime(2026, 11, 12, 8, 0).astimezone(dt.UTC)
    with station.db.read() as session:
        actions = list(
            session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "month_close"))
        )
    assert actions == ["close_month", "reclose_month"]


def test_a_worker_may_neither_close_nor_correct(station: Station) -> None:
    station.clock.set(dt.datetime(2026, 11, 2, 9, 0))
    months = station.months(station.worker)
    with pytest.raises(PermissionDenied):
        months.close(OCTOBER)
    with pytest.raises(PermissionDenied):
        months.correcting("补一条记录")
    assert not months.status(OCTOBER).is_closed
    station.close_october()
    with pytest.raises(PermissionDenied):  # the diff compares the whole station's figures
        months.diff(OCTOBER)
    assert len(refusals(station.db, "li")) == 3
    assert station.months(station.worker).status(OCTOBER).is_closed  # a worker sees it


def test_a_worker_adding_a_record_in_a_closed_month_is_refused(station: Station) -> None:
    station.close_october()
    station.clock.set(dt.datetime(2026, 11, 10, 14, 30))
    with pytest.raises(MonthClosed) as refused:
        station.add_record(station.worker, dt.date(2026, 10, 27), 15)
    assert refused.value.month == OCTOBER
    assert "2026年10月已月结" in refused.value.message
    with station.db.read() as session:
        assert len(session.scalars(select(ServiceRecord)).all()) == 3
        assert session.scalars(select(MonthCorrection)).all() == []
    # November is open: a record of today goes in as always.
    station.add_record(station.worker, dt.date(2026, 11, 10), 20)


def test_a_correction_needs_a_reason(station: Station) -> None:
    station.close_october()
    with pytest.raises(InvalidInput):
        station.months(station.head).correcting("  ")


def test_the_current_month_cannot_be_closed(station: Station) -> None:
    station.clock.set(dt.datetime(2026, 10, 31, 23, 0))
    with pytest.raises(InvalidInput, match="还没有过完"):
        station.months(station.head).close(OCTOBER)
    assert not station.months(station.head).status(OCTOBER).closable
    station.clock.set(dt.datetime(2026, 11, 1, 8, 0))
    assert station.months(station.head).status(OCTOBER).closable


def test_the_pdf_of_a_closed_month_shows_the_stored_figures(
    station: Station, tmp_path: Path
) -> None:
    station.close_october()
    station.correct()
    pdf = tmp_path / "october.pdf"
    station.reports(station.head).write_monthly(OCTOBER, pdf=pdf)
    text = pdf_reading.text(pdf)
    assert "已月结（2026-11-02，张站长）" in text
    assert "月结后有更正 1 处" in text
    (row,) = [line.split() for line in text.splitlines() if line.startswith("个案服务人次 ")]
    assert row[:3] == ["个案服务人次", "人次", "3"]  # this month: stored 3, not 4


def test_the_workbooks_say_closed_and_list_the_corrections(
    station: Station, tmp_path: Path
) -> None:
    station.close_october()
    station.correct()
    station.clock.set(dt.datetime(2026, 12, 3, 10, 0))
    reports = station.reports(station.head)
    reports.write_monthly(OCTOBER, xlsx=tmp_path / "october.xlsx")
    reports.write_monthly(NOVEMBER, xlsx=tmp_path / "november.xlsx")
    october = openpyxl.load_workbook(tmp_path / "october.xlsx", read_only=True)
    info = str(october["汇总"]["A2"].value)
    assert "已月结：2026-11-02 张站长" in info and "月结后有更正 1 处" in info
    assert "更正说明" not in october.sheetnames
    november = openpyxl.load_workbook(tmp_path / "november.xlsx", read_only=True)
    assert "已月结" not in str(november["汇总"]["A2"].value)
    rows = list(november["更正说明"].iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        ("2026年10月", "新增", "漏录10月27日的电话回访", "张站长")
    ]


def test_closing_a_month_changes_no_later_month_s_figures(station: Station) -> None:
    """November's 上月 and 年度累计, and the year's report, read October's stored figures
    once it is closed: on the same records they are what counting gives."""
    station.clock.set(dt.datetime(2026, 11, 3, 9, 0))
    station.add_record(station.worker, dt.date(2026, 11, 3), 50)

    def later(actor: Actor) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        reports = station.reports(actor)
        rows = reports.monthly(NOVEMBER).figures
        year = reports.annual(2026).rows
        return (
            [(r.key, r.value, r.previous, r.year_to_date) for r in rows],
            [(r.key, r.months, r.total) for r in year],
        )

    counted = later(station.head)
    station.close_october()
    assert later(station.head) == counted
    november = {r[0]: r[1:] for r in counted[0]}
    assert november["service_records"] == (1, 3, 4)  # this month, October, the year
    assert november["service_hours"] == (Decimal("0.83"), Decimal("2.25"), Decimal("3.08"))
    assert november["cases_open"] == (1, 1, 1)
    # A worker's own figures are never closed: counted either way, the same.
    assert later(station.worker)[0] == counted[0]
