"""Search-as-you-type over clients, right for 1-, 2- and 3+-character Chinese names.

SQLite's trigram tokenizer needs 3+ characters, and on SQLite 3.40 a LIKE against a
trigram table silently returns nothing (docs/platform-notes.md). So the index holds each character
of a name or village as its own token (unicode61 over space-separated characters) and a
query is a phrase of its characters: "张 三" matches 张三 and 张三丰. ID numbers and phones
hold only digits (and X), whose one-character tokens would each list nearly every client;
they are stored as their 3-character windows plus their last two and last one characters
padded to three (`grams`), so "0071" is the phrase "007 071", a short list to join, and
one or two digits are a prefix of some token. Parts of an ID number are found only by
roles that may see full numbers; others must type the whole number. Each row also holds
its client's station as a token ("s12", `station`), and a station's search asks for it
with the characters (`station : "s12" AND …`): FTS5 then steps through the shorter list
and returns the station's matches only, where a single character alone lists thousands
across a county. Other databases fall back to LIKE; this module is the only
SQLite-specific part. PostgreSQL has its own indexes: app/store/search_postgres.py.

Names are found by their pinyin too (zgl, zhang, zhangguilan, 张gl for 张桂兰): that
index, on SQLite and PostgreSQL, is app/store/search_pinyin.py, kept in step from here.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BindParameter,
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

TABLE = "client_search"  # made by the migrations (0001, 0017: the station)
COLUMNS = ("name", "idno", "phone", "village", "station")
_DIGIT_COLUMNS = ("idno", "phone")


def is_search_table(name: str) -> bool:
    return name == TABLE or name.startswith(TABLE + "_")


def drop_statements(dialect: str) -> list[str]:
    return [f"DROP TABLE IF EXISTS {TABLE}"] if dialect == "sqlite" else []


def _chars(value: str | None) -> list[str]:
    folded = unicodedata.normalize("NFKC", value or "").lower()
    return [ch for ch in folded if ch.isalnum()]


def spaced(value: str | None) -> str:
    return " ".join(_chars(value))


# Pads the last two and last one characters to three: a query never holds it (NFKC folds
# it to "i"), so no digit stands alone as a token, where names and villages would share
# its list of nearly every client.
_PAD = "\u2170"


def grams(value: str | None) -> str:
    """An ID number or phone as the index holds it: "0071" → "007 071 71ⅰ 1ⅰⅰ"."""
    text = "".join(_chars(value))
    if not text:
        return ""
    windows = [text[i : i + 3] for i in range(len(text) - 2)]
    tails = [text[-2:] + _PAD] if len(text) > 1 else []
    return " ".join([*windows, *tails, text[-1] + _PAD * 2])


def station_token(station_id: int) -> str:
    return f"s{station_id}"


def _row(
    client_id: int, name: str, idno: str | None, phone: str | None, village: str | None
) -> dict[str, Any]:
    return {
        "id": client_id,
        "name": spaced(name),
        "idno": grams(idno),
        "phone": grams(phone),
        "village": spaced(village),
    }


# The station comes from the client's own row, so every writer indexes it the same way.
_INSERT = (
    f"INSERT INTO {TABLE} (rowid, name, idno, phone, village, station) "
    "SELECT :id, :name, :idno, :phone, :village, 's' || station_id FROM clients WHERE id = :id"
)


def uses_fts(session: Session) -> bool:
    """Whether the search runs on SQLite's full-text index (`fts_query`)."""
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
    if not uses_fts(session):
        return
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), {"id": client_id})
    session.execute(text(_INSERT), _row(client_id, name, id_number, phone, village))


def index_clients(
    session: Session, entries: Sequence[tuple[int, str, str | None, str, str]]
) -> None:
    """`index_client` for many at once: (id, name, id_number, phone, village) each."""
    search_pinyin.index(session, [(e[0], e[1]) for e in entries])
    if not uses_fts(session) or not entries:
        return
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), [{"id": e[0]} for e in entries])
    session.execute(text(_INSERT), [_row(*entry) for entry in entries])


def index_station(session: Session, station_id: int) -> int:
    """Index a station's clients (a bulk load, before any of them is indexed); returns
    how many. Station by station, the demo's county build commits its index in pieces."""
    from app.store.models import Client, Village

    rows = session.execute(
        select(Client.id, Client.name, Client.id_number, Client.phone, Village.name)
        .outerjoin(Village, Village.id == Client.village_id)
        .where(Client.station_id == station_id)
        .order_by(Client.id)
    ).all()
    search_pinyin.insert_new(session, [(cid, name) for cid, name, *_ in rows])
    if uses_fts(session) and rows:
        session.execute(text(_INSERT), [_row(*row) for row in rows])
    return len(rows)


def rebuild(session: Session) -> int:
    """Fill the index anew from the clients table; returns the number of rows indexed."""
    indexed = search_pinyin.rebuild(session)
    if not uses_fts(session):
        return indexed
    return rebuild_fts(session)


def rebuild_fts(session: Session) -> int:
    """Fill SQLite's full-text table anew (not the pinyin index); returns the rows indexed."""
    from app.store.models import Client, Village

    session.execute(text(f"DELETE FROM {TABLE}"))
    rows = session.execute(
        select(
            Client.id, Client.name, Client.id_number, Client.phone, Village.name, Client.station_id
        ).outerjoin(Village, Village.id == Client.village_id)
    )
    payload = [{**_row(*row[:5]), "station": station_token(row[5])} for row in rows]
    if payload:
        names = ", ".join(COLUMNS)
        values = ", ".join(f":{c}" for c in COLUMNS)
        insert = f"INSERT INTO {TABLE} (rowid, {names}) VALUES (:id, {values})"
        session.execute(text(insert), payload)
    return len(payload)


def matching(
    session: Session, query: str, *, id_parts: bool = True, station_id: int | None = None
) -> ColumnElement[bool] | None:
    """A condition on `Client.id` for clients matching `query`, or None for an empty query.

    Without `id_parts` an ID number matches only when typed whole: a search for its
    digits piece by piece would otherwise rebuild a number the list shows masked. A
    query in pinyin (or Chinese and pinyin) finds names by their pinyin as well. With
    `station_id` the full-text index answers for that station only (the caller still
    keeps to its station: the condition may let other stations' clients through).
    """
    from app.store.models import Client, Village

    if uses_fts(session):
        found = fts_query(query, id_parts=id_parts, station_id=station_id)
        return None if found is None else _fts_condition(*found)
    chars = _chars(query)
    if not chars:
        return None
    needle = "".join(chars)
    whole = Client.id_number == needle.upper()
    pinyin = name_pinyin.query_keys(query)
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


FtsShape = tuple[bool, bool, int | None]
"""What an SQLite search condition is made of, apart from its values: (id_parts, wide,
the number of Chinese runs in a pinyin query or None for none)."""


def fts_query(
    query: str, *, id_parts: bool, station_id: int | None
) -> tuple[FtsShape, dict[str, Any]] | None:
    """SQLite: the shape of `matching`'s condition and the values it binds, None for an
    empty query. A caller that runs the search on every keystroke keeps one statement
    per shape (`fts_condition`) and binds the values at each call."""
    chars = _chars(query)
    if not chars:
        return None
    expression = _expression(chars, id_parts=id_parts)
    if station_id is not None:
        expression = f'station : "{station_token(station_id)}" AND ({expression})'
    values: dict[str, Any] = {"fts": expression}
    pinyin = name_pinyin.query_keys(query)
    if pinyin is not None:
        values["pinyin"] = search_pinyin.expression(pinyin[0])
        for i, run in enumerate(pinyin[1]):
            values[f"run{i}"] = f'name : "{" ".join(run)}"'
    if not id_parts:
        values["whole"] = "".join(chars).upper()
    # Pinyin keys (and, county-wide, one character) match thousands across the county:
    # such a condition has SQLite walk the station's clients in list order (an index)
    # and look each up in the matches, instead of fetching every match by rowid and
    # sorting the station's share. A station's characters, ID digits or phone digits
    # match a station's share at most: fetched by rowid and sorted.
    wide = pinyin is not None or (station_id is None and len(chars) == 1)
    return (id_parts, wide, None if pinyin is None else len(pinyin[1])), values


@functools.lru_cache(maxsize=64)
def fts_condition(shape: FtsShape) -> ColumnElement[bool]:
    """The condition of `shape` with its values left to bind (`fts_query`'s)."""
    return _fts_condition(shape, None)


def _fts_condition(shape: FtsShape, values: dict[str, Any] | None) -> ColumnElement[bool]:
    from app.store.models import Client

    def value(name: str) -> Any:
        return bindparam(name, values[name]) if values is not None else bindparam(name)

    id_parts, wide, runs = shape
    ids: Select[Any] | CompoundSelect[Any] = _fts_ids(value("fts"))
    if runs is not None:
        # One set of ids to look each client up in, not one per index.
        ids = union(ids, _fts_pinyin_ids(value("pinyin"), [value(f"run{i}") for i in range(runs)]))
    # "+clients.id": no index on the id for SQLite to start from (see fts_query).
    found = (literal_column(f"+{Client.__tablename__}.id") if wide else Client.id).in_(ids)
    return found if id_parts else or_(found, Client.id_number == value("whole"))


def _expression(chars: list[str], *, id_parts: bool) -> str:
    """The MATCH expression for a query's characters: names and villages character by
    character, and (when the query could be one) ID numbers and phones by their `grams`."""
    expression = f'{{name village}} : "{" ".join(chars)}"'
    if not all(ch.isascii() for ch in chars):
        return expression
    digits = " ".join(_DIGIT_COLUMNS if id_parts else ("phone",))
    typed = "".join(chars)
    if len(typed) < 3:
        part = f'"{typed}" *'
    else:
        part = '"' + " ".join(typed[i : i + 3] for i in range(len(typed) - 2)) + '"'
    return f"{expression} OR {{{digits}}} : {part}"


def _fts_ids(expression: BindParameter[Any]) -> Select[Any]:
    return (
        select(literal_column("rowid"))
        .select_from(text(TABLE))
        .where(text(f"{TABLE} MATCH :{expression.key}").bindparams(expression))
    )


def _fts_pinyin_ids(keys: BindParameter[Any], runs: list[BindParameter[Any]]) -> Select[Any]:
    """Names with a pinyin key starting with a prefix, holding the typed characters too."""
    ids = search_pinyin.fts_ids(keys)
    if not runs:
        return ids
    # INTERSECT, each index asked once: `rowid IN (…)` on the pinyin table would make
    # SQLite ask it once per client holding the characters. SQLite takes no compound
    # select inside another, hence the subquery.
    both = intersect(ids, *(_fts_ids(run) for run in runs)).subquery()
    return select(both.c.rowid)


def remove_client(session: Session, client_id: int) -> None:
    """Drop a client's entries, so an anonymised person can no longer be found by name."""
    search_pinyin.remove(session, [client_id])
    if uses_fts(session):
        session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), {"id": client_id})
