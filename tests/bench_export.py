"""List export speed and memory (`python -m tests.bench_export [county.sqlite3]`).

A 100,000-row client export (导出Excel, masked) against bare openpyxl `write_only` writing
the very same cells, both measured in this run; the ratio should stay within 1.2×. Each
side runs in a fresh process, so the export's peak memory is its own (target < 200 MB).

Given a database file (the county demo), its administrator's station is exported with
every client moved into it; otherwise 100,000 clients are inserted into a fresh file.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select, update
from stdnum.cn import ric

from app.services.access.auth import actor_for
from app.services.context import Actor
from app.services.lists.service import ListExportService
from app.services.settings.setup import SetupService
from app.store.engine import Database
from app.store.models import Client, ClientCategory, User, Village

ROWS = 100_000
RUNS = 3  # per side, alternating; the fastest run counts (the machine is shared)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "秀英桂兰建国小明志强玉梅春华红霞海燕德明"
CATEGORIES = ["dibao_rural", "tekun_scattered", "disabled", "left_behind_elder", "oldest_old"]


def peak_memory_mb() -> float:
    """This process's peak resident memory.

    /proc's VmHWM starts afresh in a new program; ru_maxrss would carry over the peak of
    the parent that started it (Linux keeps it across exec).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def admin_of(db: Database) -> Actor:
    with db.read() as session:
        user = session.scalars(select(User).where(User.role == "admin").order_by(User.id)).first()
        assert user is not None, "the database has no administrator"
        return actor_for(session, user)


def fill(path: Path) -> None:
    """A station with 100,000 clients, written straight into the tables."""
    db = Database.open(path)
    SetupService(db).prepare()
    actor = SetupService(db).initialise(
        station_name="测试镇社工站",
        station_code="BENCH1",
        villages=[f"第{i}村" for i in range(1, 11)],
        admin_login="admin",
        admin_display_name="管理员",
        password="bench-password-1",
    )
    rng = random.Random(1)
    with db.read() as session:
        villages = list(session.scalars(select(Village.id)))
    clients = []
    for i in range(ROWS):
        # Year, day and sequence together are unique for every i below 80 × 28 × 1000.
        birth = f"{1930 + i % 80:04d}{1 + i % 12:02d}{1 + i // 80 % 28:02d}"
        body = f"360426{birth}{i // 2240:03d}"
        clients.append(
            {
                "station_id": actor.station_id,
                "name": rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2)))),
                "id_number": f"{body}{ric.calc_check_digit(body + '0')}" if i % 10 else None,
                "sex": str(1 + i % 2),
                "phone": f"139{i:08d}" if i % 3 else "",
                "village_id": villages[i % len(villages)],
                "address": f"{i % 30 + 1}组{i % 90 + 1}号",
                "risk_level": ("low", "medium", "high")[i % 7 % 3],
                "status": "active",
                "created_by_id": actor.user_id,
                "updated_by_id": actor.user_id,
            }
        )
    with db.write() as session:
        session.execute(insert(Client), clients)
        ids = list(session.scalars(select(Client.id).order_by(Client.id)))
        session.execute(
            insert(ClientCategory),
            [
                {"station_id": actor.station_id, "client_id": cid, "category": CATEGORIES[n % 5]}
                for n, cid in enumerate(ids)
                if n % 4
            ],
        )
    db.dispose()


def own_station(path: Path) -> int:
    """Move every client into the administrator's station (a county demo has 30)."""
    db = Database.open(path)
    actor = admin_of(db)
    with db.write() as session:
        session.execute(update(Client).values(station_id=actor.station_id, status="active"))
        count = session.scalar(select(func.count()).select_from(Client)) or 0
    db.dispose()
    return count


def ours(db_path: Path, out: Path) -> dict[str, float]:
    db = Database.open(db_path)
    service = ListExportService(db, admin_of(db))
    started = time.perf_counter()
    result = service.export("clients", out)
    seconds = time.perf_counter() - started
    db.dispose()
    return {"seconds": seconds, "rows": result.rows, "peak_mb": peak_memory_mb()}


def bare(db_path: Path, out: Path) -> dict[str, float]:
    """The same header and cells through openpyxl alone, read beforehand (not timed)."""
    from openpyxl import Workbook

    from app.exports.list_xlsx import cell_text

    db = Database.open(db_path)
    exporter = ListExportService(db, admin_of(db)).exporter("clients")
    ids = exporter.ids(exporter.default_query())
    with db.read() as session:
        rows = [
            [(cell_text(v) or None) if isinstance(v, str) else v for v in row]
            for row in exporter.fetch(session, ids, reveal=False)
        ]
    db.dispose()
    started = time.perf_counter()
    book = Workbook(write_only=True)
    ws = book.create_sheet(exporter.title)
    ws.append(["title"])
    ws.append(["note"])
    ws.append([c.title for c in exporter.columns])
    for row in rows:
        ws.append(row)
    book.save(out)
    return {"seconds": time.perf_counter() - started, "rows": len(rows), "peak_mb": 0.0}


def run_side(side: str, db_path: Path, out: Path) -> dict[str, float]:
    """One side in a fresh process, so its memory and caches are its own."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench_export", f"--{side}", str(db_path), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--fill":
        fill(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] in ("--ours", "--bare"):
        measure = ours if argv[0] == "--ours" else bare
        print(json.dumps(measure(Path(argv[1]), Path(argv[2]))))
        return 0
    with tempfile.TemporaryDirectory(prefix="stationdesk-bench-export-") as folder:
        db_path = Path(folder) / "export.sqlite3"
        started = time.perf_counter()
        if argv:
            db_path.write_bytes(Path(argv[0]).read_bytes())
            count = own_station(db_path)
            print(f"County demo copied; all {count:,} clients in one station")
        else:
            # In its own process: building the rows takes memory this one should not keep.
            subprocess.run(
                [sys.executable, "-m", "tests.bench_export", "--fill", str(db_path)], check=True
            )
            print(f"{ROWS:,} clients inserted in {time.perf_counter() - started:.1f} s")
        best: dict[str, dict[str, float]] = {}
        for _ in range(RUNS):
            for side in ("bare", "ours"):
                figures = run_side(side, db_path, Path(folder) / f"{side}.xlsx")
                if side not in best or figures["seconds"] < best[side]["seconds"]:
                    best[side] = figures
        size = (Path(folder) / "ours.xlsx").stat().st_size / 1_000_000
    ratio = best["ours"]["seconds"] / best["bare"]["seconds"]
    print(f"export of {int(best['ours']['rows']):,} clients ({size:.1f} MB), best of {RUNS}:")
    print(f"  bare openpyxl write_only  {best['bare']['seconds']:6.2f} s")
    print(f"  导出Excel (ours)          {best['ours']['seconds']:6.2f} s")
    print(f"  ratio                     {ratio:6.2f}×  (target ≤ 1.20)")
    print(f"  peak memory (ours)        {best['ours']['peak_mb']:6.0f} MB (target < 200)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
