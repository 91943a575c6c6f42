"""The client list's query: the ids of a station's clients matching a `ClientQuery`, in order.

The list asks on every keystroke, and at county size building and compiling a statement
costs more than SQLite takes to answer it (a search of one station: a tenth of a
millisecond). So on SQLite the statement is built and compiled once per shape of the
query (which filters are set, the search condition's shape, the order) with its values
left to bind, and each call binds them and runs it outside a transaction
(`Database.read_one`). Other engines build it each time around their own search
condition, which may ask the database first (app/store/search_postgres.py).
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Dialect, bindparam, case, select

from app.domain.codes import RiskLevel
from app.domain.roles import Permission
from app.services.clients.types import ClientQuery, ClientSort
from app.services.context import Actor
from app.store import search
from app.store.engine import Database
from app.store.models import Client, ClientCategory, User, Village

# The filters of a ClientQuery, each set when it is not empty (None or "").
FILTERS = ("status", "village_id", "risk_level", "worker_id", "category")


def search_ids(db: Database, actor: Actor, query: ClientQuery) -> list[int]:
    filters = tuple(name for name in FILTERS if getattr(query, name) not in (None, ""))
    params: dict[str, Any] = {name: getattr(query, name) for name in filters}
    params["station_id"] = actor.station_id
    # Only who may see any full number may find one by its parts.
    parts = actor.can(Permission.REVEAL_ANY)
    if db.is_sqlite:
        found = search.fts_query(query.text, id_parts=parts, station_id=actor.station_id)
        shape = None
        if found is not None:
            shape, values = found
            params.update(values)
        # One statement, whatever the query: no transaction needed around it. The rows
        # are fetched at once: one by one, a common surname's hundred or more cost a
        # third of the query.
        with db.read_one() as conn:
            sql, slots = _compiled(conn.dialect, filters, shape, query.sort, query.descending)
            args = tuple(value if name is None else params[name] for name, value in slots)
            rows = conn.exec_driver_sql(sql, args).all()
        return [cid for (cid,) in rows]
    with db.read() as session:
        condition = search.matching(
            session, query.text, id_parts=parts, station_id=actor.station_id
        )
        stmt = _statement(filters, condition, query.sort, query.descending)
        return list(session.scalars(stmt, params))


@functools.lru_cache(maxsize=256)
def _compiled(
    dialect: Dialect,
    filters: tuple[str, ...],
    shape: search.FtsShape | None,
    sort: ClientSort,
    descending: bool,
) -> tuple[str, tuple[tuple[str | None, Any], ...]]:
    """SQLite's SQL for a shape of query, and what it binds, in order: the name of each
    value a call gives, or None and the statement's own value (the risk sort's ranks).

    Compiled here rather than left to SQLAlchemy's cache, which would work out the
    statement's cache key on every call: a fifth of what a one-station search costs.
    """
    condition = search.fts_condition(shape) if shape is not None else None
    compiled = _statement(filters, condition, sort, descending).compile(dialect=dialect)
    assert compiled.positiontup is not None, "SQLite's parameters are positional"
    assert not compiled.literal_execute_params, "no value may change the SQL itself"
    slots = tuple(
        (name, None) if compiled.binds[name].required else (None, compiled.binds[name].value)
        for name in compiled.positiontup
    )
    return str(compiled), slots


def _statement(filters: tuple[str, ...], condition: Any, sort: ClientSort, descending: bool) -> Any:
    stmt = select(Client.id).where(Client.station_id == bindparam("station_id"))
    for name in ("status", "village_id", "risk_level", "worker_id"):
        if name in filters:
            stmt = stmt.where(getattr(Client, name) == bindparam(name))
    if "category" in filters:
        holders = select(ClientCategory.client_id).where(
            ClientCategory.category == bindparam("category"),
            ClientCategory.end_date.is_(None),
        )
        stmt = stmt.where(Client.id.in_(holders))
    if condition is not None:
        stmt = stmt.where(condition)
    return _ordered(stmt, sort, descending)


def _ordered(stmt: Any, sort: ClientSort, descending: bool) -> Any:
    def direction(col: Any) -> Any:
        return col.desc() if descending else col.asc()

    if sort is ClientSort.AGE:
        # Older first when ascending by age means later birth dates last.
        key = Client.birth_date.desc() if not descending else Client.birth_date.asc()
        return stmt.order_by(key.nulls_last(), Client.name_sort, Client.id)
    if sort is ClientSort.VILLAGE:
        village = select(Village.name).where(Village.id == Client.village_id).scalar_subquery()
        return stmt.order_by(direction(village), Client.name_sort, Client.id)
    if sort is ClientSort.RISK:
        rank = case(
            (Client.risk_level == RiskLevel.HIGH.value, 0),
            (Client.risk_level == RiskLevel.MEDIUM.value, 1),
            else_=2,
        )
        return stmt.order_by(direction(rank), Client.name_sort, Client.id)
    if sort is ClientSort.WORKER:
        worker = select(User.name_sort).where(User.id == Client.worker_id).scalar_subquery()
        return stmt.order_by(direction(worker), Client.name_sort, Client.id)
    if sort is ClientSort.CREATED:
        return stmt.order_by(direction(Client.id))
    return stmt.order_by(direction(Client.name_sort), direction(Client.id))
