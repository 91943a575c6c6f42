"""The demo's bulk inserts: plain tuples straight to the driver's executemany on SQLite.

Core's executemany spends more on each row than SQLite does storing it: it builds a
parameter dict per row, calls each column's default (a uuid4 per row) and each type's
converter per value (a UTC datetime is converted twice). Here the converters are looked
up once per column and remembered per value (a batch holds few distinct dates and
times), the uuids come from one read of os.urandom, and the rows go to the driver as
tuples. Other databases take Core's path: the county demo is built into a SQLite file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Column, Table, insert
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any]


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the keys of the first) into `table`, as Core would."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    keys = list(rows[0])
    missing = [c for c in table.columns if c.key not in rows[0] and c.default is not None]
    fast = dialect.name == "sqlite" and dialect.paramstyle == "qmark"
    if not fast or any(not _uuid_column(c) and not c.default.is_scalar for c in missing):  # type: ignore[union-attr]
        conn.execute(insert(table), list(rows))
        return
    constant = [c for c in missing if not _uuid_column(c)]
    # Column by column: the values of a column converted together, then zipped into rows.
    values: list[list[Any]] = [
        _converted(table.c[k], [row[k] for row in rows], dialect) for k in keys
    ]
    values += [_converted(c, [c.default.arg] * len(rows), dialect) for c in constant]  # type: ignore[union-attr]
    columns = [table.c[k] for k in keys] + constant
    uuid = next((c for c in missing if _uuid_column(c)), None)
    if uuid is not None:
        columns.append(uuid)
        values.append(new_uuids(len(rows)))
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})",
        list(zip(*values, strict=True)),
    )


def _uuid_column(column: Column[Any]) -> bool:
    default = column.default
    return column.name == "uuid" and default is not None and default.is_callable


def _converted(column: Column[Any], values: list[Any], dialect: Any) -> list[Any]:
    """`values` as the driver takes them, each distinct value converted once."""
    convert: Processor | None = column.type.dialect_impl(dialect).bind_processor(dialect)
    if convert is None:
        return values
    try:
        done = {v: convert(v) for v in set(values)}
    except TypeError:  # not hashable (a JSON column's dicts): converted one by one
        return [convert(v) for v in values]
    return [done[v] for v in values]


def new_uuids(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as text, like str(uuid.uuid4()), from one urandom read."""
    raw = bytearray(os.urandom(16 * count))
    for at in range(0, 16 * count, 16):
        raw[at + 6] = raw[at + 6] & 0x0F | 0x40  # version 4
        raw[at + 8] = raw[at + 8] & 0x3F | 0x80  # the RFC 4122 variant
    text = raw.hex()
    found = []
    for at in range(0, 32 * count, 32):
        h = text[at : at + 32]
        found.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return found
