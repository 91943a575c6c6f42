"""Backup and check speed on the county file (`python -m tests.bench county.sqlite3 --only
backup,check`, or `python -m tests.bench_upkeep county.sqlite3 [backup,check]`).

The file is copied to a temporary folder first (a backup opens it for writing: the WAL,
the checkpoint after). Each measure runs in turns with its floor, RUNS times, each in
a fresh process; the fastest run of each counts in seconds, and the CPU time (user +
system, every thread and child) of that run beside it: on a loaded machine the wall
clock mostly measures the other engineers, the CPU time the work itself.

- backup: `BackupService.backup_now` (online backup API in large steps, `quick_check` of
  the copy with its sha256 taken meanwhile on a second thread, the sidecar, pruning, a
  checkpoint) beside `sqlite3 .backup` + `PRAGMA quick_check` of the copy.
- check: `stationdesk check` (a fresh process: `integrity_check` with `foreign_key_check`
  on a second connection meanwhile, the schema and the audit chain) beside a bare
  `PRAGMA integrity_check`; `foreign_key_check` alone is a row of its own, as it is work
  the floor does not do.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench_table import Row, render, save

RUNS = 2
PARTS = ("backup", "check")
Figures = tuple[float, float]
"""(wall seconds, CPU seconds)."""


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed_children(work: Callable[[], object]) -> Figures:
    cpu, started = _children_cpu(), time.perf_counter()
    work()
    return time.perf_counter() - started, _children_cpu() - cpu


def _env(data: Path) -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": root, "STATIONDESK_DATA": str(data)}


# ---- backup ------------------------------------------------------------------------------


def backup_in_process(database: Path, folder: Path) -> Figures:
    """Run inside the child (`--backup`): the service's backup, timed from its call."""
    from app.services.backup.service import BackupService
    from app.services.backup.types import BackupReason
    from app.store.engine import Database

    db = Database.open(database)
    service = BackupService(db, folder=folder)
    started, cpu = time.perf_counter(), time.process_time()
    service.backup_now(reason=BackupReason.DAILY)
    figures = time.perf_counter() - started, time.process_time() - cpu
    db.dispose()
    return figures


def _ours_backup(copy: Path, work: Path) -> Figures:
    folder = work / "backups"
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench_upkeep", "--backup", str(copy), str(folder)],
        check=True, capture_output=True, text=True, env=_env(work / "data"),
    )  # fmt: skip
    shutil.rmtree(folder)
    wall, cpu = json.loads(done.stdout.strip().splitlines()[-1])
    return float(wall), float(cpu)


def _floor_backup(copy: Path, work: Path) -> Figures:
    target = work / "floor.sqlite3"

    def both() -> None:
        subprocess.run(["sqlite3", str(copy), f".backup '{target}'"], check=True)
        subprocess.run(["sqlite3", str(target), "PRAGMA quick_check"], check=True,
                       capture_output=True)  # fmt: skip

    figures = _timed_children(both)
    target.unlink()
    return figures


# ---- check -------------------------------------------------------------------------------


def _ours_check(copy: Path, work: Path) -> Figures:
    code = f"import sys\nfrom app.cli import main\nsys.exit(main(['check', '--db', {str(copy)!r}]))"
    return _timed_children(
        lambda: subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            env=_env(work / "data"),
            cwd=work,
        )
    )


def _pragma(copy: Path, pragma: str) -> Figures:
    """A bare PRAGMA on a read-only connection, in a fresh `sqlite3` process."""
    return _timed_children(
        lambda: subprocess.run(
            ["sqlite3", "-readonly", str(copy), f"PRAGMA {pragma}"], check=True, capture_output=True
        )
    )


# ---- the table ---------------------------------------------------------------------------


def _paired(ours: Callable[[], Figures], floor: Callable[[], Figures]) -> tuple[Figures, Figures]:
    """The fastest run of each, run in turns (a burst of load then slows both alike)."""
    best: dict[str, Figures] = {}
    for _ in range(RUNS):
        for side, measure in (("floor", floor), ("ours", ours)):
            figures = measure()
            if side not in best or figures[0] < best[side][0]:
                best[side] = figures
    return best["ours"], best["floor"]


def _rows(label: str, ours: Figures, floor: Figures, goal: float) -> list[Row]:
    return [
        Row(label, ours[0], "s", floor[0], f"≤ {goal}×", ours[0] <= goal * floor[0]),
        Row(
            "  CPU time of the same runs (floor: the floor's)",
            ours[1],
            "s",
            floor[1],
            f"≤ {goal}×",
            ours[1] <= goal * floor[1],
        ),
    ]


def measure(source: Path, parts: set[str]) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="stationdesk-bench-upkeep-") as folder:
        work = Path(folder)
        copy = work / "county.sqlite3"
        subprocess.run(["cp", "--reflink=auto", str(source), str(copy)], check=True)
        if "backup" in parts:
            ours, floor = _paired(lambda: _ours_backup(copy, work),
                                  lambda: _floor_backup(copy, work))  # fmt: skip
            rows += _rows(
                "backup (online, verified; floor: sqlite3 .backup + quick_check)", ours, floor, 1.5
            )
        if "check" in parts:
            ours, floor = _paired(lambda: _ours_check(copy, work),
                                  lambda: _pragma(copy, "integrity_check"))  # fmt: skip
            rows += _rows("stationdesk check (floor: bare integrity_check)", ours, floor, 1.1)
            keys = _pragma(copy, "foreign_key_check")
            rows.append(
                Row(
                    "  foreign_key_check alone (also in the check, on a second thread)",
                    keys[0],
                    "s",
                    goal=f"CPU {keys[1]:.1f} s",
                )
            )
    return rows


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "--backup":
        print(json.dumps(backup_in_process(Path(argv[1]), Path(argv[2]))))
        return 0
    rows_file = None
    if "--rows" in argv:
        at = argv.index("--rows")
        rows_file = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    parts = set(argv[1].split(",")) if len(argv) > 1 else set(PARTS)
    if not argv or not Path(argv[0]).is_file() or not parts <= set(PARTS):
        print("用法：python -m tests.bench_upkeep county.sqlite3 [backup,check]", file=sys.stderr)
        return 2
    rows = measure(Path(argv[0]), parts)
    if rows_file is not None:
        save(rows, rows_file)
    else:
        print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
