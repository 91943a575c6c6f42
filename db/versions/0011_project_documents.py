"""project documents

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 13:05:00

Files attached to a service project (合同, 项目计划, 制度, 需求评估, 财务报表, 会议纪要…,
app/store/models/projects.py `ProjectDocument`) for the evaluation's evidence pack. The
files themselves lie in the data folder; a downgrade drops the records, not the files.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store.base import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLE = "project_documents"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(length=16), nullable=False),
        sa.Column("dated", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=80), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f(f"fk_{TABLE}_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f(f"fk_{TABLE}_updated_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f(f"fk_{TABLE}_project_id_projects")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f(f"fk_{TABLE}_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{TABLE}")),
        sa.UniqueConstraint("uuid", name=op.f(f"uq_{TABLE}_uuid")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{TABLE}_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f(f"ix_{TABLE}_station_id"), ["station_id"], unique=False)
    if op.get_bind().dialect.name != "sqlite":
        # create_table leaves `use_alter` keys out on other databases (see 0003).
        for column in ("created_by_id", "updated_by_id"):
            op.create_foreign_key(f"fk_{TABLE}_{column}_users", TABLE, "users", [column], ["id"])


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f(f"ix_{TABLE}_station_id"))
        batch_op.drop_index(batch_op.f(f"ix_{TABLE}_project_id"))
    op.drop_table(TABLE)
