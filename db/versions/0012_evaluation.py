"""third-party evaluation

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 13:00:00

Third-party evaluation (评估): indicator systems (a tree of indicators with points, bonus
and veto items, scorers and grade thresholds), evaluation rounds of a station with each
scorer's scores, and the rectification items (整改) found, with their evidence files.
New tables only: nothing existing changes, and a downgrade drops them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.store.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = (
    "evaluation_systems",
    "evaluation_indicators",
    "evaluation_rounds",
    "evaluation_scores",
    "rectifications",
    "rectification_files",
)


def _tracked(table: str, *, station: bool | None) -> list[sa.SchemaItem]:
    """The bookkeeping columns every table has (app/store/base.py), and its station when
    `station` is not None (nullable when False)."""
    items: list[sa.SchemaItem] = []
    if station is not None:
        items += [
            sa.Column("station_id", sa.Integer(), nullable=not station),
            sa.ForeignKeyConstraint(
                ["station_id"], ["stations.id"], name=op.f(f"fk_{table}_station_id_stations")
            ),
        ]
    items += [
        sa.Column("created_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", app.store.base.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("uuid", name=op.f(f"uq_{table}_uuid")),
    ]
    for column in ("created_by_id", "updated_by_id"):
        items.append(
            sa.ForeignKeyConstraint(
                [column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"), use_alter=True
            )
        )
    return items


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def _indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    t = "evaluation_systems"
    op.create_table(
        t,
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("total_points", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("bonus_points", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("veto_rule", sa.String(length=16), nullable=False),
        sa.Column("grades", sa.Text(), nullable=False),
        sa.Column("source_file", sa.String(length=260), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.UniqueConstraint("name", name=op.f("uq_evaluation_systems_name")),
        *_tracked(t, station=False),
    )
    _indexes(t, "station_id")
    t = "evaluation_indicators"
    op.create_table(
        t,
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("points", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("scorer", sa.String(length=16), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source_row", sa.Integer(), nullable=True),
        _fk(t, "system_id", "evaluation_systems"),
        _fk(t, "parent_id", "evaluation_indicators"),
        *_tracked(t, station=False),
    )
    _indexes(t, "station_id", "system_id")
    t = "evaluation_rounds"
    op.create_table(
        t,
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("evaluators", sa.String(length=400), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("finished_at", app.store.base.UTCDateTime(), nullable=True),
        sa.Column("finished_by_id", sa.Integer(), nullable=True),
        _fk(t, "system_id", "evaluation_systems"),
        _fk(t, "project_id", "projects"),
        sa.ForeignKeyConstraint(
            ["finished_by_id"], ["users.id"], name=op.f(f"fk_{t}_finished_by_id_users")
        ),
        *_tracked(t, station=True),
    )
    _indexes(t, "held_on", "project_id", "station_id", "system_id")
    t = "evaluation_scores"
    op.create_table(
        t,
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("scorer", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        _fk(t, "round_id", "evaluation_rounds"),
        _fk(t, "indicator_id", "evaluation_indicators"),
        sa.UniqueConstraint(
            "round_id", "indicator_id", "scorer", name=op.f("uq_evaluation_scores_round_id")
        ),
        *_tracked(t, station=True),
    )
    _indexes(t, "round_id", "station_id")
    t = "rectifications"
    op.create_table(
        t,
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        _fk(t, "round_id", "evaluation_rounds"),
        _fk(t, "indicator_id", "evaluation_indicators"),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f(f"fk_{t}_closed_by_id_users")
        ),
        *_tracked(t, station=True),
    )
    _indexes(t, "due_on", "round_id", "station_id", "status")
    t = "rectification_files"
    op.create_table(
        t,
        sa.Column("rectification_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=80), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        _fk(t, "rectification_id", "rectifications"),
        *_tracked(t, station=True),
    )
    _indexes(t, "rectification_id", "station_id")
    if op.get_bind().dialect.name != "sqlite":
        # create_table leaves `use_alter` keys out on other databases (see 0003).
        for table in TABLES:
            for column in ("created_by_id", "updated_by_id"):
                op.create_foreign_key(
                    f"fk_{table}_{column}_users", table, "users", [column], ["id"]
                )


def downgrade() -> None:
    # Dropping a table drops its indexes and keys with it.
    for table in reversed(TABLES):
        op.drop_table(table)
