"""satisfaction surveys and interview rounds

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 13:02:18

Satisfaction (满意度): a survey per closed case, group or activity, and the station's
interview rounds (回访) with their drawn sample and answers (app/store/models/satisfaction.py).
New tables only; nothing existing changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.base

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("interview_rounds", "interview_samples", "satisfaction_surveys")


def upgrade() -> None:
    op.create_table(
        "interview_rounds",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("phone_size", sa.Integer(), nullable=False),
        sa.Column("onsite_size", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("finished_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
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
            name=op.f("fk_interview_rounds_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_interview_rounds_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_interview_rounds_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_rounds")),
        sa.UniqueConstraint("uuid", name=op.f("uq_interview_rounds_uuid")),
    )
    with op.batch_alter_table("interview_rounds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_rounds_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "interview_samples",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stratum", sa.String(length=100), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("asked_on", sa.Date(), nullable=True),
        sa.Column("awareness", sa.Text(), nullable=False),
        sa.Column("aware", sa.Boolean(), nullable=True),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("created_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_interview_samples_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_interview_samples_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["interview_rounds.id"],
            name=op.f("fk_interview_samples_round_id_interview_rounds"),
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_interview_samples_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_interview_samples_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_samples")),
        sa.UniqueConstraint("round_id", "client_id", name=op.f("uq_interview_samples_round_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_interview_samples_uuid")),
    )
    with op.batch_alter_table("interview_samples", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_samples_client_id"), ["client_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_samples_round_id"), ["round_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interview_samples_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "satisfaction_surveys",
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("surveyed_on", sa.Date(), nullable=False),
        sa.Column("respondent", sa.String(length=16), nullable=False),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("overall", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
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
            name=op.f("fk_satisfaction_surveys_activity_id_activities"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_satisfaction_surveys_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_satisfaction_surveys_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_satisfaction_surveys_group_id_groups")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"],
            ["stations.id"],
            name=op.f("fk_satisfaction_surveys_station_id_stations"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_satisfaction_surveys_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_satisfaction_surveys")),
        sa.UniqueConstraint("uuid", name=op.f("uq_satisfaction_surveys_uuid")),
    )
    with op.batch_alter_table("satisfaction_surveys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_satisfaction_surveys_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_surveys_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_surveys_group_id"), ["group_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_satisfaction_surveys_station_id"), ["station_id"], unique=False
        )
        batch_op.create_index(
            "ix_satisfaction_surveys_station_on", ["station_id", "surveyed_on"], unique=False
        )

    if op.get_bind().dialect.name != "sqlite":
        # create_table leaves `use_alter` keys out on other databases (see 0003).
        for table in TABLES:
            for column in ("created_by_id", "updated_by_id"):
                op.create_foreign_key(
                    f"fk_{table}_{column}_users", table, "users", [column], ["id"]
                )


def downgrade() -> None:
    with op.batch_alter_table("satisfaction_surveys", schema=None) as batch_op:
        batch_op.drop_index("ix_satisfaction_surveys_station_on")
        batch_op.drop_index(batch_op.f("ix_satisfaction_surveys_station_id"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_surveys_group_id"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_surveys_case_id"))
        batch_op.drop_index(batch_op.f("ix_satisfaction_surveys_activity_id"))

    op.drop_table("satisfaction_surveys")
    with op.batch_alter_table("interview_samples", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_samples_station_id"))
        batch_op.drop_index(batch_op.f("ix_interview_samples_round_id"))
        batch_op.drop_index(batch_op.f("ix_interview_samples_client_id"))

    op.drop_table("interview_samples")
    with op.batch_alter_table("interview_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_rounds_station_id"))

    op.drop_table("interview_rounds")
