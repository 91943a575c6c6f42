"""Search-as-you-type over clients, right for 1-, 2- and 3+-character Chinese names.

SQLite's trigram tokenizer needs 3+ characters, and on SQLite 3.40 a LIKE against a
trigram table silently returns nothing (docs/platform-notes.md). So the index holds each character
as its own token (unicode61 over space-separated characters) and a query is a phrase of
its characters: "张 三" matches 张三 and 张三丰, "0 0 7 1" matches an ID number ending in
0071 (for roles that may see full numbers; others must type the whole number). Other
databases fall back to LIKE; this module is the only SQLite-specific part.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select, text
from sqlalchemy.orm import Session

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
    if not _uses_fts(session):
        return 0
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
    digits piece by piece would otherwise rebuild a number the list shows masked.
    """
    from app.store.models import Client, Village

    chars = _chars(query)
    if not chars:
        return None
    needle = "".join(chars)
    whole = Client.id_number == needle.upper()
    if _uses_fts(session):
        columns = " ".join(COLUMNS if id_parts else (c for c in COLUMNS if c != "idno"))
        phrase = f'{{{columns}}} : "{" ".join(chars)}"'
        ids = (
            select(text("rowid"))
            .select_from(text(TABLE))
            .where(text(f"{TABLE} MATCH :phrase").bindparams(phrase=phrase))
        )
        found = Client.id.in_(ids.scalar_subquery())
        return found if id_parts else or_(found, whole)
    village_ids = select(Village.id).where(Village.name.contains(needle, autoescape=True))
    return or_(
        Client.name.contains(needle, autoescape=True),
        Client.id_number.contains(needle.upper(), autoescape=True) if id_parts else whole,
        Client.phone.contains(needle, autoescape=True),
        Client.village_id.in_(village_ids),
    )


def remove_client(session: Session, client_id: int) -> None:
    """Drop a client's entry, so an anonymised person can no longer be found by name."""
    if _uses_fts(session):
        session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), {"id": client_id})
