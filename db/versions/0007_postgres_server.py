"""postgres server

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:00:00

PostgreSQL only (nothing on SQLite): the search indexes of app/store/search_postgres.py
(pg_trgm, the name-pieces function and its GIN index) and the audit chain's head function
that station roles under row-level security need (app/store/postgres_rls.py). The roles
and policies themselves are made by `stationdesk server init`, not here: roles belong
to the whole server, and a database that is never served to stations needs none.
"""

from __future__ import annotations

from alembic import op

from app.store import postgres_rls, search_postgres

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
    for statement in search_postgres.create_statements():
        op.execute(statement)
    for statement in postgres_rls.audit_head_statements(schema):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP FUNCTION IF EXISTS {postgres_rls.AUDIT_HEAD}()")
    for statement in search_postgres.drop_statements():
        op.execute(statement)
