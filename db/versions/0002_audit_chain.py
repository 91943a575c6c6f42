"""audit log: personal column and hash chain

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00

The rows already in the log get their personal values moved to the new column and
are chained here, oldest first, so the chain covers the whole log from its first row
(a check cannot tell these rows from ones written later; it can tell any edit made
after this upgrade).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

import app.store.base
from app.domain.audit_chain import GENESIS, ChainedRow, row_hash, split_detail, to_json

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('personal', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), server_default='', nullable=False))
    _chain_existing_rows(op.get_bind())


def _chain_existing_rows(conn: sa.Connection) -> None:
    log = sa.table(
        'audit_log',
        sa.column('id', sa.Integer()),
        sa.column('uuid', sa.String()),
        sa.column('at', app.store.base.UTCDateTime()),
        sa.column('user_id', sa.Integer()),
        sa.column('user_login', sa.String()),
        sa.column('station_id', sa.Integer()),
        sa.column('action', sa.String()),
        sa.column('entity', sa.String()),
        sa.column('entity_id', sa.Integer()),
        sa.column('detail', sa.Text()),
        sa.column('personal', sa.Text()),
        sa.column('prev_hash', sa.String()),
        sa.column('hash', sa.String()),
    )
    update = (
        log.update()
        .where(log.c.id == sa.bindparam('row_id'))
        .values(
            detail=sa.bindparam('new_detail'),
            personal=sa.bindparam('new_personal'),
            prev_hash=sa.bindparam('new_prev'),
            hash=sa.bindparam('new_hash'),
        )
    )
    previous, last_id = GENESIS, 0
    while True:
        rows = conn.execute(
            sa.select(log).where(log.c.id > last_id).order_by(log.c.id).limit(_BATCH)
        ).all()
        if not rows:
            return
        changes = []
        for row in rows:
            detail, personal = _split(row.detail)
            chained = ChainedRow(
                uuid=row.uuid, at=row.at, user_id=row.user_id, user_login=row.user_login,
                station_id=row.station_id, action=row.action, entity=row.entity,
                entity_id=row.entity_id, detail=detail,
            )
            digest = row_hash(previous, chained)
            changes.append(
                {'row_id': row.id, 'new_detail': detail, 'new_personal': personal,
                 'new_prev': previous, 'new_hash': digest}
            )
            previous, last_id = digest, row.id
        conn.execute(update, changes)


def _split(text: str) -> tuple[str, str | None]:
    try:
        values = json.loads(text) if text else {}
    except ValueError:
        return text, None
    if not isinstance(values, dict):
        return text, None
    public, personal = split_detail(values)
    return to_json(public), to_json(personal) or None


def downgrade() -> None:
    # The personal values go back into the details, as the old schema kept them.
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, detail, personal FROM audit_log WHERE personal IS NOT NULL"))
    merged = [
        {'row_id': i, 'detail': json.dumps(json.loads(d or '{}') | json.loads(p), ensure_ascii=False)}
        for i, d, p in rows
    ]
    if merged:
        conn.execute(sa.text("UPDATE audit_log SET detail = :detail WHERE id = :row_id"), merged)
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('personal')
