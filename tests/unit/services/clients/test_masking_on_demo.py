"""Masking on the small demo: no role without the reveal right can rebuild an ID number.

For each client, everything the role is shown (list row, client detail, case detail:
masked number, birth date or age, sex) plus the address codes of the client's county
(old and new, as someone who knows the village knows them) must leave at least
`MINIMUM` numbers that pass the GB 11643 check. docs/masking.md has the figures.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest
from sqlalchemy import select

from app.demo import data as demo_data
from app.demo.builder import create_demo_database
from app.domain.roles import Role
from app.services.access.auth import actor_for
from app.services.cases.printing import CasePrintService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery
from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery
from app.services.context import Actor
from app.services.lists.service import ListExportService
from app.services.reports.service import ReportService, add_months, month_start
from app.store.engine import Database
from app.store.models import Client, User
from tests import pdf_reading
from tests.unit.domain.id_candidates import born_at_age, candidates

MINIMUM = 1000
COUNTIES = (demo_data.HOME_CODES, *demo_data.NEIGHBOUR_CODES)


class Demo(NamedTuple):
    db: Database
    actors: dict[str, Actor]  # admin, worker, supervisor
    born: dict[int, tuple[str, str, dt.date]]  # client id → name, ID number, birth date


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    db = Database.open(tmp_path_factory.mktemp("masking") / "demo.sqlite3")
    create_demo_database(db, seed=1)
    with db.read() as session:
        users = session.scalars(select(User).order_by(User.id)).all()
        # The demo's administrator is its station's head.
        actors = {
            name: actor_for(session, next(u for u in users if u.role == role.value))
            for name, role in (
                ("admin", Role.ADMIN),
                ("worker", Role.WORKER),
                ("supervisor", Role.SUPERVISOR),
            )
        }
        born = {
            c.id: (c.name, c.id_number, c.birth_date)
            for c in session.scalars(select(Client))
            if c.id_number and c.birth_date
        }
    return Demo(db, actors, born)


def _county(code: str) -> tuple[str, ...]:
    return next(codes for codes in COUNTIES if code in codes)


def _counts(demo: Demo, role: str) -> tuple[list[int], list[int]]:
    """Candidates per client the role may not reveal, and per client it may (informative)."""
    actor = demo.actors[role]
    service = ClientService(demo.db, actor)
    today = service.today
    rows = service.rows(service.search_ids(ClientQuery(status="")))
    hidden: list[int] = []
    revealable: list[int] = []
    for row in rows:
        if row.id not in demo.born:
            continue
        _name, number, birth = demo.born[row.id]
        detail = service.get(row.id)
        assert detail.id_number_masked == row.id_number_masked
        if detail.can_reveal:
            # The revealed path as it was: the birth date is there for who may see the number.
            assert detail.birth_date == birth
        else:
            assert detail.birth_date is None
        assert row.age is not None
        dates = born_at_age(row.age, today) if detail.birth_date is None else [birth]
        count = candidates(row.id_number_masked, codes=_county(number[:6]), born=dates, sex=row.sex)
        (revealable if detail.can_reveal else hidden).append(count)
        if not detail.can_reveal:
            # Even knowing which of the county's codes was used leaves enough.
            exact_code = candidates(
                row.id_number_masked, codes=[number[:6]], born=dates, sex=row.sex
            )
            assert exact_code >= MINIMUM, (row.name, row.id_number_masked)
    return hidden, revealable


@pytest.mark.parametrize("role", ["supervisor", "worker"])
def test_no_client_can_be_rebuilt_by_a_role_without_the_reveal_right(demo: Demo, role: str) -> None:
    hidden, _revealable = _counts(demo, role)
    assert len(hidden) >= 200, "most demo clients are not this role's own"
    assert min(hidden) >= MINIMUM
    assert statistics.median(hidden) >= MINIMUM


def test_the_old_mask_would_have_given_every_number_away(demo: Demo) -> None:
    """The counter is not blind: `3604**********0071` beside the birth date is one number."""
    found = [
        candidates(
            number[:4] + "*" * 10 + number[-4:],
            codes=_county(number[:6]),
            born=[birth],
            sex="1" if int(number[16]) % 2 else "2",
        )
        for _name, number, birth in demo.born.values()
    ]
    assert found.count(1) == len(found) >= 300


def test_a_case_shows_the_client_as_the_client_list_does(demo: Demo) -> None:
    actor = demo.actors["supervisor"]
    cases = CaseService(demo.db, actor)
    clients = ClientService(demo.db, actor)
    ids = cases.search_ids(CaseQuery())[:20]
    assert ids
    for case_id in ids:
        case = cases.get(case_id)
        client = clients.get(case.client_id)
        assert (case.client_id_masked, case.client_age) == (client.id_number_masked, client.age)


def _birth_texts(birth: dt.date) -> set[str]:
    return {f"{birth:%Y%m%d}", birth.isoformat(), f"{birth.year}年{birth.month}月{birth.day}日"}


def _leaks(rows: Iterable[Iterable[object]], born: dict[int, tuple[str, str, dt.date]]) -> list:
    """Rows that name a client beside that client's birth date, or show 8+ ID digits."""
    by_name: dict[str, set[dt.date]] = {}
    for name, _number, birth in born.values():
        by_name.setdefault(name, set()).add(birth)
    found = []
    for row in rows:
        cells = list(row)
        texts = [c for c in cells if isinstance(c, str)]
        dates = {c.date() if isinstance(c, dt.datetime) else c for c in cells}
        for name in (t for t in texts if t in by_name):
            for birth in by_name[name]:
                if birth in dates or any(b in t for t in texts for b in _birth_texts(birth)):
                    found.append(cells)
        if any(sum(ch.isdigit() for ch in t) >= 8 and "*" in t for t in texts):
            found.append(cells)
    return found


def _workbook_rows(path: Path) -> list[list[object]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize("role", ["supervisor", "worker", "admin"])
def test_a_masked_client_list_has_ages_and_no_birth_dates(
    demo: Demo, tmp_path: Path, role: str
) -> None:
    path = tmp_path / "clients.xlsx"
    ListExportService(demo.db, demo.actors[role]).export("clients", path)
    rows = _workbook_rows(path)
    header = next(r for r in rows if "姓名" in r)
    assert "年龄" in header and "出生日期" not in header
    assert not [c for r in rows for c in r if isinstance(c, dt.date)]
    assert not _leaks(rows, demo.born)


def test_a_full_export_with_a_reason_keeps_the_birth_dates(demo: Demo, tmp_path: Path) -> None:
    """The leak check is not blind: the revealed path still carries what it carried."""
    path = tmp_path / "full.xlsx"
    exports = ListExportService(demo.db, demo.actors["admin"])
    exports.export("clients", path, full_ids=True, reason="报送县民政局核对")
    rows = _workbook_rows(path)
    assert "出生日期" in next(r for r in rows if "姓名" in r)
    assert len(_leaks(rows, demo.born)) >= len(demo.born)


def test_the_case_list_and_the_monthly_reports_detail_sheets_show_no_birth_date(
    demo: Demo, tmp_path: Path
) -> None:
    supervisor = demo.actors["supervisor"]
    ListExportService(demo.db, supervisor).export("cases", tmp_path / "cases.xlsx")
    reports = ReportService(demo.db, supervisor)
    month = add_months(month_start(reports.today), -1)
    reports.write_monthly(month, xlsx=tmp_path / "report.xlsx")
    for name in ("cases.xlsx", "report.xlsx"):
        rows = _workbook_rows(tmp_path / name)
        named = {c for r in rows for c in r if isinstance(c, str)}
        assert named & {n for n, _i, _b in demo.born.values()}, f"{name} names clients"
        assert not _leaks(rows, demo.born), name


def test_a_printed_case_file_shows_the_age_not_the_birth_date(demo: Demo, tmp_path: Path) -> None:
    supervisor = demo.actors["supervisor"]
    cases = CaseService(demo.db, supervisor)
    case = cases.get(cases.search_ids(CaseQuery())[0])
    path = CasePrintService(demo.db, supervisor).case_file_pdf(case.id, tmp_path / "case.pdf")
    text = pdf_reading.text(path)
    _name, number, birth = demo.born[case.client_id]
    assert f"{case.client_age}岁" in text and number[:2] + "*" * 16 in text
    assert not [b for b in _birth_texts(birth) if b in text]
