"""Demo data: a station, or a whole county, filled with made-up but realistic records.

A station goes in with bulk inserts inside one transaction, so a cancelled or failed
fill leaves nothing behind; the county (a new file) goes in two transactions a station
with its biggest tables' indexes built at the end (app/demo/loading.py). The search
index is rebuilt once at the end, and one audit entry records the fill with its counts
(not one per row). Each station is generated
from its own seeded random stream, so the same seed gives the same data.

After clients and cases, every station gets the rest of its daily records: groups,
community activities, home visits, supervision, training, volunteers, resources, and
last the work logs, which are derived from all of those. The summary carries the time
each step took, so a slow step shows (the county's: with its index builds, statistics and
monthly state).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo import activities as demo_activities
from app.demo import county_state, data, loading
from app.demo import groups as demo_groups
from app.demo import rooms as demo_rooms
from app.demo import satisfaction as demo_satisfaction
from app.demo import staff_records as demo_staff_records
from app.demo import visits as demo_visits
from app.demo import worklogs as demo_worklogs
from app.demo.assessments import add_assessments
from app.demo.bulk import BulkRows, load_scene
from app.demo.cases import SCALES as CASE_SCALES
from app.demo.cases import fill_cases, station_clients
from app.demo.consents import fill_consents
from app.demo.documents import add_documents
from app.demo.evaluation import add_evaluations
from app.demo.households import Households, Place
from app.demo.partners import add_partners
from app.demo.people import People, chance
from app.demo.photos import add_photos
from app.demo.projects import MONTHS_UNDER_WAY, add_project
from app.demo.rows import RowWriter
from app.demo.staff import StaffPlan, add_staff
from app.domain.codes import COMMUNITY, village_kind
from app.domain.errors import InvalidInput
from app.domain.roles import Permission
from app.services.access import audit, passwords
from app.services.context import Actor, Changes
from app.services.reports.service import add_months
from app.services.settings.setup import SetupService
from app.store import backfill, search
from app.store.engine import Database
from app.store.models import Client, Station, Village

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]

SCALES = ("small", "county")
SMALL_VILLAGES = 8
SMALL_CLIENTS = 400
COUNTY_STATIONS = 30
COUNTY_CLIENTS = 100_000
BATCH = 5_000
WORKER_SHARE = 0.8  # clients with a responsible worker; the rest await assignment
DEMO_ADMIN = "admin"


@dataclass(frozen=True)
class RecordScale:
    """How many of each daily record a station gets, per client of the station."""

    groups: float
    activities: float
    visits: float


RECORD_SCALES = {
    "small": RecordScale(groups=0.0625, activities=0.75, visits=5.0),
    "county": RecordScale(groups=0.02, activities=0.3, visits=2.0),
}
# Counted in the summary, by table: what the fill wrote besides stations and clients.
RECORD_TABLES = (
    "cases", "service_records", "groups", "group_sessions", "group_attendance",
    "activities", "activity_participants", "visits", "work_logs", "work_log_entries",
    "supervisions", "trainings", "volunteers", "volunteer_services", "resources",
)  # fmt: skip


@dataclass(frozen=True)
class DemoSummary:
    """What a demo fill added."""

    scale: str
    seed: int
    stations: int
    villages: int
    households: int
    clients: int
    categories: int
    users: int
    staff_logins: tuple[str, ...] = ()
    staff_password: str = ""
    seconds: float = 0.0
    cancelled: bool = False
    records: tuple[tuple[str, int], ...] = ()
    """Rows written per table (RECORD_TABLES): cases, groups, visits, work logs…"""
    timings: tuple[tuple[str, float], ...] = ()
    """Seconds per step (named in Chinese for the user), summed over the stations."""
    changes: Changes = field(
        default=Changes.of(
            "station",
            "village",
            "user",
            "client",
            "household",
            "case",
            "group",
            "activity",
            "visit",
            "worklog",
            "supervision",
            "training",
            "volunteer",
            "resource",
            "project",
            "evaluation_system",
            "evaluation_round",
            "rectification",
        )
    )

    def count(self, table: str) -> int:
        """Rows the fill wrote to `table` (one of RECORD_TABLES)."""
        return dict(self.records).get(table, 0)


@dataclass(frozen=True)
class DemoDatabase:
    """A new demo database: its administrator's credentials and what was filled in."""

    admin_login: str
    admin_password: str
    summary: DemoSummary


@dataclass
class _StationWork:
    station: Station
    villages: list[tuple[int, Place]]
    clients: int
    workers: list[int]
    rooms: demo_rooms.RoomPlan = field(default_factory=demo_rooms.RoomPlan)


class _Cancelled(Exception):
    pass


def fill_station(
    db: Database,
    actor: Actor,
    *,
    scale: str = "small",
    seed: int = 1,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> DemoSummary:
    """Fill the actor's station (scale `county`: and 29 more) with demo data."""
    if scale == "county":
        return fill_county(db, actor, seed=seed, progress=progress, is_cancelled=is_cancelled)
    if scale != "small":
        raise InvalidInput(f"示范数据规模只能是 {'、'.join(SCALES)}。", field="scale")
    return _Filler(db, actor, "small", seed, progress, is_cancelled).run()


def fill_county(
    db: Database,
    actor: Actor,
    *,
    seed: int = 1,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> DemoSummary:
    """The actor's station plus 29 others, ~300 villages and 100,000 clients."""
    return _Filler(db, actor, "county", seed, progress, is_cancelled).run()


def create_demo_database(
    db: Database,
    *,
    scale: str = "small",
    seed: int = 1,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> DemoDatabase:
    """Set up an empty database as a demo station with an administrator, then fill it."""
    setup = SetupService(db)
    setup.prepare()
    if setup.is_initialised():
        raise InvalidInput("该数据库已经初始化过；请以管理员身份登录后再填入示范数据。")
    township = People(random.Random(f"{seed}:county"), db.clock.today(), set()).township()
    password = passwords.temporary_password()
    actor = setup.initialise(
        station_name=f"{township}社工站",
        station_code="XS01",
        county=data.COUNTY,
        villages=[],
        admin_login=DEMO_ADMIN,
        admin_display_name="示范管理员",
        password=password,
    )
    summary = fill_station(
        db, actor, scale=scale, seed=seed, progress=progress, is_cancelled=is_cancelled
    )
    return DemoDatabase(DEMO_ADMIN, password, summary)


class _Filler:
    def __init__(
        self,
        db: Database,
        actor: Actor,
        scale: str,
        seed: int,
        progress: Progress | None,
        is_cancelled: IsCancelled | None,
    ) -> None:
        actor.require(Permission.MANAGE_USERS)
        self.db = db
        self.actor = actor
        self.scale = scale
        self.seed = seed
        self.progress = progress or (lambda done, total: None)
        self.is_cancelled = is_cancelled or (lambda: False)
        self.today = db.clock.today()
        self.county_rng = random.Random(f"{seed}:county")
        self.county = People(self.county_rng, self.today, set())  # station, village, staff names
        self.used_ids: set[str] = set()
        self.counts = {"households": 0, "clients": 0, "categories": 0}
        self.records: dict[str, int] = dict.fromkeys(RECORD_TABLES, 0)
        self.timings: dict[str, float] = {}
        self.first_day = self.today - dt.timedelta(days=CASE_SCALES[scale].history_days)
        self.done = 0
        self.total = 1

    def run(self) -> DemoSummary:
        started = time.perf_counter()
        try:
            if self.scale == "county":
                # A transaction per station and the big tables' indexes built at the end:
                # see app/demo/loading.py. A county fill goes into a new file only.
                with loading.bulk_load(self.db, self._step("索引")):
                    summary = self._fill(None, started)
                with self._step("统计信息"):
                    self.db.analyze()
                with self._step("月结与数据包"):
                    rng = random.Random(f"{self.seed}:county-state")
                    county_state.fill(self.db, self.actor, rng)
                loading.checkpoint(self.db)
                summary = replace(summary, timings=self._timings())
            else:
                # One transaction: a cancelled or failed fill leaves nothing behind.
                with self.db.write() as session:
                    summary = self._fill(session, started)
        except _Cancelled:
            return DemoSummary(self.scale, self.seed, 0, 0, 0, 0, 0, 0, cancelled=True)
        self.progress(self.total, self.total)
        return summary

    @contextmanager
    def _unit(self, outer: Session | None) -> Iterator[Session]:
        """The fill's one session, or (county) a transaction of its own, checkpointed."""
        if outer is not None:
            yield outer
            return
        with self.db.write() as session, loading.roomy_cache(session):
            yield session
        loading.checkpoint(self.db)

    def _fill(self, outer: Session | None, started: float) -> DemoSummary:
        with self._unit(outer) as session:
            self._check_empty(session)
            stations = self._stations(session)
            staff = add_staff(session, self.actor, stations, self.county_rng, self.county)
            work = self._plan(session, stations, staff)
        self.total = sum(w.clients for w in work) * 2
        self.progress(0, self.total)
        for index, item in enumerate(work):
            # Two transactions a station (county): late in the load, one commit of
            # everything dirtied pages all over the big unique indexes at once (~500 MB of WAL).
            with self._unit(outer) as session:
                self._station(session, item, index)
                # Indexed with its station: one index rebuild of 100,000 clients at the
                # end was the build's largest commit (~470 MB of WAL).
                search.index_station(session, item.station.id)
            with self._unit(outer) as session:
                self._records(session, item, index)
        with self._unit(outer) as session:
            with self._step("社工室"):
                rng = random.Random(f"{self.seed}:qualifications")
                demo_rooms.add_qualifications(session, [w.station.id for w in work], rng)
            with self._step("合作方"):
                add_partners(session, self.actor, self.db.clock.now())
            with self._step("服务项目"):
                project_id = add_project(session, self.actor, self.today)
                add_documents(session, self.actor, project_id)
                since = add_months(self.today.replace(day=1), -MONTHS_UNDER_WAY)
                add_photos(session, self.actor, since, seed=self.seed)
            with self._step("第三方评估"):
                add_evaluations(session, self.actor, self.today)
            with self._step("社工考核"):
                add_assessments(session, self.actor, self.today)
            summary = self._summary(work, staff, time.perf_counter() - started)
            audit.record(
                session, self.actor, "demo_fill", entity="station",
                entity_id=self.actor.station_id, scale=self.scale, seed=self.seed,
                stations=summary.stations, villages=summary.villages,
                households=summary.households, clients=summary.clients,
                users=summary.users, records=dict(summary.records),
            )  # fmt: skip
        return summary

    def _station(self, session: Session, item: _StationWork, index: int) -> None:
        """Clients and cases of one station (then `_records`: its daily records)."""
        with self._step("社工室"):
            # First, so that each record is written in its room: tagging them afterwards
            # was an UPDATE of every record (app/demo/rooms.py).
            item.rooms = demo_rooms.add_rooms(
                session, item.station.id, [(vid, p.name) for vid, p in item.villages],
                item.workers, self.first_day, self.today, self.actor.user_id,
                one_short=index == 0,
            )  # fmt: skip
        with self._step("服务对象"):
            self._clients(session, item, random.Random(f"{self.seed}:{index}"))
        with self._step("个案"):
            self._count(
                fill_cases(
                    session,
                    item.station.id,
                    item.workers,
                    station_clients(session, item.station.id),
                    random.Random(f"{self.seed}:cases:{index}"),
                    self.today,
                    scale=self.scale,
                    rooms=item.rooms,
                )
            )
        with self._step("变更历史"):
            backfill.history_from_records(
                session.connection(), self.db.clock.now(), station_id=item.station.id
            )
        with self._step("知情同意"):
            rng = random.Random(f"{self.seed}:consents:{index}")
            now = self.db.clock.now()
            fill_consents(session, item.station.id, rng, now, self.today)
        self._advance(item.clients // 4)

    def _records(self, session: Session, work: _StationWork, index: int) -> None:
        """Groups, activities, visits, staff records and work logs of one station."""
        station_id = work.station.id
        scale = RECORD_SCALES[self.scale]
        clients = work.clients
        share = clients * 3 // 20  # progress per step: the five steps weigh 3/4 of the clients

        def stream(kind: str) -> random.Random:
            return random.Random(f"{self.seed}:{kind}:{index}")

        scene = load_scene(session, station_id, self.first_day, self.today)
        with self._step("小组"):
            rows = BulkRows(session, station_id, demo_groups.MODELS)
            demo_groups.fill_groups(rows, scene, stream("groups"), round(clients * scale.groups))
            self._written(rows)
        self._advance(share)
        with self._step("社区活动"):
            rows = BulkRows(session, station_id, demo_activities.MODELS, work.rooms)
            count = round(clients * scale.activities)
            demo_activities.fill_activities(rows, scene, stream("activities"), count)
            self._written(rows)
        self._advance(share)
        with self._step("走访"):
            rows = BulkRows(session, station_id, demo_visits.MODELS, work.rooms)
            count = round(clients * scale.visits)
            opened = demo_visits.fill_visits(rows, scene, stream("visits"), count)
            self._written(rows)
            demo_visits.link_cases(session, opened)
        self._advance(share)
        with self._step("督导培训志愿者资源"):
            rows = BulkRows(session, station_id, demo_staff_records.MODELS)
            rng = stream("staff")
            people = People(rng, self.today, self.used_ids)
            demo_staff_records.fill_staff_records(session, rows, scene, rng, people)
            self._written(rows)
        self._advance(share)
        with self._step("工作日志"):
            rows = BulkRows(session, station_id, demo_worklogs.MODELS)
            demo_worklogs.fill_worklogs(session, rows, scene, stream("worklogs"))
            self._written(rows)
        with self._step("满意度"):
            rows = BulkRows(session, station_id, demo_satisfaction.MODELS)
            demo_satisfaction.fill_satisfaction(session, rows, scene, stream("satisfaction"))
            self._written(rows)
        self._advance(clients - clients // 4 - 4 * share)

    def _written(self, rows: BulkRows) -> None:
        rows.flush()
        self._count(rows.counts)

    def _count(self, counts: dict[str, int]) -> None:
        for table, count in counts.items():
            if table in self.records:
                self.records[table] += count

    def _advance(self, amount: int) -> None:
        if self.is_cancelled():
            raise _Cancelled
        self.done += amount
        self.progress(self.done, self.total)

    @contextmanager
    def _step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started

    def _check_empty(self, session: Session) -> None:
        own = session.scalar(
            select(func.count())
            .select_from(Client)
            .where(Client.station_id == self.actor.station_id)
        )
        if own:
            raise InvalidInput("本站已有服务对象，示范数据只能填入还没有服务对象的站点。")
        if self.scale == "county":
            stations = session.scalar(select(func.count()).select_from(Station))
            if stations != 1 or session.scalar(select(func.count()).select_from(Client)):
                raise InvalidInput(
                    "县级示范数据只能填入新建的数据库（只有本站，且还没有服务对象）。"
                )
        self.used_ids = set(
            session.scalars(select(Client.id_number).where(Client.id_number.is_not(None)))
        )

    def _stations(self, session: Session) -> list[Station]:
        own = session.get_one(Station, self.actor.station_id)
        if self.scale != "county":
            return [own]
        county = own.county or data.COUNTY
        taken_codes = {own.code}
        taken_names = {own.name}
        stations = [own]
        number = 0
        while len(stations) < COUNTY_STATIONS:
            name = f"{self.county.township()}社工站"
            if name in taken_names:
                continue
            taken_names.add(name)
            code = own.code
            while code in taken_codes:
                number += 1
                code = f"XS{number:02d}"
            taken_codes.add(code)
            station = Station(
                code=code,
                name=name,
                county=county,
                created_by_id=self.actor.user_id,
                updated_by_id=self.actor.user_id,
            )
            session.add(station)
            stations.append(station)
        session.flush()
        return stations

    def _plan(
        self, session: Session, stations: list[Station], staff: StaffPlan
    ) -> list[_StationWork]:
        """Villages for every station, and how many clients each station gets."""
        if self.scale == "county":
            sizes = [self.county_rng.uniform(0.7, 1.3) for _ in stations]
            quotas = [int(COUNTY_CLIENTS * s / sum(sizes)) for s in sizes]
            quotas[0] += COUNTY_CLIENTS - sum(quotas)
            village_counts = [self.county_rng.randint(8, 12) for _ in stations]
        else:
            quotas, village_counts = [SMALL_CLIENTS], [SMALL_VILLAGES]
        taken = set(session.scalars(select(Village.name)))
        work = []
        for station, quota, wanted in zip(stations, quotas, village_counts, strict=True):
            villages = self._villages(session, station, wanted, taken)
            work.append(_StationWork(station, villages, quota, staff.workers[station.id]))
        return work

    def _villages(
        self, session: Session, station: Station, wanted: int, taken: set[str]
    ) -> list[tuple[int, Place]]:
        people = self.county
        existing = list(
            session.scalars(
                select(Village)
                .where(Village.station_id == station.id, Village.active.is_(True))
                .order_by(Village.sort, Village.id)
            )
        )
        added: list[tuple[Village, tuple[str, ...]]] = []
        while len(existing) + len(added) < wanted:
            clans = tuple(people.surname() for _ in range(self.county_rng.choice((1, 2))))
            name = people.place(clans)
            if name in taken:
                continue
            taken.add(name)
            village = Village(
                station_id=station.id,
                name=name,
                kind=village_kind(name),
                sort=len(existing) + len(added),
                created_by_id=self.actor.user_id,
                updated_by_id=self.actor.user_id,
            )
            session.add(village)
            added.append((village, clans))
        session.flush()
        places = [
            (v.id, Place(v.name, v.kind == COMMUNITY, (people.surname(),))) for v in existing
        ] + [(v.id, Place(v.name, v.kind == COMMUNITY, clans)) for v, clans in added]
        return places

    def _clients(self, session: Session, work: _StationWork, rng: random.Random) -> None:
        people = People(rng, self.today, self.used_ids)
        institution = work.station.name.removesuffix("社工站") + "敬老院"
        households = Households(people, institution=institution)
        shares = [rng.uniform(0.6, 1.4) for _ in work.villages]
        quotas = [int(work.clients * s / sum(shares)) for s in shares]
        quotas[0] += work.clients - sum(quotas)
        writer = RowWriter(session, self.actor, work.station.id, self.today)
        for index, ((village_id, place), quota) in enumerate(
            zip(work.villages, quotas, strict=True)
        ):
            worker = work.workers[index % len(work.workers)] if work.workers else None
            left = quota
            while left > 0:
                # A household that would not fit the quota is drawn again, not cut short:
                # cutting one leaves a 与配偶同住 without the spouse.
                plan = households.make(place)
                while len(plan.members) > left:
                    plan = households.make(place)
                left -= len(plan.members)
                writer.add(plan, village_id, worker if chance(rng, WORKER_SHARE) else None, rng)
                if writer.pending >= BATCH:
                    self._flush(writer)
        self._flush(writer)
        writer.link_heads()
        for key, value in writer.counts.items():
            self.counts[key] += value

    def _flush(self, writer: RowWriter) -> None:
        if self.is_cancelled():
            raise _Cancelled
        self.done += writer.flush()
        self.progress(self.done, self.total)

    def _summary(self, work: list[_StationWork], staff: StaffPlan, seconds: float) -> DemoSummary:
        return DemoSummary(
            scale=self.scale,
            seed=self.seed,
            stations=len(work),
            villages=sum(len(w.villages) for w in work),
            households=self.counts["households"],
            clients=self.counts["clients"],
            categories=self.counts["categories"],
            users=len(staff.logins),
            staff_logins=tuple(staff.logins),
            staff_password=staff.password,
            seconds=round(seconds, 1),
            records=tuple(self.records.items()),
            timings=self._timings(),
        )

    def _timings(self) -> tuple[tuple[str, float], ...]:
        return tuple((step, round(spent, 1)) for step, spent in self.timings.items())
