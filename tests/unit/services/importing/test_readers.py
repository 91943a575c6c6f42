"""Reading roster files, and refusing the bad ones with a message a user can act on."""

from __future__ import annotations

import datetime as dt
import resource
from collections.abc import Sequence
from pathlib import Path

import pytest

from app.domain.errors import InvalidInput
from app.services.importing import readers
from tests.unit.services.importing import rosters


@pytest.fixture
def good(tmp_path: Path) -> Path:
    rows: list[Sequence[object]] = [
        rosters.HEADERS,
        [1, "张三", rosters.make_id(dt.date(1980, 1, 1), 1)],
    ]
    return rosters.write_xlsx(tmp_path / "good.xlsx", rows, title="2024年低保名单")


def test_xlsx_rows_start_at_row_one_with_titles_and_merged_cells(good: Path) -> None:
    assert readers.sheet_names(good) == ["名单"]
    rows = readers.read_rows(good, "名单")
    assert rows[0][0] == "2024年低保名单"
    assert rows[2][:2] == ("序号", "姓名")
    assert rows[3][1] == "张三"


def test_xls_is_read(tmp_path: Path) -> None:
    path = rosters.write_xls(tmp_path / "old.xls", [rosters.HEADERS, [1, "李四", "x"]])
    assert readers.sheet_names(path) == ["名单"]
    rows = readers.read_rows(path, "名单")
    assert rows[1][:2] == ("序号", "姓名")
    assert rows[2][1] == "李四"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_gbk_or_utf8(tmp_path: Path, encoding: str) -> None:
    path = rosters.write_csv(tmp_path / "名单.csv", [["姓名", "村"], ["张三", "梅林村"]], encoding)
    assert readers.sheet_names(path) == ["名单"]
    assert readers.read_rows(path, "名单")[1] == ("张三", "梅林村")


def refused(path: Path) -> str:
    with pytest.raises(InvalidInput) as caught:
        readers.read_rows(path, readers.sheet_names(path)[0])
    return caught.value.message


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert "空的" in refused(tmp_path / "empty.xlsx")


def test_empty_sheet(tmp_path: Path) -> None:
    path = rosters.write_xlsx(tmp_path / "blank.xlsx", [])
    assert "是空的" in refused(path)


def test_renamed_docx(tmp_path: Path) -> None:
    assert "Word" in refused(rosters.write_docx(tmp_path / "roster.xlsx"))


def test_truncated_zip(tmp_path: Path, good: Path) -> None:
    assert "损坏" in refused(rosters.write_truncated(tmp_path / "cut.xlsx", good))


def test_encrypted_workbook(tmp_path: Path) -> None:
    assert "密码" in refused(rosters.write_encrypted(tmp_path / "locked.xlsx"))


def test_text_file_that_is_not_csv(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 something")
    assert "不是 Excel" in refused(tmp_path / "notes.pdf")


def test_zip_bomb_is_refused_within_a_memory_bound(tmp_path: Path, good: Path) -> None:
    bomb = rosters.write_zip_bomb(tmp_path / "bomb.xlsx", good, megabytes=60)
    assert bomb.stat().st_size < 1_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert "恶意" in refused(bomb)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50


def test_entity_bomb_is_refused(tmp_path: Path, good: Path) -> None:
    assert "实体" in refused(rosters.write_entity_bomb(tmp_path / "laughs.xlsx", good))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="找不到文件"):
        readers.sheet_names(tmp_path / "nowhere.xlsx")


def test_unknown_sheet(good: Path) -> None:
    with pytest.raises(InvalidInput, match="没有名为"):
        readers.read_rows(good, "Sheet9")


def test_hash_is_sha256_of_the_bytes(good: Path) -> None:
    import hashlib

    assert readers.file_hash(good) == hashlib.sha256(good.read_bytes()).hexdigest()
