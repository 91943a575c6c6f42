"""Row-level security on the county's PostgreSQL: each station's role sees and writes only
its own station's rows; the county role reads and writes all.

Who a session is comes from the server, not from the app: `current_user` (the role the
workstation logged in with, which it cannot change to another station's role) looked up in
`stationdesk_station_roles` (role → station, written only by the owner). The lookup is an
uncorrelated subquery, so the server runs it once per statement and the station's index on
`station_id` serves the rest.

Every table of the models that has a `station_id` gets the station policy (they all do,
children included: every record carries its station, so no policy needs a join). The one
station-owned table without the column is the pinyin index on PostgreSQL
(`client_search_pinyin`: key, client_id), whose policy is an EXISTS on `clients`, itself
filtered by the clients' policy. `stations` and `code_items` are read by everyone:
a station may update its own `stations` row, code lists are the county's (grants only).
Service projects (服务项目) may cover several stations: a station writes the projects it
manages (`projects.station_id`: its own, the yearly targets) with their stations and
targets, and reads besides the county's projects that cover it.
Rows with no station (`settings` that apply to the whole database, audit rows of failed
logins under an unknown name, the county-wide partners) are read by every station and
written by the county only; a station may add audit rows without a station (RETURNING
must read them back).

The owner (who migrates) bypasses the policies, so the app never connects as the owner;
superusers bypass them too. Applying is idempotent: `stationdesk server init` runs it again
after an upgrade, and a table a migration adds is covered from the models.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from app.store import search_postgres
from app.store.base import Base
from app.store.search_pinyin import TABLE as PINYIN_TABLE

MAPPING = "stationdesk_station_roles"
AUDIT_HEAD = "stationdesk_audit_head"
SHARED_READ = ("stations", "code_items")
# Rows without a station: for everyone to read, the county to write. (The county's
# evaluation indicator systems and partners too; a station writes its own.)
NULL_STATION_SHARED = (
    "settings",
    "audit_log",
    "evaluation_systems",
    "evaluation_indicators",
    "partners",
)

OWN = f"station_id = (SELECT m.station_id FROM {MAPPING} m WHERE m.role_name = current_user)"
OWN_STATION_ROW = f"id = (SELECT m.station_id FROM {MAPPING} m WHERE m.role_name = current_user)"
PROJECT_COVERS = "EXISTS (SELECT 1 FROM project_stations ps WHERE ps.project_id = projects.id)"
TARGET_READABLE = "EXISTS (SELECT 1 FROM projects p WHERE p.id = project_targets.project_id)"
TARGET_MANAGED = (
    f"EXISTS (SELECT 1 FROM projects p WHERE p.id = project_targets.project_id AND p.{OWN})"
)
PINYIN_OWN = f"EXISTS (SELECT 1 FROM clients c WHERE c.id = {PINYIN_TABLE}.client_id)"


def audit_head_statements(schema: str) -> list[str]:
    """The newest audit row's hash, whichever station wrote it: the log is one hash chain
    (app/services/access/audit_trail.py), and a station's role cannot read the other
    stations' rows. SECURITY DEFINER runs it as the owner; it reveals one hash, nothing
    of the rows."""
    return [
        f"""CREATE OR REPLACE FUNCTION {AUDIT_HEAD}() RETURNS text
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, "{schema}" AS $$
            SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1 $$"""
    ]


def station_tables() -> list[str]:
    """The tables of the models that belong to a station (those with `station_id`)."""
    return [t.name for t in Base.metadata.sorted_tables if "station_id" in t.c]


def _policy(conn: Connection, table: str, name: str, clause: str) -> None:
    conn.exec_driver_sql(f'DROP POLICY IF EXISTS {name} ON "{table}"')
    conn.exec_driver_sql(f'CREATE POLICY {name} ON "{table}" {clause}')


def apply(conn: Connection, *, county: str, stations: str) -> list[str]:
    """Enable row-level security with the policies above; returns the tables it covers.

    `county` and `stations` are the county's login role and the group role every
    station's login role belongs to (app/store/postgres_roles.py).
    """
    covered: list[str] = []
    for table in [*station_tables(), "project_targets", PINYIN_TABLE, MAPPING, "stations"]:
        conn.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        _policy(conn, table, "county_all", f'TO "{county}" USING (true) WITH CHECK (true)')
        covered.append(table)
    for table in station_tables():
        if table == "projects":
            _policy(
                conn, table, "station_read",
                f'FOR SELECT TO "{stations}" USING ({OWN} OR {PROJECT_COVERS})',
            )  # fmt: skip
            _policy(conn, table, "station_own", f'TO "{stations}" USING ({OWN}) WITH CHECK ({OWN})')
        elif table in NULL_STATION_SHARED:
            _policy(
                conn, table, "station_read",
                f'FOR SELECT TO "{stations}" USING (station_id IS NULL OR {OWN})',
            )  # fmt: skip
            _policy(conn, table, "station_own", f'TO "{stations}" USING ({OWN}) WITH CHECK ({OWN})')
        else:
            _policy(conn, table, "station_own", f'TO "{stations}" USING ({OWN}) WITH CHECK ({OWN})')
    _policy(
        conn, "audit_log", "station_add_anonymous",
        f'FOR INSERT TO "{stations}" WITH CHECK (station_id IS NULL)',
    )  # fmt: skip
    _policy(
        conn, PINYIN_TABLE, "station_own",
        f'TO "{stations}" USING ({PINYIN_OWN}) WITH CHECK ({PINYIN_OWN})',
    )  # fmt: skip
    # A project's targets: read with the project, written by the station that manages it.
    # (`project_stations` keeps the plain station policy: the projects' policy reads it, so
    # its own may not read `projects` back — PostgreSQL refuses recursive policies.)
    _policy(
        conn,
        "project_targets",
        "station_read",
        f'FOR SELECT TO "{stations}" USING ({TARGET_READABLE})',
    )
    _policy(
        conn, "project_targets", "station_own",
        f'TO "{stations}" USING ({TARGET_MANAGED}) WITH CHECK ({TARGET_MANAGED})',
    )  # fmt: skip
    _policy(conn, "stations", "station_read", f'FOR SELECT TO "{stations}" USING (true)')
    _policy(
        conn, "stations", "station_update",
        f'FOR UPDATE TO "{stations}" USING ({OWN_STATION_ROW}) WITH CHECK ({OWN_STATION_ROW})',
    )  # fmt: skip
    _policy(
        conn,
        MAPPING,
        "station_read",
        f'FOR SELECT TO "{stations}" USING (role_name = current_user)',
    )
    schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
    for statement in search_postgres.station_search_statements(schema, stations):
        conn.exec_driver_sql(statement)
    return covered


def unprotected(conn: Connection, tables: Iterable[str]) -> list[str]:
    """Those of `tables` without row-level security enabled (for tests and `server init`)."""
    rows = conn.exec_driver_sql(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relrowsecurity "
        "AND relnamespace = current_schema()::regnamespace"
    )
    protected = {name for (name,) in rows}
    return sorted(set(tables) - protected)
