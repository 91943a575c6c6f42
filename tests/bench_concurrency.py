"""Workstations on one county server (`python -m tests.bench_concurrency [SECONDS]`).

Sets up a throw-away PostgreSQL (tests/postgres.py) as `server init` does: 10 stations,
2,000 clients each, every station with its own database role under row-level security.
Then N simulated workstations (one process each, as N PCs are; each logged in as a head
of its station, stations taken in turn) run a realistic mix for a bounded time: search
the client list and show its page, open a client, the dashboard's 待办, add a client,
and change a client's phone (optimistic version: a conflict is counted, not an error).
Prints, for N = 5, 10 and 20, each action's p50 and p95 and the actions per second.

The workstations run on the same 2-core machine as the server, so at 20 the clients'
own Python is most of the load: the figures are an upper bound of what the server adds.
"""

from __future__ import annotations

import multiprocessing
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import make_url, text

from app.domain.errors import ConflictError
from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.cases.reminders import ReminderService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.settings.server import CountyServerService
from app.services.settings.setup import SetupService
from app.services.settings.stations import StationService
from app.services.staff.users import UserService
from app.store.engine import Database, make_engine
from tests import postgres

STATIONS = 10
CLIENTS_PER_STATION = 2_000
WORKSTATIONS = (5, 10, 20)
PASSWORD = "bench-pass-word-1"
# action → weight in the mix: mostly reading, as a day at a station is.
MIX = {"search": 35, "open": 30, "todo": 15, "add": 10, "edit": 10}

# No ID numbers: the planted ones would fail the check digit when a client is edited.
PLANT = f"""
INSERT INTO clients (uuid, created_at, updated_at, version, station_id, name, name_sort,
    id_number, sex, ethnicity, marital_status, phone, address, relation_to_head,
    disability_type, disability_grade, self_care, living_arrangement, guardian_name,
    guardian_relation, guardian_phone, risk_level, status, archive_reason, notes)
SELECT gen_random_uuid()::text, now(), now(), 1, s.ids[1 + g % {STATIONS}],
    chr((19968 + (g * 7919) % 3000)::int) || chr((19968 + (g * 104729) % 3000)::int),
    '', NULL,
    '1', '', '', '139' || lpad(g::text, 8, '0'),
    '', '', '', '', '', '', '', '', '', 'low', 'active', '', ''
FROM generate_series(1::bigint, {STATIONS * CLIENTS_PER_STATION}) AS g,
     (SELECT array_agg(id ORDER BY id) AS ids FROM stations) AS s
"""


def build(db: Database) -> list[tuple[str, str]]:
    """The county's stations, heads, clients and roles; returns (role, head login) each."""
    setup = SetupService(db)
    setup.prepare()
    admin = setup.initialise(
        station_name="第0镇社工站", station_code="JX0000", county="测试县", villages=["一村"],
        admin_login="admin", admin_display_name="县管理员", password=PASSWORD,
    )  # fmt: skip
    stations = StationService(db, admin)
    codes = ["JX0000"]
    for n in range(1, STATIONS):
        stations.add_station(code=f"JX{n:04d}", name=f"第{n}镇社工站", villages=["一村"])
        codes.append(f"JX{n:04d}")
    users = UserService(db, admin)
    with db.read() as session:
        ids: dict[str, int] = {
            code: station_id
            for code, station_id in session.execute(text("SELECT code, id FROM stations"))
        }
    for n, code in enumerate(codes):
        users.add(
            login=f"head{n}", display_name=f"站长{n}", role=Role.HEAD, password=PASSWORD,
            station_id=ids[code],
        )  # fmt: skip
    with db.write() as session:
        session.execute(text("UPDATE users SET must_change_password = false"))
        session.execute(text(PLANT))
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    server = CountyServerService(db)
    server.initialise(admin_login="admin", password=PASSWORD)
    return [(server.add_station_role(station_code=c).role, f"head{n}") for n, c in enumerate(codes)]


def workstation(url: str, login: str, seconds: float, seed: int) -> dict[str, list[float]]:
    """One PC's session: log in, then the mix until the time is up; ms per action."""
    db = Database.open(url)
    actor = AuthService(db).login(login=login, password=PASSWORD)
    clients = ClientService(db, actor)
    reminders = ReminderService(db, actor)
    rng = random.Random(seed)
    known = clients.search_ids(ClientQuery())[:500]
    chars = [clients.rows([i])[0].name[:1] for i in known[:50]]
    added = 0

    def search() -> None:
        ids = clients.search_ids(ClientQuery(text=rng.choice(chars)))
        clients.rows(ids[:50])

    def open_one() -> None:
        clients.get(rng.choice(known))

    def add() -> None:
        nonlocal added
        added += 1
        clients.create(
            ClientInput(name=f"新{seed % 100}号{added}", phone=f"138{seed:04d}{added:04d}")
        )

    def edit() -> None:
        client_id = rng.choice(known)
        saved = clients.get(client_id)
        data = ClientInput(name=saved.name, phone=f"137{rng.randrange(10**8):08d}")
        try:
            clients.update(client_id, version=saved.version, data=data)
        except ConflictError:
            timings["edit conflict"].append(0.0)

    actions: dict[str, Callable[[], object]] = {
        "search": search, "open": open_one, "todo": reminders.todo, "add": add, "edit": edit,
    }  # fmt: skip
    names, weights = list(MIX), list(MIX.values())
    timings: dict[str, list[float]] = defaultdict(list)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        name = rng.choices(names, weights)[0]
        started = time.perf_counter()
        actions[name]()
        timings[name].append((time.perf_counter() - started) * 1000)
    db.dispose()
    return dict(timings)


def run(url: str, roles: list[tuple[str, str]], count: int, seconds: float) -> None:
    base = make_url(url)
    jobs = []
    for n in range(count):
        role, login = roles[n % len(roles)]
        station_url = base.set(username=role).render_as_string(hide_password=False)
        jobs.append((station_url, login, seconds, 1000 + n))
    context = multiprocessing.get_context("spawn")
    with context.Pool(count) as pool:
        results = pool.starmap(workstation, jobs)
    merged: dict[str, list[float]] = defaultdict(list)
    for result in results:
        for name, values in result.items():
            merged[name].extend(values)
    total = sum(len(v) for k, v in merged.items() if k in MIX)
    print(f"\n{count} workstations, {seconds:.0f} s: {total / seconds:.1f} actions/s")
    for name in MIX:
        values = sorted(merged.get(name, []))
        if not values:
            continue
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(
            f"  {name:<7} n={len(values):>5}  p50 {statistics.median(values):7.1f} ms"
            f"  p95 {p95:7.1f} ms"
        )
    conflicts = len(merged.get("edit conflict", []))
    if conflicts:
        print(f"  edit conflicts (two PCs on one client, told to reload): {conflicts}")


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    try:
        with postgres.cluster() as server:
            owner = make_engine(server, isolation_level="AUTOCOMMIT")
            with owner.connect() as conn:
                conn.exec_driver_sql("CREATE DATABASE sd_bench")
            url = make_url(server).set(database="sd_bench").render_as_string(hide_password=False)
            db = Database.open(url)
            roles = build(db)
            db.dispose()
            print(
                f"{STATIONS} stations × {CLIENTS_PER_STATION:,} clients on PostgreSQL, "
                "each workstation as its station's role (row-level security)"
            )
            for count in WORKSTATIONS:
                run(url, roles, count, seconds)
            owner.dispose()
    except postgres.Unavailable as why:
        print(f"PostgreSQL skipped: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
