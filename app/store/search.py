"""Search-as-you-type over clients, right for 1-, 2- and 3+-character Chinese names.

SQLite's trigram tokenizer needs 3+ characters, and on SQLite 3.40 a LIKE against a
trigram table silently returns nothing (docs/platform-notes.md). So the index holds each character
as its own token (unicode61 over space-separated characters) and a query is a phrase of
its characters: "张 三" matches 张三 and 张三丰, "0 0 7 1" matches an ID number ending in
0071 (for roles that may see full numbers; others must type the whole number). Other
databases fall back to LIKE; this module is the only SQLite-specific part. PostgreSQL has
its own indexes: app/store/search_postgres.py.

Names are found by their pinyin too (zgl, zhang, zhangguilan, 张gl for 张桂兰): that
index, on SQLite and PostgreSQL, is app/store/search_pinyin.py, kept in step from here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    bindparam,
    intersect,
    literal_column,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.orm import Session

from app.domain import name_pinyin
from app.store import search_pinyin, search_postgres

TABLE = "client_search"
COLUMNS = ("name", "idno", "phone", "village")


def is_search_table(name: str) -> bool:
    return name == TABLE or name.startswith(TABLE + "_")


def create_statements(dialect: str) -> list[str]:
    if dialect != "sqlite":
        return []
    cols = ", ".join(COLUMNS)
    return [f"CREATE VIRTUAL TABLE {TABLE} USING fts5({cols}, tokenize='unicode61')"]


def drop_statements(dialect: str) -> list[str]:
    return [f"DROP TABLE IF EXISTS {TABLE}"] if dialect == "sqlite" else []


def _chars(value: str | None) -> list[str]:
    folded = unicodedata.normalize("NFKC", value or "").lower()
    return [ch for ch in folded if ch.isalnum()]


def spaced(value: str | None) -> str:
    return " ".join(_chars(value))


def _uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def index_client(
    session: Session,
    client_id: int,
    *,
    name: str,
    id_number: str | None,
    phone: str,
    village: str,
) -> None:
    search_pinyin.index(session, [(client_id, name)])
    if not _uses_fts(session):
        return
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), {"id": client_id})
    session.execute(
        text(
            f"INSERT INTO {TABLE} (rowid, name, idno, phone, village) "
            "VALUES (:id, :name, :idno, :phone, :village)"
        ),
        {
            "id": client_id,
            "name": spaced(name),
            "idno": spaced(id_number),
            "phone": spaced(phone),
            "village": spaced(village),
        },
    )


def index_clients(
    session: Session, entries: Sequence[tuple[int, str, str | None, str, str]]
) -> None:
    """`index_client` for many at once: (id, name, id_number, phone, village) each."""
    search_pinyin.index(session, [(e[0], e[1]) for e in entries])
    if not _uses_fts(session) or not entries:
        return
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), [{"id": e[0]} for e in entries])
    session.execute(
        text(
            f"INSERT INTO {TABLE} (rowid, name, idno, phone, village) "
            "VALUES (:id, :name, :idno, :phone, :village)"
        ),
        [
            {
                "id": cid,
                "name": spaced(name),
                "idno": spaced(idno),
                "phone": spaced(phone),
                "village": spaced(village),
            }
            for cid, name, idno, phone, village in entries
        ],
    )


def rebuild(session: Session) -> int:
    """Fill the index anew from the clients table; returns the number of rows indexed."""
    indexed = search_pinyin.rebuild(session)
    if not _uses_fts(session):
        return indexed
    from app.store.models import Client, Village

    session.execute(text(f"DELETE FROM {TABLE}"))
    rows = session.execute(
        select(Client.id, Client.name, Client.id_number, Client.phone, Village.name).outerjoin(
            Village, Village.id == Client.village_id
        )
    )
    payload = [
        {
            "id": cid,
            "name": spaced(name),
            "idno": spaced(idno),
            "phone": spaced(phone),
            "village": spaced(village),
        }
        for cid, name, idno, phone, village in rows
    ]
    if payload:
        session.execute(
            text(
                f"INSERT INTO {TABLE} (rowid, name, idno, phone, village) "
                "VALUES (:id, :name, :idno, :phone, :village)"
            ),
            payload,
        )
    return len(payload)


def matching(session: Session, query: str, *, id_parts: bool = True) -> ColumnElement[bool] | None:
    """A condition on `Client.id` for clients matching `query`, or None for an empty query.

    Without `id_parts` an ID number matches only when typed whole: a search for its
    digits piece by piece would otherwise rebuild a number the list shows masked. A
    query in pinyin (or Chinese and pinyin) finds names by their pinyin as well.
    """
    from app.store.models import Client, Village

    chars = _chars(query)
    if not chars:
        return None
    needle = "".join(chars)
    whole = Client.id_number == needle.upper()
    pinyin = name_pinyin.query_keys(query)
    if _uses_fts(session):
        columns = " ".join(COLUMNS if id_parts else (c for c in COLUMNS if c != "idno"))
        ids: Select[Any] | CompoundSelect[Any] = _fts_ids(f'{{{columns}}} : "{" ".join(chars)}"')
        if pinyin is not None:
            # One set of ids to look each client up in, not one per index.
            ids = union(ids, _fts_pinyin_ids(*pinyin))
        found = Client.id.in_(ids)
        return found if id_parts else or_(found, whole)
    if session.get_bind().dialect.name == "postgresql":
        return search_postgres.matching(session, needle, id_parts=id_parts, pinyin=pinyin)
    village_ids = select(Village.id).where(Village.name.contains(needle, autoescape=True))
    plain = or_(
        Client.name.contains(needle, autoescape=True),
        Client.id_number.contains(needle.upper(), autoescape=True) if id_parts else whole,
        Client.phone.contains(needle, autoescape=True),
        Client.village_id.in_(village_ids),
    )
    by_pinyin = search_pinyin.ids(session, pinyin[0]) if pinyin is not None else None
    if pinyin is None or by_pinyin is None:
        return plain
    typed = (Client.name.contains(run, autoescape=True) for run in pinyin[1])
    return or_(plain, and_(Client.id.in_(by_pinyin), *typed))


def _fts_ids(expression: str) -> Select[Any]:
    return (
        select(literal_column("rowid"))
        .select_from(text(TABLE))
        # unique: a statement may hold several of these, each with its own phrase.
        .where(
            text(f"{TABLE} MATCH :phrase").bindparams(bindparam("phrase", expression, unique=True))
        )
    )


def _fts_pinyin_ids(prefixes: list[str], runs: list[str]) -> Select[Any]:
    """Names with a pinyin key starting with a prefix, holding the typed characters too."""
    ids = search_pinyin.fts_ids(prefixes)
    if not runs:
        return ids
    # INTERSECT, each index asked once: `rowid IN (…)` on the pinyin table would make
    # SQLite ask it once per client holding the characters. SQLite takes no compound
    # select inside another, hence the subquery.
    both = intersect(ids, *(_fts_ids(f'name : "{" ".join(run)}"') for run in runs)).subquery()
    return select(both.c.rowid)


def remove_client(session: Session, client_id: int) -> None:
    """Drop a client's entries, so an anonymised person can no longer be found by name."""
    search_pinyin.remove(session, [client_id])
    if _uses_fts(session):
        session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), {"id": client_id})
