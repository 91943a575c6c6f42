"""One station of the county demo in a file of its own, as an offline station keeps it.

The demo is attached read-only and immutable (not even a -wal or -shm file beside it);
the station's rows are copied whole, all its years, into a file at the newest schema, so
`station migrate` (app/services/packages/moving.py) takes it as a station's own file.
Columns the demo's (older) schema lacks take their defaults; tables it lacks stay empty.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from app.services.packages.tables import station_specs
from app.services.settings.setup import SetupService
from app.store.base import Base
from app.store.engine import Database


def demo_stations(demo: Path) -> list[tuple[str, int]]:
    """(code, clients) of the demo's stations, in the order of their codes."""
    conn = sqlite3.connect(f"file:{demo}?mode=ro&immutable=1", uri=True)
    try:
        return list(
            conn.execute(
                "SELECT s.code, count(c.id) FROM stations s LEFT JOIN clients c "
                "ON c.station_id = s.id GROUP BY s.id ORDER BY s.code"
            )
        )
    finally:
        conn.close()


def empty_schema(target: Path) -> None:
    """A file at the newest schema, copied for each station (migrating it once is enough)."""
    database = Database.open(target)
    SetupService(database).prepare()
    database.dispose()


def build_station_file(demo: Path, empty: Path, target: Path, code: str) -> tuple[int, float]:
    """Copy station `code` into `target` (compacted).

    Returns the station-owned rows copied and the seconds the copy took (plain SQL
    into an empty schema, the floor of moving the same rows).
    """
    shutil.copyfile(empty, target)
    started = time.perf_counter()
    conn = sqlite3.connect(target)
    conn.execute(f"ATTACH DATABASE 'file:{demo}?mode=ro&immutable=1' AS src")
    conn.execute("PRAGMA foreign_keys=OFF")
    (station_id,) = conn.execute("SELECT id FROM src.stations WHERE code = ?", (code,)).fetchone()
    owned = {spec.name for spec in station_specs()}
    copied = 0
    for table in Base.metadata.sorted_tables:
        mine = {c.name for c in table.c}
        theirs = {r[1] for r in conn.execute(f"PRAGMA src.table_info('{table.name}')")}
        columns = ", ".join(sorted(mine & theirs))
        if not columns or table.name == "audit_log":
            continue
        where = "1=1"
        if table.name == "stations":
            where = f"id = {station_id}"
        elif table.name in owned:
            where = f"station_id = {station_id}"
        cursor = conn.execute(
            f"INSERT INTO main.{table.name} ({columns}) "
            f"SELECT {columns} FROM src.{table.name} WHERE {where}"
        )
        if table.name in owned:
            copied += cursor.rowcount
    conn.commit()
    seconds = time.perf_counter() - started
    conn.execute("DETACH DATABASE src")
    conn.execute("VACUUM")  # the file as the station would hand it over: no free pages
    conn.close()
    return copied, seconds
