"""The database roles of a county server and what they may do.

- the owner: owns the schema and migrates it (`stationdesk server init`); the app never
  works as the owner, since owners bypass row-level security.
- `<db>_county`: the county office's login; reads and writes every station's rows.
- `<db>_station`: a group role (no login) that the station logins belong to; the policies
  (app/store/postgres_rls.py) are written for it.
- `<db>_<code>`: one login per station (e.g. `county_jx0426`), mapped to its station in
  `stationdesk_station_roles`.

Role names are prefixed with the database's name because roles belong to the whole
server, which may hold several counties' databases. Passwords are generated here and
set as SCRAM verifiers computed by libpq on this side, so the clear password never
reaches the server (nor its statement log).

The app roles get the table rights the app needs, never ownership: no DELETE on the
audit log, only its `personal` column may change (anonymising); code lists are the
county's to change; a station may update only its own `stations` row (the policies).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, make_url

from app.store.base import Base
from app.store.postgres_rls import MAPPING
from app.store.search_pinyin import TABLE as PINYIN_TABLE

_PASSWORD_BYTES = 24
_NAME = re.compile(r"[^a-z0-9_]")


@dataclass(frozen=True)
class RoleNames:
    county: str
    stations: str
    prefix: str

    def station(self, code: str) -> str:
        return f"{self.prefix}_{_NAME.sub('_', code.lower())}"


def role_names(database: str) -> RoleNames:
    prefix = _NAME.sub("_", database.lower())[:40]
    return RoleNames(county=f"{prefix}_county", stations=f"{prefix}_station", prefix=prefix)


def new_password() -> str:
    return secrets.token_urlsafe(_PASSWORD_BYTES)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": name})
    return found.first() is not None


def set_password(conn: Connection, role: str, password: str) -> None:
    """Set `role`'s password as a verifier made here (libpq's PQencryptPasswordConn)."""
    pgconn = conn.connection.driver_connection.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), role.encode()).decode()
    # A verifier holds only base64, digits, '$' and ':', never a quote.
    conn.exec_driver_sql(f"ALTER ROLE {_quote(role)} PASSWORD '{verifier}'")


def ensure_login(conn: Connection, role: str, *, member_of: str | None = None) -> str | None:
    """Create login `role` with a new password (returned); None when it already existed."""
    password: str | None = None
    if not _role_exists(conn, role):
        conn.exec_driver_sql(f"CREATE ROLE {_quote(role)} LOGIN")
        password = new_password()
        set_password(conn, role, password)
    if member_of is not None:
        conn.exec_driver_sql(f"GRANT {_quote(member_of)} TO {_quote(role)}")
    return password


def ensure_group(conn: Connection, role: str) -> None:
    if not _role_exists(conn, role):
        conn.exec_driver_sql(f"CREATE ROLE {_quote(role)} NOLOGIN")


def create_mapping(conn: Connection) -> None:
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {MAPPING} (role_name text PRIMARY KEY, "
        "station_id integer NOT NULL UNIQUE REFERENCES stations (id))"
    )


def map_station(conn: Connection, role: str, station_id: int) -> None:
    conn.exec_driver_sql(
        f"INSERT INTO {MAPPING} (role_name, station_id) VALUES (%(r)s, %(s)s) "
        "ON CONFLICT (role_name) DO UPDATE SET station_id = excluded.station_id",
        {"r": role, "s": station_id},
    )


def grant(conn: Connection, names: RoleNames, database: str) -> None:
    """The rights of the county role and of the station group (idempotent)."""
    both = f"{_quote(names.county)}, {_quote(names.stations)}"
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_quote(database)} TO {both}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_quote(_schema(conn))} TO {both}")
    conn.exec_driver_sql(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_quote(_schema(conn))} TO {both}"
    )
    conn.exec_driver_sql(f"GRANT SELECT ON alembic_version, {MAPPING} TO {both}")
    tables = [t.name for t in Base.metadata.sorted_tables] + [PINYIN_TABLE]
    for table in tables:
        if table == "audit_log":
            conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE (personal) ON audit_log TO {both}")
        elif table == "code_items":
            conn.exec_driver_sql(f'GRANT SELECT ON "{table}" TO {_quote(names.stations)}')
            conn.exec_driver_sql(
                f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{table}" TO {_quote(names.county)}'
            )
        else:
            conn.exec_driver_sql(f'GRANT SELECT, INSERT, UPDATE, DELETE ON "{table}" TO {both}')


def _schema(conn: Connection) -> str:
    schema: str = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
    return schema


def pgpass_line(url: str, role: str, password: str) -> str:
    """The line of a libpq password file (~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf)."""
    parsed = make_url(url)

    def field(value: object) -> str:
        return str(value).replace("\\", "\\\\").replace(":", "\\:")

    host, port = parsed.host or "localhost", parsed.port or 5432
    return ":".join(field(v) for v in (host, port, parsed.database, role, password))


def station_url(url: str, role: str) -> str:
    """The URL a workstation opens: the server's, as `role`, with no password in it."""
    parsed = make_url(url).set(username=role, password=None)
    return parsed.render_as_string(hide_password=True).replace(
        "postgresql+psycopg://", "postgresql://"
    )
