"""The lock on closed months: which changes touch a closed October, and which do not."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import MonthClosed
from app.services.context import Actor
from app.store import month_lock
from app.store.engine import Database
from app.store.models import (
    Case,
    Client,
    ClientCategory,
    DatedValue,
    MonthClose,
    MonthCorrection,
    Referral,
    ServiceRecord,
    Station,
)

OCTOBER = dt.date(2026, 10, 1)
D = dt.date


@pytest.fixture
def rows(db: Database, admin: Actor) -> dict[str, int]:
    """A client, a case of 09-20 and a service record of 10-15; October is closed."""
    sid, uid = admin.station_id, admin.user_id
    with db.write() as s:
        client = Client(station_id=sid, name="陈桂兰", created_by_id=uid)
        s.add(client)
        s.flush()
        case = Case(station_id=sid, client_id=client.id, case_no="2026-0001", worker_id=uid,
                    intake_date=D(2026, 9, 20), stage="intervention")  # fmt: skip
        s.add(case)
        s.flush()
        record = ServiceRecord(station_id=sid, case_id=case.id, client_id=client.id,
                               worker_id=uid, served_on=D(2026, 10, 15), duration_min=30,
                               mode="home_visit", content="入户探访")  # fmt: skip
        risk = DatedValue(station_id=sid, subject="client", subject_id=client.id,
                          field="risk_level", value="low", valid_from=D(2026, 9, 20))  # fmt: skip
        category = ClientCategory(station_id=sid, client_id=client.id, category="dibao_rural",
                                  start_date=D(2026, 9, 1))  # fmt: skip
        referral = Referral(station_id=sid, case_id=case.id, client_id=client.id,
                            agency="镇卫生院", sent_on=D(2026, 10, 20), status="sent",
                            status_on=D(2026, 10, 20))  # fmt: skip
        s.add_all([record, risk, category, referral])
        s.flush()
        s.add(MonthClose(station_id=sid, month=OCTOBER, figures="{}", created_by_id=uid))
        ids = {"client": client.id, "case": case.id, "record": record.id, "risk": risk.id,
               "category": category.id, "referral": referral.id}  # fmt: skip
    return ids


def change(db: Database, model: type[Any], row_id: int, **values: Any) -> None:
    with db.write() as s:
        row = s.get_one(model, row_id)
        for name, value in values.items():
            setattr(row, name, value)


def corrections(db: Database) -> list[tuple[str, str, dt.date]]:
    with db.read() as s:
        return [
            (c.entity, c.action, c.effective_on)
            for c in s.scalars(select(MonthCorrection).order_by(MonthCorrection.id))
        ]


def test_narrative_and_bookkeeping_pass_figures_do_not(db: Database, rows: dict[str, int]) -> None:
    change(db, ServiceRecord, rows["record"], content="入户探访，已匿名", next_contact_date=None)
    change(db, Case, rows["case"], stage="evaluation")
    with pytest.raises(MonthClosed) as refused:
        change(db, ServiceRecord, rows["record"], duration_min=45)
    assert refused.value.month == OCTOBER
    with pytest.raises(MonthClosed):  # moving it out of October moves October's figures
        change(db, ServiceRecord, rows["record"], served_on=D(2026, 11, 2))
    with pytest.raises(MonthClosed), db.write() as s:
        s.delete(s.get_one(ServiceRecord, rows["record"]))
    assert corrections(db) == []


def test_periods_count_only_the_days_that_move(db: Database, rows: dict[str, int]) -> None:
    # A value that holds from September on, ended in November: October keeps it.
    change(db, DatedValue, rows["risk"], valid_to=D(2026, 11, 5))
    with pytest.raises(MonthClosed):  # ended on 10-10: October's end-of-month value moves
        change(db, DatedValue, rows["risk"], valid_to=D(2026, 10, 10))
    # A category's end is its last day: ending on 10-31 keeps it for all of October.
    change(db, ClientCategory, rows["category"], end_date=D(2026, 10, 31))
    with pytest.raises(MonthClosed):
        change(db, ClientCategory, rows["category"], end_date=D(2026, 10, 30))
    with pytest.raises(MonthClosed):  # started later, it is no longer held in October
        change(db, ClientCategory, rows["category"], start_date=D(2026, 11, 1))


def test_a_status_counts_at_its_own_new_day(db: Database, rows: dict[str, int]) -> None:
    change(db, Referral, rows["referral"], status="accepted", status_on=D(2026, 11, 3))
    with pytest.raises(MonthClosed):
        change(db, Referral, rows["referral"], status="declined", status_on=D(2026, 10, 25))


def test_new_rows_of_a_closed_month_and_other_stations(
    db: Database, admin: Actor, rows: dict[str, int]
) -> None:
    def new_case(station_id: int, intake: dt.date) -> None:
        with db.write() as s:
            s.add(Case(station_id=station_id, client_id=rows["client"], case_no=f"X{intake}",
                       worker_id=admin.user_id, intake_date=intake, stage="intake"))  # fmt: skip

    with pytest.raises(MonthClosed):
        new_case(admin.station_id, D(2026, 10, 30))
    new_case(admin.station_id, D(2026, 11, 1))
    with db.write() as s:
        other = Station(code="JX0427", name="河口镇社工站")
        s.add(other)
        s.flush()
        other_id = other.id
    new_case(other_id, D(2026, 10, 30))  # October is closed for the first station only


def test_a_correction_records_each_row_it_changes(
    db: Database, admin: Actor, rows: dict[str, int]
) -> None:
    with month_lock.correcting(admin.user_id, "时长记错了"):
        change(db, ServiceRecord, rows["record"], duration_min=45)
        with db.write() as s:
            s.delete(s.get_one(Referral, rows["referral"]))
    assert corrections(db) == [
        ("service_records", "update", D(2026, 10, 15)),
        ("referrals", "delete", D(2026, 10, 20)),
    ]
    with db.read() as s:
        kept = s.scalars(select(MonthCorrection)).first()
        assert kept is not None
        assert (kept.reason, kept.created_by_id, kept.entity_id) == (
            "时长记错了",
            admin.user_id,
            rows["record"],
        )
    with pytest.raises(MonthClosed):  # the grant ends with its block
        change(db, ServiceRecord, rows["record"], duration_min=60)
