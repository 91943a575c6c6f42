"""projects

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00

Purchased-service projects (服务项目) with their stations and targets. The yearly targets
each station kept in the `report_targets` setting ({"2026": {"cases_new": 60, …}}) move
into one project per station and year (`annual_year`), covering that station from 1
January to 31 December, with a target per figure; the setting rows go, so the targets
have one place. Downgrading writes them back into the setting.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

import app.store.base
from app.domain.project_rules import BY_KEY, RULES, YEARLY_TARGETS_KEY
from app.store.base import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _stamps() -> tuple[sa.ColumnClause[object], ...]:
    """Fresh column objects for each table (a column belongs to one table)."""
    return sa.column("created_at", UTCDateTime()), sa.column("updated_at", UTCDateTime())


_SETTINGS = sa.table(
    "settings", sa.column("id"), sa.column("station_id"), sa.column("key"), sa.column("value"),
    sa.column("uuid"), sa.column("version"), sa.column("created_by_id"),
    sa.column("updated_by_id"), *_stamps(),
)  # fmt: skip
_STATIONS = sa.table("stations", sa.column("id"), sa.column("code"), sa.column("name"))
_PROJECTS = sa.table(
    "projects", sa.column("id"), sa.column("uuid"), sa.column("code"), sa.column("name"),
    sa.column("contract_no"), sa.column("buyer"), sa.column("agency"), sa.column("starts_on"),
    sa.column("ends_on"), sa.column("amount_yuan", sa.Numeric(14, 2)), sa.column("lead"),
    sa.column("supervisor"), sa.column("note"), sa.column("annual_year"), sa.column("station_id"),
    sa.column("version"),
    sa.column("created_by_id"), sa.column("updated_by_id"), *_stamps(),
)  # fmt: skip
_COVERS = sa.table(
    "project_stations", sa.column("uuid"), sa.column("project_id"), sa.column("station_id"),
    sa.column("version"), sa.column("created_by_id"), sa.column("updated_by_id"), *_stamps(),
)  # fmt: skip
_TARGETS = sa.table(
    "project_targets", sa.column("uuid"), sa.column("project_id"), sa.column("rule"),
    sa.column("target", sa.Numeric(14, 2)), sa.column("weight", sa.Numeric(6, 2)),
    sa.column("sort"), sa.column("version"),
    sa.column("created_by_id"), sa.column("updated_by_id"), *_stamps(),
)  # fmt: skip
_ORDER = {r.key: i for i, r in enumerate(RULES)}


def upgrade() -> None:
    _create_tables()
    if op.get_bind().dialect.name != "sqlite":
        # create_table leaves `use_alter` keys out on other databases (see 0003).
        for table in ("projects", "project_stations", "project_targets"):
            for column in ("created_by_id", "updated_by_id"):
                op.create_foreign_key(
                    f"fk_{table}_{column}_users", table, "users", [column], ["id"]
                )
    _move_yearly_targets(op.get_bind())


def downgrade() -> None:
    _restore_yearly_targets(op.get_bind())
    _drop_tables()


def _bookkeeping(user_id: int | None, now: dt.datetime) -> dict[str, Any]:
    return {
        "uuid": str(uuid.uuid4()), "version": 1, "created_by_id": user_id,
        "updated_by_id": user_id, "created_at": now, "updated_at": now,
    }  # fmt: skip


def _move_yearly_targets(conn: sa.Connection) -> None:
    """One project per station and year with targets; figures nobody can target are dropped
    (the report never read them either)."""
    now = dt.datetime.now(dt.UTC)
    stations = {sid: (code, name) for sid, code, name in conn.execute(sa.select(_STATIONS))}
    rows = conn.execute(
        sa.select(_SETTINGS.c.id, _SETTINGS.c.station_id, _SETTINGS.c.value,
                  _SETTINGS.c.updated_by_id)
        .where(_SETTINGS.c.key == YEARLY_TARGETS_KEY, _SETTINGS.c.station_id.is_not(None))
        .order_by(_SETTINGS.c.station_id)
    ).all()  # fmt: skip
    for setting_id, station_id, text, user_id in rows:
        code, name = stations[station_id]
        stored: dict[str, dict[str, Any]] = json.loads(text or "{}")
        for year_text, targets in sorted(stored.items()):
            kept = {k: v for k, v in targets.items() if k in BY_KEY and Decimal(str(v)) > 0}
            if not kept:
                continue
            year = int(year_text)
            project_id = conn.execute(
                sa.insert(_PROJECTS).values(
                    code=f"{code}-{year}", name=f"{name}{year}年度合同目标", contract_no="",
                    buyer="", agency="", starts_on=dt.date(year, 1, 1),
                    ends_on=dt.date(year, 12, 31), amount_yuan=Decimal(0), lead="",
                    supervisor="", note="由原“年度目标”设置转入。", annual_year=year,
                    station_id=station_id,
                    **_bookkeeping(user_id, now),
                ).returning(_PROJECTS.c.id)
            ).scalar_one()  # fmt: skip
            conn.execute(
                sa.insert(_COVERS).values(
                    project_id=project_id, station_id=station_id, **_bookkeeping(user_id, now)
                )
            )
            for key in sorted(kept, key=_ORDER.__getitem__):
                conn.execute(
                    sa.insert(_TARGETS).values(
                        project_id=project_id, rule=key, target=Decimal(str(kept[key])),
                        weight=Decimal(0), sort=_ORDER[key], **_bookkeeping(user_id, now),
                    )
                )  # fmt: skip
        conn.execute(sa.delete(_SETTINGS).where(_SETTINGS.c.id == setting_id))


def _restore_yearly_targets(conn: sa.Connection) -> None:
    now = dt.datetime.now(dt.UTC)
    by_station: dict[int, dict[str, dict[str, str | int]]] = {}
    user_of: dict[int, int | None] = {}
    rows = conn.execute(
        sa.select(_PROJECTS.c.annual_year, _COVERS.c.station_id, _TARGETS.c.rule,
                  _TARGETS.c.target, _PROJECTS.c.updated_by_id)
        .join(_COVERS, _COVERS.c.project_id == _PROJECTS.c.id)
        .join(_TARGETS, _TARGETS.c.project_id == _PROJECTS.c.id)
        .where(_PROJECTS.c.annual_year.is_not(None))
    ).all()  # fmt: skip
    for year, station_id, rule, target, user_id in rows:
        value = Decimal(str(target))
        shown: str | int = str(value) if BY_KEY[rule].decimal else int(value)
        by_station.setdefault(station_id, {}).setdefault(str(year), {})[rule] = shown
        user_of[station_id] = user_id
    for station_id, years in by_station.items():
        conn.execute(
            sa.insert(_SETTINGS).values(
                station_id=station_id, key=YEARLY_TARGETS_KEY,
                value=json.dumps(years, ensure_ascii=False, sort_keys=True),
                **_bookkeeping(user_of[station_id], now),
            )
        )  # fmt: skip


def _create_tables() -> None:
    op.create_table(
        "projects",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contract_no", sa.String(length=64), nullable=False),
        sa.Column("buyer", sa.String(length=200), nullable=False),
        sa.Column("agency", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("amount_yuan", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("lead", sa.String(length=64), nullable=False),
        sa.Column("supervisor", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("annual_year", sa.Integer(), nullable=True),
        sa.Column("station_id", sa.Integer(), nullable=True),
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
            name=op.f("fk_projects_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_projects_updated_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_projects_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("code", name=op.f("uq_projects_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_projects_uuid")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_projects_annual_year"), ["annual_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_projects_station_id"), ["station_id"], unique=False)

    op.create_table(
        "project_stations",
        sa.Column("project_id", sa.Integer(), nullable=False),
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
            name=op.f("fk_project_stations_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_project_stations_project_id_projects")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_project_stations_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_project_stations_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_stations")),
        sa.UniqueConstraint(
            "project_id", "station_id", name=op.f("uq_project_stations_project_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_project_stations_uuid")),
    )
    with op.batch_alter_table("project_stations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_project_stations_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_project_stations_station_id"), ["station_id"], unique=False
        )

    op.create_table(
        "project_targets",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=32), nullable=False),
        sa.Column("target", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("weight", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
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
            name=op.f("fk_project_targets_created_by_id_users"),
            use_alter=True,
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_project_targets_project_id_projects")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_project_targets_updated_by_id_users"),
            use_alter=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_targets")),
        sa.UniqueConstraint("project_id", "rule", name=op.f("uq_project_targets_project_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_project_targets_uuid")),
    )
    with op.batch_alter_table("project_targets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_project_targets_project_id"), ["project_id"], unique=False
        )


def _drop_tables() -> None:
    with op.batch_alter_table("project_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_targets_project_id"))

    op.drop_table("project_targets")
    with op.batch_alter_table("project_stations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_stations_station_id"))
        batch_op.drop_index(batch_op.f("ix_project_stations_project_id"))

    op.drop_table("project_stations")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_station_id"))
        batch_op.drop_index(batch_op.f("ix_projects_annual_year"))

    op.drop_table("projects")
