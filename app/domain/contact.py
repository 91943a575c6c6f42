"""Phone numbers as people type them."""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import InvalidInput

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$")


def normalise_phone(raw: str, *, field: str = "phone") -> str:
    """Full-width digits and spaces folded; a mobile or landline number, else `InvalidInput`."""
    text = unicodedata.normalize("NFKC", raw).strip()
    text = re.sub(r"[\s()（）]", "", text).replace("—", "-")
    if text.startswith("+86"):
        text = text[3:]
    if not text:
        return ""
    if _MOBILE.match(text) or _LANDLINE.match(text):
        return text
    raise InvalidInput(
        "电话号码格式不对：手机号应为1开头的11位数字，座机如 0791-12345678。", field=field
    )
