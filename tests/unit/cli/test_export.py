"""`stationdesk export LIST`, driven through `main([...])` on a temporary database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select
from stdnum.cn import ric

from app.cli import main
from app.domain.roles import Role
from app.exports.list_xlsx import HEADER_ROW
from app.services.access import audit
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import AuditEntry
from tests.conftest import ADMIN_PASSWORD
from tests.unit.conftest import STAFF_PASSWORD

ID_BODY = "36042619500308002"
ID_NUMBER = ID_BODY + ric.calc_check_digit(ID_BODY + "0")


@pytest.fixture
def registered(db: Database, admin: Actor) -> None:
    ClientService(db, admin).create(
        ClientInput(name="李秀英", id_number=ID_NUMBER, phone="13812341234")
    )


def export(db_path: Path, out: Path, user: str, *more: str, kind: str = "clients") -> int:
    return main(["export", kind, "--db", str(db_path), "--xlsx", str(out), "--user", user, *more])


def id_cell(path: Path) -> object:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = book.active
        assert ws is not None
        header, row = ws.iter_rows(min_row=HEADER_ROW, values_only=True)
        return row[list(header).index("身份证号")]
    finally:
        book.close()


def audit_details(db: Database) -> list[dict[str, object]]:
    with db.read() as session:
        stmt = select(AuditEntry).where(AuditEntry.action == "export")
        return [audit.details(e) for e in session.scalars(stmt)]


def test_exports_masked_by_default(
    db: Database, db_path: Path, registered: None, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    out = tmp_path / "clients"
    assert export(db_path, out, "admin") == 0
    written = out.with_suffix(".xlsx")
    assert id_cell(written) == ID_NUMBER[:2] + "*" * 16
    assert "1 条" in capsys.readouterr().out
    assert audit_details(db)[0]["rows"] == 1


def test_full_ids_with_a_reason(
    db: Database, db_path: Path, registered: None, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    out = tmp_path / "full.xlsx"
    assert export(db_path, out, "admin", "--full-ids") == 2
    assert not out.exists()
    assert export(db_path, out, "admin", "--full-ids", "--reason", "报送县民政局核对") == 0
    assert id_cell(out) == ID_NUMBER
    (entry,) = audit_details(db)
    assert entry["full_ids"] is True and entry["reason"] == "报送县民政局核对"


def test_the_role_is_checked(
    db_path: Path,
    registered: None,
    make_actor: Callable[..., Actor],
    tmp_path: Path,
    monkeypatch,
    capsys,
) -> None:
    make_actor(Role.SUPERVISOR, "dudao")
    monkeypatch.setenv("STATIONDESK_PASSWORD", STAFF_PASSWORD)
    out = tmp_path / "x.xlsx"
    args = ("--full-ids", "--reason", "想看看完整号码")
    assert export(db_path, out, "dudao", *args) == 2
    assert "无权" in capsys.readouterr().err
    assert not out.exists()
    assert export(db_path, out, "dudao", kind="cases") == 0
    assert out.exists()


def test_an_unknown_list_is_refused(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        export(db_path, tmp_path / "x.xlsx", "admin", kind="nothing")
