"""Evidence pack speed on a demo (`python -m tests.bench_pack demo.sqlite3 [SEED]`).

Builds the administrator's station's project pack over the project's whole period (up to
today), masked, with 10 sampled case files, into a temporary folder, and prints the wall
and CPU time, the files and the zip's size and this process's peak memory. Photos and
documents are read from the data folder (STATIONDESK_DATA, as `stationdesk demo` wrote
them). It writes one audit entry: run it on a copy.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from app.services.projects.pack import EvidencePackService, PackRequest
from app.services.projects.service import ProjectService
from app.store.engine import Database
from tests.bench_export import admin_of
from tests.bench_table import peak_memory_mb


def main(path: str, seed: int = 2026) -> None:
    db = Database.open(path)
    try:
        admin = admin_of(db)
        project = next(
            p
            for p in ProjectService(db, admin).list()
            if admin.station_name in "、".join(p.stations)
        )
        request = PackRequest(project.id, project.starts_on, project.ends_on, seed=seed, sample=10)
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "pack"
            wall, cpu = time.perf_counter(), time.process_time()
            result = EvidencePackService(db, admin).build(request, out)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            size = result.zip_path.stat().st_size / 1024 / 1024
        print(
            f"评估材料包 {project.code}（{project.starts_on} 至 {project.ends_on}）："
            f"{result.files} 个文件，zip {size:.1f} MB，用时 {wall:.1f} 秒（CPU {cpu:.1f} 秒），"
            f"内存峰值 {peak_memory_mb():.0f} MB"
        )
    finally:
        db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:3]))
