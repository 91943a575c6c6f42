"""Pinyin keys of names, so 张桂兰 is found by zgl, zhang, zhangguilan, zhanggl or 张gl.

Each character of a name reads as its full syllable (zhang) or its first letter (z). A
name's keys are every way of writing it that way, starting at any character: 张桂兰
gives zhangguilan, zhangguil, zgl, zgui… and guilan, gl, lan, l. A query in pinyin
then matches a name when it is the beginning of one of its keys, so the last syllable
may be half typed (zhanggu). Looking up a key prefix is one index range for SQLite's
full-text index and PostgreSQL's btree alike (app/store/search_pinyin.py).

Heteronyms (多音字): pypinyin reads a name as a phrase, which is right for most given
names but not for surnames (it reads 曾 as ceng, 单 as dan, 区 as qu). pypinyin has no
surname mode, so the readings of surnames come from `SURNAMES`, and the everyday reading
is kept as a second one (a worker who does not know that 单 is shan as a surname types
dan). A few characters common in given names have two usual readings (乐 le/yue); both
are indexed. ü is written v (lv, nv) as input methods do, and u too.

Names sort by `sort_key`: each character's first reading (the surname's as a surname),
so lists run 艾, 李, 王, 曾, 张 as a Chinese reader expects, not by code point.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from collections.abc import Iterable, Sequence

# Surnames whose reading differs from the everyday one (or has two usual ones).
SURNAMES: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "朴": ("piao",), "查": ("zha",), "盖": ("ge",), "乐": ("yue", "le"), "翟": ("zhai",),
    "缪": ("miao",), "覃": ("qin", "tan"), "召": ("shao",), "秘": ("bi",), "折": ("she",),
    "员": ("yun",), "繁": ("po",), "种": ("chong",), "洗": ("xian",), "冼": ("xian",),
    "阚": ("kan",), "黑": ("he",), "能": ("nai",), "祭": ("zhai",), "粘": ("nian",),
    "薄": ("bo",), "句": ("gou",), "蕃": ("pi",), "牟": ("mou", "mu"), "尉": ("wei", "yu"),
    "隗": ("wei",), "郇": ("xun",), "厍": ("she",),
}  # fmt: skip
# Compound surnames pypinyin would read wrongly as separate characters.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "尉迟": ("yu", "chi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"),
    "万俟": ("mo", "qi"), "澹台": ("tan", "tai"), "令狐": ("ling", "hu"),
}  # fmt: skip
COMPOUNDS = frozenset(COMPOUND_SURNAMES) | {
    "欧阳", "上官", "司马", "诸葛", "司徒", "东方", "皇甫", "夏侯", "慕容", "公孙", "端木",
    "宇文", "独孤", "南宫", "西门", "呼延", "轩辕", "司空", "钟离", "闻人", "申屠",
}  # fmt: skip
# Characters of given names read two usual ways: both are indexed.
GIVEN_READINGS: dict[str, tuple[str, ...]] = {
    "乐": ("le", "yue"), "长": ("chang", "zhang"), "行": ("xing", "hang"),
    "朝": ("zhao", "chao"), "重": ("chong", "zhong"), "都": ("du", "dou"),
    "茜": ("qian", "xi"), "蔚": ("wei", "yu"), "传": ("chuan", "zhuan"),
    "觉": ("jue", "jiao"), "曾": ("zeng", "ceng"), "单": ("dan", "shan"),
}  # fmt: skip

WINDOW = 4  # characters written every mixed way; past them only all-full and all-initials
MAX_PER_START = 64  # mixed keys from one starting character, before falling back
MAX_QUERY_KEYS = 16  # readings of the Chinese characters in a mixed query

Unit = tuple[str, ...]  # the readings of one character (a Latin letter or digit: itself)


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def fold(text: str) -> str:
    """Full-width to half-width, lower case, letters, digits and characters only."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def _with_u(readings: Iterable[str]) -> list[str]:
    """Each reading, and after one with v (ü) the same with u: lv and lu for 吕."""
    result: list[str] = []
    for reading in readings:
        for spelling in (reading, reading.replace("v", "u")):
            if spelling not in result:
                result.append(spelling)
    return result


def _itself(chars: str) -> str:
    """What stands for characters pypinyin cannot read: the characters themselves."""
    return chars


@functools.cache
def _heteronyms(ch: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one character, the usual one first."""
    from pypinyin import Style, pinyin

    # A character pypinyin cannot read stands for itself (errors=_itself keeps it).
    readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors=_itself)[0]
    extra = SURNAMES.get(ch, ()) + GIVEN_READINGS.get(ch, ())
    return tuple(_with_u([*readings, *extra]))


@functools.lru_cache(maxsize=16_384)
def _phrase(run: str) -> tuple[Unit, ...]:
    """The readings of each character of a run of Chinese characters read as one phrase."""
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(run, style=Style.NORMAL, errors=_itself)
    if len(readings) != len(run):  # pypinyin gives one per character; be sure of it
        readings = [lazy_pinyin(ch, style=Style.NORMAL, errors=_itself)[0] for ch in run]
    return tuple(
        tuple(_with_u([reading, *GIVEN_READINGS.get(ch, ())]))
        for ch, reading in zip(run, readings, strict=True)
    )


def _surname_units(surname: str) -> tuple[Unit, ...]:
    """The surname's readings: its reading as a surname first, then the everyday one."""
    everyday = _phrase(surname)
    compound = COMPOUND_SURNAMES.get(surname)
    if compound is not None:
        return tuple(tuple(_with_u([r, *u])) for r, u in zip(compound, everyday, strict=True))
    return tuple(
        tuple(_with_u([*SURNAMES.get(ch, ()), *u])) for ch, u in zip(surname, everyday, strict=True)
    )


def units(name: str) -> list[Unit]:
    """The readings of each character of `name`; other letters and digits stand for themselves.

    The surname is read apart from the given name (and the given name as a phrase), so
    the two do not make a word that changes a reading; names repeat, so both are cached.
    """
    result: list[Unit] = []
    for is_chinese, group in itertools.groupby(fold(name), key=is_han):
        run = "".join(group)
        if not is_chinese:
            result.extend((ch,) for ch in run)
            continue
        if not result:
            size = 2 if run[:2] in COMPOUNDS else 1
            result.extend(_surname_units(run[:size]))
            run = run[size:]
        if run:
            result.extend(_phrase(run))
    return result


SORT_KEY_LENGTH = 400  # the stored column's width; no real name comes near it


def sort_key(name: str) -> str:
    """The key a name sorts by: 张桂兰 → "zhang gui lan  张桂兰", 曾明 → "zeng ming  曾明".

    Each Chinese character gives its first reading, the surname read as a surname; a
    run of other letters or digits stays as it is, lower-cased, so in the C (binary)
    collation digits come before letters and characters pypinyin cannot read after them.
    The name follows after two spaces, so different characters read alike (张 and 章)
    keep a stable order, and a name that begins another one (张三, 张三丰) comes first.
    """
    words: list[str] = []
    for is_chinese, group in itertools.groupby(fold(name), key=is_han):
        run = "".join(group)
        if not is_chinese:
            words.append(run)
            continue
        if not words:
            size = 2 if run[:2] in COMPOUNDS else 1
            words.extend(u[0] for u in _surname_units(run[:size]))
            run = run[size:]
        if run:
            words.extend(u[0] for u in _phrase(run))
    if not words:
        return name.strip().lower()[:SORT_KEY_LENGTH]
    return f"{' '.join(words)}  {name.strip()}"[:SORT_KEY_LENGTH]


def _forms(unit: Unit) -> list[str]:
    """How one character may be typed: each full reading, then each first letter."""
    forms = list(unit)
    for reading in unit:
        if reading[0] not in forms:
            forms.append(reading[0])
    return forms


@functools.lru_cache(maxsize=65_536)
def keys(name: str) -> tuple[str, ...]:
    """The keys of `name` (see the module's doc), sorted; names repeat, hence the cache.

    A key that begins another one is left out: a query finds the longer one as well
    (zhangguil is zhangguilan's beginning), so about half the keys need no storing.
    """
    parts = units(name)
    found: set[str] = set()
    for start in range(len(parts)):
        window = parts[start : start + WINDOW]
        choices = [_forms(u) for u in window]
        if _product_size(choices) > MAX_PER_START:
            choices = [_forms(u[:1]) for u in window]
        found.update("".join(combo) for combo in itertools.product(*choices))
        rest = parts[start:]
        if len(rest) > WINDOW:
            found.add("".join(u[0] for u in rest))
            found.add("".join(u[0][0] for u in rest))
    ordered = sorted(found)
    # In sorted order a key that begins another begins the one right after it.
    following = [*ordered[1:], ""]
    return tuple(k for k, after in zip(ordered, following, strict=True) if not after.startswith(k))


def _product_size(choices: Sequence[Sequence[str]]) -> int:
    size = 1
    for c in choices:
        size *= len(c)
    return size


def query_keys(query: str) -> tuple[list[str], list[str]] | None:
    """The key prefixes a pinyin `query` stands for, and its runs of Chinese characters.

    None when the query is not pinyin: without a Latin letter, or with a digit (no name
    has one; such a query is an ID number or a phone). A Chinese character stands for
    each of its readings; a matching name must contain the characters as typed too.
    """
    chars = fold(query)
    if not any("a" <= ch <= "z" for ch in chars):
        return None
    if any(not ("a" <= ch <= "z") and not is_han(ch) for ch in chars):
        return None
    pieces: list[Sequence[str]] = []
    runs: list[str] = []
    for is_chinese, group in itertools.groupby(chars, key=is_han):
        text = "".join(group)
        if is_chinese:
            runs.append(text)
            pieces.extend(_heteronyms(ch) for ch in text)
        else:
            pieces.append((text,))
    prefixes = ["".join(p) for p in itertools.islice(itertools.product(*pieces), MAX_QUERY_KEYS)]
    return list(dict.fromkeys(p for p in prefixes if p)), runs
