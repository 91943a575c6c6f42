"""name sort keys

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 11:40:00

Names sort by pinyin (app/domain/name_pinyin.py `sort_key`): clients, volunteers and
users get a stored key beside the name, filled here for the rows already there, in
batches by id so a county's clients never sit in memory at once; the client list's
name order reads the (station_id, name_sort) index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.name_pinyin import sort_key
from app.store import name_sort

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = (("clients", "name"), ("volunteers", "name"), ("users", "display_name"))
BATCH = 2000


def upgrade() -> None:
    conn = op.get_bind()
    for table, source in TABLES:
        # The server default makes the existing rows valid at once (SQLite adds a NOT NULL
        # column only with one) until they are filled just below.
        op.add_column(
            table, sa.Column("name_sort", name_sort.TYPE, nullable=False, server_default="")
        )
        _fill(conn, table, source)
    op.create_index("ix_clients_station_name_sort", "clients", ["station_id", "name_sort"])


def _fill(conn: sa.Connection, table: str, source: str) -> None:
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column(source, sa.String))
    update = sa.text(f"UPDATE {table} SET name_sort = :key WHERE id = :id")
    last = 0
    while True:
        batch = conn.execute(
            sa.select(rows.c.id, rows.c[source])
            .where(rows.c.id > last)
            .order_by(rows.c.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        conn.execute(update, [{"id": i, "key": sort_key(name or "")} for i, name in batch])
        last = batch[-1][0]


def downgrade() -> None:
    op.drop_index("ix_clients_station_name_sort", table_name="clients")
    for table, _source in reversed(TABLES):
        # Not a batch (a copy of the table, which SQLite refuses for users under foreign
        # keys): SQLite 3.35+ drops an unindexed column in place.
        op.drop_column(table, "name_sort")
