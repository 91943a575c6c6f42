"""Crash safety: a writer killed with SIGKILL at random moments never loses or tears a commit.

The normal run does a few rounds; `make soak` sets STATIONDESK_CRASH_ROUNDS for many more.
STATIONDESK_CRASH_SEED repeats a failing run's kill timings.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.services.context import Actor
from app.store import file_guard, sqlite_files
from app.store.engine import Database
from app.store.models import AuditEntry, Case, CaseEvent, Client, ServiceRecord
from tests.unit.store.crash_writer import PREFIX, RECORDS, case_no

ROUNDS = int(os.environ.get("STATIONDESK_CRASH_ROUNDS", "8"))
ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(db_path: Path, admin: Actor, first: int, rng: random.Random) -> list[int]:
    """Start the writer, kill it at a random moment, and return what it reported committed."""
    command = [sys.executable, "-m", "tests.unit.store.crash_writer", str(db_path),
               str(admin.station_id), str(admin.user_id), str(first)]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT) as child:
        assert child.stdout is not None
        # Wait for its first commit, so the kill lands amid writing, not during start-up.
        reported = [child.stdout.readline()]
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reported += child.stdout.read().split()
    assert child.returncode == -signal.SIGKILL
    return [int(line) for line in reported if line.strip()]


def committed_transactions(db_path: Path) -> set[int]:
    """Open the file as the app does and check every transaction in it is whole."""
    assert file_guard.damage(db_path) == []  # the start-up quick_check, on the hot WAL
    db = Database.open(db_path)
    try:
        with db.read() as session:
            cases: dict[str, int] = {
                no: case_id
                for no, case_id in session.execute(
                    select(Case.case_no, Case.id).where(Case.case_no.like(f"{PREFIX}%"))
                )
            }
            records = {
                case_id: n
                for case_id, n in session.execute(
                    select(ServiceRecord.case_id, func.count()).group_by(ServiceRecord.case_id)
                )
            }
            events = {
                case_id: n
                for case_id, n in session.execute(
                    select(CaseEvent.case_id, func.count()).group_by(CaseEvent.case_id)
                )
            }
            logged = set(
                session.scalars(
                    select(AuditEntry.entity_id).where(AuditEntry.user_login == "crash-writer")
                )
            )
            clients = session.scalar(
                select(func.count()).select_from(Client).where(Client.name.like("测试对象%"))
            )
        # Checked while the app's connection is open, as after a real restart.
        assert sqlite_files.integrity_problems(db_path) == []
    finally:
        db.dispose()
    present = {int(no.removeprefix(PREFIX)) for no in cases}
    for tx in present:
        case_id = cases[case_no(tx)]
        assert records.get(case_id) == RECORDS, f"transaction {tx} is torn"
        assert events.get(case_id) == 1 and case_id in logged, f"transaction {tx} is torn"
    assert clients == len(present), "a client without its case: a partial transaction"
    assert set(records) <= set(cases.values()) and set(events) <= set(cases.values())
    return present


def test_a_killed_writer_loses_nothing_it_committed(
    db: Database, admin: Actor, db_path: Path
) -> None:
    db.dispose()
    seed = int(os.environ.get("STATIONDESK_CRASH_SEED", str(time.time_ns())))
    rng = random.Random(seed)
    reported: set[int] = set()
    first = 1
    for round_no in range(ROUNDS):
        reported |= set(run_and_kill(db_path, admin, first, rng))
        present = committed_transactions(db_path)
        lost = reported - present
        assert not lost, f"round {round_no}, seed {seed}: committed but missing: {sorted(lost)}"
        first = max(present) + 1
    assert len(reported) >= ROUNDS
