"""Finding the header row under a roster's titles, and proposing a column mapping."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.services.importing.cells import Row

SCAN_ROWS = 30  # titles, issuing office and merged group headings sit above the header

# Field key, label shown to the user, header names that mean it (most specific first).
FIELDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("name", "姓名", ("姓名", "保障对象姓名", "救助对象姓名", "户主姓名及成员", "名字")),
    (
        "id_number",
        "身份证号",
        ("身份证号", "公民身份号码", "身份证号码", "证件号码", "居民身份证号", "身份证"),
    ),
    ("sex", "性别", ("性别",)),
    ("birth_date", "出生日期", ("出生日期", "出生年月日", "出生年月", "出生时间")),
    ("phone", "联系电话", ("联系电话", "手机号码", "手机号", "手机", "电话号码", "电话")),
    (
        "village",
        "村/社区",
        ("村/社区", "村（社区）", "村(社区)", "村居", "所属村", "所在村", "村社区", "社区", "村"),
    ),
    ("address", "地址", ("家庭住址", "居住地址", "户籍地址", "详细地址", "地址", "住址")),
    ("head_name", "户主姓名", ("户主姓名", "户主")),
    ("relation", "与户主关系", ("与户主关系", "与户主的关系", "家庭关系", "关系")),
    (
        "category",
        "类别（仅显示）",
        ("人员类别", "保障类别", "救助类别", "供养类别", "类别", "类型"),
    ),
    ("disability_type", "残疾类别", ("残疾类别", "残疾类型", "残疾种类", "残疾类别等级")),
    ("disability_grade", "残疾等级", ("残疾等级", "残疾级别")),
    (
        "benefit_amount",
        "保障金额",
        (
            "保障金额",
            "救助金额",
            "月保障金",
            "月保障金额",
            "补助金额",
            "供养金额",
            "发放金额",
            "金额",
        ),
    ),
)
FIELD_LABELS: dict[str, str] = {key: label for key, label, _ in FIELDS}
REQUIRED = ("name", "id_number")


@dataclass(frozen=True)
class Header:
    """The header row (0-based index in the sheet) and its cells as text."""

    row: int
    names: tuple[str, ...]


def header_text(cell: object) -> str:
    """A header cell folded for comparison: full-width to half-width, no spaces or line breaks."""
    text = unicodedata.normalize("NFKC", "" if cell is None else str(cell))
    text = re.sub(r"\s+", "", text)
    # "身份证号（18位）", "姓名*": the note is not part of the name.
    return re.sub(r"[*＊※]|[(（][^)）]*位[)）]$", "", text)


# Folded once: folding every synonym on every call made header detection the slow part.
_SYNONYMS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (key, tuple(header_text(n) for n in names)) for key, _label, names in FIELDS
)


def field_for(name: str) -> str | None:
    """The field a header name means, by exact synonym, then by the longest synonym it contains."""
    text = header_text(name)
    if not text:
        return None
    for key, folded_names in _SYNONYMS:
        if text in folded_names:
            return key
    best: tuple[int, str] | None = None
    for key, folded_names in _SYNONYMS:
        for folded in folded_names:
            if len(folded) >= 2 and folded in text and (best is None or len(folded) > best[0]):
                best = (len(folded), key)
    return best[1] if best else None


def find_header(rows: Sequence[Row]) -> Header:
    """The row among the first ones that names the most fields (ties: the first)."""
    best_row, best_score = 0, -1
    for index, row in enumerate(rows[:SCAN_ROWS]):
        keys = {field_for(str(c)) for c in row if c is not None and c != ""}
        keys.discard(None)
        score = len(keys) + (2 if keys & set(REQUIRED) else 0)
        if score > best_score:
            best_row, best_score = index, score
    names = tuple(header_text(c) for c in rows[best_row]) if rows else ()
    return Header(best_row, names)


def propose(names: Sequence[str]) -> dict[int, str]:
    """Column index → field for each header cell that names a field (each field once)."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, name in enumerate(names):
        key = field_for(name)
        if key is not None and key not in taken:
            mapping[index] = key
            taken.add(key)
    return mapping


def from_saved(names: Sequence[str], saved: dict[str, str]) -> dict[int, str]:
    """A saved mapping (header name → field) applied to this file's header."""
    wanted = {header_text(k): v for k, v in saved.items() if v in FIELD_LABELS}
    return {i: wanted[n] for i, n in enumerate(names) if n in wanted}
