"""Pinyin search against the plain name search on 100,000 clients (`python -m tests.bench_pinyin`).

The county demo takes minutes to build, so this makes a station and 100,000 clients
named by the demo's name generator, all in the one station (the worst case for the
list), fills the search indexes, and times the client list's search (`search_ids`) for
each way of typing a name, next to the same name typed in Chinese. Prints the time to
build the pinyin index, its size, and each ratio; the target is at most 2×. Then the
same on a throw-away PostgreSQL server (tests/postgres.py), where one can be started.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

from sqlalchemy import Table, insert, make_url, text

from app.demo.people import People
from app.domain import name_pinyin
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.store import search, search_pinyin
from app.store.engine import Database, make_engine
from app.store.models import Client
from tests import postgres

CLIENTS = 100_000
RUNS = 9


def median_ms(call: Callable[[], object]) -> float:
    call()  # warms the page cache and the statement cache
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def names(count: int) -> list[str]:
    rng = random.Random(1)
    people = People(rng, dt.date(2025, 6, 30), set())
    return [people.name(rng.choice("12"), rng.randint(1935, 2022)) for _ in range(count)]


def table_mb(db: Database, prefix: str) -> float:
    with db.read() as session:
        size = session.scalar(
            text("SELECT sum(pgsize) FROM dbstat WHERE name = :t OR name LIKE :shadow ESCAPE '\\'"),
            {"t": prefix, "shadow": f"{prefix}\\_%"},
        )
    return (size or 0) / 1_000_000


def pairs(sample: str, initials: str, full: list[str]) -> list[tuple[str, str, str]]:
    """(label, plain query, pinyin query) for one three-character name."""
    surname, given = sample[0], sample[1:]
    return [
        ("initials", sample, initials),
        ("surname in full", surname, full[0]),
        ("whole name in full", sample, "".join(full)),
        ("in full with spaces", sample, " ".join(full)),
        ("Chinese + initials", sample, surname + initials[1:]),
        ("full + Chinese", sample, full[0] + given),
        ("first letter only", surname, initials[0]),
        ("two initials", sample[:2], initials[:2]),
    ]


def fill(db: Database) -> tuple[Actor, list[str], float]:
    """A station with `CLIENTS` clients indexed; returns its admin, the names and the
    seconds the pinyin index took to build."""
    SetupService(db).prepare()
    actor = SetupService(db).initialise(
        station_name="梅林镇社工站", station_code="JX0426", county="测试县",
        villages=["梅林村"], admin_login="admin", admin_display_name="王站长",
        password="admin-pass-1",
    )  # fmt: skip
    made = names(CLIENTS)
    with db.write() as session:
        rows = [{"station_id": actor.station_id, "name": n} for n in made]
        for start in range(0, len(rows), 10_000):
            session.execute(insert(cast(Table, Client.__table__)), rows[start : start + 10_000])
    with db.write() as session:
        search.rebuild(session)
        session.execute(text(f"DELETE FROM {search_pinyin.TABLE}"))
    name_pinyin.keys.cache_clear()
    with db.write() as session:
        started = time.perf_counter()
        search_pinyin.rebuild(session)
        build_s = time.perf_counter() - started
    if db.engine.dialect.name == "postgresql":
        # What autovacuum does after a bulk load: statistics, and the visibility map that
        # lets the key lookups read the index alone.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    return actor, made, build_s


def compare(db: Database, actor: Actor, made: list[str]) -> float:
    """Print each pinyin query's time next to the plain one's; returns the worst ratio."""
    clients = ClientService(db, actor)
    sample = "张桂兰" if "张桂兰" in made else next(n for n in made if len(n) == 3)
    full = [u[0] for u in name_pinyin.units(sample)]
    initials = "".join(p[0] for p in full)

    def timed(query: str) -> tuple[float, int]:
        q = ClientQuery(text=query)
        return median_ms(lambda: clients.search_ids(q)), len(clients.search_ids(q))

    print(f"median of {RUNS} runs of search_ids, every client in one station")
    print(f"{'':<22}{'plain':>10}{'ms':>9}{'hits':>7}{'pinyin':>16}{'ms':>9}{'hits':>7}")
    worst = 0.0
    for label, plain_query, pinyin_query in pairs(sample, initials, full):
        plain_ms, plain_hits = timed(plain_query)
        pinyin_ms, pinyin_hits = timed(pinyin_query)
        ratio = pinyin_ms / plain_ms
        worst = max(worst, ratio)
        print(
            f"{label:<22}{plain_query:>10}{plain_ms:>9.1f}{plain_hits:>7}"
            f"{pinyin_query:>16}{pinyin_ms:>9.1f}{pinyin_hits:>7}   {ratio:.2f}×"
        )
    print(f"worst ratio pinyin / plain: {worst:.2f}× (target ≤ 2×)")
    return worst


def on_sqlite() -> None:
    with tempfile.TemporaryDirectory(prefix="stationdesk-bench-pinyin-") as folder:
        db = Database.open(Path(folder) / "bench.sqlite3")
        actor, made, build_s = fill(db)
        print(f"SQLite: {CLIENTS:,} clients, {len(set(made)):,} different names")
        print(
            f"  pinyin index built in {build_s:.1f} s; size: names etc. ({search.TABLE}) "
            f"{table_mb(db, search.TABLE):.1f} MB, "
            f"pinyin ({search_pinyin.TABLE}) {table_mb(db, search_pinyin.TABLE):.1f} MB"
        )
        compare(db, actor, made)
        db.dispose()


def on_postgresql() -> None:
    """The same on a throw-away PostgreSQL server (tests/postgres.py), when there is one."""
    try:
        with postgres.cluster() as server:
            admin = make_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.exec_driver_sql("CREATE DATABASE sd_bench")
            url = make_url(server).set(database="sd_bench")
            db = Database.open(url.render_as_string(hide_password=False))
            actor, made, build_s = fill(db)
            with db.read() as session:
                size = session.scalar(
                    text(f"SELECT pg_total_relation_size('{search_pinyin.TABLE}')")
                )
                plan = session.scalars(
                    text(
                        f"EXPLAIN SELECT client_id FROM {search_pinyin.TABLE} WHERE key LIKE 'zgl%'"
                    )
                ).all()
            print(
                f"\nPostgreSQL: pinyin index built in {build_s:.1f} s, {(size or 0) / 1e6:.1f} MB"
            )
            print("  plan of a key prefix: " + " / ".join(line.strip() for line in plan[:2]))
            compare(db, actor, made)
            db.dispose()
            admin.dispose()
    except postgres.Unavailable as why:
        print(f"\nPostgreSQL skipped: {why}")


def main() -> int:
    on_sqlite()
    on_postgresql()
    return 0


if __name__ == "__main__":
    sys.exit(main())
