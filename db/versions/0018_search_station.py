"""search by station

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 16:20:00

SQLite's full-text index of clients (app/store/search.py) gets a `station` column, each
row the token of its client's station ("s12"), so a station's search asks FTS5 for its own
matches instead of every match in the county. The rows are copied from the old table
(their names, numbers and villages are indexed as before), the station read from the
clients table. Fresh statistics of the clients table follow, so the planner knows that a
station holds thousands of clients and a search's matches are fewer. Nothing changes on
PostgreSQL, whose search has its own indexes.
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_OLD = "client_search_0017"
_TEXT = "name, idno, phone, village"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"ALTER TABLE client_search RENAME TO {_OLD}")
    op.execute(
        f"CREATE VIRTUAL TABLE client_search USING fts5({_TEXT}, station, tokenize='unicode61')"
    )
    op.execute(
        f"INSERT INTO client_search (rowid, {_TEXT}, station) "
        f"SELECT o.rowid, o.name, o.idno, o.phone, o.village, 's' || c.station_id "
        f"FROM {_OLD} o JOIN clients c ON c.id = o.rowid"
    )
    op.execute(f"DROP TABLE {_OLD}")
    op.execute("ANALYZE clients")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"ALTER TABLE client_search RENAME TO {_OLD}")
    op.execute(f"CREATE VIRTUAL TABLE client_search USING fts5({_TEXT}, tokenize='unicode61')")
    op.execute(
        f"INSERT INTO client_search (rowid, {_TEXT}) SELECT rowid, {_TEXT} FROM {_OLD}"
    )
    op.execute(f"DROP TABLE {_OLD}")
