"""Pinyin keys of names, and what a typed query stands for."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.domain import name_pinyin


def found_by(name: str, query: str) -> bool:
    """What the index answers: a key of the name starts with a prefix the query stands for."""
    parsed = name_pinyin.query_keys(query)
    assert parsed is not None
    prefixes, runs = parsed
    typed = all(run in name for run in runs)
    return typed and any(k.startswith(p) for k in name_pinyin.keys(name) for p in prefixes)


@pytest.mark.parametrize(
    "query",
    [
        "zgl", "ZGL", "zhang", "zh", "z", "zhangguilan", "zhang gui lan", "Zhang Gui Lan",
        "zhanggl", "zhangg", "zhanggu", "zguilan", "张gl", "zhang桂兰", "张gui兰", "guilan",
        "gl", "lan", "ｚｇｌ", "zhang'gui'lan",
    ],
)  # fmt: skip
def test_zhang_gui_lan_is_found_by_each_way_of_typing_it(query: str) -> None:
    assert found_by("张桂兰", query)


@pytest.mark.parametrize(
    "query", ["zgk", "zhangguilang", "zhangl", "gz", "张gk", "章gl", "zhang桂花", "wang", "lz"]
)
def test_what_zhang_gui_lan_is_not_found_by(query: str) -> None:
    assert not found_by("张桂兰", query)


@pytest.mark.parametrize(
    ("name", "surname", "everyday"),
    [
        ("曾国强", "zeng", "ceng"),
        ("单雄", "shan", "dan"),
        ("解小明", "xie", "jie"),
        ("仇英", "qiu", "chou"),
        ("区志强", "ou", "qu"),
        ("朴正", "piao", "pu"),
        ("查良镛", "zha", "cha"),
        ("翟文", "zhai", "di"),
    ],
)
def test_a_surname_is_read_as_a_surname_and_as_the_everyday_character(
    name: str, surname: str, everyday: str
) -> None:
    first = name_pinyin.units(name)[0]
    assert first[0] == surname
    assert everyday in first
    rest = "".join(u[0][0] for u in name_pinyin.units(name)[1:])
    assert found_by(name, surname + rest)
    assert found_by(name, surname[0] + rest)
    assert found_by(name, everyday + rest)


def test_a_surname_reading_is_not_used_inside_a_given_name() -> None:
    # 单 is shan as a surname; in a given name it reads dan (and shan is kept as well).
    assert name_pinyin.units("王单")[1][0] == "dan"
    assert name_pinyin.units("曾曾")[1][0] == "ceng"


def test_compound_surnames_and_given_name_heteronyms() -> None:
    assert found_by("尉迟恭", "yuchigong")
    assert found_by("长孙无忌", "zhangsun")
    assert found_by("欧阳长乐", "oycl")
    assert found_by("欧阳长乐", "ouyangchangyue")
    assert found_by("张乐", "zhangyue")
    assert found_by("张乐", "zhangle")


def test_u_umlaut_is_typed_v_or_u() -> None:
    assert found_by("吕小明", "lvxiaoming")
    assert found_by("吕小明", "luxiaoming")
    assert found_by("吕小明", "lxm")
    assert found_by("女娲", "nvwa")


def test_names_with_other_characters() -> None:
    assert found_by("阿依古丽·买买提", "ayiguli")
    assert found_by("阿依古丽·买买提", "maimaiti")
    # Past the window of mixed forms, the whole rest still reads in full or by initials.
    assert found_by("阿依古丽·买买提", "ayigulimaimaiti")
    assert found_by("阿依古丽·买买提", "aygl")
    assert found_by("阿依古丽·买买提", "ayglmmt")
    assert found_by("Tom李", "tomli")


@pytest.mark.parametrize("query", ["张三", "0071", "003x", "3604", "张3", "", "  ", "·"])
def test_a_query_without_letters_or_with_digits_is_not_pinyin(query: str) -> None:
    assert name_pinyin.query_keys(query) is None


def test_a_chinese_character_in_a_query_stands_for_each_of_its_readings() -> None:
    parsed = name_pinyin.query_keys("曾l")
    assert parsed is not None
    prefixes, runs = parsed
    assert {"zengl", "cengl"} <= set(prefixes)
    assert runs == ["曾"]


def test_keys_stay_few_for_a_long_name_full_of_heteronyms() -> None:
    keys = name_pinyin.keys("乐长行朝重都传觉")
    assert len(keys) < 1_000
    assert all(k.isascii() and k.isalpha() and k.islower() for k in keys)


def test_pypinyin_is_loaded_on_first_use_not_at_start() -> None:
    """Its dictionaries cost ~0.25 s and ~50 MB: the window must not wait for them."""
    probe = (
        "import sys, app.services.clients.service, app.store.search; "
        "print('pypinyin' in sys.modules)"
    )
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "False"
    assert name_pinyin.keys("张三")  # and loaded when needed


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("张桂兰", "zhang gui lan  张桂兰"),
        ("曾明", "zeng ming  曾明"),  # 曾 as a surname, not ceng
        ("单雄信", "shan xiong xin  单雄信"),  # 单 as a surname, not dan
        ("欧阳修", "ou yang xiu  欧阳修"),
        ("尉迟恭", "yu chi gong  尉迟恭"),  # a compound surname's own reading
        ("张Anna", "zhang anna  张Anna"),  # Latin letters lower-cased, kept as a word
        ("Anna张", "anna zhang  Anna张"),
        ("3号床", "3 hao chuang  3号床"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_the_sort_key_of_a_name(name: str, key: str) -> None:
    assert name_pinyin.sort_key(name) == key


def test_names_sort_by_pinyin_then_by_the_name_itself() -> None:
    names = ["张三", "章三", "张三丰", "李四", "艾青", "曾明", "王五", "Zoe", "Ann", "007", "吕布"]
    # 张 and 章 read alike: their order is the characters'; 张三 begins 张三丰, so first.
    assert sorted(names, key=name_pinyin.sort_key) == [
        "007", "艾青", "Ann", "李四", "吕布", "王五", "曾明", "张三", "章三", "张三丰", "Zoe",
    ]  # fmt: skip


def test_a_sort_key_fits_its_column() -> None:
    assert len(name_pinyin.sort_key("张" * 64)) <= name_pinyin.SORT_KEY_LENGTH
