"""partner name sort key

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 18:50:00

Partners get the stored sort key of their name (app/store/name_sort.py), as clients,
volunteers and users did in 0010: the directory and the forms' partner pickers then sort
in SQL, and reading them no longer loads pypinyin's dictionaries (~55 MB of the window's
memory). The partners already there get their keys here; a station has tens of them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.domain.name_pinyin import sort_key
from app.store import name_sort

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The server default makes the existing rows valid at once (SQLite adds a NOT NULL
    # column only with one) until they are filled just below.
    op.add_column(
        "partners", sa.Column("name_sort", name_sort.TYPE, nullable=False, server_default="")
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM partners")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE partners SET name_sort = :key WHERE id = :id"),
            [{"id": i, "key": sort_key(name or "")} for i, name in rows],
        )


def downgrade() -> None:
    # SQLite 3.35+ drops an unindexed column in place (no copy of the table, which other
    # tables' foreign keys point to).
    op.drop_column("partners", "name_sort")
