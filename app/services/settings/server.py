"""A county's PostgreSQL server: schema, database roles, row-level security, the county's
administrator, and each station's database login.

Run as the database's owner (`stationdesk server init`, `server add-station-role`);
the workstations then connect as the county's role or their station's role
(app/store/postgres_roles.py), never as the owner, so the policies of
app/store/postgres_rls.py bind them. Everything here can be run again: an upgrade of the
program is followed by `server init`, which migrates and re-applies rights and policies.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.domain.errors import InvalidInput, NotFound
from app.services.access import audit
from app.services.settings.setup import SetupService
from app.store import postgres_rls, postgres_roles
from app.store.engine import Database, storage_errors
from app.store.models import Station, User

COUNTY_CODE = "COUNTY"


@dataclass(frozen=True)
class ServerSetup:
    county_role: str
    station_group: str
    county_password: str | None
    """The county role's new password; None when the role existed (its password kept)."""
    admin_created: bool
    tables: int
    """How many tables row-level security covers."""


@dataclass(frozen=True)
class StationRole:
    station_code: str
    role: str
    password: str
    """New each time: the station's earlier password stops working."""


class CountyServerService:
    """The owner's set-up of a county database (no app user yet: the owner's login)."""

    def __init__(self, db: Database) -> None:
        if db.engine.dialect.name != "postgresql":
            raise InvalidInput(
                "县级服务器只能建在 PostgreSQL 上：--db 应为 postgresql://账号@服务器:端口/库名。"
            )
        self._db = db
        database = db.engine.url.database or ""
        self._database = database
        self._names = postgres_roles.role_names(database)

    def initialise(
        self,
        *,
        admin_login: str,
        password: str,
        display_name: str = "",
        county_name: str = "县级社工总站",
        county_code: str = COUNTY_CODE,
    ) -> ServerSetup:
        """Migrate, make the roles and policies, and the county's administrator once."""
        setup = SetupService(self._db)
        setup.prepare()
        created = False
        if not setup.is_initialised():
            setup.initialise(
                station_name=county_name, station_code=county_code, county=county_name,
                villages=[], admin_login=admin_login, admin_display_name=display_name,
                password=password,
            )  # fmt: skip
            created = True
        names = self._names
        with storage_errors(), self._db.engine.begin() as conn:
            postgres_roles.create_mapping(conn)
            postgres_roles.ensure_group(conn, names.stations)
            county_password = postgres_roles.ensure_login(conn, names.county)
            postgres_roles.grant(conn, names, self._database)
            covered = postgres_rls.apply(conn, county=names.county, stations=names.stations)
            missing = postgres_rls.unprotected(conn, covered)
        if missing:  # a table the policies name but the server did not protect
            raise InvalidInput(f"以下表没有启用行级安全：{'、'.join(missing)}")
        return ServerSetup(
            county_role=names.county, station_group=names.stations,
            county_password=county_password, admin_created=created, tables=len(covered),
        )  # fmt: skip

    def add_station_role(self, *, station_code: str) -> StationRole:
        """The station's login role, mapped to it, with a new password (returned once)."""
        wanted = station_code.strip().upper()
        with self._db.read() as session:
            station = session.scalar(select(Station).where(Station.code == wanted))
            users = session.scalar(
                select(func.count()).select_from(User).where(User.station_id == Station.id)
                .where(Station.code == wanted)
            )  # fmt: skip
        if station is None:
            raise NotFound(
                f"没有代码为 {station_code} 的站点：请县里管理员先用 stationdesk station add 添加。"
            )
        if not users:
            # A station role on a database showing it no user would start the first-run
            # wizard at the station's PC.
            raise InvalidInput(
                f"站点 {station.code} 还没有用户：请县里管理员先用 stationdesk user add "
                f"--station {station.code} 为它添加站长或社工。"
            )
        role = self._names.station(station.code)
        with storage_errors(), self._db.engine.begin() as conn:
            if not conn.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": self._names.stations}
            ).first():
                raise InvalidInput("请先运行 stationdesk server init。")
            made = postgres_roles.ensure_login(conn, role, member_of=self._names.stations)
            password = made or postgres_roles.new_password()
            if made is None:
                postgres_roles.set_password(conn, role, password)
            postgres_roles.map_station(conn, role, station.id)
        with self._db.write() as session:
            audit.record(
                session, None, "station_role", entity="station", entity_id=station.id,
                login="server", station_id=station.id, role=role,
            )  # fmt: skip
        return StationRole(station_code=station.code, role=role, password=password)
