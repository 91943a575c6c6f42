"""The printed case file: 200 service records, Chinese text readable, font embedded, PNG."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.case_rules import Stage
from app.domain.roles import Role
from app.services.cases.printing import CasePrintService
from app.services.cases.service import CaseService
from app.services.cases.types import ServiceRecordInput
from app.services.context import Actor
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.case_flow import INTAKE, carry, new_client, open_case
from tests.unit.services.conftest import TODAY, audit_actions

RECORDS = 200
LONG = "入户探访时服务对象情绪稳定，谈到子女在外地务工，希望社工帮助联系村委会安排邻里互助。" * 6


@pytest.fixture
def printed(
    db: Database, make_actor: Callable[..., Actor], tmp_path: Path
) -> tuple[Path, str, Actor]:
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    head = make_actor(Role.HEAD, "zhang", "张站长")
    w = CaseService(db, worker, today=TODAY)
    case_id, _ = open_case(w, new_client(db, worker))
    version = carry(w, CaseService(db, head, today=TODAY), case_id, Stage.INTERVENTION)
    for i in range(RECORDS - 1):
        version = w.add_service_record(
            case_id,
            version=version,
            data=ServiceRecordInput(
                served_on=INTAKE + dt.timedelta(days=11 + i % 45),
                mode=("phone", "home_visit", "interview")[i % 3],
                duration_min=30 + i % 60,
                start_time=dt.time(9, 30),
                place="服务对象家中",
                people_present="服务对象、女儿",
                content=f"第{i + 2}次：{LONG if i % 20 == 0 else '电话问候，了解近况。'}",
                analysis="服务对象支持网络逐步建立。",
                next_step="继续探访",
            ),
        ).version
    path = tmp_path / "case.pdf"
    CasePrintService(db, worker, today=TODAY).case_file_pdf(case_id, path)
    return path, w.get(case_id).case_no, worker


def test_case_file_prints_200_records_with_chinese(
    printed: tuple[Path, str, Actor], db: Database, tmp_path: Path
) -> None:
    path, case_no, _worker = printed
    text = pdf_reading.text(path)
    assert case_no in text
    assert "36****************" in text  # the masked ID number
    assert "个案档案" in text and "梅林镇社工站" in text and "第200次服务" in text
    assert "站长（签名）" in text
    pages = pdf_reading.page_count(path)
    assert pages > 5
    assert f"第 {pages} 页 / 共 {pages} 页" in text
    fonts = pdf_reading.fonts(path)
    assert fonts and all(font.embedded for font in fonts)
    assert any("WenQuanYiMicroHei" in font.name for font in fonts)
    assert "export" in audit_actions(db, entity="case")
    assert pdf_reading.render_first_page(path, tmp_path / "p.png").stat().st_size > 1000


def test_reveal_needs_permission(
    db: Database, make_actor: Callable[..., Actor], tmp_path: Path
) -> None:
    from app.domain.errors import PermissionDenied

    worker = make_actor(Role.WORKER, "liwei", "李伟")
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    case_id, _ = open_case(CaseService(db, worker, today=TODAY), new_client(db, worker))
    with pytest.raises(PermissionDenied):
        CasePrintService(db, supervisor, today=TODAY).case_file_pdf(
            case_id, tmp_path / "x.pdf", reveal=True
        )
    path = CasePrintService(db, worker, today=TODAY).case_file_pdf(
        case_id, tmp_path / "y.pdf", reveal=True
    )
    assert "3604261950030800" in pdf_reading.text(path)
    assert "reveal" in audit_actions(db, entity="client")
