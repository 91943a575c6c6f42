"""导出Excel from the client and case lists: masking, reveal with a reason, audit, filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.exports.list_xlsx import CHECK_EVERY, HEADER_ROW
from app.services.access import audit
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery, ClientSort
from app.services.context import Actor
from app.services.listing import ExportCancelled, destination_warning
from app.services.lists.service import ListExportService
from app.store.engine import Database
from app.store.file_guard import Placement
from app.store.models import AuditEntry
from tests.consents import consent_to_services
from tests.unit.services.case_flow import open_case
from tests.unit.services.conftest import TODAY, id_number

PHONE = "13812341234"


@pytest.fixture
def people(clients: ClientService, villages: dict[str, int]) -> dict[str, int]:
    made = {}
    for seq, (name, risk, village) in enumerate(
        [
            ("李秀英", "high", "梅林村"),
            ("张建国", "low", "东山村"),
            ("王桂兰", "high", "东山村"),
            ('=HYPERLINK("http://x","点我")', "low", "梅林村"),
        ],
        start=1,
    ):
        data = ClientInput(
            name=name,
            id_number=id_number("19500308", seq * 2),
            phone=PHONE,
            risk_level=risk,
            village_id=villages[village],
            address="@SUM(1)" if seq == 4 else "梅林村3组",
        )
        made[name] = clients.create(data).id
    return made


def sheet_rows(path: Path) -> list[list[object]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = book.active
        assert ws is not None
        return [list(r) for r in ws.iter_rows(min_row=HEADER_ROW, values_only=True)]
    finally:
        book.close()


def export_audits(db: Database) -> list[dict[str, object]]:
    with db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id)
        ).all()
        return [{"entity": e.entity, **audit.details(e)} for e in entries]


def test_clients_are_masked_by_default_and_the_export_is_audited(
    db: Database, admin: Actor, people: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "clients.xlsx"
    result = ListExportService(db, admin, today=TODAY).export("clients", path)
    assert result.rows == 4 and not result.full_ids
    header, *rows = sheet_rows(path)
    # Without full numbers the age stays and the birth date goes (see app.domain.masking).
    assert header[:5] == ["姓名", "性别", "年龄", "身份证号", "联系电话"]
    full = id_number("19500308", 2)
    li = next(r for r in rows if r[0] == "李秀英")
    assert li[3] == full[:2] + "*" * 16
    assert li[4] == "138****1234"
    assert li[2] == 75  # a number, not text
    cells = [cell for row in rows for cell in row]
    assert all(full not in str(cell) and "19500308" not in str(cell) for cell in cells)
    assert not [c for c in cells if isinstance(c, dt.date | dt.datetime)]
    assert export_audits(db) == [
        {
            "entity": "client",
            "list": "clients",
            "file": "clients.xlsx",
            "rows": 4,
            "full_ids": False,
            "filter": "状态 在册",
        }
    ]


def test_formula_looking_text_never_becomes_a_formula(
    db: Database, admin: Actor, people: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "clients.xlsx"
    ListExportService(db, admin, today=TODAY).export("clients", path)
    book = openpyxl.load_workbook(path)
    ws = book.active
    assert ws is not None
    cells = [c for row in ws.iter_rows(min_row=HEADER_ROW + 1) for c in row]
    assert all(c.data_type != "f" for c in cells)
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert '\'=HYPERLINK("http://x","点我")' in texts
    assert "'@SUM(1)" in texts


def test_full_ids_need_the_role_a_reason_and_are_audited_with_the_count(
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    people: dict[str, int],
    tmp_path: Path,
) -> None:
    path = tmp_path / "full.xlsx"
    for role in (Role.WORKER, Role.SUPERVISOR):
        with pytest.raises(PermissionDenied):
            ListExportService(db, make_actor(role)).export(
                "clients", path, full_ids=True, reason="报送县民政局核对"
            )
    service = ListExportService(db, admin, today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        service.export("clients", path, full_ids=True, reason="  ")
    assert refused.value.field == "reason"
    assert not path.exists()
    assert export_audits(db) == []

    query = ClientQuery(risk_level="high")
    result = service.export(
        "clients", path, query=query, full_ids=True, reason="报送县民政局 核对高风险名单"
    )
    assert result.rows == 2 and result.full_ids
    header, *rows = sheet_rows(path)
    assert header[2:5] == ["出生日期", "年龄", "身份证号"]
    assert {r[2] for r in rows} == {dt.datetime(1950, 3, 8)}
    assert {r[4] for r in rows} == {id_number("19500308", 2), id_number("19500308", 6)}
    assert {r[5] for r in rows} == {PHONE}
    (entry,) = export_audits(db)
    assert entry["rows"] == 2 and entry["full_ids"] is True
    assert entry["reason"] == "报送县民政局 核对高风险名单"
    assert "风险 高" in str(entry["filter"])


def test_a_worker_and_a_supervisor_may_export_masked(
    db: Database, make_actor: Callable[..., Actor], people: dict[str, int], tmp_path: Path
) -> None:
    supervisor = make_actor(Role.SUPERVISOR)
    service = ListExportService(db, supervisor)
    assert not service.can_reveal
    result = service.export("clients", tmp_path / "s.xlsx")
    assert result.rows == 4


def test_the_export_holds_exactly_what_the_page_lists(
    db: Database, admin: Actor, people: dict[str, int], villages: dict[str, int], tmp_path: Path
) -> None:
    clients = ClientService(db, admin, today=TODAY)
    service = ListExportService(db, admin, today=TODAY)
    for query in (
        ClientQuery(village_id=villages["东山村"]),
        ClientQuery(text="李"),
        ClientQuery(risk_level="high", village_id=villages["东山村"]),
        ClientQuery(sort=ClientSort.NAME, descending=True),
    ):
        path = tmp_path / "q.xlsx"
        result = service.export("clients", path, query=query)
        listed = clients.rows(clients.search_ids(query))
        assert result.rows == len(listed)
        assert [r[0] for r in sheet_rows(path)[1:]] == [
            "'" + r.name if r.name.startswith("=") else r.name for r in listed
        ]


def test_cases_follow_the_case_page_filter(
    db: Database, admin: Actor, people: dict[str, int], tmp_path: Path
) -> None:
    cases = CaseService(db, admin, today=TODAY)
    for name in ("李秀英", "张建国"):
        consent_to_services(db, admin, people[name])
    open_case(cases, people["李秀英"], risk_level="high")
    open_case(cases, people["张建国"], risk_level="low")
    service = ListExportService(db, admin, today=TODAY)
    query = CaseQuery(risk_level="high", open_only=True)
    path = tmp_path / "cases.xlsx"
    result = service.export("cases", path, query=query)
    assert result.rows == len(cases.search_ids(query)) == 1
    header, row = sheet_rows(path)
    assert header[:3] == ["个案编号", "服务对象", "身份证号"]
    assert row[1] == "李秀英" and "*" in str(row[2]) and row[8] == "高"
    (entry,) = export_audits(db)
    assert entry["entity"] == "case" and entry["rows"] == 1


def test_cancelling_leaves_no_file_and_no_audit_entry(
    db: Database, admin: Actor, clients: ClientService, tmp_path: Path
) -> None:
    for i in range(CHECK_EVERY + 10):
        clients.create(ClientInput(name=f"测试{i}"))
    path = tmp_path / "big.xlsx"
    with pytest.raises(ExportCancelled):
        ListExportService(db, admin).export("clients", path, is_cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []
    assert export_audits(db) == []


def test_an_existing_file_is_replaced_only_when_the_export_succeeds(
    db: Database, admin: Actor, people: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "clients.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        ListExportService(db, admin).export("clients", path, is_cancelled=lambda: True)
    assert path.read_bytes() == b"old"
    ListExportService(db, admin).export("clients", path)
    assert path.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients.xlsx"]


def test_an_unknown_list_is_named(db: Database, admin: Actor, tmp_path: Path) -> None:
    with pytest.raises(NotFound) as missing:
        ListExportService(db, admin).export("nothing", tmp_path / "x.xlsx")
    assert "clients" in missing.value.message
    assert ListExportService.lists() == {
        "clients": "服务对象",
        "cases": "个案",
        "groups": "小组",
        "activities": "社区活动",
        "visits": "走访",
        "volunteers": "志愿者",
        "resources": "资源链接",
    }


@pytest.mark.parametrize(
    ("where", "said"),
    [
        (Placement(network=False, removable=False), ""),
        (Placement(network=False, removable=True), "U盘"),
        (Placement(network=True, removable=False), "网络共享"),
    ],
)
def test_an_export_to_a_stick_or_a_share_reminds_of_the_personal_data(
    tmp_path: Path, where: Placement, said: str
) -> None:
    warning = destination_warning(tmp_path / "名单.xlsx", probe=lambda _folder: where)
    assert (said in warning and "个人信息" in warning) if said else warning == ""


def test_an_export_to_a_local_folder_says_nothing_more(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    result = ListExportService(db, admin).export("clients", tmp_path / "名单.xlsx")
    assert result.warning == ""
