"""data packages

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 09:56:05

Data packages (数据包) between offline stations and the county (app/store/models/packages.py):
the package log of both sides, the county's base versions and conflicts, and the uuids of
deleted station-owned rows (kept from now on; earlier deletions were never recorded).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.base import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deleted_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_deleted_rows_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deleted_rows")),
    )
    with op.batch_alter_table("deleted_rows", schema=None) as batch_op:
        batch_op.create_index(
            "ix_deleted_rows_station_at", ["station_id", "deleted_at"], unique=False
        )

    op.create_table(
        "package_bases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("station_version", sa.Integer(), nullable=False),
        sa.Column("county_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_package_bases_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_bases")),
        sa.UniqueConstraint("record_uuid", name=op.f("uq_package_bases_record_uuid")),
    )
    with op.batch_alter_table("package_bases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_package_bases_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "package_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("station_row", sa.Text(), nullable=False),
        sa.Column("station_version", sa.Integer(), nullable=False),
        sa.Column("county_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("choices", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["users.id"], name=op.f("fk_package_conflicts_resolved_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_package_conflicts_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_conflicts")),
    )
    with op.batch_alter_table("package_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_package_conflicts_record_uuid"), ["record_uuid"], unique=False
        )
        batch_op.create_index(
            "ix_package_conflicts_station_status", ["station_id", "status"], unique=False
        )

    op.create_table(
        "package_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.String(length=36), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("station_uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("logged_at", UTCDateTime(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_package_log_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_package_log_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_log")),
        sa.UniqueConstraint("direction", "package_id", name=op.f("uq_package_log_direction")),
    )
    with op.batch_alter_table("package_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_package_log_station_id"), ["station_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("package_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_package_log_station_id"))

    op.drop_table("package_log")
    with op.batch_alter_table("package_conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_package_conflicts_station_status")
        batch_op.drop_index(batch_op.f("ix_package_conflicts_record_uuid"))

    op.drop_table("package_conflicts")
    with op.batch_alter_table("package_bases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_package_bases_station_id"))

    op.drop_table("package_bases")
    with op.batch_alter_table("deleted_rows", schema=None) as batch_op:
        batch_op.drop_index("ix_deleted_rows_station_at")

    op.drop_table("deleted_rows")
