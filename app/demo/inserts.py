"""The demo's bulk inserts: plain tuples straight to the driver's executemany on SQLite.

Core's executemany spends more on each row than SQLite does storing it: it builds a
parameter dict per row, calls each column's default (a uuid per row) and each type's
converter per value (a UTC datetime is converted twice). Here the converters are looked
up once per column and remembered per value (a batch holds few distinct dates and
times), a batch's uuids are made together (counting up: app/store/uuids.py), and the rows
go to the driver as tuples. Other databases take Core's path: the county demo is built
into a SQLite file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table, insert
from sqlalchemy.orm import Session

from app.store.uuids import new_uuids

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
    # map(itemgetter) walks the rows in C: a third of a list comprehension's time.
    values: list[list[Any]] = [
        _converted(table.c[k], list(map(itemgetter(k), rows)), dialect) for k in keys
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
    return list(map(done.__getitem__, values))
