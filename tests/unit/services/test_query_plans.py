"""The hot queries use indexes: a later change must not fall back to scanning a big table.

Each service runs for real on a small SQLite file whose planner statistics (sqlite_stat1)
are those of the county demo (tests/unit/services/county_stats.py: 30 stations, 100,000
clients, ~1M service records), so SQLite plans as it would at county size. Every SELECT
the services send is caught and its EXPLAIN QUERY PLAN read.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from app.domain.roles import Role
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery
from app.services.context import Actor
from app.services.dashboard.service import DashboardService
from app.services.reports.service import ReportService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitQuery
from app.store.engine import Database
from tests.unit.services.conftest import TODAY
from tests.unit.services.county_stats import STAT1

MONTH = dt.date(2025, 6, 1)
BIG = 10_000
"""Rows from which a table is big: scanning it is a full pass over the county's records."""
_SCAN = re.compile(r"^SCAN (\w+)(?! VIRTUAL TABLE)")
_HISTORY = re.compile(
    r"^SEARCH (service_records|case_events|visits|activities) .*\(station_id=\?\)$"
)


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """SQLite only: the plans checked are SQLite's."""
    return sqlite_db


@pytest.fixture(autouse=True)
def _county_statistics(db: Database, db_path: Path, admin: Actor) -> None:
    """The station's file with the county's statistics planted."""
    db.dispose()
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("ANALYZE")  # creates sqlite_stat1
        conn.execute("DELETE FROM sqlite_stat1")
        conn.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", STAT1)
        conn.commit()
    finally:
        conn.close()


def _rows(stat: str) -> int:
    return int(stat.split()[0])


BIG_TABLES = frozenset(tbl for tbl, _idx, stat in STAT1 if _rows(stat) >= BIG)


@contextmanager
def plans(db: Database) -> Iterator[list[tuple[str, list[str]]]]:
    """(SQL, plan lines) of every SELECT sent inside the block."""
    caught: list[tuple[str, Any]] = []

    def catch(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            caught.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", catch)
    found: list[tuple[str, list[str]]] = []
    try:
        yield found
    finally:
        event.remove(db.engine, "before_cursor_execute", catch)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement, parameters in caught:
            lines = [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            found.append((statement, lines))


def scans(found: list[tuple[str, list[str]]], pattern: re.Pattern[str] = _SCAN) -> list[str]:
    """The plan lines that read a big table from end to end, with their statement."""
    bad = []
    for statement, lines in found:
        for line in lines:
            match = pattern.match(line)
            if match and match.group(1) in BIG_TABLES:
                bad.append(f"{line}\n    in: {' '.join(statement.split())[:300]}")
    return bad


def whole_history(found: list[tuple[str, list[str]]]) -> list[str]:
    """The plan lines that read all of a station's dated records (a report wants a month)."""
    return scans(found, _HISTORY)


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def test_the_statistics_are_the_county_s(db: Database) -> None:
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        planted = raw.execute(
            "SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_service_records_station_served'"
        ).fetchone()
    assert planted is not None and _rows(planted[0]) > 500_000
    assert {"service_records", "cases", "clients", "case_events"} <= BIG_TABLES


def test_a_station_s_monthly_report_uses_indexes(db: Database, admin: Actor) -> None:
    reports = ReportService(db, admin, today=TODAY)
    with plans(db) as found:
        reports.monthly(MONTH)
        reports.key_figures(MONTH)
        reports.county_summary(MONTH)
        reports.annual(MONTH.year)  # twelve months and the year, each table read once
    assert len(found) > 50  # the report's figures, splits and details were all caught
    assert scans(found) == []
    assert whole_history(found) == []


def test_the_dashboard_uses_indexes(db: Database, admin: Actor) -> None:
    with plans(db) as found:
        dashboard = DashboardService(db, admin, today=TODAY)
        dashboard.charts()
        dashboard.refusal_alerts()
    assert found and scans(found) == []
    # The records per month come in the (station, date) index's order, counted without
    # a sort: the months are added up from the days.
    ((_sql, records),) = [(sql, lines) for sql, lines in found if "service_records" in sql]
    assert records == [
        "SEARCH service_records USING COVERING INDEX ix_service_records_station_served"
        " (station_id=? AND served_on>? AND served_on<?)"
    ], records


@pytest.mark.parametrize("role", ["head", "worker"])
def test_todo_reads_only_the_station_s_watched_cases(
    db: Database, admin: Actor, worker: Actor, role: str
) -> None:
    actor = admin if role == "head" else worker
    with plans(db) as found:
        ReminderService(db, actor, today=TODAY).todo()
    assert scans(found) == [] and whole_history(found) == []
    # Other stations' history stays out: each case's last contact is one index probe.
    records = [line for _sql, lines in found for line in lines if "service_records" in line]
    assert records and all(
        line.startswith("SEARCH service_records USING COVERING INDEX") and "(case_id=?)" in line
        for line in records
    ), records
    if role == "head":
        # What awaits approval starts from the station's submitted plans and closures.
        starts = {lines[0] for sql, lines in found if "submitted_at" in sql}
        by = "(station_id=? AND status=?)"
        assert starts == {
            f"SEARCH case_plans USING INDEX ix_case_plans_station_status {by}",
            f"SEARCH case_closures USING INDEX ix_case_closures_station_status {by}",
        }, starts


@pytest.mark.parametrize("text", ["", "张", "张桂", "张桂兰", "0071", "360426", "zgl", "13812"])
def test_the_client_search_uses_indexes(db: Database, admin: Actor, text: str) -> None:
    clients = ClientService(db, admin, today=TODAY)
    with plans(db) as found:
        ids = clients.search_ids(ClientQuery(text=text))
        clients.rows(ids[:200])
    assert scans(found) == []


@pytest.mark.parametrize("text", ["张", "张桂", "张桂兰", "0071", "13812"])
def test_a_station_s_search_reads_only_the_station_s_matches(
    db: Database, admin: Actor, text: str
) -> None:
    """Characters and digits are asked of the full-text index with the station's token,
    whose answer (the station's matches, not the county's) is read by rowid."""
    with plans(db) as found:
        ClientService(db, admin, today=TODAY).search_ids(ClientQuery(text=text))
    ((sql, lines),) = found
    assert lines[0] == "SEARCH clients USING INTEGER PRIMARY KEY (rowid=?)", lines
    assert any(line.startswith("SCAN client_search VIRTUAL TABLE") for line in lines)
    assert "MATCH" in sql


def test_the_client_list_reads_names_in_pinyin_order_from_the_index(
    db: Database, admin: Actor
) -> None:
    with plans(db) as found:
        ClientService(db, admin, today=TODAY).search_ids(ClientQuery())
    (_sql, lines), *_ = found
    assert lines == ["SEARCH clients USING INDEX ix_clients_station_name_sort (station_id=?)"]


def test_the_case_and_visit_lists_use_indexes(db: Database, admin: Actor) -> None:
    with plans(db) as found:
        cases = CaseService(db, admin, today=TODAY)
        cases.rows(cases.search_ids(CaseQuery(open_only=True))[:200])
        cases.search_ids(CaseQuery(text="张"))
        visits = VisitService(db, admin, today=TODAY)
        visits.rows(visits.search_ids(VisitQuery())[:200])
    assert scans(found) == []


def test_a_scan_would_be_caught(db: Database, admin: Actor) -> None:
    """The check can fail: a count with nothing to narrow it reads every service record,
    one by station alone the station's whole history."""
    with plans(db) as found, db.read() as session:
        session.execute(text("SELECT count(*) FROM service_records WHERE mode = 'phone'"))
        session.execute(
            text("SELECT count(*) FROM service_records WHERE station_id = 1 AND mode = 'x'")
        )
    assert [line.split()[:2] for line in scans(found)] == [["SCAN", "service_records"]]
    assert [line.split()[:2] for line in whole_history(found)] == [["SEARCH", "service_records"]]
