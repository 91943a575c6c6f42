"""The audit chain's rules: what is personal, and what an edit or a deletion looks like."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.domain.audit_chain import (
    GENESIS,
    ChainBreak,
    ChainedRow,
    StoredRow,
    row_hash,
    split_detail,
    verify,
)

AT = dt.datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=dt.UTC)


def chain(count: int) -> list[StoredRow]:
    rows, previous = [], GENESIS
    for n in range(1, count + 1):
        row = ChainedRow(f"uuid-{n}", AT, 1, "wang", 1, "create", "client", n, '{"fields":[]}')
        digest = row_hash(previous, row)
        rows.append(StoredRow(n, row, previous, digest))
        previous = digest
    return rows


def test_names_ids_and_free_text_are_personal() -> None:
    public, personal = split_detail(
        {"name": "刘建国", "id_number": "3604**", "reason": "迁出", "fields": ["phone"]}
    )
    assert public == {"fields": ["phone"]}
    assert personal == {"name": "刘建国", "id_number": "3604**", "reason": "迁出"}


def test_an_intact_chain_has_no_breaks() -> None:
    assert verify(chain(5)) == []


def test_the_hash_ignores_the_time_zone_the_time_is_written_in() -> None:
    row = chain(1)[0].row
    local = dataclasses.replace(row, at=AT.astimezone(dt.timezone(dt.timedelta(hours=8))))
    assert row_hash(GENESIS, local) == row_hash(GENESIS, row)


def test_an_edited_row_is_named() -> None:
    rows = chain(4)
    rows[2] = dataclasses.replace(rows[2], row=dataclasses.replace(rows[2].row, action="delete"))
    assert verify(rows) == [ChainBreak(3, edited=True)]
    assert verify(rows)[0].message == "审计日志第 3 条被修改（内容与其校验值不符）。"


def test_a_deleted_row_leaves_a_gap_before_the_next() -> None:
    rows = chain(4)
    del rows[1]
    assert verify(rows) == [ChainBreak(3, edited=False)]
    assert "第 3 条之前有记录被删除" in verify(rows)[0].message


def test_a_deleted_first_row_is_noticed() -> None:
    assert verify(chain(3)[1:]) == [ChainBreak(2, edited=False)]


def test_a_rewritten_hash_is_reported_once() -> None:
    rows = chain(3)
    rows[1] = dataclasses.replace(rows[1], hash="0" * 64)
    assert verify(rows) == [ChainBreak(2, edited=True)]
