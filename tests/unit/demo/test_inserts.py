"""The demo's bulk inserts store what Core's executemany stores, value for value and type
for type."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    create_engine,
    insert,
    text,
)
from sqlalchemy.orm import Session

from app.demo.inserts import insert_rows
from app.store.base import UTCDateTime
from app.store.uuids import new_uuid

CHINA = dt.timezone(dt.timedelta(hours=8))


def table(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("uuid", String(36), unique=True, default=new_uuid),
        Column("at", UTCDateTime),
        Column("day", Date),
        Column("hours", Numeric(6, 2)),
        Column("done", Boolean),
        Column("extra", JSON),
        Column("share", Float),
        Column("photo", LargeBinary),
        Column("version", Integer, default=1),
        Column("note", String(20), default="无"),
    )


COLUMNS = "id, at, day, hours, done, extra, share, photo, version, note"
TYPES = ", ".join(f"typeof({c})" for c in COLUMNS.split(", "))


def test_rows_are_stored_as_core_stores_them(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    metadata = MetaData()
    core, ours = table(metadata, "core"), table(metadata, "ours")
    metadata.create_all(engine)
    moment = dt.datetime(2026, 3, 1, 17, 30, tzinfo=CHINA)
    rows = [
        {"id": n, "at": moment + dt.timedelta(days=n % 3), "day": dt.date(2026, 1, 1 + n % 5),
         "hours": Decimal("1.50") if n % 2 else None, "done": n % 2 == 0,
         "extra": {"n": n, "名": "张三"} if n % 4 else None,
         "share": n / 7 if n % 3 else None, "photo": bytes([n % 256, 0, 255]) if n % 5 else None}
        for n in range(1, 41)
    ]  # fmt: skip
    with Session(engine) as session:
        session.execute(insert(core), rows)
        insert_rows(session, ours, rows)
        session.commit()
        stored = {
            name: session.execute(text(f"SELECT {COLUMNS}, {TYPES} FROM {name} ORDER BY id")).all()
            for name in ("core", "ours")
        }
        uuids = list(session.scalars(text("SELECT uuid FROM ours")))
    engine.dispose()
    assert stored["ours"] == stored["core"]
    first, second, third = stored["ours"][:3]
    assert first[1] == "2026-03-02 09:30:00.000000"  # UTC, as Core writes it
    assert first[8:10] == (1, "无")  # the columns' defaults
    types = ("integer", "text", "text", "real", "integer", "text", "real", "blob", "integer")
    assert first[10:] == (*types, "text")
    assert second[13] == third[16] == "null"
    assert len(set(uuids)) == len(rows)
