"""The uuid of every station-owned row deleted, kept so a data package can carry it.

The app deletes rows rather than marking them, both through the ORM (`session.delete`)
and with bulk statements (`delete(Model).where(...)`); a listener on each kind writes a
`deleted_rows` entry in the same transaction. The county side of a package deletes the
same uuids.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, event, insert, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from app.store.base import StationOwned
from app.store.models import DeletedRow


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "do_orm_execute", _on_execute)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for row in session.deleted:
        if isinstance(row, StationOwned):
            session.add(
                DeletedRow(
                    entity=row.__tablename__,  # type: ignore[attr-defined]
                    record_uuid=row.uuid,
                    station_id=row.station_id,
                )
            )


def _on_execute(state: ORMExecuteState) -> None:
    if not state.is_delete:
        return
    mapper = state.bind_mapper
    if mapper is None or not issubclass(mapper.class_, StationOwned):
        return
    table = mapper.local_table
    assert isinstance(table, Table)
    rows = select(table.c.uuid, table.c.station_id)
    where = state.statement.whereclause  # type: ignore[attr-defined]
    if where is not None:
        rows = rows.where(where)
    found = [
        {"entity": table.name, "record_uuid": u, "station_id": s}
        for u, s in state.session.execute(rows)
    ]
    if found:
        state.session.execute(insert(DeletedRow), found)
