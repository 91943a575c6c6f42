"""consent exemption on cases

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 09:00:00

A case opens only with the client's service consent signed, or with the reason it could
not be taken (app.domain.consent.EXEMPTION_LABELS) and a note. Cases opened before this
rule keep both empty: nothing is known about why they had no consent.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


# Many tables point at cases: ALTER it in place (SQLite 3.35+ drops a column without
# copying the table), since a copy of it would trip their foreign keys.
_IN_PLACE = "never"


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None, recreate=_IN_PLACE) as batch_op:
        batch_op.add_column(
            sa.Column("consent_exemption", sa.String(length=16), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("consent_note", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None, recreate=_IN_PLACE) as batch_op:
        batch_op.drop_column("consent_note")
        batch_op.drop_column("consent_exemption")
