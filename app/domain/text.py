"""Characters that must not be stored: invisible controls that change what a name shows.

NUL and the other C0/C1 controls break exports and terminals; bidirectional overrides
(U+202E and friends) make "张三\u202e" print as something else in a PDF or a spreadsheet;
a lone UTF-16 surrogate cannot be stored at all. Names and ID numbers refuse them; notes
lose them (a line break and a tab stay).
"""

from __future__ import annotations

import re

from app.domain.errors import InvalidInput

# C0 and C1 controls, DEL, bidi marks/overrides/isolates, zero-width no-break, surrogates.
_HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_HIDDEN_IN_NOTES = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def has_hidden(text: str) -> bool:
    return _HIDDEN.search(text) is not None


def plain(text: str, *, label: str, field: str = "") -> str:
    """`text` unchanged, or a Chinese `InvalidInput` naming the field when it hides controls."""
    if has_hidden(text):
        raise InvalidInput(
            f"{label}中含有看不见的控制字符（可能是从别处复制时带入的），请删去后重新输入。",
            field=field,
        )
    return text


def without_hidden(text: str) -> tuple[str, int]:
    """Notes without hidden controls (line breaks and tabs stay), and how many were removed."""
    cleaned, removed = _HIDDEN_IN_NOTES.subn("", text)
    return cleaned, removed
