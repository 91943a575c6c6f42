"""Rosters with random damage: no crash, no half-written import, no bad ID ever stored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain import idnumber
from app.domain.errors import InvalidInput
from app.services.context import Actor
from app.services.importing import readers
from app.services.importing.cells import Row
from app.services.importing.results import Verdict
from app.services.importing.service import ImportCancelled, RosterImportService
from app.store.engine import Database
from app.store.models import Client
from tests.unit.services.importing.conftest import TODAY, snapshot
from tests.unit.services.importing.rosters import make_id, serial

HEADER: Row = ("姓名", "身份证号", "村/社区", "出生日期", "联系电话", "保障金额")
COLUMNS = {
    0: "name",
    1: "id_number",
    2: "village",
    3: "birth_date",
    4: "phone",
    5: "benefit_amount",
}


@st.composite
def damaged_row(draw: st.DrawFn) -> Row:
    birth = draw(st.dates(dt.date(1920, 1, 1), dt.date(2020, 12, 31)))
    number = make_id(birth, draw(st.integers(0, 40)))
    id_cell = draw(
        st.sampled_from(
            [
                number, number.lower(), f" {number} ", number[:17], number[:16] + "0" + number[17],
                "".join(chr(ord(c) + 0xFEE0) for c in number), number[:6] + number[8:17],
                float(number[:17]), int(number[:17]), f"{float(number[:17]):.5E}", "", None, "无",
            ]
        )
    )  # fmt: skip
    name = draw(st.sampled_from(["张三", " 李 四 ", "", "王五\u3000", "赵" * 70, "Ａ丽"]))
    village = draw(st.sampled_from(["梅林村", "东山村委会", "河口", "", "西山村", None]))
    date_cell = draw(
        st.sampled_from(
            [None, birth.strftime("%Y.%m.%d"), f"{birth.year}年{birth.month}月{birth.day}日",
             int(birth.strftime("%Y%m%d")), serial(birth), "1990.2.30", "不详",
             dt.datetime(1999, 1, 1)]
        )
    )  # fmt: skip
    phone = draw(st.sampled_from(["", "13800138000", "138 0013 8000", "12345", None, 13900139000]))
    amount = draw(st.sampled_from(["", "560", 600.5, "五百", "-3", None, "¥1,080"]))
    junk = draw(st.text(max_size=3))
    return (
        name + junk if draw(st.booleans()) else name,
        id_cell,
        village,
        date_cell,
        phone,
        amount,
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.lists(damaged_row(), min_size=1, max_size=25), stop_at=st.integers(0, 1))
def test_random_damage(
    data: list[Row], stop_at: int, db: Database, admin: Actor, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"stand-in: the rows come from the patched reader")
    monkeypatch.setattr(readers, "read_rows", lambda _p, _s: [HEADER, *data])
    importer = RosterImportService(db, admin, today=TODAY)
    preview = importer.preview(
        path, sheet="名单", header_row=0, columns=COLUMNS, category="dibao_rural", import_date=TODAY
    )
    filled = [r for r in data if any(c not in (None, "") for c in r)]
    assert len(preview.rows) == len(filled)
    for row in preview.rows:
        if row.verdict in (Verdict.ERROR, Verdict.DUPLICATE):
            assert row.reason
        else:
            assert row.values is not None
    before = snapshot(db)
    ticks = iter(range(stop_at))  # cancelled at the first check or at the last one
    with pytest.raises((ImportCancelled, InvalidInput)) as aborted:
        importer.commit(preview, is_cancelled=lambda: next(ticks, None) is None)
    assert aborted.type is ImportCancelled or "没有可以导入" in str(aborted.value)
    assert snapshot(db) == before
    if preview.importable:
        importer.commit(preview)
    with db.read() as session:
        stored = set(session.scalars(select(Client.id_number)))
    for number in stored:
        assert number is not None and idnumber.parse(number, today=TODAY).number == number
    for row in preview.rows:
        if row.values is not None and row.verdict is not Verdict.ERROR:
            assert row.values.id_number in stored
