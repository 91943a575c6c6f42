"""The stored sort key of a person's name (app/domain/name_pinyin.py `sort_key`).

Lists order names by pinyin (艾青, 李四, 王五, 曾明, 张三), which no database collation
does for Chinese, so the key is a column beside the name, compared in binary order: on
PostgreSQL the column's collation is "C", since a language collation skips the spaces
between syllables; SQLite compares text as binary anyway. The model keeps it in step
(`follows`): any ORM write of the name sets the key, and a Core insert gets it as the
column's default; nothing else writes names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import MappedColumn, mapped_column, validates

from app.domain.name_pinyin import SORT_KEY_LENGTH, sort_key

TYPE = String(SORT_KEY_LENGTH).with_variant(String(SORT_KEY_LENGTH, collation="C"), "postgresql")


def column(source: str) -> MappedColumn[Any]:
    """The key column of the name column `source`."""

    def default(context: Any) -> str:
        return sort_key(context.get_current_parameters().get(source) or "")

    return mapped_column(TYPE, default=default, server_default="")


def follows(source: str, target: str = "name_sort") -> Callable[[Any, str, str], str]:
    """A validator for the model: writing `source` writes its key into `target`."""

    @validates(source)
    def keep(self: Any, _key: str, value: str) -> str:
        setattr(self, target, sort_key(value or ""))
        return value

    return keep
