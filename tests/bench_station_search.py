"""Client search as a station's role on the county server (`python -m tests.bench_station_search`).

Row-level security keeps the planner from using the search indexes before the station
filter, so a station's role searches through `stationdesk_station_client_ids` (SECURITY
DEFINER, app/store/search_postgres.py). This plants 200,000 clients over 30 stations on a
throw-away PostgreSQL (tests/postgres.py), sets the server up as `server init` does, and
times the app's search condition as one station's role (through the function), the same
indexed query run as that role under the policies (as the search ran before), and the
floor: that query run by the owner for the station; and the client list's whole search.
Goal: within 2× of the floor.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from typing import Any

from sqlalchemy import make_url, select, text

from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery
from app.services.settings.server import CountyServerService
from app.services.settings.setup import SetupService
from app.services.settings.stations import StationService
from app.services.staff.users import UserService
from app.store import search
from app.store.engine import Database, make_engine
from app.store.models import Client
from tests import postgres
from tests.bench_table import Row, median_ms, render

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "200000"))
STATIONS = 30
PASSWORD = "bench-pass-word-1"

# As tests/unit/store/test_search_postgres.py plants them, spread over the stations (a
# third of each station's names have three characters).
PLANT = f"""
INSERT INTO clients (uuid, created_at, updated_at, version, station_id, name, id_number,
    sex, ethnicity, marital_status, phone, address, relation_to_head, disability_type,
    disability_grade, self_care, living_arrangement, guardian_name, guardian_relation,
    guardian_phone, risk_level, status, archive_reason, notes)
SELECT gen_random_uuid()::text, now(), now(), 1, s.ids[1 + g % {STATIONS}],
    chr((19968 + (g * 7919) % 3000)::int) || chr((19968 + (g * 104729) % 3000)::int)
        || CASE WHEN (g / 30) % 3 = 0 THEN chr((19968 + (g * 31) % 3000)::int) ELSE '' END,
    '360426' || (1930 + g % 80) || lpad((1 + g % 12)::text, 2, '0')
        || lpad((1 + (g / 12) % 28)::text, 2, '0') || lpad((g % 997)::text, 3, '0') || g % 10,
    '1', '', '', '139' || lpad(g::text, 8, '0'),
    '', '', '', '', '', '', '', '', '', 'low', 'active', '', ''
FROM generate_series(1::bigint, {CLIENTS}) AS g,
     (SELECT array_agg(id ORDER BY id) AS ids FROM stations) AS s
"""
FLOOR = {
    "name": "SELECT id FROM clients WHERE station_id = :s "
    "AND stationdesk_name_grams(name) @> CAST(:pieces AS text[]) AND name LIKE :like",
    "number": "SELECT id FROM clients WHERE station_id = :s AND id_number LIKE :like",
    "phone": "SELECT id FROM clients WHERE station_id = :s AND phone LIKE :like",
}


def build(db: Database) -> tuple[int, str]:
    """The county with its stations and clients; returns station A's id and role."""
    setup = SetupService(db)
    setup.prepare()
    admin = setup.initialise(
        station_name="县级社工总站", station_code="JX0400", county="测试县", villages=["梅林村"],
        admin_login="admin", admin_display_name="县管理员", password=PASSWORD,
    )  # fmt: skip
    stations = StationService(db, admin)
    ids = [
        stations.add_station(code=f"JX{n:04d}", name=f"第{n}镇社工站", villages=["一村"]).id
        for n in range(1, STATIONS)
    ]
    UserService(db, admin).add(
        login="head_a", display_name="站长甲", role=Role.HEAD, password=PASSWORD,
        station_id=ids[0],
    )  # fmt: skip
    with db.write() as session:
        session.execute(text("UPDATE users SET must_change_password = false"))
        session.execute(text(PLANT))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    server = CountyServerService(db)
    server.initialise(admin_login="admin", password=PASSWORD)
    role = server.add_station_role(station_code="JX0001")
    return ids[0], role.role


def measure(db: Database, station_id: int, role: str) -> list[Row]:
    url = db.engine.url.set(username=role)
    station_db = Database.open(url.render_as_string(hide_password=False))
    head = AuthService(station_db).login(login="head_a", password=PASSWORD)
    clients = ClientService(station_db, head)
    with db.read() as session:
        name = session.scalar(
            text("SELECT name FROM clients WHERE station_id = :s AND length(name) = 3 LIMIT 1"),
            {"s": station_id},
        )
        number = session.scalar(
            text("SELECT id_number FROM clients WHERE station_id = :s LIMIT 1"), {"s": station_id}
        )
    if not (name and number):
        with db.read() as session:
            per = session.execute(text("SELECT station_id, count(*) FROM clients GROUP BY 1"))
            raise SystemExit(f"station {station_id} has no planted client: {per.all()}")
    queries = [
        ("1 character", name[:1], "name", [name[:1]]),
        ("2 characters", name[:2], "name", [name[:2]]),
        ("3 characters", name, "name", sorted({name[:2], name[1:]})),
        ("ID tail (6 digits)", number[-6:], "number", None),
        ("phone (5 digits)", "13900", "phone", None),
    ]
    rows = []
    for label, query, kind, pieces in queries:
        wanted = ClientQuery(text=query)
        now = median_ms(partial(_search, station_db, query))
        params = {"s": station_id, "like": f"%{query}%", "pieces": pieces}
        floor = median_ms(partial(_run, db, FLOOR[kind], params))
        # The same indexed query as the station's role: the policies filter first.
        before = median_ms(partial(_run, station_db, FLOOR[kind], params))
        listed = median_ms(partial(clients.search_ids, wanted))
        rows += [
            Row(f"station role search, {label}", now, "ms", floor, "≤ 2×", now <= 2 * floor),
            Row("  the indexed query under the policies", before, "ms", floor),
            Row("  the client list's whole search (search_ids)", listed, "ms"),
        ]
    station_db.dispose()
    return rows


def _search(db: Database, query: str) -> object:
    """The app's search condition (search.matching), as the station's role runs it."""
    with db.read() as session:
        condition = search.matching(session, query)
        assert condition is not None
        return session.scalars(select(Client.id).where(condition)).all()


def _run(db: Database, sql: str, params: dict[str, Any]) -> object:
    with db.read() as session:
        return session.execute(text(sql), params).all()


def main() -> int:
    try:
        with postgres.cluster() as server:
            owner = make_engine(server, isolation_level="AUTOCOMMIT")
            with owner.connect() as conn:
                conn.exec_driver_sql("CREATE DATABASE sd_bench")
            url = make_url(server).set(database="sd_bench")
            db = Database.open(url.render_as_string(hide_password=False))
            station_id, role = build(db)
            print(f"{CLIENTS:,} clients over {STATIONS} stations, one station's role searching")
            print(render(measure(db, station_id, role)))
            db.dispose()
            owner.dispose()
    except postgres.Unavailable as why:
        print(f"PostgreSQL skipped: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
