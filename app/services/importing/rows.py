"""Cleaning one roster row: text, dates, ID numbers, codes, money; or a reason in Chinese."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain import idnumber
from app.domain.contact import normalise_phone
from app.domain.errors import InvalidInput
from app.domain.text import has_hidden
from app.services.importing.cells import Cell, Row

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug)
_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?e\+?\d+$", re.IGNORECASE)
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")
_YMD = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_YM = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$")
_PHONES = re.compile(r"[/、,，;；\s]+")
_SEXES = {"男": "1", "男性": "1", "1": "1", "女": "2", "女性": "2", "2": "2"}
_GRADES = {"一": "1", "二": "2", "三": "3", "四": "4", "1": "1", "2": "2", "3": "3", "4": "4"}
_GRADE_IN_TEXT = re.compile(r"([一二三四1234])\s*级")
_VILLAGE_SUFFIXES = ("村民委员会", "居民委员会", "社区居委会", "村委会", "居委会", "社区", "村")
_RELATION_WORDS = {
    "本人": "02", "户主": "02", "配偶": "10", "妻": "10", "妻子": "10", "夫": "10",
    "丈夫": "10", "子": "20", "儿子": "20", "长子": "20", "次子": "20", "三子": "20",
    "女": "30", "女儿": "30", "长女": "30", "次女": "30", "三女": "30", "女婿": "28",
    "儿媳": "38", "孙子": "40", "孙女": "40", "外孙": "40", "外孙子": "40", "外孙女": "40",
    "父亲": "50", "母亲": "50", "父": "50", "母": "50", "祖父": "60", "祖母": "60",
    "外祖父": "60", "外祖母": "60", "兄": "70", "弟": "70", "姐": "70", "妹": "70",
    "哥哥": "70", "弟弟": "70", "姐姐": "70", "妹妹": "70",
}  # fmt: skip


class RowError(Exception):
    """The row cannot be imported; the message says why, in Chinese."""


@dataclass(slots=True)
class CleanRow:
    """A roster row after cleaning, ready to compare with the registry."""

    name: str
    id_number: str
    sex: str
    birth_date: dt.date
    phone: str = ""
    village_id: int | None = None
    address: str = ""
    head_name: str = ""
    relation: str = ""
    category_text: str = ""
    disability_type: str = ""
    disability_grade: str = ""
    benefit_amount: str = ""


@dataclass(frozen=True)
class Lookups:
    """What cleaning needs from the registry: villages and the code lists, by label."""

    villages: Mapping[str, int]  # village name → id
    relations: Mapping[str, str]  # label → code
    disability_types: Mapping[str, str]  # label → code
    today: dt.date


def text(cell: Cell) -> str:
    """A cell as clean text: half-width, trimmed, one space at most, none inside Chinese."""
    if cell is None or isinstance(cell, bool):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()[:10]
    raw = str(cell)
    if raw.isascii():  # most cells: nothing full-width to fold (and it is 10 times faster)
        return " ".join(raw.split())
    folded = unicodedata.normalize("NFKC", raw).replace("\u3000", " ")
    return _CJK_GAP.sub("", " ".join(folded.split()))


def shown(cell: Cell) -> str:
    """A cell as the user saw it, for the error report."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()[:10]
    return str(cell)


def id_number(cell: Cell, today: dt.date) -> idnumber.IdNumberInfo:
    """A checked 18-digit ID number; a numeric cell is refused, never guessed at."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raise RowError(
            "身份证号单元格是数字格式：Excel 只保留15位有效数字，后几位可能已经丢失。"
            "请把该列设为文本格式，按证件重新录入后再导入。"
        )
    raw = text(cell)
    if not raw:
        raise RowError("缺少身份证号。")
    if _SCIENTIFIC.match(raw.replace(" ", "")):
        raise RowError(
            f"身份证号显示为科学计数法（{raw}），已被 Excel 当作数字损坏，"
            "请按证件重新录入后再导入。"
        )
    try:
        return idnumber.parse(raw, today=today)
    except InvalidInput as exc:
        raise RowError(exc.message) from None


def date_value(cell: Cell, label: str) -> tuple[int, int, int | None] | None:
    """(year, month, day) from a date cell, an Excel serial or text; day None for 年月 only."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, dt.datetime | dt.date):
        return cell.year, cell.month, cell.day
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if float(cell).is_integer() and 19000101 <= cell <= 29991231:
            return _checked_ymd(str(int(cell)), label)
        if 1 <= cell < 2958466:
            day = EXCEL_EPOCH + dt.timedelta(days=int(cell))
            return day.year, day.month, day.day
        raise RowError(f"{label}“{cell}”不是日期。")
    raw = text(cell)
    raw = raw.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2} \d", raw) else raw
    if re.fullmatch(r"\d{8}", raw):
        return _checked_ymd(raw, label)
    if match := _YMD.match(raw):
        return _checked(int(match[1]), int(match[2]), int(match[3]), raw, label)
    if match := _YM.match(raw):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise RowError(f"{label}“{raw}”的月份不存在。")
        return year, month, None
    raise RowError(f"{label}“{raw}”看不懂，请写成 2023-05-01 这样的日期。")


def _checked_ymd(digits: str, label: str) -> tuple[int, int, int]:
    return _checked(int(digits[:4]), int(digits[4:6]), int(digits[6:]), digits, label)


def _checked(year: int, month: int, day: int, raw: str, label: str) -> tuple[int, int, int]:
    try:
        dt.date(year, month, day)
    except ValueError:
        raise RowError(f"{label}“{raw}”不存在，请核对。") from None
    return year, month, day


def phone(cell: Cell) -> str:
    """The first phone number of the cell (rosters list several); invalid ones are refused."""
    raw = text(cell)
    if not raw:
        return ""
    first = next((p for p in _PHONES.split(raw) if p), "")
    try:
        return normalise_phone(first)
    except InvalidInput as exc:
        raise RowError(f"联系电话“{raw}”有误：{exc.message}") from None


def village_core(name: str) -> str:
    """ "梅林村民委员会", "梅林村委会", "梅林村" and "梅林" all name the same village."""
    folded = text(name)
    for suffix in _VILLAGE_SUFFIXES:
        if folded.endswith(suffix) and len(folded) > len(suffix):
            return folded[: -len(suffix)]
    return folded


def village(cell: Cell, villages: Mapping[str, int]) -> int | None:
    raw = text(cell)
    if not raw:
        return None
    if raw in villages:
        return villages[raw]
    cores = {village_core(n): i for n, i in villages.items()}
    found = cores.get(village_core(raw))
    if found is None:
        raise RowError(f"村/社区“{raw}”不在本站的村居名单中，请先在设置中添加或核对名称。")
    return found


def relation(cell: Cell, relations: Mapping[str, str]) -> str:
    raw = text(cell)
    if not raw:
        return ""
    if raw in relations:
        return relations[raw]
    return _RELATION_WORDS.get(raw, relations.get("其他", "99"))


def disability(type_cell: Cell, grade_cell: Cell, types: Mapping[str, str]) -> tuple[str, str]:
    """(type code, grade code); "肢体二级" in one cell gives both."""
    raw_type, raw_grade = text(type_cell), text(grade_cell)
    if not raw_type and not raw_grade:
        return "", ""
    code = ""
    if raw_type:
        for label, value in types.items():
            core = label.removesuffix("残疾")
            if raw_type in (label, value) or raw_type.startswith(core):
                code = value
                break
        else:
            raise RowError(
                f"残疾类别“{raw_type}”不在代码表中（视力、听力、言语、肢体、智力、精神、多重）。"
            )
    grade_source = raw_grade or raw_type
    match = _GRADE_IN_TEXT.search(grade_source)
    grade = _GRADES.get(match[1] if match else grade_source.removesuffix("级"), "")
    if raw_grade and not grade:
        raise RowError(f"残疾等级“{raw_grade}”有误，应为一级至四级。")
    if code and not grade:
        raise RowError("填写了残疾类别，但缺少残疾等级。")
    if grade and not code:
        raise RowError("填写了残疾等级，但缺少残疾类别。")
    return code, grade


def money(cell: Cell) -> str:
    raw = text(cell).replace(",", "").removesuffix("元").lstrip("¥￥").strip()
    if not raw:
        return ""
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise RowError(f"保障金额“{text(cell)}”不是数字。") from None
    if amount < 0 or amount >= 10_000_000 or not amount.is_finite():
        raise RowError(f"保障金额“{text(cell)}”不合理，请核对。")
    return format(amount.quantize(Decimal("0.01")).normalize(), "f")


def clean(row: Row, columns: Mapping[int, str], lookups: Lookups) -> CleanRow:
    """The row's mapped cells as a `CleanRow`, or `RowError` with the first problem found."""
    cells: dict[str, Cell] = {
        key: row[index] if index < len(row) else None for index, key in columns.items()
    }
    name = text(cells.get("name"))
    raw_id = cells.get("id_number")
    if not name and text(raw_id) == "":
        raise RowError("没有姓名和身份证号（可能是合计、备注或空白行）。")
    if not name:
        raise RowError("缺少姓名。")
    if len(name) > 64:
        raise RowError("姓名过长（最多64个字）。")
    if has_hidden(name) or has_hidden(text(raw_id)):
        raise RowError("姓名或身份证号中含有看不见的控制字符，请在表格中删去后重新导入。")
    info = id_number(raw_id, lookups.today)
    birth = date_value(cells.get("birth_date"), "出生日期")
    if birth is not None:
        y, m, d = birth
        expected = info.birth_date
        if (y, m) != (expected.year, expected.month) or (d is not None and d != expected.day):
            raise RowError(
                f"出生日期与身份证号不符（身份证号中为 {expected.isoformat()}），请核对。"
            )
    sex = text(cells.get("sex"))
    sex_code = _SEXES.get(sex)
    if sex and sex_code is None:
        raise RowError(f"性别“{sex}”有误，应为男或女。")
    if sex_code is not None and sex_code != info.sex.value:
        raise RowError("性别与身份证号不符（第17位单数为男，双数为女），请核对。")
    disability_type, disability_grade = disability(
        cells.get("disability_type"), cells.get("disability_grade"), lookups.disability_types
    )
    return CleanRow(
        name=name,
        id_number=info.number,
        sex=info.sex.value,
        birth_date=info.birth_date,
        phone=phone(cells.get("phone")),
        village_id=village(cells.get("village"), lookups.villages),
        address=text(cells.get("address"))[:200],
        head_name=text(cells.get("head_name"))[:64],
        relation=relation(cells.get("relation"), lookups.relations),
        category_text=text(cells.get("category"))[:64],
        disability_type=disability_type,
        disability_grade=disability_grade,
        benefit_amount=money(cells.get("benefit_amount")),
    )


def id_of(row: Row, columns: Mapping[int, str], today: dt.date) -> str | None:
    """The row's ID number when it is valid, whatever else is wrong with the row."""
    for index, key in columns.items():
        if key == "id_number" and index < len(row):
            try:
                return id_number(row[index], today).number
            except RowError:
                return None
    return None
