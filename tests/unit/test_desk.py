"""The scripting facade: open as a user, the clock, shared services, a month's figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.desk import ClientInput, ConsentInput, Desk, FixedClock, OpenCaseInput
from app.domain.errors import AuthenticationFailed, InvalidInput, NotFound
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import AuditEntry, Client
from tests.conftest import ADMIN_PASSWORD

MADE_AT = dt.datetime(2026, 10, 15, 2, 30, tzinfo=dt.UTC)


@pytest.fixture
def desk(db_path: Path, admin: Actor) -> Iterator[Desk]:
    with Desk.open(db_path, user="admin", password=ADMIN_PASSWORD) as opened:
        yield opened


def test_open_logs_in_as_the_user(desk: Desk, admin: Actor) -> None:
    assert desk.actor == admin
    assert desk.schema is not None and desk.schema.backup_path is None
    assert desk.station.info().code == "JX0426"


def test_a_wrong_password_is_refused_in_chinese(db_path: Path, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed) as raised:
        Desk.open(db_path, user="admin", password="wrong-password")
    assert raised.value.message == "用户名或密码不正确。"


def test_a_missing_or_empty_database_is_refused(db_path: Path, db: Database) -> None:
    with pytest.raises(NotFound, match="数据库文件不存在"):
        Desk.open(db_path.with_name("none.sqlite3"), user="admin", password=ADMIN_PASSWORD)
    assert not db_path.with_name("none.sqlite3").exists()
    with pytest.raises(InvalidInput, match="还没有初始化"):
        Desk.open(db_path, user="admin", password=ADMIN_PASSWORD)


def test_the_clock_drives_today_and_every_timestamp(db_path: Path, admin: Actor) -> None:
    clock = FixedClock(MADE_AT)
    with Desk.open(db_path, user="admin", password=ADMIN_PASSWORD, clock=clock) as desk:
        assert desk.clock is clock and desk.db.clock is clock
        saved = desk.clients.add(ClientInput(name="李秀英"))
        clock.advance(days=1)
        desk.clients.archive(saved.id, version=saved.version, reason="迁出")
        assert desk.cases.today == desk.reports.today == clock.today()
        with desk.db.read() as session:
            client = session.get_one(Client, saved.id)
            audited = session.execute(
                select(AuditEntry.action, AuditEntry.at).where(
                    AuditEntry.entity == "client", AuditEntry.entity_id == saved.id
                )
            ).all()
    later = MADE_AT + dt.timedelta(days=1)
    assert (client.created_at, client.updated_at) == (MADE_AT, later)
    assert sorted(tuple(row) for row in audited) == [("archive", later), ("create", MADE_AT)]


def test_the_services_share_the_desks_database_and_user(desk: Desk) -> None:
    assert desk.clients is desk.clients
    saved = desk.clients.add(ClientInput(name="李秀英"))
    # A client one service registered is the one another opens a case for, as the same user.
    desk.consents.record(ConsentInput(saved.id, ("service",), desk.clock.today(), "李秀英"))
    case = desk.cases.open_case(
        OpenCaseInput(client_id=saved.id, intake_date=desk.clock.today(), presenting_problem="独居")
    )
    assert desk.cases.get(case.case_id).client_id == saved.id
    told = desk.client_stories.story(saved.id).entries
    assert [e.title for e in told][:1] == [f"接案 {desk.cases.get(case.case_id).case_no}"]
    rows = desk.audit.recent(limit=5)
    assert {(r.login, r.action) for r in rows} >= {("admin", "create"), ("admin", "open_case")}


def test_register_a_client_and_read_the_months_figures(db_path: Path, admin: Actor) -> None:
    clock = FixedClock(MADE_AT)
    with Desk.open(db_path, user="admin", password=ADMIN_PASSWORD, clock=clock) as desk:
        client = desk.clients.add(ClientInput(name="王桂兰"))
        desk.consents.record(ConsentInput(client.id, ("service",), clock.today(), "王桂兰"))
        desk.cases.open_case(
            OpenCaseInput(client_id=client.id, intake_date=clock.today(), presenting_problem="低保")
        )
        figures = {row.key: row.value for row in desk.reports.monthly(clock.today()).figures}
        before = {row.key: row.value for row in desk.reports.monthly(dt.date(2026, 9, 1)).figures}
    assert (figures["cases_new"], figures["cases_open"]) == (1, 1)
    assert before["cases_new"] == 0


def test_create_sets_up_a_station_that_opens_afterwards(tmp_path: Path) -> None:
    path = tmp_path / "new" / "station.sqlite3"
    with Desk.create(
        path, station="东山镇社工站", station_code="js0101", admin="li", password="li-password-1",
        villages=["东山村"],
    ) as made:  # fmt: skip
        assert (made.actor.login, made.actor.station_name) == ("li", "东山镇社工站")
    with Desk.open(path, user="li", password="li-password-1") as desk:
        assert desk.station.info().code == "JS0101"
        with pytest.raises(InvalidInput, match="已经初始化"):
            Desk.create(
                path, station="又一站", station_code="JS0102", admin="x", password="x-pw-12345"
            )
