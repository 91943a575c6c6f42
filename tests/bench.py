"""Speed and memory at county scale (`make bench`, or `python -m tests.bench`).

Builds the county demo (30 stations, ~300 villages, 100,000 clients) in a temporary
folder, then times what the client list does as a user types and scrolls: search for
1-, 2- and 3-character names, an ID-number suffix, a phone suffix and a village;
fetching a 200-row chunk; each sort order. First as a user of one station (~3,300
clients), then with every client moved into that station, the worst case the list
must stay responsive at. Figures are medians of several runs, in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy import func, select, update

from app.demo.builder import create_demo_database
from app.services.access.auth import AuthService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery, ClientSort
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Client, Village

RUNS = 7
CHUNK = 200


def peak_memory_mb() -> float | None:
    """Peak resident memory of this process so far (None where `resource` is missing)."""
    try:
        import resource
    except ImportError:
        return None
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak_kib / 1024


def median_ms(call: Callable[[], object]) -> float:
    call()  # the first run warms SQLite's page cache and SQLAlchemy's statement cache
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def file_mb(path: Path) -> float:
    files = [path, Path(f"{path}-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1_000_000


def samples(db: Database, station_id: int) -> list[tuple[str, str]]:
    """Queries made from real demo clients of the station, so each one finds something."""
    with db.read() as session:
        clients = session.scalars(
            select(Client).where(Client.station_id == station_id).order_by(Client.id)
        ).all()
        village = session.scalar(
            select(Village.name).where(Village.station_id == station_id).order_by(Village.id)
        )
    middle = clients[len(clients) // 2 :]
    three = next(c.name for c in middle if len(c.name) == 3)
    two = next(c.name for c in middle if len(c.name) == 2)
    id_number = next(c.id_number for c in middle if c.id_number)
    phone = next(c.phone for c in middle if c.phone)
    assert id_number is not None and village is not None
    return [
        ("name, 1 character", three[0]),
        ("name, 2 characters", two),
        ("name, 3 characters", three),
        ("ID number, last 4", id_number[-4:]),
        ("phone, last 4", phone[-4:]),
        ("village name", village),
    ]


def measure(clients: ClientService, queries: list[tuple[str, str]]) -> list[tuple[str, float, int]]:
    figures = []
    for label, text in queries:
        query = ClientQuery(text=text)
        hits = len(clients.search_ids(query))
        figures.append(
            (f"search {label} ({text})", median_ms(partial(clients.search_ids, query)), hits)
        )
    ids = clients.search_ids(ClientQuery())
    for label, chunk in (("first", ids[:CHUNK]), ("middle", ids[len(ids) // 2 :][:CHUNK])):
        ms = median_ms(partial(clients.rows, chunk))
        figures.append((f"rows() {CHUNK}-row chunk, {label}", ms, len(chunk)))
    for sort in ClientSort:
        query = ClientQuery(sort=sort)
        figures.append(
            (f"sort by {sort.value}", median_ms(partial(clients.search_ids, query)), len(ids))
        )
    return figures


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="stationdesk-bench-") as folder:
        path = Path(folder) / "county.sqlite3"
        db = Database.open(path)
        started = time.perf_counter()
        made = create_demo_database(db, scale="county", seed=1)
        build_s = time.perf_counter() - started
        db.dispose()
        summary = made.summary
        print(
            f"County demo: {summary.stations} stations, {summary.villages} villages, "
            f"{summary.households:,} households, {summary.clients:,} clients, "
            f"{summary.categories:,} category rows, {summary.users} staff"
        )
        memory = peak_memory_mb() or 0
        print(f"  build {build_s:.1f} s; file {file_mb(path):.1f} MB; peak memory {memory:.0f} MB")

        db = Database.open(path)
        actor: Actor = AuthService(db).login(login=made.admin_login, password=made.admin_password)
        clients = ClientService(db, actor)
        queries = samples(db, actor.station_id)
        with db.read() as session:
            own = session.scalar(
                select(func.count())
                .select_from(Client)
                .where(Client.station_id == actor.station_id)
            )
        one_station = measure(clients, queries)
        with db.write() as session:
            session.execute(
                update(Client)
                .values(station_id=actor.station_id)
                .execution_options(synchronize_session=False)
            )
        whole_county = measure(clients, queries)
        db.dispose()

    print()
    print(f"{f'median of {RUNS} runs':<44}{'one station':>16}{'all clients in one station':>30}")
    print(f"{'':<44}{f'({own:,} clients)':>16}{f'({summary.clients:,} clients)':>30}")
    for (label, ms_one, hits_one), (_, ms_all, hits_all) in zip(
        one_station, whole_county, strict=True
    ):
        print(f"{label:<44}{ms_one:>8.1f} ms {hits_one:>6}{ms_all:>20.1f} ms {hits_all:>7}")
    print(f"\nPeak memory of the whole run: {peak_memory_mb() or 0:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
