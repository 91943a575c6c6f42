"""Revision 0018: SQLite's full-text index of clients gets each client's station, kept
through a downgrade and an upgrade with the rows as they were indexed."""

from __future__ import annotations

from sqlalchemy import text

from app.services.clients.service import ClientService
from app.services.clients.types import ClientQuery
from app.services.context import Actor
from app.store import search
from app.store.engine import Database
from app.store.models import Client, Station
from tests.unit.store.migrating import move


def _rows(db: Database, columns: str) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(f"SELECT {columns} FROM client_search"))]


def test_the_station_comes_and_goes_with_the_rows_kept(db: Database, admin: Actor) -> None:
    with db.write() as s:
        other = Station(name="邻镇社工站", code="NEXT01")
        s.add(other)
        s.flush()
        ours = Client(station_id=admin.station_id, name="张桂兰", phone="13812340071")
        theirs = Client(station_id=other.id, name="张桂芳")
        s.add_all([ours, theirs])
        s.flush()
        for c in (ours, theirs):
            search.index_client(s, c.id, name=c.name, id_number=None, phone=c.phone, village="")
        ids = (ours.id, theirs.id, other.id)
    indexed = sorted(_rows(db, "rowid, name, phone"))
    move(db, "0017")
    assert sorted(_rows(db, "rowid, name, phone")) == indexed
    with db.engine.connect() as conn:
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(client_search)"))]
    assert columns == ["name", "idno", "phone", "village"]
    move(db, "head")
    assert sorted(_rows(db, "rowid, name, phone")) == indexed
    assert {row[0]: row[1] for row in _rows(db, "rowid, station")} == {
        ids[0]: f"s{admin.station_id}",
        ids[1]: f"s{ids[2]}",
    }
    # The station's search finds its own client only, by name and by the phone's tail.
    clients = ClientService(db, admin)
    assert clients.search_ids(ClientQuery(text="张桂")) == [ids[0]]
    assert clients.search_ids(ClientQuery(text="0071")) == [ids[0]]
