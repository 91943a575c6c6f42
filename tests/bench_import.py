"""Roster import speed and memory (`python -m tests.bench_import`).

Builds the county demo (100,000 clients) in a temporary folder, then:
1. a 10,000-row .xlsx roster (2,000 clients already registered, half of them with a new
   phone number; 7,800 new people; 200 rows with an ID number stored as a number) is
   previewed and imported: target under 5 s together;
2. a 50,000-row roster is previewed in a fresh process, so its peak memory is its own:
   target under 15 s and 300 MB.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

import openpyxl
from sqlalchemy import select
from stdnum.cn import ric

from app.demo.builder import create_demo_database
from app.services.access.auth import AuthService
from app.services.importing.service import RosterImportService
from app.store.engine import Database
from app.store.models import Client, Village

HEADERS = ["序号", "姓名", "身份证号码", "性别", "村（社区）", "家庭住址", "与户主关系", "户主姓名",
           "保障金额", "联系电话", "出生日期", "备注"]  # fmt: skip
SMALL, LARGE = 10_000, 50_000


def peak_memory_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_roster(db: Database, station_id: int, path: Path, size: int, rng: random.Random) -> None:
    """Registered clients of the station first, then new people, then damaged rows."""
    with db.read() as session:
        villages = dict(
            session.execute(
                select(Village.id, Village.name).where(Village.station_id == station_id)
            ).all()
        )
        known = session.execute(
            select(Client.name, Client.id_number, Client.village_id)
            .where(Client.station_id == station_id, Client.id_number.is_not(None))
            .order_by(Client.id)
            .limit(2_000)
        ).all()
        taken = set(session.scalars(select(Client.id_number)))
    names = list(villages.values())
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("名单")
    ws.append(["2025年6月农村低保对象花名册"])
    ws.append(HEADERS)
    for i, (name, number, village_id) in enumerate(known):
        phone = f"139{i:08d}" if i % 2 else ""
        ws.append(
            [
                i + 1,
                name,
                number,
                "",
                villages.get(village_id, "") if village_id is not None else "",
                "",
                "",
                "",
                "560",
                phone,
                "",
                "",
            ]
        )
    errors = size // 50
    fresh = size - len(known) - errors
    made = 0
    serial = 0
    while made < fresh:
        serial += 1
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=serial % 30_000)
        body = f"360428{birth:%Y%m%d}{900 + serial // 30_000:03d}"
        number = body + ric.calc_check_digit(body + "0")
        if number in taken:
            continue
        made += 1
        village = rng.choice(names)
        ws.append([made, f"新{made}", number, "", village, f"{village}{made % 9}组", "户主",
                   f"新{made}", "560", "", birth.strftime("%Y.%m.%d"), ""])  # fmt: skip
    for k in range(errors):
        ws.append([k, f"错{k}", 3.60428e17 + k, "", names[0], "", "", "", "560", "", "", ""])
    book.save(path)


def preview_in_child(db_path: str, roster: str, login: str, password: str, out: Connection) -> None:
    db = Database.open(db_path)
    actor = AuthService(db).login(login=login, password=password)
    service = RosterImportService(db, actor)
    started = time.perf_counter()
    sheet = service.sheets(Path(roster))[0]
    proposal = service.propose_mapping(Path(roster), sheet)
    preview = service.preview(
        Path(roster), sheet=sheet, header_row=proposal.header_row, columns=proposal.columns,
        category="dibao_rural",
    )  # fmt: skip
    seconds = time.perf_counter() - started
    out.send((seconds, peak_memory_mb(), preview.counts))
    db.dispose()


def main() -> int:
    rng = random.Random(6)
    with tempfile.TemporaryDirectory(prefix="stationdesk-import-bench-") as folder:
        base = Path(folder)
        db_path = base / "county.sqlite3"
        db = Database.open(db_path)
        started = time.perf_counter()
        made = create_demo_database(db, scale="county", seed=1)
        built = time.perf_counter() - started
        print(f"County demo: {made.summary.clients:,} clients, built in {built:.1f} s")
        actor = AuthService(db).login(login=made.admin_login, password=made.admin_password)
        small, large = base / "roster-10k.xlsx", base / "roster-50k.xlsx"
        started = time.perf_counter()
        make_roster(db, actor.station_id, small, SMALL, rng)
        make_roster(db, actor.station_id, large, LARGE, rng)
        print(f"Rosters written in {time.perf_counter() - started:.1f} s (not part of the figures)")

        service = RosterImportService(db, actor)
        started = time.perf_counter()
        sheet = service.sheets(small)[0]
        proposal = service.propose_mapping(small, sheet)
        preview = service.preview(
            small, sheet=sheet, header_row=proposal.header_row, columns=proposal.columns,
            category="dibao_rural",
        )  # fmt: skip
        checked = time.perf_counter() - started
        result = service.commit(preview)
        total = time.perf_counter() - started
        print(f"\n10,000-row roster into {made.summary.clients:,} clients: {result.counts}")
        print(f"  read + validate + preview {checked:.2f} s; + import {total - checked:.2f} s;"
              f" total {total:.2f} s (target < 5 s) {'OK' if total < 5 else 'SLOW'}")  # fmt: skip
        db.dispose()

        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=preview_in_child,
            args=(str(db_path), str(large), made.admin_login, made.admin_password, child),
        )
        process.start()
        seconds, memory, counts = parent.recv()
        process.join()
        print(f"\n50,000-row preview: {counts}")
        fast = "OK" if seconds < 15 else "SLOW"
        small_enough = "OK" if memory < 300 else "HIGH"
        print(f"  {seconds:.2f} s (target < 15 s) {fast};")
        print(f"  peak memory {memory:.0f} MB (target < 300 MB) {small_enough}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
