"""List export speed and memory (`python -m tests.bench_export [county.sqlite3]`).

A 100,000-row client export (导出Excel, masked) against bare openpyxl `write_only` writing
the very same cells, both measured in this run; the ratio should stay within 1.1×. Each
side runs in a fresh process, so the export's peak memory is its own (target < 200 MB).

The 100,000 clients of one station are inserted into a file of their own; given the
county file, that one is kept beside it (export-100k.sqlite3) and filled only once.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select
from stdnum.cn import ric

from app.services.access.auth import actor_for
from app.services.context import Actor
from app.services.lists.service import ListExportService
from app.services.settings.setup import SetupService
from app.store.engine import Database
from app.store.models import Client, ClientCategory, User, Village
from tests.bench_table import Row, peak_memory_mb, render, save

ROWS = 100_000
RUNS = 3  # per side, alternating; the fastest run counts (the machine is shared)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "秀英桂兰建国小明志强玉梅春华红霞海燕德明"
CATEGORIES = ["dibao_rural", "tekun_scattered", "disabled", "left_behind_elder", "oldest_old"]


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


def ours(db_path: Path, out: Path) -> dict[str, float]:
    db = Database.open(db_path)
    service = ListExportService(db, admin_of(db))
    started, cpu = time.perf_counter(), time.process_time()
    result = service.export("clients", out)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.dispose()
    return {"seconds": seconds, "cpu": cpu, "rows": result.rows, "peak_mb": peak_memory_mb()}


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
    started, cpu = time.perf_counter(), time.process_time()
    book = Workbook(write_only=True)
    ws = book.create_sheet(exporter.title)
    ws.append(["title"])
    ws.append(["note"])
    ws.append([c.title for c in exporter.columns])
    for row in rows:
        ws.append(row)
    book.save(out)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "rows": len(rows),
        "peak_mb": 0.0,
    }


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
    rows_file = None
    if "--rows" in argv:
        at = argv.index("--rows")
        rows_file = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    with tempfile.TemporaryDirectory(prefix="stationdesk-bench-export-") as folder:
        # Kept beside the county file (make bench: .bench/), so it is filled once.
        db_path = Path(argv[0]).with_name("export-100k.sqlite3") if argv else None
        if db_path is None:
            db_path = Path(folder) / "export.sqlite3"
        if not db_path.exists():
            started = time.perf_counter()
            # In its own process: building the rows takes memory this one should not keep.
            partial = db_path.with_name(db_path.name + ".part")
            partial.unlink(missing_ok=True)
            subprocess.run(
                [sys.executable, "-m", "tests.bench_export", "--fill", str(partial)], check=True
            )
            partial.rename(db_path)
            print(f"{ROWS:,} clients inserted in {time.perf_counter() - started:.1f} s")
        best: dict[str, dict[str, float]] = {}
        for _ in range(RUNS):
            for side in ("bare", "ours"):
                figures = run_side(side, db_path, Path(folder) / f"{side}.xlsx")
                if side not in best or figures["seconds"] < best[side]["seconds"]:
                    best[side] = figures
    ratio = best["ours"]["seconds"] / best["bare"]["seconds"]
    rows = [
        Row(
            f"{int(best['ours']['rows']):,}-row client export (floor: bare openpyxl)",
            best["ours"]["seconds"],
            "s",
            best["bare"]["seconds"],
            "≤ 1.1×",
            ratio <= 1.1,
        ),
        Row(
            "peak RSS, export process",
            best["ours"]["peak_mb"],
            "MB",
            goal="< 200 MB",
            ok=best["ours"]["peak_mb"] < 200,
        ),
    ]
    if rows_file is not None:
        save(rows, rows_file)
    else:
        print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
