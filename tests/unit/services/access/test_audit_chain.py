"""The audit log's hash chain in a real database: written, checked, upgraded."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cli import main
from app.domain.audit_chain import GENESIS
from app.services.access.audit import AuditService, record
from app.services.backup.health import check_database
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store import migrate
from app.store.engine import Database
from app.store.models import AuditEntry


def rows(db: Database) -> list[AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def raw(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def some_activity(db: Database, admin: Actor) -> None:
    clients = ClientService(db, admin)
    saved = clients.create(ClientInput(name="刘建国", address="梅林村3组"))
    clients.archive(saved.id, version=saved.version, reason="迁往县城女儿家")
    with db.write() as session:  # two rows in one transaction chain to each other
        record(session, admin, "export", entity="client", file="刘建国.xlsx", rows=1)
        record(session, admin, "export", entity="client", file="名单.xlsx", rows=2)


def test_each_row_points_at_the_one_before(db: Database, admin: Actor) -> None:
    some_activity(db, admin)
    log = rows(db)
    assert log[0].prev_hash == GENESIS
    assert [r.prev_hash for r in log[1:]] == [r.hash for r in log[:-1]]
    assert len({r.hash for r in log}) == len(log) >= 5


def test_personal_values_stay_out_of_the_chained_details(db: Database, admin: Actor) -> None:
    some_activity(db, admin)
    created, archived = (r for r in rows(db) if r.action in ("create", "archive"))
    assert "刘建国" not in created.detail and json.loads(created.personal or "")["name"] == "刘建国"
    assert json.loads(archived.personal or "") == {"reason": "迁往县城女儿家"}
    # The viewer still shows them while the record is not anonymised.
    shown = AuditService(db, admin).recent(entity="client", entity_id=archived.entity_id)
    assert json.loads(shown[0].detail)["reason"] == "迁往县城女儿家"


def test_check_reports_an_edited_row(db: Database, admin: Actor, db_path: Path) -> None:
    some_activity(db, admin)
    target = rows(db)[2].id
    db.dispose()
    assert check_database(db_path).healthy
    raw(db_path, f"UPDATE audit_log SET action = 'login' WHERE id = {target}")
    assert check_database(db_path).problems == (
        f"审计日志第 {target} 条被修改（内容与其校验值不符）。",
    )


def test_check_reports_a_deleted_row(db: Database, admin: Actor, db_path: Path) -> None:
    some_activity(db, admin)
    log = rows(db)
    db.dispose()
    raw(db_path, f"DELETE FROM audit_log WHERE id = {log[1].id}")
    assert check_database(db_path).problems == (
        f"审计日志第 {log[2].id} 条之前有记录被删除（校验链断开）。",
    )


def test_clearing_personal_values_keeps_the_chain(
    db: Database, admin: Actor, db_path: Path
) -> None:
    some_activity(db, admin)
    db.dispose()
    raw(db_path, "UPDATE audit_log SET personal = NULL")
    report = check_database(db_path)
    assert report.healthy, report.problems
    assert report.audit_rows == len(rows(db)) and len(report.audit_last_hash) == 64


def test_upgrading_an_old_log_moves_personal_values_and_chains_every_row(
    db: Database, admin: Actor, db_path: Path
) -> None:
    some_activity(db, admin)
    before = [(r.id, r.detail, r.personal) for r in rows(db)]
    config = migrate.alembic_config(db.engine)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    with db.engine.connect() as conn:
        old: dict[int, str] = dict(conn.exec_driver_sql("SELECT id, detail FROM audit_log").all())
    assert "迁往县城女儿家" in old[before[2][0]]  # the old schema kept it in the details

    migrate.upgrade(db.engine)

    assert [(r.id, r.detail, r.personal) for r in rows(db)] == before
    db.dispose()
    report = check_database(db_path)
    assert report.healthy, report.problems
    assert report.audit_rows == len(before)


def test_check_from_the_command_line_names_the_edited_row(
    db: Database, admin: Actor, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    some_activity(db, admin)
    target = rows(db)[1].id
    db.dispose()
    raw(db_path, f"UPDATE audit_log SET detail = '{{}}' WHERE id = {target}")
    assert main(["check", "--db", str(db_path)]) == 1
    assert f"审计日志第 {target} 条被修改" in capsys.readouterr().err


def test_a_session_reused_after_another_writer_chains_to_the_newest_row(
    db: Database, admin: Actor, db_path: Path
) -> None:
    session = Session(db.engine)
    with session.begin():
        record(session, admin, "export", entity="client")
    with db.write() as other:
        record(other, admin, "export", entity="case")
    with session.begin():
        record(session, admin, "export", entity="group")
    session.close()
    db.dispose()
    assert check_database(db_path).problems == ()
