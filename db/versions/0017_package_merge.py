"""package merge

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 16:00:00

Three-way merge of data packages and the county's decisions sent back to the station:
`package_bases.base_row` (the station's row as last exchanged; empty for the bases kept
before, which compare as before), `package_conflicts.merged` (the fields that merge
without a person) and `package_decisions` (the station's list of the county's decisions).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.base import UTCDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("package_bases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base_row", sa.Text(), nullable=True))
    with op.batch_alter_table("package_conflicts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged", sa.Text(), nullable=False, server_default="[]"))
    op.create_table(
        "package_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("return_id", sa.String(length=36), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_package_decisions_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_decisions")),
        sa.UniqueConstraint(
            "package_id", "record_uuid", name=op.f("uq_package_decisions_package_id")
        ),
    )
    with op.batch_alter_table("package_decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_package_decisions_station_id"), ["station_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("package_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_package_decisions_station_id"))
    op.drop_table("package_decisions")
    with op.batch_alter_table("package_conflicts", schema=None) as batch_op:
        batch_op.drop_column("merged")
    with op.batch_alter_table("package_bases", schema=None) as batch_op:
        batch_op.drop_column("base_row")
