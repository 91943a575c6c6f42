"""Resident ID numbers (居民身份证号码, GB 11643-1999).

The check digit and the birth date are hard rules; the address code is the code at
the time of issue, so an unknown one is only a warning.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass, field

from app.domain.codes import Sex
from app.domain.errors import InvalidInput

FIELD = "id_number"


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    birth_date: dt.date
    sex: Sex
    place: str = ""
    warnings: tuple[str, ...] = field(default=())


def normalise(raw: str) -> str:
    """Full-width to half-width, drop spaces and separators, upper-case X."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "-_.").upper()


def upgrade_15(number: str) -> str:
    """Turn a 15-digit first-generation number into its 18-digit form."""
    from stdnum.cn import ric  # python-stdnum loads pydoc: only when a number is checked

    body = number[:6] + "19" + number[6:]
    return body + ric.calc_check_digit(body + "0")


# Rosters repeat a few address codes thousands of times; the table lookup is the slow part.
@functools.lru_cache(maxsize=4096)
def _place(code: str) -> str | None:
    """The place an address code names, or None when the code is not in the table.

    Not `ric.get_birth_place`: it refuses a code created after the birth year, but the
    code is the one in force when the number was issued, often decades after the birth;
    and it raises KeyError for a known province with an unknown county.
    """
    from stdnum import numdb

    info = {k: v for _, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
    if "county" not in info:
        return None
    # "[-1991]东郊区,[1992-]东丽区": the latest name is the one people know.
    county = info["county"].split(",")[-1].rpartition("]")[2]
    return info.get("province", "") + info.get("prefecture", "") + county


def parse(raw: str, *, today: dt.date | None = None) -> IdNumberInfo:
    """Check an ID number and derive birth date and sex, or raise `InvalidInput`."""
    number = normalise(raw)
    warnings: list[str] = []
    if len(number) == 15 and number.isdigit():
        number = upgrade_15(number)
        warnings.append(f"15位旧号码已升为18位：{number}")
    if len(number) != 18:
        raise InvalidInput(f"身份证号应为18位，现在是{len(number)}位。", field=FIELD)
    if not number[:17].isdigit():
        raise InvalidInput("身份证号前17位只能是数字。", field=FIELD)
    if not (number[17].isdigit() or number[17] == "X"):
        raise InvalidInput("身份证号最后一位只能是数字或 X。", field=FIELD)
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    try:
        birth = dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(
            f"身份证号中的出生日期 {year}年{month}月{day}日 不存在，请核对第7至14位。",
            field=FIELD,
        ) from None
    today = today or dt.date.today()
    if birth > today or birth.year < 1890:
        raise InvalidInput(
            f"身份证号中的出生日期 {birth.isoformat()} 不可能，请核对第7至14位。",
            field=FIELD,
        )
    from stdnum.cn import ric

    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        raise InvalidInput(
            "身份证号校验位不符，号码中可能有数字抄错，请与证件逐位核对。",
            field=FIELD,
            detail=f"校验位应为 {expected}",
        )
    place = _place(number[:6])
    if place is None:
        place = ""
        warnings.append(f"地址码 {number[:6]} 不在行政区划代码表中，请确认号码无误。")
    sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    return IdNumberInfo(
        number=number, birth_date=birth, sex=sex, place=place, warnings=tuple(warnings)
    )


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
