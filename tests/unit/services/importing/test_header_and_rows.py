"""Finding the header and cleaning values: dates, ID numbers, codes, money."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.importing import header, rows
from app.services.importing.cells import Cell
from app.services.importing.rows import Lookups, RowError
from tests.unit.services.importing.rosters import id_ending_in_x, make_id, serial

TODAY = dt.date(2024, 6, 1)
LOOKUPS = Lookups(
    villages={"梅林村": 1, "河口社区": 3},
    relations={"户主": "02", "配偶": "10", "其他": "99"},
    disability_types={"肢体残疾": "4", "视力残疾": "1"},
    today=TODAY,
)


def test_header_found_below_titles() -> None:
    sheet = [
        ("2024年5月农村低保花名册", None, None),
        ("填报单位：民政办", None, None),
        (None, None, None),
        ("序号", "姓 名", "公民身份号码（18位）"),
        (1, "张三", "x"),
    ]
    found = header.find_header(sheet)
    assert found.row == 3
    assert header.propose(found.names) == {1: "name", 2: "id_number"}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("身份证号码", "id_number"), ("公民身份号码", "id_number"), ("手机", "phone"),
        ("联系电话", "phone"), ("村居", "village"), ("所属村（社区）", "village"),
        ("户主姓名", "head_name"), ("与户主关系", "relation"), ("残疾类别", "disability_type"),
        ("残疾等级", "disability_grade"), ("月保障金额（元）", "benefit_amount"),
        ("救助金额", "benefit_amount"), ("家庭住址", "address"), ("住址", "address"),
        ("人员类别", "category"), ("出生年月", "birth_date"), ("备注", None),
    ],
)  # fmt: skip
def test_header_names(name: str, key: str | None) -> None:
    assert header.field_for(name) == key


def test_each_field_is_proposed_once() -> None:
    assert header.propose(["姓名", "姓名", "电话"]) == {0: "name", 2: "phone"}


def test_saved_mapping_follows_moved_columns() -> None:
    saved = {"姓名": "name", "身份证号": "id_number"}
    assert header.from_saved(["序号", "身份证号", "姓名"], saved) == {1: "id_number", 2: "name"}


@pytest.mark.parametrize(
    "cell",
    ["1980.1.5", "1980年1月5日", "19800105", 19800105, "1980-01-05", "1980/1/5",
     dt.datetime(1980, 1, 5), dt.date(1980, 1, 5), serial(dt.date(1980, 1, 5)),
     float(serial(dt.date(1980, 1, 5))), "1980-01-05 00:00:00", " 1980．1．5 "],
)  # fmt: skip
def test_dates_in_every_form(cell: Cell) -> None:
    assert rows.date_value(cell, "出生日期") == (1980, 1, 5)


def test_year_and_month_only() -> None:
    assert rows.date_value("1980.1", "出生日期") == (1980, 1, None)


@pytest.mark.parametrize("cell", ["1980.2.30", "19801301", "明年", "1980-13"])
def test_impossible_dates_are_errors(cell: str) -> None:
    with pytest.raises(RowError, match="出生日期"):
        rows.date_value(cell, "出生日期")


def test_id_number_forms() -> None:
    number = make_id(dt.date(1955, 6, 7), 12)
    old = number[:6] + number[8:17]
    assert rows.id_number(old, TODAY).number == number
    x = id_ending_in_x(dt.date(1990, 2, 3))
    assert rows.id_number(x.lower(), TODAY).number == x
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert rows.id_number(f" {full_width}  ", TODAY).number == number


@pytest.mark.parametrize(
    "cell", [360428198001010000, 3.60428198001e17, "3.60428E+17", "4.30102e17"]
)
def test_numeric_or_scientific_ids_are_refused(cell: Cell) -> None:
    with pytest.raises(RowError, match=r"数字格式|科学计数法"):
        rows.id_number(cell, TODAY)


def test_wrong_check_digit() -> None:
    good = make_id(dt.date(1980, 1, 1), 1)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(RowError, match="校验位"):
        rows.id_number(bad, TODAY)


def test_text_cleaning() -> None:
    assert rows.text("  张 三\u3000 ") == "张三"
    assert rows.text("ＡＢＣ１２３") == "ABC123"
    assert rows.text(13800138000.0) == "13800138000"
    assert rows.text(None) == ""


def test_villages_match_without_their_suffixes() -> None:
    assert rows.village("梅林村民委员会", LOOKUPS.villages) == 1
    assert rows.village("梅林", LOOKUPS.villages) == 1
    assert rows.village("河口居委会", LOOKUPS.villages) == 3
    with pytest.raises(RowError, match="不在本站"):
        rows.village("西山村", LOOKUPS.villages)


def test_disability_in_one_or_two_cells() -> None:
    assert rows.disability("肢体二级", None, LOOKUPS.disability_types) == ("4", "2")
    assert rows.disability("视力", "1级", LOOKUPS.disability_types) == ("1", "1")
    with pytest.raises(RowError, match="缺少残疾等级"):
        rows.disability("肢体", "", LOOKUPS.disability_types)
    with pytest.raises(RowError, match="代码表"):
        rows.disability("其他", "一级", LOOKUPS.disability_types)


def test_money_and_phone() -> None:
    assert rows.money("¥1,080.00元") == "1080"
    assert rows.money(560.5) == "560.5"
    with pytest.raises(RowError, match="不是数字"):
        rows.money("五百")
    assert rows.phone("13800138000/13900139000") == "13800138000"
    with pytest.raises(RowError, match="联系电话"):
        rows.phone("12345")


def test_clean_row_cross_checks_sex_and_birth_date() -> None:
    number = make_id(dt.date(1980, 1, 1), 1)  # sequence 001: odd, so male
    columns = {0: "name", 1: "id_number", 2: "sex", 3: "birth_date", 4: "relation"}
    row = rows.clean(("张三 ", number, "男", "1980.1.1", "本人"), columns, LOOKUPS)
    assert (row.name, row.sex, row.birth_date, row.relation) == (
        "张三",
        "1",
        dt.date(1980, 1, 1),
        "02",
    )
    with pytest.raises(RowError, match="性别与身份证号不符"):
        rows.clean(("张三", number, "女", None, None), columns, LOOKUPS)
    with pytest.raises(RowError, match="出生日期与身份证号不符"):
        rows.clean(("张三", number, None, "1981.1.1", None), columns, LOOKUPS)
    with pytest.raises(RowError, match="缺少姓名"):
        rows.clean(("", number, None, None, None), columns, LOOKUPS)
