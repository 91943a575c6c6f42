"""client pinyin

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 07:40:00

The pinyin index of client names (app/store/search_pinyin.py): an FTS5 table on SQLite,
a (key, client_id) table on PostgreSQL, filled here for the clients already registered.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.orm import Session

from app.store import search_pinyin


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    for statement in search_pinyin.create_statements(conn.dialect.name):
        op.execute(statement)
    with Session(bind=conn) as session:
        search_pinyin.rebuild(session)


def downgrade() -> None:
    for statement in search_pinyin.drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
