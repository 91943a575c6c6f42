"""The audit log's rules: which details are personal, and the hash chain that shows edits.

Each row keeps its personal values (names, ID numbers, free text about a person) apart
from the rest, so anonymising a record can clear them without touching what the chain
covers. Each row's hash is sha256 of the previous row's hash followed by the canonical
JSON of the row's other fields; editing a row changes its hash, deleting one leaves the
next row pointing at a hash that is no longer there.

The hash format is frozen: rows written years ago must still verify.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = ""
"""The previous hash of the first row."""

PERSONAL_KEYS = frozenset(
    {
        "name",
        "id_number",
        "phone",
        "address",
        "notes",
        # Free text a user typed: why a record was archived or declined, why IDs were shown.
        "reason",
        "late_reason",
        # A list export's filter may be a search for a person's name.
        "filter",
        # File names are chosen by the user and may carry a person's name.
        "file",
        "report",
    }
)


def split_detail(detail: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(what the chain covers, what anonymising may clear)."""
    public = {k: v for k, v in detail.items() if k not in PERSONAL_KEYS}
    personal = {k: v for k, v in detail.items() if k in PERSONAL_KEYS}
    return public, personal


def to_json(values: Mapping[str, Any]) -> str:
    """The stored form of a detail mapping ("" when empty)."""
    return json.dumps(values, ensure_ascii=False, default=str) if values else ""


@dataclass(frozen=True)
class ChainedRow:
    """The fields of one audit row that its hash covers (everything but `personal`)."""

    uuid: str
    at: dt.datetime
    user_id: int | None
    user_login: str
    station_id: int | None
    action: str
    entity: str
    entity_id: int | None
    detail: str

    def canonical(self) -> str:
        at = self.at if self.at.tzinfo else self.at.replace(tzinfo=dt.UTC)
        fields = {
            "uuid": self.uuid,
            "at": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            "user_id": self.user_id,
            "user_login": self.user_login,
            "station_id": self.station_id,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "detail": self.detail,
        }
        return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def row_hash(prev_hash: str, row: ChainedRow) -> str:
    return hashlib.sha256((prev_hash + row.canonical()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredRow:
    """An audit row as read back: its id, the chained fields and the two stored hashes."""

    id: int
    row: ChainedRow
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainBreak:
    """`edited`: the row's fields no longer give its hash; otherwise rows are missing before it."""

    id: int
    edited: bool

    @property
    def message(self) -> str:
        if self.edited:
            return f"审计日志第 {self.id} 条被修改（内容与其校验值不符）。"
        return f"审计日志第 {self.id} 条之前有记录被删除（校验链断开）。"


def verify(rows: Iterable[StoredRow]) -> list[ChainBreak]:
    """Every break in the chain, oldest first; `rows` in id order.

    Deleting the newest rows leaves no trace in the chain itself; a copy of the last hash
    kept elsewhere (a backup, a printed check) shows that.
    """
    breaks: list[ChainBreak] = []
    expected_prev = GENESIS
    previous_edited = False
    for stored in rows:
        edited = row_hash(stored.prev_hash, stored.row) != stored.hash
        # A row whose own hash was changed also breaks the link of the next: say it once.
        if stored.prev_hash != expected_prev and not previous_edited:
            breaks.append(ChainBreak(stored.id, edited=False))
        if edited:
            breaks.append(ChainBreak(stored.id, edited=True))
        expected_prev = stored.hash
        previous_edited = edited
    return breaks
