"""PackageService: a station's data packages (数据包) out, and in at the county.

A station exports every record changed since the last package the county acknowledged
(`export_package`); the county imports it (`import_package`) in one transaction, or
only counts what it would do (`dry_run`). Packages carry the station's own numbering:
one that arrives before its predecessor is held until the gap is filled, the same one
again changes nothing, and another package under a number or id already taken is
refused. The county answers with a return package (returns.py); conflicts wait for a
person (conflicts.py).

A station that has the county's public key (county_key.py) seals its packages for it;
otherwise, or when asked to, with the package password the county gave it, and signs
the key-pair ones with its own signing key (signing.py). Return packages always go by
password.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import __version__
from app.domain.errors import AppError, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.services.packages import (
    closed,
    conflicts,
    county_key,
    decisions,
    returns,
    shared,
    signing,
)
from app.services.packages import stations as log
from app.services.packages.applying import apply
from app.services.packages.attachments import Folders
from app.services.packages.container import (
    Lock,
    Opened,
    lock_of,
    read_package,
    seal,
    to_json,
    unseal,
    write_atomically,
)
from app.services.packages.exporting import gather
from app.services.packages.key_service import PackageKeys
from app.services.packages.keys import KeyFile
from app.services.packages.planning import Plan, plan
from app.services.packages.types import (
    ENTITY,
    STATION_KIND,
    ConflictRow,
    Counts,
    DecisionRow,
    ExportResult,
    ImportResult,
    Outcome,
    PackageLogRow,
    PackageRefused,
    ReturnExport,
    ReturnImport,
)
from app.store.engine import Database
from app.store.migrate import current_revision
from app.store.models import PackageLog, Station

# What a whole station-year of records becomes in a package is fine in memory: the demo's
# busiest station makes well under 100 MB of JSON.
CLASH = "数据包中的记录与县数据库中已有的记录重复或不相容（{detail}），没有导入任何内容。"
# What an import or a decision may change, for the views to refresh.
TOUCHED = ("client", "case", "group", "activity", "visit", "work_log", "user", "village",
           "project", "evaluation_system", "evaluation_round")  # fmt: skip


@logs_refusals(ENTITY)
class PackageService(PackageKeys):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        *,
        photo_folder: Path | None = None,
        folders: Folders | None = None,
    ) -> None:
        """`folders`: where the files records point at lie (the data folder's, or those
        beside `photo_folder`)."""
        self._db = db
        self._actor = actor
        if folders is None:
            folders = Folders.beside(photo_folder) if photo_folder else Folders.default()
        self.folders = folders

    # ---- the station's side ----------------------------------------------------------

    def export_package(
        self, *, out: Path, password: str = "", since_last: bool = True, by_password: bool = False
    ) -> ExportResult:
        """Write the station's package to `out`: everything since the last acknowledged one
        (or everything, when not `since_last`), for the county's public key when the
        station has it (unless `by_password`), else with the package password."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        now = self._db.clock.now()
        with self._db.write() as session:
            station = session.get(Station, self._actor.station_id)
            assert station is not None
            key = None if by_password else county_key.stored(session)
            if key is None and not password:
                raise InvalidInput("请填写数据包密码。", field="password")
            since = _acknowledged_cutoff(session, station.id) if since_last else None
            gathered = gather(session, station.id, since, self.folders)
            previous = log.last(session, station.id, log.EXPORT)
            sequence = (previous.sequence if previous else 0) + 1
            package_id = str(uuid.uuid4())
            named = log.station_named(station)
            header = {"kind": STATION_KIND, "package_id": package_id, "sequence": sequence,
                      "station": named}  # fmt: skip
            manifest = {
                **header,
                "previous_id": previous.package_id if previous else "",
                "created_at": now.isoformat(),
                "since": since.isoformat() if since else None,
                "app_version": __version__,
                "schema": current_revision(self._db.engine),
                "missing_files": gathered.missing_files,
            }
            signer = self._signer(session, station)
            manifest[signing.MANIFEST_FIELD] = signer.public.pem
            parts = {f"tables/{name}.json": to_json(rows) for name, rows in gathered.tables.items()}
            parts["deleted.json"] = to_json(gathered.deleted)
            parts.update(gathered.files)
            data = seal(header, manifest, parts, password, key=key, signer=signer)
            per_table = {name: len(rows) for name, rows in gathered.tables.items()}
            session.add(
                PackageLog(
                    station_id=station.id, direction=log.EXPORT, package_id=package_id,
                    sequence=sequence, previous_id=manifest["previous_id"],
                    station_uuid=station.uuid,
                    created_at=now, counts=json.dumps(per_table), user_id=self._actor.user_id,
                )
            )  # fmt: skip
            audit.record(
                session, self._actor, "package_export", entity=ENTITY, sequence=sequence,
                rows=gathered.rows, deleted=len(gathered.deleted), file_name=out.name,
                county_key=key.fingerprint if key else None,
            )  # fmt: skip
            write_atomically(out, data)
        return ExportResult(
            package_id, sequence, since, gathered.rows, len(gathered.deleted),
            len(gathered.files), len(data), per_table, key.fingerprint if key else "",
        )  # fmt: skip

    def lock_of(self, source: Path) -> Lock:
        """What opens the package file: the package password or the county's private key."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        return lock_of(read_package(source))

    def import_return(self, *, source: Path, password: str) -> ReturnImport:
        """Take the county's acknowledgement and reference data (a return package)."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        opened = unseal(read_package(source), password)
        with self._db.write() as session:
            result = returns.take(session, self._actor, opened)
            if result.county_key:  # the station signs what it seals for the key
                station = session.get(Station, self._actor.station_id)
                assert station is not None
                self._signer(session, station)
            audit.record(
                session, self._actor, "package_return_import", entity=ENTITY,
                acknowledged=result.acknowledged, users=result.users, already=result.already,
            )  # fmt: skip
        return result

    def decisions(self) -> list[DecisionRow]:
        """The county's decisions on this station's conflicts (县级裁决), newest first."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.read() as session:
            return decisions.listed(session, self._actor.station_id)

    # ---- the county's side -----------------------------------------------------------

    def import_package(
        self,
        *,
        source: Path,
        password: str = "",
        key: KeyFile | None = None,
        dry_run: bool = False,
    ) -> ImportResult:
        """Apply a station's package (or with `dry_run` only count what it would do); it
        opens with the package `password` or the county's private `key`, as it was made."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        data = read_package(source)
        opened = unseal(data, password, key=key)
        if opened.manifest.get("kind") != STATION_KIND:
            raise PackageRefused("这是县里发给站点的回执包，应在站点导入（导入回执包）。")
        _check_schema(opened, current_revision(self._db.engine))
        if dry_run:
            with self._db.read() as session:
                return self._dry_run(session, opened)
        try:
            with self._db.write() as session:
                result = self._take(session, opened, data)
        except IntegrityError as exc:
            raise PackageRefused(CLASH.format(detail=str(exc.orig).splitlines()[0])) from exc
        if result.outcome is not Outcome.APPLIED:
            return result
        later = self._apply_held(opened, password, key)
        return dataclasses.replace(result, applied_after=later)

    def export_return(self, *, station_code: str, out: Path, password: str) -> ReturnExport:
        """The county's return package for a station: what it took, and reference data."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.write() as session:
            station = session.scalar(select(Station).where(Station.code == station_code.strip()))
            if station is None:
                raise NotFound(f"没有代码为 {station_code} 的站点。")
            self._may_serve(station.id)
            data, result = returns.make(session, station, password)
            audit.record(
                session, self._actor, "package_return_export", entity=ENTITY,
                station_code=station.code, acknowledged=result.acknowledged,
            )  # fmt: skip
            write_atomically(out, data)
        return result

    def conflicts(self) -> list[ConflictRow]:
        """Open conflicts, oldest first (a county admin sees every station's)."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.read() as session:
            station = None if self._actor.role is Role.ADMIN else self._actor.station_id
            return conflicts.open_conflicts(session, station)

    def resolve(self, conflict_id: int, *, choices: Mapping[str, str]) -> Changes:
        """Settle a conflict: for each field, "county" keeps the county's value, "station"
        takes the station's."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.write() as session:
            station_id, entity = conflicts.resolve(
                session, conflict_id, choices, self._actor.user_id, self._db.clock.now()
            )
            self._may_serve(station_id)
            audit.record(
                session, self._actor, "package_conflict_resolved", entity=ENTITY,
                entity_id=conflict_id, table=entity, choices=dict(choices),
            )  # fmt: skip
        return Changes.of(ENTITY, *TOUCHED)

    def stations(self) -> list[tuple[str, str]]:
        """(code, name) of the stations a return package may go to: all for the county's
        administrator, else the own one."""
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.read() as session:
            stmt = select(Station.code, Station.name).order_by(Station.code)
            if self._actor.role is not Role.ADMIN:
                stmt = stmt.where(Station.id == self._actor.station_id)
            return [(code, name) for code, name in session.execute(stmt)]

    def history(self) -> list[PackageLogRow]:
        self._actor.require(Permission.EXCHANGE_PACKAGES)
        with self._db.read() as session:
            stmt = select(PackageLog, Station.code).join(
                Station, Station.id == PackageLog.station_id
            )
            if self._actor.role is not Role.ADMIN:
                stmt = stmt.where(PackageLog.station_id == self._actor.station_id)
            rows = session.execute(stmt.order_by(PackageLog.id.desc()).limit(200))
            return [
                PackageLogRow(
                    p.direction, code, p.sequence, p.status, p.created_at, p.logged_at, p.counts
                )
                for p, code in rows
            ]

    # ---- inside ----------------------------------------------------------------------

    def _may_serve(self, station_id: int) -> None:
        if self._actor.role is not Role.ADMIN and station_id != self._actor.station_id:
            raise PermissionDenied("只能处理本站的数据包；其他站点的由县里的管理员处理。")

    def _dry_run(self, session: Session, opened: Opened) -> ImportResult:
        station = log.county_station(session, opened.manifest["station"], adopt=False)
        self._may_serve(station.id)
        if opened.signed is not None:
            signing.check(session, station, opened.signed)
        known = log.logged(session, log.IMPORT, opened.manifest["package_id"])
        if known is not None and known.digest == opened.digest and known.status == log.APPLIED:
            return _result(Outcome.ALREADY, station, opened, None)
        planned = _plan(session, station.id, opened)
        return _result(Outcome.DRY_RUN, station, opened, planned)

    def _take(self, session: Session, opened: Opened, data: bytes) -> ImportResult:
        m = opened.manifest
        station = log.county_station(session, m["station"])
        self._may_serve(station.id)
        if opened.signed is not None:
            signing.check(session, station, opened.signed)
        known = log.logged(session, log.IMPORT, m["package_id"])
        if known is not None and known.digest != opened.digest:
            raise PackageRefused(
                f"已收到过编号相同但内容不同的数据包（第 {known.sequence} 号），"
                "这个数据包被拒绝，没有导入任何内容。"
            )
        applied = log.last(session, station.id, log.IMPORT, log.APPLIED)
        done = applied.sequence if applied else 0
        if known is not None:
            if known.status == log.APPLIED or known.sequence != done + 1:
                outcome = Outcome.ALREADY if known.status == log.APPLIED else Outcome.HELD
                return _result(outcome, station, opened, None)
            # Held, and it follows now (those before it came with another password or key,
            # which cannot open it): applied as if it came now.
            session.delete(known)
            session.flush()
        if m["sequence"] <= done:
            raise PackageRefused(
                f"第 {m['sequence']} 号数据包已经导入过（是另一个数据包），这个可能是重发的旧包"
                "或从旧备份导出的包，没有导入任何内容。"
            )
        entry = PackageLog(
            station_id=station.id, direction=log.IMPORT, package_id=m["package_id"],
            sequence=m["sequence"], previous_id=m.get("previous_id", ""), digest=opened.digest,
            station_uuid=m["station"]["uuid"],
            created_at=dt.datetime.fromisoformat(m["created_at"]),
            user_id=self._actor.user_id,
        )  # fmt: skip
        # The password vouches for the signing key a package carries, held or not (a refusal
        # below rolls it back); a held package registers again when it is applied.
        registered = "" if opened.signed else self._register(session, station, m)
        if m["sequence"] > done + 1:
            entry.status, entry.payload = log.HELD, data
            session.add(entry)
            audit.record(session, self._actor, "package_held", entity=ENTITY,
                         station_code=station.code, sequence=m["sequence"])  # fmt: skip
            return dataclasses.replace(
                _result(Outcome.HELD, station, opened, None), signing_key=registered
            )
        if applied is not None and m.get("previous_id") != applied.package_id:
            raise PackageRefused(
                f"第 {m['sequence']} 号数据包说它接在另一个数据包之后，与县里收到的第 {done} 号"
                "不符，没有导入任何内容。请让站点重新导出。"
            )
        planned = _plan(session, station.id, opened)
        grant = closed.require_grant(planned.closed, "数据包中有记录", "没有导入任何内容")
        apply(
            session, planned, package_id=m["package_id"], files=opened.parts,
            folders=self.folders,
        )  # fmt: skip
        closed.keep(session, grant, station.id, planned.closed)
        result = _result(Outcome.APPLIED, station, opened, planned)
        result = dataclasses.replace(result, signing_key=registered)
        entry.status, entry.counts = log.APPLIED, json.dumps(result.counts.__dict__)
        session.add(entry)
        audit.record(
            session, self._actor, "package_import", entity=ENTITY, station_code=station.code,
            sequence=m["sequence"], new=result.counts.new, changed=result.counts.changed,
            conflicts=result.counts.conflicts, deleted=result.counts.deleted,
            corrections=len(planned.closed),
            reason=grant.reason if grant is not None else None,
        )  # fmt: skip
        return result

    def _apply_held(self, opened: Opened, password: str, key: KeyFile | None) -> tuple[int, ...]:
        """Apply the held packages that now follow on, each in its own transaction."""
        done: list[int] = []
        code = opened.manifest["station"]["code"]
        while True:
            with self._db.read() as session:
                station = session.scalar(select(Station).where(Station.code == code))
                assert station is not None
                applied = log.last(session, station.id, log.IMPORT, log.APPLIED)
                held = session.scalar(
                    select(PackageLog).where(
                        PackageLog.station_id == station.id, PackageLog.status == log.HELD,
                        PackageLog.sequence == (applied.sequence if applied else 0) + 1,
                    )
                )  # fmt: skip
            if held is None or held.payload is None:
                return tuple(done)
            try:
                later = unseal(held.payload, password, key=key)
                with self._db.write() as session:
                    session.execute(delete(PackageLog).where(PackageLog.id == held.id))
                    self._take(session, later, held.payload)
            except AppError:
                # Another password or key, or a package that does not follow after all: it stays
                # held, and its own import says why.
                return tuple(done)
            done.append(held.sequence)


def _acknowledged_cutoff(session: Session, station_id: int) -> dt.datetime | None:
    ack = log.last(session, station_id, log.ACK)
    if ack is None or ack.sequence == 0:
        return None
    sent = log.exported(session, station_id, ack.sequence)
    return sent.created_at if sent is not None else None


def _plan(session: Session, station_id: int, opened: Opened) -> Plan:
    tables = {
        name[len("tables/") : -len(".json")]: opened.part(name)
        for name in opened.parts
        if name.startswith("tables/")
    }
    tables, deleted = shared.settle(session, station_id, tables, opened.part("deleted.json") or [])
    return plan(session, station_id, tables, deleted)


def _result(
    outcome: Outcome, station: Station, opened: Opened, planned: Plan | None
) -> ImportResult:
    return ImportResult(
        outcome, station.code, station.name, opened.manifest["sequence"],
        planned.total() if planned else Counts(), planned.per_table() if planned else {},
        changes=Changes.of(ENTITY, *TOUCHED) if outcome is Outcome.APPLIED else Changes(),
        closed_months=closed.by_month(planned.closed) if planned else (),
    )  # fmt: skip


def _check_schema(opened: Opened, ours: str | None) -> None:
    theirs = str(opened.manifest.get("schema") or "")
    if ours and theirs.isdigit() and ours.isdigit() and int(theirs) > int(ours):
        raise PackageRefused("这个数据包来自更新版本的工作台，请先升级县里的程序再导入。")
