"""The county database's size on PostgreSQL (`python -m tests.bench_pg_size [county.sqlite3]`).

Starts a throw-away PostgreSQL (tests/postgres.py), sets it up as `server init` does
(schema by Alembic with the search indexes, roles, row-level security), then moves the
county demo's stations into it one at a time with the app's own path (`station migrate`,
app/services/packages/moving.py): each station is first copied whole (all its years) from
the demo, read-only, into a SQLite file of its own (tests/bench_station_file.py), as an
offline station keeps it. After 1, 3 and N stations (`BENCH_PG_STATIONS`, default 5:
a station takes 1-4 minutes to move on a loaded 2-core machine, so all 30 take well over
an hour) it counts every table's rows and measures heap, indexes and TOAST; then VACUUM
ANALYZE, the largest indexes, and a backup (`pg_dump -Fc`, restored into a new database).
The figures per client after 1 and 3 stations are checked against N's (linear growth).

Floors, measured in the same run: the stations' own SQLite files (compacted) for the
sizes; the plain-SQL copy of the same rows into an empty SQLite schema for the time per
station; reading every table with COPY for the dump. Times are wall seconds on a shared
machine; the ratios hold better than the figures.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import make_url, select, text

from app.demo.cases import SCALES
from app.services.access.auth import actor_for
from app.services.packages.moving import StationMover
from app.services.settings.server import CountyServerService
from app.services.settings.stations import StationService
from app.store.engine import Database, make_engine
from app.store.models import Station, User
from tests import postgres
from tests.bench_station_file import build_station_file, demo_stations, empty_schema
from tests.bench_table import Row, render

DEMO = Path(".bench/county.sqlite3")
PASSWORD = "bench-pass-word-1"
YEARS = SCALES["county"].history_days / 365  # the demo's span of dated work
MB = 1_048_576
LINEAR = 0.15
"""How far the size per client after 1 or 3 stations may stray from the size after N."""

SIZES = """
SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid),
       pg_indexes_size(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r'
"""
LARGEST_INDEXES = """
SELECT indexrelname, relname, pg_relation_size(indexrelid) FROM pg_stat_user_indexes
ORDER BY 3 DESC LIMIT 10
"""
# The client search's own indexes (app/store/search_postgres.py, search_pinyin.py).
SEARCH_INDEXES = """
SELECT indexrelname, relname, pg_relation_size(indexrelid) FROM pg_stat_user_indexes
WHERE indexrelname LIKE 'ix_pg_clients_%' OR relname = 'client_search_pinyin'
ORDER BY 3 DESC
"""
BOOKKEEPING = "package_bases"
"""One row per record that came by a package or a move (the base of the next package);
a station that works on the server from its first day has none."""


@dataclass(frozen=True)
class Table:
    rows: int
    total: int
    heap: int
    indexes: int

    @property
    def toast(self) -> int:
        return self.total - self.heap - self.indexes


@dataclass(frozen=True)
class Snapshot:
    stations: int
    clients: int
    sqlite: int
    """Bytes of the same stations' own SQLite files."""
    database: int
    tables: dict[str, Table]

    def sum(self, what: str) -> int:
        return sum(int(getattr(t, what)) for t in self.tables.values())

    def per_client(self, size: int) -> float:
        return size / self.clients

    def grown(self, empty: int) -> int:
        """What the stations added to the database after `server init`."""
        return self.database - empty


@dataclass
class Run:
    empty: int
    """The database's bytes after `server init`, before any station."""
    snapshots: list[Snapshot] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


def snapshot(db: Database, stations: int, clients: int, sqlite: int) -> Snapshot:
    with db.read() as session:
        tables = {}
        for name, total, heap, indexes in session.execute(text(SIZES)).all():
            rows = session.scalar(text(f'SELECT count(*) FROM "{name}"')) or 0
            tables[name] = Table(rows, total, heap, indexes)
        size = session.scalar(text("SELECT pg_database_size(current_database())")) or 0
    return Snapshot(stations, clients, sqlite, size, tables)


def county_admin(db: Database) -> StationService:
    with db.read() as session:
        user = session.scalar(select(User).where(User.login == "county"))
        assert user is not None
        return StationService(db, actor_for(session, user))


def move_stations(db: Database, demo: Path, count: int, folder: Path) -> Run:
    """Each station into its own file, then into the county; sizes at the checkpoints."""
    run = Run(snapshot(db, 0, 0, 0).database)
    stations = demo_stations(demo)[:count]
    checkpoints = {1, min(3, len(stations)), len(stations)}
    empty = folder / "empty.sqlite3"
    empty_schema(empty)
    admin = county_admin(db)
    clients, sqlite = 0, 0
    for number, (code, held) in enumerate(stations, start=1):
        source_file = folder / f"{code}.sqlite3"
        rows, floor = build_station_file(demo, empty, source_file, code)
        sqlite += source_file.stat().st_size
        source = Database.open(source_file)
        try:
            with source.read() as session:
                name = session.scalar(select(Station.name))
            admin.add_station(code=code, name=name or code)
            mover = StationMover(
                source, db, source_photos=folder / "photos", county_photos=folder / "county"
            )
            started = time.perf_counter()
            moved = mover.move(server="bench")
            run.seconds.append(time.perf_counter() - started)
        finally:
            source.dispose()
            source_file.unlink()
        assert moved.total("new") == moved.total("in_file"), moved.text()
        run.floors.append(floor)
        run.rows.append(rows)
        clients += held
        print(
            f"{code}: {held:,} clients, {rows:,} rows moved in {run.seconds[-1]:.1f} s "
            f"(plain SQL copy {floor:.1f} s)",
            flush=True,
        )
        if number in checkpoints:
            run.snapshots.append(snapshot(db, number, clients, sqlite))
    return run


def vacuum(db: Database) -> None:
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")


def indexes(db: Database, query: str) -> list[tuple[str, str, int]]:
    with db.read() as session:
        return [(i, t, s) for i, t, s in session.execute(text(query)).all()]


def backup(url: str, folder: Path) -> tuple[float, int, float, float]:
    """pg_dump -Fc's seconds and bytes, pg_restore's seconds, and the floor: COPY out."""
    parts = make_url(url)
    where = ["-h", parts.host or "127.0.0.1", "-p", str(parts.port or 5432),
             "-U", parts.username or "postgres"]  # fmt: skip
    binaries = postgres.binaries()
    dump = folder / "county.dump"
    started = time.perf_counter()
    subprocess.run(
        [str(binaries / "pg_dump"), *where, "-Fc", "-f", str(dump), parts.database or ""],
        check=True, capture_output=True,
    )  # fmt: skip
    dumped = time.perf_counter() - started
    size = dump.stat().st_size
    owner = make_engine(url, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE sd_restored")
    owner.dispose()
    started = time.perf_counter()
    subprocess.run(
        [str(binaries / "pg_restore"), *where, "-d", "sd_restored", "--no-owner", str(dump)],
        check=True, capture_output=True,
    )  # fmt: skip
    restored = time.perf_counter() - started
    dump.unlink()
    return dumped, size, restored, copy_out(url)


def _drop(server: str, *names: str) -> None:
    """On a server of one's own (STATIONDESK_TEST_PG), leave no database behind."""
    owner = make_engine(server, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        for name in names:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    owner.dispose()


def copy_out(url: str) -> float:
    """Every table read with COPY TO STDOUT: what a dump cannot do faster."""
    engine = make_engine(url)
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(text(SIZES)).all()]
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        started = time.perf_counter()
        for name in names:
            with cursor.copy(f'COPY "{name}" TO STDOUT') as copy:
                for _block in copy:
                    pass
        seconds = time.perf_counter() - started
    engine.dispose()
    return seconds


def _mb(size: float) -> str:
    return f"{size / MB:,.1f}"


def print_checkpoints(run: Run, after: Snapshot) -> None:
    print(f"\nthe empty database after server init: {_mb(run.empty)} MB")
    print("\nstations | clients | rows | database MB | heap | indexes | TOAST | SQLite MB "
          "| PG/SQLite | KB per client (grown)")  # fmt: skip
    for s in [*run.snapshots, after]:
        label = f"{s.stations}" + (" (vacuumed)" if s is after else "")
        print(
            f"{label} | {s.clients:,} | {s.sum('rows'):,} | {_mb(s.database)} | "
            f"{_mb(s.sum('heap'))} | {_mb(s.sum('indexes'))} | {_mb(s.sum('toast'))} | "
            f"{_mb(s.sqlite)} | {s.database / s.sqlite:.2f}× | "
            f"{s.per_client(s.grown(run.empty)) / 1024:.1f}"
        )


def print_tables(after: Snapshot) -> None:
    print(f"\nlargest tables after VACUUM ANALYZE ({after.stations} stations)")
    print("table | rows | total MB | heap | indexes | TOAST | bytes per row")
    ranked = sorted(after.tables.items(), key=lambda item: -item[1].total)
    for name, t in ranked[:15]:
        per_row = t.total / t.rows if t.rows else 0
        print(
            f"{name} | {t.rows:,} | {_mb(t.total)} | {_mb(t.heap)} | {_mb(t.indexes)} | "
            f"{_mb(t.toast)} | {per_row:,.0f}"
        )


def rows_for(run: Run, after: Snapshot, dump: tuple[float, int, float, float]) -> list[Row]:
    last, stations = run.snapshots[-1], after.stations
    station_years = stations * YEARS
    grown = after.grown(run.empty)
    plain = grown - after.tables[BOOKKEEPING].total
    plain_rows = after.sum("rows") - after.tables[BOOKKEEPING].rows
    sqlite = after.sqlite
    rows = [
        Row(f"database, {s.stations} station(s), {s.clients:,} clients", s.database / MB, "MB",
            s.sqlite / MB)
        for s in run.snapshots
    ]  # fmt: skip
    for s in run.snapshots[:-1]:
        stray = s.per_client(s.grown(run.empty)) / last.per_client(last.grown(run.empty)) - 1
        rows.append(
            Row(f"  growth per client after {s.stations} vs {last.stations} stations",
                100 * (1 + stray), "%", 100.0, f"±{LINEAR:.0%}", abs(stray) <= LINEAR)
        )  # fmt: skip
    dumped, dump_size, restored, copy_floor = dump
    rows += [
        Row("after VACUUM ANALYZE", after.database / MB, "MB", sqlite / MB),
        Row("  indexes' share of the database", 100 * after.sum("indexes") / after.database, "%"),
        Row(f"  {BOOKKEEPING}' share (package bookkeeping)", 100 * (grown - plain) / grown, "%"),
        Row("per 100,000 clients", grown / after.clients * 1e5 / MB, "MB",
            sqlite / after.clients * 1e5 / MB),
        Row(f"  without {BOOKKEEPING}", plain / after.clients * 1e5 / MB, "MB",
            sqlite / after.clients * 1e5 / MB),
        Row(f"per station-year ({YEARS:.0f} years of work)", grown / station_years / MB, "MB",
            sqlite / station_years / MB),
        Row(f"  without {BOOKKEEPING}", plain / station_years / MB, "MB",
            sqlite / station_years / MB),
        Row("rows per station-year", after.sum("rows") / station_years, "rows"),
        Row(f"  without {BOOKKEEPING}", plain_rows / station_years, "rows"),
        Row("30 stations × 5 years", (run.empty + grown / station_years * 150) / MB, "MB",
            sqlite / station_years * 150 / MB),
        Row("time per station (mean), station migrate", sum(run.seconds) / stations, "s",
            sum(run.floors) / stations),
        Row(f"pg_dump -Fc, {stations} stations", dumped, "s", copy_floor),
        Row("  its size", dump_size / MB, "MB", after.database / MB),
        Row("pg_restore of it", restored, "s", dumped),
    ]  # fmt: skip
    return rows


def main(argv: list[str]) -> int:
    demo = Path(argv[0]) if argv else DEMO
    if not demo.exists():
        print(f"no county demo at {demo}: run `make bench` once to build it", file=sys.stderr)
        return 1
    count = int(os.environ.get("BENCH_PG_STATIONS", "5"))
    try:
        with tempfile.TemporaryDirectory() as tmp, postgres.cluster() as server:
            owner = make_engine(server, isolation_level="AUTOCOMMIT")
            with owner.connect() as conn:
                conn.exec_driver_sql("CREATE DATABASE sd_size")
            owner.dispose()
            url = make_url(server).set(database="sd_size").render_as_string(hide_password=False)
            db = Database.open(url)
            try:
                CountyServerService(db).initialise(admin_login="county", password=PASSWORD)
                run = move_stations(db, demo, count, Path(tmp))
                vacuum(db)
                last = run.snapshots[-1]
                after = snapshot(db, last.stations, last.clients, last.sqlite)
                largest = indexes(db, LARGEST_INDEXES)
                searching = indexes(db, SEARCH_INDEXES)
                dump = backup(url, Path(tmp))
            finally:
                db.dispose()
                _drop(server, "sd_size", "sd_restored")
    except postgres.Unavailable as why:
        print(f"PostgreSQL skipped: {why}")
        return 0
    print_checkpoints(run, after)
    print_tables(after)
    for title, listed in (("largest indexes", largest), ("the search's indexes", searching)):
        print(f"\n{title} after VACUUM ANALYZE")
        for index, table, size in listed:
            print(f"  {index} ({table}): {_mb(size)} MB")
    print()
    print(render(rows_for(run, after, dump)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
