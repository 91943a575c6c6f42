"""The roster template: the importer's own headers, two valid examples, and the rules on 说明."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.domain import idnumber
from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.importing import header
from app.services.importing.results import Verdict
from app.services.importing.service import RosterImportService
from app.store.engine import Database
from app.store.models import Client, Village
from tests.unit.services.importing.conftest import TODAY, PreviewOf


@pytest.fixture
def saved(tmp_path: Path, importer: RosterImportService) -> Path:
    path = tmp_path / "名单模板.xlsx"
    importer.save_template(path)
    return path


def test_every_header_is_one_the_importer_recognises(saved: Path) -> None:
    sheet = openpyxl.load_workbook(saved)["名单"]
    names = tuple(header.header_text(c.value) for c in sheet[1])
    assert header.propose(names) == {i: key for i, (key, _l, _n) in enumerate(header.FIELDS)}
    assert names[:2] == ("姓名", "身份证号")
    # What the user types under the examples stays text: an ID number is never rounded.
    assert sheet.column_dimensions["B"].number_format == "@"


def test_the_examples_are_valid_and_agree_with_their_id_numbers(saved: Path) -> None:
    sheet = openpyxl.load_workbook(saved)["名单"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 2
    for row in rows:
        info = idnumber.parse(row[1], today=TODAY)
        assert info.sex.value == {"男": "1", "女": "2"}[row[2]]
        assert row[3].date() == info.birth_date


def test_the_guide_names_required_columns_formats_and_choices(saved: Path) -> None:
    guide = openpyxl.load_workbook(saved)["说明"]
    lines = {row[0]: row[1:] for row in guide.iter_rows(values_only=True) if row[0]}
    assert lines["姓名"][0] == "必填" and lines["身份证号"][0] == "必填"
    assert lines["性别"][0] == "可不填"
    assert "1950-03-08" in lines["出生日期"][1]
    assert "18位" in lines["身份证号"][1]
    assert "低保对象·农村" in lines["人员类别"][1]  # the categories a roster may grant
    assert "梅林村、东山村、河口社区" in lines["村/社区"][1]  # the station's villages


def test_an_inactive_village_is_not_offered(
    db: Database, importer: RosterImportService, tmp_path: Path
) -> None:
    with db.write() as session:
        session.scalars(select(Village).where(Village.name == "梅林村")).one().active = False
    importer.save_template(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    guide = "".join(str(v) for row in book["说明"].iter_rows(values_only=True) for v in row)
    assert "东山村、河口社区" in guide and "梅林村、" not in guide
    assert book["名单"]["F2"].value == "东山村"


def test_importing_the_template_as_saved_imports_its_two_examples(
    saved: Path, preview_of: PreviewOf, importer: RosterImportService, db: Database
) -> None:
    preview = preview_of(saved)
    assert [(r.verdict, r.name) for r in preview.rows] == [
        (Verdict.NEW, "张示例"),
        (Verdict.NEW, "李示例"),
    ], [r.reason for r in preview.rows]
    importer.commit(preview)
    with db.read() as session:
        son = session.scalars(select(Client).where(Client.name == "李示例")).one()
        assert (son.relation_to_head, son.disability_type, son.disability_grade) == ("20", "4", "2")
        assert session.scalar(select(Village.name).where(Village.id == son.village_id)) == "梅林村"


def test_only_those_who_may_import_get_the_template(
    db: Database, make_actor: Callable[..., Actor], tmp_path: Path
) -> None:
    with pytest.raises(PermissionDenied):
        RosterImportService(db, make_actor(Role.SUPERVISOR)).save_template(tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()
