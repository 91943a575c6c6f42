"""The writer the crash test kills: a case with its service records, one transaction each.

Run as `python -m tests.unit.store.crash_writer DB STATION USER FIRST`. After each commit
it prints the transaction's number on stdout, so whatever it printed was committed.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from app.services.access import audit
from app.store.engine import Database
from app.store.models import Case, CaseEvent, Client, ServiceRecord

RECORDS = 4
PREFIX = "CRASH-"
DAY = dt.date(2025, 6, 30)
NOTE = "老人独居，腿脚不便，本次入户了解近况，讲解临时救助政策并联系村医随访。" * 6


def case_no(tx: int) -> str:
    return f"{PREFIX}{tx:07d}"


def write_one(db: Database, station_id: int, user_id: int, tx: int) -> None:
    """One transaction: a client, its case, the case's service records, an event, an audit row."""
    owned = {"station_id": station_id, "created_by_id": user_id, "updated_by_id": user_id}
    with db.write() as session:
        client = Client(name=f"测试对象{tx}", address="梅林村3组", notes=NOTE, **owned)
        session.add(client)
        session.flush()
        case = Case(
            case_no=case_no(tx), client_id=client.id, worker_id=user_id, intake_date=DAY,
            presenting_problem=NOTE, risk_level="medium", **owned,
        )  # fmt: skip
        session.add(case)
        session.flush()
        for n in range(RECORDS):
            session.add(
                ServiceRecord(
                    case_id=case.id,
                    client_id=client.id,
                    worker_id=user_id,
                    served_on=DAY + dt.timedelta(days=n),
                    duration_min=30 + n,
                    mode="入户探访",
                    content=NOTE,
                    next_step=f"第{n + 1}次服务后跟进",
                    **owned,
                )
            )
        session.add(
            CaseEvent(case_id=case.id, kind="stage", to_value="intake", happened_on=DAY, **owned)
        )
        audit.record(
            session, None, "create", entity="case", entity_id=case.id, login="crash-writer",
            station_id=station_id, tx=tx,
        )  # fmt: skip


def main(argv: list[str]) -> None:
    path, station_id, user_id, first = Path(argv[0]), int(argv[1]), int(argv[2]), int(argv[3])
    db = Database.open(path)
    tx = first
    while True:
        write_one(db, station_id, user_id, tx)
        sys.stdout.write(f"{tx}\n")
        sys.stdout.flush()
        tx += 1


if __name__ == "__main__":
    main(sys.argv[1:])
