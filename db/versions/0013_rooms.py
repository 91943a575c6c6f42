"""village social work rooms and staff qualifications

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 13:02:07

A station's 社工室 (`rooms`) and the villages each serves (`room_villages`); service
records, activities and visits may name the room where they happened (`room_id`, empty
for every record made before); a user's qualification certificate (number and date; the
level stays `title`). A worker's room is dated history in `dated_values`, which needs no
column. The three record tables are copied by batch mode to gain their foreign key (the
upgrade runs with foreign keys off); the users table gains plain columns in place, since
a copy of it would trip every table that names a user.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.base

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

RECORD_TABLES = ("service_records", "activities", "visits")


def _tracked(table: str) -> list[sa.SchemaItem]:
    """The columns and keys every station-owned row carries (app/store/base.py)."""
    return [
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("created_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=f"fk_{table}_created_by_id_users", use_alter=True
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=f"fk_{table}_station_id_stations"
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=f"fk_{table}_updated_by_id_users", use_alter=True
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
    ]


def upgrade() -> None:
    op.create_table(
        "rooms",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        *_tracked("rooms"),
        sa.UniqueConstraint("station_id", "name", name="uq_rooms_station_id"),
    )
    op.create_index("ix_rooms_station_id", "rooms", ["station_id"])
    op.create_table(
        "room_villages",
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("village_id", sa.Integer(), nullable=False),
        *_tracked("room_villages"),
        sa.ForeignKeyConstraint(["room_id"], ["rooms.id"], name="fk_room_villages_room_id_rooms"),
        sa.ForeignKeyConstraint(
            ["village_id"], ["villages.id"], name="fk_room_villages_village_id_villages"
        ),
        sa.UniqueConstraint("village_id", name="uq_room_villages_village_id"),
    )
    op.create_index("ix_room_villages_room_id", "room_villages", ["room_id"])
    op.create_index("ix_room_villages_station_id", "room_villages", ["station_id"])
    if op.get_bind().dialect.name != "sqlite":
        # create_table leaves `use_alter` keys out on other databases (see 0003).
        for table in ("rooms", "room_villages"):
            for column in ("created_by_id", "updated_by_id"):
                op.create_foreign_key(
                    f"fk_{table}_{column}_users", table, "users", [column], ["id"]
                )
    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("room_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(f"fk_{table}_room_id_rooms", "rooms", ["room_id"], ["id"])
    with op.batch_alter_table("users", schema=None, recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("certificate_no", sa.String(length=40), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("certified_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("certified_on")
        batch_op.drop_column("certificate_no")
    for table in reversed(RECORD_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_room_id_rooms", type_="foreignkey")
            batch_op.drop_column("room_id")
    op.drop_index("ix_room_villages_station_id", table_name="room_villages")
    op.drop_index("ix_room_villages_room_id", table_name="room_villages")
    op.drop_table("room_villages")
    op.drop_index("ix_rooms_station_id", table_name="rooms")
    op.drop_table("rooms")
