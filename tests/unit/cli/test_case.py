"""`stationdesk case pdf`, driven through `main([...])` on a temporary database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from stdnum.cn import ric

from app.cli import main
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from tests import pdf_reading
from tests.conftest import ADMIN_PASSWORD
from tests.consents import consent_to_services
from tests.unit.conftest import STAFF_PASSWORD

ID_BODY = "36042619500308002"
ID_NUMBER = ID_BODY + ric.calc_check_digit(ID_BODY + "0")


@pytest.fixture
def case_no(db: Database, admin: Actor) -> str:
    client = ClientService(db, admin).create(ClientInput(name="李秀英", id_number=ID_NUMBER))
    consent_to_services(db, admin, client.id)
    saved = CaseService(db, admin).open_case(
        OpenCaseInput(
            client_id=client.id,
            intake_date=dt.date.today(),
            presenting_problem="独居，腿脚不便，近期多次跌倒。",
        )
    )
    return saved.case_no


def pdf_text(path: Path) -> str:
    return pdf_reading.text(path)


def print_case(db_path: Path, number: str, out: Path, user: str, *more: str) -> int:
    args = ["case", "pdf", "--db", str(db_path), "--case", number, "--out", str(out)]
    return main([*args, "--user", user, *more])


def test_prints_a_masked_case_file(
    db_path: Path, case_no: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    out = tmp_path / "case"
    assert print_case(db_path, case_no.lower(), out, "admin") == 0
    written = out.with_suffix(".pdf")
    text = pdf_text(written)
    assert case_no in text
    assert ID_NUMBER not in text
    assert "身份证号已遮挡" in capsys.readouterr().out


def test_reveal_prints_the_full_number(
    db_path: Path, case_no: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    out = tmp_path / "full.pdf"
    assert print_case(db_path, case_no, out, "admin", "--reveal") == 0
    assert ID_NUMBER in pdf_text(out)


def test_refusals_exit_2_with_a_chinese_message(
    db_path: Path,
    case_no: str,
    make_actor: Callable[..., Actor],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
) -> None:
    monkeypatch.setenv("STATIONDESK_PASSWORD", ADMIN_PASSWORD)
    assert print_case(db_path, "XX-2020-0001", tmp_path / "x.pdf", "admin") == 2
    assert "找不到个案编号" in capsys.readouterr().err
    make_actor(Role.SUPERVISOR, "dudao")
    monkeypatch.setenv("STATIONDESK_PASSWORD", STAFF_PASSWORD)
    out = tmp_path / "s.pdf"
    assert print_case(db_path, case_no, out, "dudao", "--reveal") == 2
    assert "无权" in capsys.readouterr().err
    assert not out.exists()
