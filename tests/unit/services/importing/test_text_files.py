"""Rosters saved as text in every encoding Excel and other programs write, and non-text refused."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput
from app.services.importing import readers, text_files
from app.services.importing.results import Verdict
from app.services.importing.service import RosterImportService
from app.store.engine import Database
from app.store.models import Client
from tests.unit.services.importing import rosters
from tests.unit.services.importing.conftest import PreviewOf

PEOPLE = [
    ("张桂兰", rosters.make_id(dt.date(1950, 3, 8), 2), "梅林村", "梅林村3组,12号"),
    ("欧阳娜娜", rosters.make_id(dt.date(1988, 11, 2), 4), "东山村", "东山村上屋"),
    ("李四", rosters.make_id(dt.date(1962, 7, 19), 5), "河口社区", "河口街8号"),
]
HEADER: list[object] = ["序号", "姓名", "公民身份号码", "村（社区）", "家庭住址"]


def roster_rows() -> list[list[object]]:
    # A title above the header, as the civil affairs office sends it.
    rows: list[list[object]] = [["2025年农村低保名单"], HEADER]
    rows += [[i, name, number, village, address] for i, (name, number, village, address) in
             enumerate(PEOPLE, start=1)]  # fmt: skip
    return rows


# (encoding, separator, suffix): what Excel's "CSV", "CSV UTF-8", "Unicode 文本" and
# "文本文件(制表符分隔)" write, and what other programs write without a mark.
AS_SAVED = [
    ("gbk", ",", ".csv"),
    ("gb18030", ",", ".csv"),
    ("utf-8", ",", ".csv"),
    ("utf-8-sig", ",", ".csv"),
    ("utf-16-le-bom", "\t", ".txt"),
    ("utf-16-be-bom", "\t", ".txt"),
    ("gbk", "\t", ".txt"),
]


@pytest.mark.parametrize(("encoding", "separator", "suffix"), AS_SAVED)
def test_the_same_roster_in_every_encoding_imports_the_same_rows(
    tmp_path: Path,
    preview_of: PreviewOf,
    importer: RosterImportService,
    db: Database,
    encoding: str,
    separator: str,
    suffix: str,
) -> None:
    path = rosters.write_csv(
        tmp_path / f"名单{suffix}", roster_rows(), encoding, delimiter=separator
    )
    preview = preview_of(path)
    assert [(r.verdict, r.name) for r in preview.rows] == [(Verdict.NEW, p[0]) for p in PEOPLE]
    importer.commit(preview)
    with db.read() as session:
        stored = set(session.execute(select(Client.name, Client.id_number, Client.address)))
    assert stored == {(name, number, address) for name, number, _v, address in PEOPLE}


def test_a_name_only_gb18030_can_write(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        "刘䶮".encode("gbk")
    path = rosters.write_csv(tmp_path / "名单.csv", [HEADER, [1, "刘䶮", PEOPLE[0][1]]], "gb18030")
    assert readers.read_rows(path, "名单")[1][1] == "刘䶮"


def test_a_mark_is_believed_before_the_detector() -> None:
    # Without its mark these bytes read as other text; with it they are UTF-16 BE.
    data = codecs.BOM_UTF16_BE + "姓名\t村\n张三\t梅林村\n".encode("utf-16-be")
    assert text_files.decode(data, "a.txt").startswith("姓名\t村")


def test_a_two_line_gbk_roster_is_not_read_as_korean() -> None:
    assert text_files.decode("姓名,村\n张三,梅林村\n".encode("gbk"), "a.csv") == (
        "姓名,村\n张三,梅林村\n"
    )


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 16,  # a program or an image renamed to .csv
        b"\x00" * 200,  # NUL decodes as UTF-8, but is no roster
        b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)) * 8,
    ],
)
def test_a_file_that_is_not_text_is_refused_by_name(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "低保名单.csv"
    path.write_bytes(data)
    with pytest.raises(InvalidInput) as caught:
        readers.sheet_names(path)
    assert "“低保名单.csv”" in caught.value.message
    assert "编码" in caught.value.message


def test_a_bad_byte_past_the_detectors_samples_is_refused(tmp_path: Path) -> None:
    body = "姓名,村\n" + "张三,梅林村\n" * 20_000
    path = tmp_path / "名单.csv"
    path.write_bytes(body.encode("utf-8") + b"\xff\xfe\xfd,\n")
    with pytest.raises(InvalidInput, match=r"名单\.csv"):
        readers.read_rows(path, "名单")


def test_the_header_decides_between_tabs_and_commas() -> None:
    # The title defeats csv.Sniffer, and each address has more commas than the line has tabs.
    text = "2025年低保名单\n姓名\t身份证号\t家庭住址\n张三\t1\t梅林村,3组,12号,东侧\n"
    assert text_files.split(text)[2] == ("张三", "1", "梅林村,3组,12号,东侧")


def test_semicolons_and_unknown_headers_fall_back_to_the_sniffer() -> None:
    assert text_files.split("a;b;c\n1;2;3\n4;5;6\n")[2] == ("4", "5", "6")
    assert text_files.split("姓名;身份证号\n张三;1\n")[1] == ("张三", "1")
    assert text_files.split("single\n")[0] == ("single",)
