"""The pinyin index of client names: each name's keys (app/domain/name_pinyin.py), looked up
by prefix.

SQLite: an FTS5 table beside `client_search`, one row per client (rowid = client id)
holding the keys as tokens; a query is a prefix token (`"zgl"*`), served by FTS5's prefix
indexes for short ones. `detail=none` keeps no positions: only whole-key prefixes are
asked, never phrases. PostgreSQL: a table of (key, client_id) rows whose primary key is
a btree in the C collation, so `key LIKE 'zgl%'` is an index range. Other engines have no
pinyin search. The keys hold only a-z (and the odd character pypinyin cannot read), so
they are put into the query text as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    BindParameter,
    Select,
    bindparam,
    column,
    delete,
    insert,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from app.domain import name_pinyin

TABLE = "client_search_pinyin"
_PG_TABLE = table(TABLE, column("client_id"), column("key"))
_CHUNK = 5_000  # clients per batch when filling the index


def create_statements(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(keys, tokenize='ascii', "
            "prefix='1 2 3 4 5 6', detail='none')"
        ]
    if dialect == "postgresql":
        return [
            f'CREATE TABLE {TABLE} (key TEXT COLLATE "C" NOT NULL, client_id INTEGER NOT NULL '
            "REFERENCES clients (id) ON DELETE CASCADE, PRIMARY KEY (key, client_id))",
            f"CREATE INDEX ix_{TABLE}_client_id ON {TABLE} (client_id)",
        ]
    return []


def drop_statements(dialect: str) -> list[str]:
    return [f"DROP TABLE IF EXISTS {TABLE}"] if dialect in ("sqlite", "postgresql") else []


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def index(session: Session, entries: Sequence[tuple[int, str]]) -> None:
    """Put (client id, name) entries in the index, replacing what they had."""
    dialect = _dialect(session)
    if not entries or dialect not in ("sqlite", "postgresql"):
        return
    for start in range(0, len(entries), _CHUNK):
        part = entries[start : start + _CHUNK]
        remove(session, [cid for cid, _ in part])
        _insert(session, dialect, part)


def insert_new(session: Session, entries: Sequence[tuple[int, str]]) -> None:
    """Put entries that are not in the index yet (a bulk load) in it."""
    dialect = _dialect(session)
    if dialect not in ("sqlite", "postgresql"):
        return
    for start in range(0, len(entries), _CHUNK):
        _insert(session, dialect, entries[start : start + _CHUNK])


def _insert(session: Session, dialect: str, entries: Iterable[tuple[int, str]]) -> None:
    if dialect == "sqlite":
        rows = [{"id": cid, "keys": " ".join(name_pinyin.keys(name))} for cid, name in entries]
        session.execute(text(f"INSERT INTO {TABLE} (rowid, keys) VALUES (:id, :keys)"), rows)
        return
    pairs = [{"client_id": cid, "key": k} for cid, name in entries for k in name_pinyin.keys(name)]
    if pairs:
        session.execute(insert(_PG_TABLE), pairs)


def remove(session: Session, client_ids: Sequence[int]) -> None:
    dialect = _dialect(session)
    if not client_ids or dialect not in ("sqlite", "postgresql"):
        return
    if dialect == "sqlite":
        session.execute(
            text(f"DELETE FROM {TABLE} WHERE rowid = :id"), [{"id": cid} for cid in client_ids]
        )
    else:
        session.execute(delete(_PG_TABLE).where(_PG_TABLE.c.client_id.in_(client_ids)))


def rebuild(session: Session) -> int:
    """Fill the index anew from the clients table; returns the number of clients indexed."""
    from app.store.models import Client

    dialect = _dialect(session)
    if dialect not in ("sqlite", "postgresql"):
        return 0
    session.execute(text(f"DELETE FROM {TABLE}"))
    entries = [(cid, name) for cid, name in session.execute(select(Client.id, Client.name))]
    insert_new(session, entries)
    return len(entries)


def expression(prefixes: Sequence[str]) -> str:
    """SQLite: the MATCH expression for keys starting with one of `prefixes`."""
    return " OR ".join(f'"{p}"*' for p in prefixes)


def fts_ids(keys: BindParameter[Any]) -> Select[Any]:
    """SQLite: the client ids whose keys match `keys` (bound to an `expression`)."""
    return (
        select(literal_column("rowid"))
        .select_from(text(TABLE))
        .where(text(f"{TABLE} MATCH :{keys.key}").bindparams(keys))
    )


def ids(session: Session, prefixes: Sequence[str]) -> Select[Any] | None:
    """The client ids whose keys start with one of `prefixes`, None without an index."""
    dialect = _dialect(session)
    if dialect == "sqlite":
        return fts_ids(bindparam("keys", expression(prefixes)))
    if dialect != "postgresql":
        return None
    # Prefixes hold letters and Chinese characters only: no LIKE wildcard to escape.
    key = _PG_TABLE.c.key
    return select(_PG_TABLE.c.client_id).where(or_(*(key.like(f"{p}%") for p in prefixes)))
