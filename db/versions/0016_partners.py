"""partners

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 13:02:36

The partner directory (合作方, 五社联动): `partners`, `activity_partners` (one row per
partner an activity names, split from its one line of text) and a nullable `partner_id`
on referrals and resources. Existing text is matched to a partner only by an exact name
(app/store/partner_links.py); nothing is made from the text: what matches no partner
stays free text for a person to match in 设置 → 合作方.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

import app.store.base
from app.store import partner_links

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create()
    if op.get_bind().dialect.name != "sqlite":
        # create_table leaves `use_alter` keys out on other databases (see 0003).
        for table in ("partners", "activity_partners"):
            for column in ("created_by_id", "updated_by_id"):
                op.create_foreign_key(
                    f"fk_{table}_{column}_users", table, "users", [column], ["id"]
                )
    conn = op.get_bind()
    partner_links.fill_activity_partners(conn, dt.datetime.now(dt.UTC))
    partner_links.match_exact(conn)


def _create() -> None:
    op.create_table(
        "partners",
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("partner_type", sa.String(length=24), nullable=False),
        sa.Column("department", sa.String(length=32), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("contact_person", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_partners_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_partners_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_partners_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partners")),
        sa.UniqueConstraint("uuid", name=op.f("uq_partners_uuid")),
    )
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partners_station_id"), ["station_id"], unique=False)
        batch_op.create_index("ix_partners_station_name", ["station_id", "name"], unique=False)

    op.create_table(
        "activity_partners",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("created_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_partners_activity_id_activities"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_activity_partners_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_activity_partners_partner_id_partners")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_activity_partners_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_activity_partners_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_partners")),
        sa.UniqueConstraint("activity_id", "name", name=op.f("uq_activity_partners_activity_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_activity_partners_uuid")),
    )
    with op.batch_alter_table("activity_partners", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_partners_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_partners_partner_id"), ["partner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_activity_partners_station_id"), ["station_id"], unique=False
        )

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("partner_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_referrals_partner_id"), ["partner_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_referrals_partner_id_partners"), "partners", ["partner_id"], ["id"]
        )

    with op.batch_alter_table("resources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("partner_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_resources_partner_id"), ["partner_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_resources_partner_id_partners"), "partners", ["partner_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("resources", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_resources_partner_id_partners"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_resources_partner_id"))
        batch_op.drop_column("partner_id")

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_referrals_partner_id_partners"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_referrals_partner_id"))
        batch_op.drop_column("partner_id")

    with op.batch_alter_table("activity_partners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_partners_station_id"))
        batch_op.drop_index(batch_op.f("ix_activity_partners_partner_id"))
        batch_op.drop_index(batch_op.f("ix_activity_partners_activity_id"))

    op.drop_table("activity_partners")
    with op.batch_alter_table("partners", schema=None) as batch_op:
        batch_op.drop_index("ix_partners_station_name")
        batch_op.drop_index(batch_op.f("ix_partners_station_id"))

    op.drop_table("partners")
