"""The roster template a station hands out: the headers the importer knows, two examples, rules.

The headers are each field's first name in `header.FIELDS`, so the template always maps by
itself; the examples use the station's own villages and code labels, so importing the
template as saved imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.domain import idnumber
from app.exports.roster_template import TemplateCell, TemplateColumn, write_roster_template
from app.services.importing.header import FIELDS, REQUIRED

EXAMPLE_AREA = "360428"
_WIDTHS = {"id_number": 22, "address": 24, "phone": 14, "category": 16, "village": 12}
_TEXT = {"id_number", "phone"}


@dataclass(frozen=True)
class Choices:
    """What the station allows in the coded columns, as labels."""

    villages: Sequence[str]
    relations: Mapping[str, str]  # code → label
    disability_types: Mapping[str, str]
    disability_grades: Mapping[str, str]
    categories: Mapping[str, str]  # code → label (the categories a roster may grant)


def example_id(birth: dt.date, sequence: int) -> str:
    """A made-up number with a valid check digit (odd sequence: a man, even: a woman)."""
    return idnumber.upgrade_15(f"{EXAMPLE_AREA}{birth:%y%m%d}{sequence:03d}")


def _notes(field: str, choices: Choices) -> str:
    villages = "、".join(choices.villages)
    notes = {
        "name": "与身份证上的姓名一致，最多64个字。",
        "id_number": (
            "18位居民身份证号码，最后一位可以是 X。本列已设为文本格式，请不要改成数字格式："
            "Excel 只保留15位有效数字，后几位会变成 0。15位旧号码会自动升为18位。"
        ),
        "sex": "男 或 女。可不填（由身份证号得出）；填写时须与身份证号一致。",
        "birth_date": (
            "写成 1950-03-08，也可写 1950/3/8、1950年3月8日、19500308 或只写年月 1950-03。"
            "可不填（由身份证号得出）；填写时须与身份证号一致。"
        ),
        "phone": "手机或固定电话。有多个号码时只导入第一个。",
        "village": (
            f"须是本站村居名单中的名称：{villages}。名称后的“村委会”“村民委员会”“居委会”可写可不写。"
            if villages
            else "本站尚未设置村居名单：请先在“设置”中添加村居，或把此列留空。"
        ),
        "address": "最多200个字。",
        "head_name": "同一户的人填写同一个户主姓名；户主本人也填自己的姓名。",
        "relation": "可填：" + "、".join(choices.relations.values())
        + "（也认得“妻子”“长子”等常见写法）。",
        "category": (
            "仅作显示，不决定导入的类别：这份名单给予的类别在导入时选择。可选类别："
            + "、".join(choices.categories.values())
            + "。"
        ),
        "disability_type": "可填：" + "、".join(choices.disability_types.values())
        + "；也可写“肢体二级”。与残疾等级同填或同不填。",
        "disability_grade": "可填：" + "、".join(choices.disability_grades.values()) + "。",
        "benefit_amount": "每月金额，单位为元，例如 560 或 560.5。",
    }  # fmt: skip
    return notes[field]


def columns(choices: Choices) -> list[TemplateColumn]:
    return [
        TemplateColumn(
            header=names[0],
            required=key in REQUIRED,
            text=key in _TEXT,
            date=key == "birth_date",
            width=_WIDTHS.get(key, 12),
            note=_notes(key, choices),
        )
        for key, _label, names in FIELDS
    ]


def examples(choices: Choices) -> list[list[TemplateCell]]:
    """A mother and her son in one household, in the station's first village."""
    village = choices.villages[0] if choices.villages else ""
    address = f"{village}3组12号" if village else ""
    category = choices.categories.get("dibao_rural") or next(iter(choices.categories.values()), "")
    head = choices.relations.get("02", "户主")
    son = choices.relations.get("20", "子")
    limb = choices.disability_types.get("4", "")
    second = choices.disability_grades.get("2", "") if limb else ""
    mother_birth, son_birth = dt.date(1950, 3, 8), dt.date(1968, 11, 2)
    values: dict[str, dict[str, TemplateCell]] = {
        "张示例": {
            "id_number": example_id(mother_birth, 2), "sex": "女", "birth_date": mother_birth,
            "phone": "13800138000", "relation": head, "benefit_amount": 560,
        },
        "李示例": {
            "id_number": example_id(son_birth, 5), "sex": "男", "birth_date": son_birth,
            "relation": son, "disability_type": limb, "disability_grade": second,
            "benefit_amount": 560,
        },
    }  # fmt: skip
    rows: list[list[TemplateCell]] = []
    for name, own in values.items():
        cells: dict[str, TemplateCell] = {
            "name": name, "village": village, "address": address, "head_name": "张示例",
            "category": category, **own,
        }  # fmt: skip
        rows.append([cells.get(key) or None for key, _label, _names in FIELDS])
    return rows


NOTES = (
    "服务对象名单导入模板",
    "“名单”工作表的第一行是列名，请不要改动；从第二行起每行填写一人。",
    "张示例、李示例两行是示例，请删除后再填写。",
    "红色列名的列必须填写（姓名、身份证号）；其他列可以留空，不需要的列可以整列删除，列的顺序可以调整。",
    "填好的表格可以直接导入，也可以另存为 CSV 或“Unicode 文本”后导入。",
)


def save(path: Path, choices: Choices) -> None:
    write_roster_template(path, columns=columns(choices), examples=examples(choices), notes=NOTES)
