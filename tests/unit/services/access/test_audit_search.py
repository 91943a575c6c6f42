"""Searching and exporting the audit log."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.domain.audit_labels import action_label, entity_label
from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.exports import audit_xlsx
from app.exports.list_xlsx import ExportCancelled
from app.services.access.audit import AuditService, record
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import AuditEntry, Station

UTC = dt.UTC


def _entry(db: Database, actor: Actor | None, action: str, at: dt.datetime, **kw: Any) -> None:
    with db.write() as session:
        record(session, actor, action, **kw)
        session.flush()
        newest = session.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
        assert newest is not None
        newest.at = at


def test_filters_by_user_record_action_and_dates(
    db: Database, admin: Actor, clients: ClientService, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "xiaoli")
    mine = clients.create(ClientInput(name="张三"))
    ClientService(db, worker).create(ClientInput(name="李四"))
    clients.update(mine.id, version=mine.version, data=ClientInput(name="张三丰"))
    log = AuditService(db, admin)
    assert [r.action for r in log.search(user_login="xiaoli", entity="client")] == ["create"]
    assert [r.entity_id for r in log.search(entity="client", action="update")] == [mine.id]
    assert {r.login for r in log.search(action="create", entity="client")} == {"admin", "xiaoli"}
    assert "xiaoli" in log.logins()

    _entry(db, admin, "backup", dt.datetime(2025, 1, 10, 8, tzinfo=UTC), entity="backup")
    _entry(db, admin, "backup", dt.datetime(2025, 2, 10, 8, tzinfo=UTC), entity="backup")
    january = log.search(
        action="backup",
        since=dt.datetime(2025, 1, 1, tzinfo=UTC),
        until=dt.datetime(2025, 2, 1, tzinfo=UTC),
    )
    assert [r.at.month for r in january] == [1]
    assert len(log.search(limit=2)) == 2


def test_a_station_sees_only_its_own_entries(db: Database, admin: Actor) -> None:
    with db.write() as session:
        other = Station(code="JX0427", name="东山镇社工站")
        session.add(other)
        session.flush()
        record(session, None, "login", login="dong", station_id=other.id)
    assert "dong" not in {r.login for r in AuditService(db, admin).search()}
    assert "dong" not in AuditService(db, admin).logins()


@pytest.mark.parametrize("role", [Role.WORKER, Role.SUPERVISOR])
def test_only_admin_and_head_may_read_or_export(
    db: Database, make_actor: Callable[..., Actor], role: Role, tmp_path: Path
) -> None:
    log = AuditService(db, make_actor(role))
    with pytest.raises(PermissionDenied):
        log.search()
    with pytest.raises(PermissionDenied):
        log.export_xlsx(tmp_path / "audit.xlsx")
    assert not (tmp_path / "audit.xlsx").exists()


def test_station_head_may_search(db: Database, make_actor: Callable[..., Actor]) -> None:
    head = make_actor(Role.HEAD, "zhan")
    assert [r.login for r in AuditService(db, head).search(action="initialise")] == ["admin"]


def test_export_escapes_formula_cells_and_is_logged(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    hostile = ('=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "\tTAB", "\0nul")
    for text in hostile:
        with db.write() as session:
            record(session, None, "login_failed", login=text, reason=text)
    log = AuditService(db, admin)
    path = tmp_path / "audit.xlsx"
    count = log.export_xlsx(path, action="login_failed")
    assert count == len(hostile)

    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("时间", "用户", "操作")
    logins = {row[1] for row in rows[1:]}
    # A leading NUL is dropped as a hidden control; what is left runs nothing.
    assert logins == {"'" + t if t[0] in "=+-@\t" else t.replace("\0", "") for t in hostile}
    for row in rows[1:]:
        assert row[2] == action_label("login_failed") == "登录失败"
        assert all(not str(v).startswith(("=", "+", "-", "@", "\t", "\0")) for v in row if v)

    [export] = log.search(action="export", entity="audit")
    assert json.loads(export.detail)["rows"] == len(hostile)
    assert entity_label(export.entity) == "审计日志"


def test_a_cancelled_export_leaves_no_file_and_logs_nothing(
    db: Database, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        with db.write() as session:
            record(session, None, "login_failed", login=f"x{n}", reason="wrong")
    monkeypatch.setattr(audit_xlsx, "CHECK_EVERY", 2)
    seen: list[int] = []
    log = AuditService(db, admin)
    with pytest.raises(ExportCancelled):
        log.export_xlsx(
            tmp_path / "audit.xlsx",
            action="login_failed",
            progress=lambda done, _total: seen.append(done),
            is_cancelled=lambda: bool(seen),  # after the first rows are written
        )
    assert seen == [2]
    assert list(tmp_path.iterdir()) == []
    assert log.search(action="export", entity="audit") == []
