"""The 小组, 社区活动, 走访, 志愿者 and 资源链接 lists export exactly what their pages list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.demo.builder import create_demo_database
from app.services.access.auth import actor_for
from app.services.community.service import ActivityService
from app.services.community.types import ActivityQuery
from app.services.context import Actor
from app.services.groups.service import GroupService
from app.services.groups.types import GroupQuery
from app.services.lists.service import ListExportService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitQuery
from app.services.volunteers.resource_types import ResourceQuery
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import VolunteerQuery
from app.store.engine import Database
from app.store.models import User


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, Actor]:
    db = Database.open(tmp_path_factory.mktemp("export_records") / "demo.sqlite3")
    create_demo_database(db, seed=5)
    with db.read() as session:
        admin = session.scalars(select(User).where(User.login == "admin")).one()
        return db, actor_for(session, admin)


def sheet(path: Path) -> list[list[object]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = book.active
        assert ws is not None
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        book.close()


@pytest.mark.parametrize(
    ("key", "first_header", "expected"),
    [
        ("groups", "小组名称", lambda db, a: GroupService(db, a).search_ids(GroupQuery())),
        (
            "activities",
            "活动名称",
            lambda db, a: ActivityService(db, a).search_ids(ActivityQuery()),
        ),
        ("visits", "走访日期", lambda db, a: VisitService(db, a).search_ids(VisitQuery())),
        (
            "volunteers",
            "姓名",
            lambda db, a: VolunteerRegistry(db, a).search_ids(VolunteerQuery()),
        ),
        (
            "resources",
            "日期",
            lambda db, a: ResourceLinkService(db, a).search_ids(ResourceQuery()),
        ),
    ],
)
def test_each_list_exports_the_pages_rows(
    station: tuple[Database, Actor],
    tmp_path: Path,
    key: str,
    first_header: str,
    expected: Callable[[Database, Actor], list[int]],
) -> None:
    db, admin = station
    ids = expected(db, admin)
    assert ids, "the demo station has records of this kind"
    result = ListExportService(db, admin).export(key, tmp_path / f"{key}.xlsx")
    assert result.rows == len(ids)
    rows = sheet(tmp_path / f"{key}.xlsx")
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == first_header)
    body = [r for r in rows[header_at + 1 :] if any(c is not None for c in r)]
    assert len(body) == len(ids)
    assert all(str(cell).strip() for cell in (r[0] for r in body))


def test_volunteer_phones_and_id_numbers_are_masked(
    station: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, admin = station
    path = tmp_path / "volunteers.xlsx"
    ListExportService(db, admin).export("volunteers", path)
    rows = sheet(path)
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "姓名")
    phones = [r[1] for r in rows[header_at + 1 :] if r[1]]
    assert phones and all("****" in str(p) for p in phones)
