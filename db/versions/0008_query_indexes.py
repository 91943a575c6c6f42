"""query indexes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 10:20:00

Indexes for the hot queries at county size (30 stations, ~1M service records): the
reports' counts by station and day, 待办's last contact of each case, the case lists by
stage. On SQLite the full-text index stores ID numbers and phones as 3-character windows
(app/store/search.py `grams`), so it is filled anew, and the planner gets statistics.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.store import search

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = (
    (
        "ix_service_records_station_served",
        "service_records",
        ["station_id", "served_on", "client_id", "worker_id", "duration_min"],
    ),
    ("ix_service_records_case_served", "service_records", ["case_id", "served_on"]),
    ("ix_cases_station_intake", "cases", ["station_id", "intake_date"]),
    ("ix_cases_station_stage", "cases", ["station_id", "stage", "worker_id"]),
    ("ix_case_plans_station_status", "case_plans", ["station_id", "status"]),
    ("ix_case_closures_station_status", "case_closures", ["station_id", "status"]),
    ("ix_case_events_station_happened", "case_events", ["station_id", "happened_on", "kind"]),
    ("ix_referrals_station_sent", "referrals", ["station_id", "sent_on"]),
    ("ix_visits_station_visited", "visits", ["station_id", "visited_on"]),
    ("ix_activities_station_held", "activities", ["station_id", "held_on"]),
    ("ix_groups_station_start", "groups", ["station_id", "start_date"]),
    ("ix_group_sessions_station_held", "group_sessions", ["station_id", "held_on"]),
    ("ix_supervisions_station_held", "supervisions", ["station_id", "held_on"]),
    ("ix_trainings_station_held", "trainings", ["station_id", "held_on"]),
    ("ix_volunteer_services_station_served", "volunteer_services", ["station_id", "served_on"]),
    ("ix_resources_station_received", "resources", ["station_id", "received_on"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _refill_search(conn)
    # Statistics, so the planner knows a station from a day: a full pass (a sample of a
    # few hundred index rows sees one station only), once, tens of seconds on a county file.
    op.execute("ANALYZE")


def _refill_search(conn: sa.Connection) -> None:
    """The full-text index filled anew in its shape of this revision (no station: 0017)."""
    rows = conn.execute(
        sa.text(
            "SELECT c.id, c.name, c.id_number, c.phone, v.name FROM clients c "
            "LEFT JOIN villages v ON v.id = c.village_id"
        )
    )
    payload = [
        {"id": cid, "name": search.spaced(name), "idno": search.grams(idno),
         "phone": search.grams(phone), "village": search.spaced(village)}
        for cid, name, idno, phone, village in rows
    ]  # fmt: skip
    conn.execute(sa.text("DELETE FROM client_search"))
    if payload:
        conn.execute(
            sa.text(
                "INSERT INTO client_search (rowid, name, idno, phone, village) "
                "VALUES (:id, :name, :idno, :phone, :village)"
            ),
            payload,
        )


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
