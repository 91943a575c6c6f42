"""dated history and month close

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 06:42:26

Existing records get their history here, from the values they hold today: a client's
risk level, village and household from the day the client was registered; a case's
worker and risk level from its intake date, rebuilt from the case's own events (risk
re-ratings keep their codes; hand-overs name the workers, matched by name in the
station). Approvals get their 发生日期 from the local day they were entered.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

import app.store.base
from app.store import backfill


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dated_values",
        sa.Column("subject", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("late_reason", sa.Text(), nullable=False),
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
            name=op.f("fk_dated_values_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_dated_values_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_dated_values_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dated_values")),
        sa.UniqueConstraint("uuid", name=op.f("uq_dated_values_uuid")),
    )
    with op.batch_alter_table("dated_values", schema=None) as batch_op:
        batch_op.create_index(
            "ix_dated_values_lookup", ["subject", "field", "subject_id", "valid_from"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dated_values_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "month_closes",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("superseded_at", app.store.base.UTCDateTime(), nullable=True),
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
            name=op.f("fk_month_closes_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_month_closes_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_month_closes_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_closes")),
        sa.UniqueConstraint("uuid", name=op.f("uq_month_closes_uuid")),
    )
    with op.batch_alter_table("month_closes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_month_closes_month"), ["month"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_month_closes_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "month_corrections",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("closed_id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("created_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_id"],
            ["month_closes.id"],
            name=op.f("fk_month_corrections_closed_id_month_closes"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_month_corrections_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_month_corrections_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_month_corrections_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_corrections")),
        sa.UniqueConstraint("uuid", name=op.f("uq_month_corrections_uuid")),
    )
    with op.batch_alter_table("month_corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_month_corrections_month"), ["month"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_month_corrections_station_id"), ["station_id"], unique=False
        )

    with op.batch_alter_table("case_closures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reviewed_on", sa.Date(), nullable=True))

    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("late_reason", sa.Text(), server_default="", nullable=False))

    with op.batch_alter_table("case_plans", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reviewed_on", sa.Date(), nullable=True))

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status_on", sa.Date(), nullable=True))

    for table in _LATE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("late_reason", sa.Text(), server_default="", nullable=False)
            )

    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        _missing_deferred_keys(conn)
    backfill.history_from_records(conn, dt.datetime.now(dt.UTC))
    backfill.review_dates(conn)


def _missing_deferred_keys(conn: sa.Connection) -> None:
    """The foreign keys that 0001 declared `use_alter` (who made or changed a row, and the
    two cycles: a case's visit, a household's head) are created on SQLite with their table
    but were left out on other databases: add the ones a database lacks."""
    inspector = sa.inspect(conn)
    for table in inspector.get_table_names():
        columns = {c["name"] for c in inspector.get_columns(table)}
        present = {fk["name"] for fk in inspector.get_foreign_keys(table)}
        wanted = [
            (c, "users", None) for c in ("created_by_id", "updated_by_id") if c in columns
        ]
        wanted += [
            (column, target, ondelete)
            for owner, column, target, ondelete in (
                ("cases", "visit_id", "visits", None),
                ("households", "head_client_id", "clients", "SET NULL"),
            )
            if owner == table
        ]
        for column, target, ondelete in wanted:
            name = f"fk_{table}_{column}_{target}"
            if name not in present:
                op.create_foreign_key(name, table, target, [column], ["id"], ondelete=ondelete)


_LATE_TABLES = (
    "case_assessments", "service_records", "referrals", "case_evaluations", "case_follow_ups",
)  # fmt: skip


def downgrade() -> None:
    for table in _LATE_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("late_reason")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_column("status_on")

    with op.batch_alter_table("case_plans", schema=None) as batch_op:
        batch_op.drop_column("reviewed_on")

    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_column("late_reason")

    with op.batch_alter_table("case_closures", schema=None) as batch_op:
        batch_op.drop_column("reviewed_on")

    with op.batch_alter_table("month_corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_month_corrections_station_id"))
        batch_op.drop_index(batch_op.f("ix_month_corrections_month"))

    op.drop_table("month_corrections")
    with op.batch_alter_table("month_closes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_month_closes_station_id"))
        batch_op.drop_index(batch_op.f("ix_month_closes_month"))

    op.drop_table("month_closes")
    with op.batch_alter_table("dated_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dated_values_station_id"))
        batch_op.drop_index("ix_dated_values_lookup")

    op.drop_table("dated_values")
