"""Three-way merge speed (`python -m tests.bench_merge [county.sqlite3]`).

The station-year of tests/bench_packages.py goes to a fresh county in its first package,
and the county acknowledges it. Then the station edits a field of every client and sends
its second package, which the county imports three ways, each on its own copy of the
county file: with no county change (every client "changed"), with the county's own change
of another field of every client (every client "merged"), and with the bases as they
were before revision 0017, without their rows (the old whole-row path: the floor). Also
printed: what the bases' rows cost on disk. CPU seconds of this process.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from sqlalchemy import func, select, update

from app.desk import Desk
from app.services.access.auth import actor_for
from app.services.packages.service import PackageService
from app.services.packages.types import ImportResult
from app.services.settings.stations import StationService
from app.store.engine import Database
from app.store.models import Client, PackageBase, Station, User
from tests.bench_packages import CODE, DEMO, PASSWORD, build_station_year, timed


def _import(county_file: Path, package: Path, photos: Path) -> tuple[float, ImportResult]:
    with Desk.open(county_file, user="county", password=PASSWORD) as county:
        packages = PackageService(county.db, county.actor, photo_folder=photos)
        return timed(lambda: packages.import_package(source=package, password=PASSWORD))


def main(argv: list[str]) -> int:
    demo = Path(argv[0]) if argv else DEMO
    if not demo.exists():
        print(f"no county demo at {demo}: run `make bench` once to build it", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        station_file = folder / "station-year.sqlite3"
        build_station_year(demo, station_file)
        station_db = Database.open(station_file)
        with station_db.read() as session:
            head = session.scalar(
                select(User).join(Station, Station.id == User.station_id)
                .where(Station.code == CODE, User.role == "head")
            )  # fmt: skip
            assert head is not None
            actor = actor_for(session, head)
        station = PackageService(station_db, actor, photo_folder=folder / "photos")
        first, back, second = folder / "1.sdpkg", folder / "back.sdpkg", folder / "2.sdpkg"
        station.export_package(out=first, password=PASSWORD)

        county_file = folder / "county.sqlite3"
        with Desk.create(county_file, station="修水县社工总站", station_code="XS00",
                         admin="county", password=PASSWORD) as county:  # fmt: skip
            StationService(county.db, county.actor).add_station(code=CODE, name="湖湾镇社工站")
            packages = PackageService(county.db, county.actor, photo_folder=folder / "c")
            first_s, applied = timed(
                lambda: packages.import_package(source=first, password=PASSWORD)
            )
            packages.export_return(station_code=CODE, out=back, password=PASSWORD)
            with county.db.read() as session:
                bases = session.scalar(select(func.count()).select_from(PackageBase)) or 0
                kept = session.scalar(select(func.sum(func.length(PackageBase.base_row)))) or 0
        station.import_return(source=back, password=PASSWORD)
        later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
        mine = Client.station_id == actor.station_id
        with station_db.write() as session:
            session.execute(
                update(Client).where(mine)
                .values(notes=Client.notes + "（站点补充）", version=Client.version + 1,
                        updated_at=later)
            )  # fmt: skip
            edited = session.scalar(select(func.count()).select_from(Client).where(mine)) or 0
        station.export_package(out=second, password=PASSWORD)
        station_db.dispose()

        plain, merged, old = (folder / f"{n}.sqlite3" for n in ("plain", "merged", "old"))
        for copy in (plain, merged, old):
            shutil.copy(county_file, copy)
        conn = sqlite3.connect(merged)
        with conn:
            conn.execute("UPDATE clients SET address = address || '（县里核实）', "
                         "version = version + 1")  # fmt: skip
        conn.close()
        conn = sqlite3.connect(old)
        with conn:
            conn.execute("UPDATE package_bases SET base_row = NULL")
        conn.close()
        plain_s, plain_r = _import(plain, second, folder / "c")
        merged_s, merged_r = _import(merged, second, folder / "c")
        old_s, old_r = _import(old, second, folder / "c")

    print(
        f"station {CODE}, one year: first package {applied.counts.new:,} rows, "
        f"imported in {first_s:.2f} s; bases {bases:,}, their rows {kept / 1_048_576:.1f} MB"
    )
    print(f"second package: {edited:,} clients edited at the station")
    clients = {"changed": plain_r, "merged": merged_r, "old": old_r}
    for name, result in clients.items():
        print(f"  {name:8}: {result.per_table['clients']}")
    print(f"{'import of the second package':40} | {'now':>8} | {'floor':>8} | ratio")
    for name, now in (("no county change (changed)", plain_s),
                      ("county changed another field (merged)", merged_s)):  # fmt: skip
        print(f"{name:40} | {now:7.2f}s | {old_s:7.2f}s | {now / old_s:4.2f}×")
    print(f"{'floor: bases without rows (before 0017)':40} | {old_s:7.2f}s")
    ok = merged_r.per_table["clients"].merged == edited and plain_r.counts.conflicts == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
