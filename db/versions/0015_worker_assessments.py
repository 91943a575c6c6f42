"""worker assessments

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 13:30:00

Worker assessments (社工考核, app/store/models/assessment.py): the station head's scores
and comments on one worker's month, quarter or year, and the figures stored when the
head confirms it. A new table only; nothing existing changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.base

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLE = "worker_assessments"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("period_first", sa.Date(), nullable=False),
        sa.Column("period_last", sa.Date(), nullable=False),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("figures", sa.Text(), nullable=True),
        sa.Column("confirmed_at", app.store.base.UTCDateTime(), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["confirmed_by_id"], ["users.id"], name=op.f(f"fk_{TABLE}_confirmed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f(f"fk_{TABLE}_created_by_id_users"),
            use_alter=True,
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f(f"fk_{TABLE}_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f(f"fk_{TABLE}_updated_by_id_users"),
            use_alter=True,
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["worker_id"], ["users.id"], name=op.f(f"fk_{TABLE}_worker_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
        sa.UniqueConstraint("uuid", name=op.f(f"uq_{TABLE}_uuid")),
        sa.UniqueConstraint("worker_id", "period", name=op.f(f"uq_{TABLE}_worker_id")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{TABLE}_station_id"), ["station_id"], unique=False)
        batch_op.create_index(batch_op.f(f"ix_{TABLE}_worker_id"), ["worker_id"], unique=False)
    if op.get_bind().dialect.name != "sqlite":
        # create_table leaves `use_alter` keys out on other databases (see 0003).
        for column in ("created_by_id", "updated_by_id"):
            op.create_foreign_key(f"fk_{TABLE}_{column}_users", TABLE, "users", [column], ["id"])


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f(f"ix_{TABLE}_worker_id"))
        batch_op.drop_index(batch_op.f(f"ix_{TABLE}_station_id"))
    op.drop_table(TABLE)
