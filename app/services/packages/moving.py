"""StationMover: an offline station's own file moves into the county's database.

A station that worked offline on its own SQLite file (and may have sent data packages)
later works on the county's server: `stationdesk station migrate`. The move is a data
package of everything, taken without a package: the same gathering (exporting.py), the
same plan (planning.py) and the same Core writes (applying.py), so rows keep their uuids
and versions, ids are the county's own, and a row the county already holds from an
earlier package is not written twice. Where the county's copy is newer than the file's
and differs, the county's stays and the pair waits for a person as a package conflict.

Everything happens in one transaction at the county, checked before it commits
(move_checks.py); the file is then marked as moved (settings/moved.py). The database
roles and row-level security are the owner's business and stay as they are.
"""

from __future__ import annotations

import uuid as uuids
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.community.photos import discard_files
from app.services.packages import move_checks as checks
from app.services.packages import shared
from app.services.packages.applying import apply
from app.services.packages.attachments import KINDS, Folders, Kind
from app.services.packages.closed import require_grant
from app.services.packages.exporting import Gathered, gather
from app.services.packages.move_checks import NOTHING, MoveRefused, PhotoFile
from app.services.packages.planning import Conflict, Plan, differing, plan
from app.services.packages.refs import chunks
from app.services.packages.stations import county_station, station_named
from app.services.packages.tables import label, station_specs
from app.services.settings import moved
from app.store.engine import Database
from app.store.migrate import current_revision
from app.store.models import PackageConflict, Station

ENTITY = "station"


@dataclass(frozen=True)
class TableMove:
    table: str
    in_file: int
    new: int = 0
    """Rows the county did not have."""
    changed: int = 0
    """Rows the county had in an older version: the file's taken."""
    kept: int = 0
    """Rows the county had in a newer version: the county's kept."""
    conflicts: int = 0

    @property
    def already(self) -> int:
        return self.in_file - self.new

    @property
    def label(self) -> str:
        return label(self.table)


@dataclass(frozen=True)
class MoveResult:
    station_code: str
    station_name: str
    dry_run: bool
    tables: tuple[TableMove, ...]
    deleted: int
    """Rows the station deleted that the county still had."""
    photos: int
    photos_copied: int
    wrote: bool
    """False when the county already held everything (a move run again)."""
    files: int = 0
    """Project documents and 整改 evidence files."""
    files_copied: int = 0

    def total(self, what: str) -> int:
        return sum(int(getattr(t, what)) for t in self.tables)

    def text(self) -> str:
        head = f"{self.station_name}（{self.station_code}）"
        if self.dry_run:
            head += "试迁移（没有写入任何内容）："
        elif self.wrote:
            head += "已迁移到县数据库："
        else:
            head += "县数据库中已有这个站点的全部记录，没有做任何更改："
        lines = [
            head,
            f"文件中的记录 {self.total('in_file')} 条：县里新增 {self.total('new')} 条，"
            f"县里已有 {self.total('already')} 条（其中按文件更新 {self.total('changed')} 条，"
            f"保留县里较新的 {self.total('kept')} 条），冲突 {self.total('conflicts')} 条；"
            f"按站点的删除记录删除 {self.deleted} 条",
            f"照片 {self.photos} 张，复制到县里 {self.photos_copied} 张",
            f"项目文件和整改材料 {self.files} 个，复制到县里 {self.files_copied} 个",
        ]
        if not self.dry_run:
            lines.append(
                "核对通过：各表条数、每条记录的 (uuid, 版本) 校验值和照片、文件的 sha256 都一致。"
            )
        return "\n".join(lines)


@dataclass
class _Prepared:
    station: Station
    planned: Plan
    before: dict[str, dict[str, int]]
    """uuid → version at the county, per table, of the file's rows it already held."""

    def expected(self, tables: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, int]]:
        """uuid → version each of the file's rows should have at the county afterwards."""
        out: dict[str, dict[str, int]] = {}
        for name, rows in tables.items():
            taken = {c.row["uuid"]: c.new_version for c in self.planned.changed.get(name, [])}
            there = self.before.get(name, {})
            out[name] = {
                r["uuid"]: taken.get(r["uuid"], there.get(r["uuid"], r["version"])) for r in rows
            }
        return out

    def nothing_to_do(self) -> bool:
        p = self.planned
        return not any(
            (any(p.new.values()), any(p.changed.values()), any(p.deletes.values()), p.bases,
             p.conflicts)
        )  # fmt: skip


@logs_refusals(ENTITY)
class StationMover:
    """Run as the county database's owner: no app user is logged in on either side."""

    def __init__(
        self,
        source: Database,
        county: Database,
        *,
        source_photos: Path,
        county_photos: Path,
        source_folders: Folders | None = None,
        county_folders: Folders | None = None,
    ) -> None:
        """The documents' and evidence folders lie beside the photos' unless given."""
        self._source = source
        self._county = county
        self.source = source_folders or Folders.beside(source_photos)
        self.county = county_folders or Folders.beside(county_photos)

    def move(self, *, dry_run: bool = False, server: str = "") -> MoveResult:
        """Move the file's station into the county's database (or with `dry_run` only count).

        `server` is how the county's database is named in the file's mark (no password).
        """
        ours, theirs = current_revision(self._source.engine), current_revision(self._county.engine)
        if ours != theirs:
            raise MoveRefused(
                f"县数据库的表结构版本（{theirs or '空'}）与站点文件（{ours}）不同，{NOTHING}。"
                "请先用本版本的程序运行 stationdesk server init 升级县数据库。"
            )
        with self._source.read() as session:
            station = _only_station(session)
            named = station_named(station)
            gathered = gather(session, station.id, None, self.source, read_files=False)
        files = {
            kind: checks.station_photos(
                gathered.tables.get(kind.table, []),
                self.source.of(kind),
                what=kind.what,
                unit=kind.unit,
            )
            for kind in KINDS
        }
        if dry_run:
            with self._county.read() as session:
                prepared = _prepare(session, named, gathered, adopt=False)
                return _result(prepared, gathered, files, {}, dry_run=True)
        written: dict[Kind, list[Path]] = {kind: [] for kind in KINDS}
        try:
            try:
                with self._county.write() as session:
                    result = self._move(session, named, gathered, files, written)
            except IntegrityError as exc:
                detail = str(exc.orig).splitlines()[0]
                raise MoveRefused(
                    f"站点文件中的记录与县数据库中已有的记录重复或不相容（{detail}），{NOTHING}。"
                ) from exc
        except BaseException:
            for kind, paths in written.items():
                discard_files(self.county.of(kind), [p.name for p in paths])
            raise
        with self._source.write() as session:
            moved.mark(
                session, server=server, station_code=station.code, at=self._source.clock.now()
            )
            audit.record(
                session, None, "station_migrate", entity=ENTITY, entity_id=station.id,
                login="server", station_id=station.id, server=server,
            )  # fmt: skip
        return result

    def _move(
        self,
        session: Session,
        named: dict[str, Any],
        gathered: Gathered,
        files: dict[Kind, list[PhotoFile]],
        written: dict[Kind, list[Path]],
    ) -> MoveResult:
        prepared = _prepare(session, named, gathered, adopt=True)
        station_id = prepared.station.id
        for kind in KINDS:
            written[kind] += checks.copy_photos(
                files[kind], self.source.of(kind), self.county.of(kind)
            )
        wrote = any(written.values()) or not prepared.nothing_to_do()
        if not prepared.nothing_to_do():
            apply(
                session, prepared.planned, package_id=str(uuids.uuid4()), files={},
                folders=self.county,
            )  # fmt: skip
        expected = prepared.expected(gathered.tables)
        actual = {
            spec.name: checks.versions_at(session, spec, station_id, list(expected[spec.name]))
            for spec in station_specs()
            if spec.name in expected
        }
        checks.verify_rows(expected, actual)
        planned = prepared.planned
        checks.verify_targets(
            session,
            planned.new.get("projects", []) + [c.row for c in planned.changed.get("projects", [])],
        )
        for kind in KINDS:
            checks.verify_photos(files[kind], self.county.of(kind))
        copied = {kind: len(paths) for kind, paths in written.items()}
        result = _result(prepared, gathered, files, copied, dry_run=False, wrote=wrote)
        if wrote:
            audit.record(
                session, None, "station_migrate", entity=ENTITY, entity_id=station_id,
                login="server", station_id=station_id, rows=result.total("in_file"),
                new=result.total("new"), changed=result.total("changed"),
                conflicts=result.total("conflicts"), deleted=result.deleted,
                photos=copied[KINDS[0]], files=sum(copied.values()) - copied[KINDS[0]],
            )  # fmt: skip
        return result


def _only_station(session: Session) -> Station:
    stations = list(session.scalars(select(Station).order_by(Station.id).limit(2)))
    if len(stations) != 1:
        raise MoveRefused(
            f"这个文件不是一个站点自己的数据库（其中有 {len(stations)} 个站点），{NOTHING}。"
        )
    return stations[0]


def _prepare(
    session: Session, named: dict[str, Any], gathered: Gathered, *, adopt: bool
) -> _Prepared:
    known = session.scalar(
        select(func.count())
        .select_from(Station)
        .where((Station.uuid == named["uuid"]) | (Station.code == named["code"]))
    )
    if not known:
        raise MoveRefused(
            f"县数据库中没有站点 {named['name']}（{named['code']}），{NOTHING}。请县里的管理员"
            f"先用 stationdesk station add --code {named['code']} 添加这个站点，再迁移。"
        )
    station = county_station(session, named, adopt=adopt)
    gathered.tables, gathered.deleted = shared.settle(
        session, station.id, gathered.tables, gathered.deleted
    )
    planned = plan(session, station.id, gathered.tables, gathered.deleted)
    require_grant(planned.closed, "站点文件中有记录", NOTHING)
    before = {
        spec.name: checks.versions_at(
            session, spec, station.id, [r["uuid"] for r in gathered.tables[spec.name]]
        )
        for spec in station_specs()
        if spec.name in gathered.tables
    }
    prepared = _Prepared(station, planned, before)
    _county_newer(session, prepared, gathered.tables)
    _drop_known_conflicts(session, prepared)
    return prepared


def _county_newer(
    session: Session, prepared: _Prepared, tables: dict[str, list[dict[str, Any]]]
) -> None:
    """A row the county changed since the file's version (and the file did not): the
    county's stays, and a person sees both, as for a package conflict."""
    planned = prepared.planned
    decided = {c.record_uuid for c in planned.conflicts}
    for spec in station_specs():
        rows = tables.get(spec.name, [])
        # One set per table, not one per row: a station's file holds 100,000s of rows.
        settled = {c.row["uuid"] for c in planned.changed.get(spec.name, [])} | decided
        settled |= {r["uuid"] for r in planned.new.get(spec.name, [])}
        there = prepared.before.get(spec.name, {})
        newer = {
            r["uuid"]: r
            for r in rows
            if r["uuid"] not in settled and there.get(r["uuid"], 0) > r["version"]
        }
        t = spec.table
        for part in chunks(list(newer)):
            for county in session.execute(select(t).where(t.c.uuid.in_(part))).mappings():
                row = newer[county["uuid"]]
                fields = differing(session, spec, dict(county), row)
                if fields:
                    planned.conflicts.append(
                        Conflict(spec, row, row["uuid"], dict(county), county["version"], fields)
                    )


def _drop_known_conflicts(session: Session, prepared: _Prepared) -> None:
    """A conflict already waiting for a person, unchanged since, is not listed again."""
    planned = prepared.planned
    waiting: set[tuple[str, int, int]] = {
        (u, s, c)
        for u, s, c in session.execute(
            select(
                PackageConflict.record_uuid,
                PackageConflict.station_version,
                PackageConflict.county_version,
            ).where(
                PackageConflict.station_id == prepared.station.id,
                PackageConflict.status == "open",
            )
        )
    }
    planned.conflicts = [
        c
        for c in planned.conflicts
        if (c.record_uuid, c.row["version"] if c.row else 0, c.county_version) not in waiting
    ]


def _result(
    prepared: _Prepared,
    gathered: Gathered,
    files: dict[Kind, list[PhotoFile]],
    copied: dict[Kind, int],
    *,
    dry_run: bool,
    wrote: bool = False,
) -> MoveResult:
    planned = prepared.planned
    conflicts: dict[str, int] = {}
    for c in planned.conflicts:
        conflicts[c.spec.name] = conflicts.get(c.spec.name, 0) + 1
    tables = []
    for spec in station_specs():
        rows = gathered.tables.get(spec.name, [])
        if not rows and spec.name not in conflicts:
            continue
        changed = {c.row["uuid"] for c in planned.changed.get(spec.name, [])}
        there = prepared.before.get(spec.name, {})
        kept = sum(
            1 for r in rows if r["uuid"] not in changed and there.get(r["uuid"], 0) > r["version"]
        )
        tables.append(
            TableMove(
                spec.name, len(rows), len(planned.new.get(spec.name, [])), len(changed), kept,
                conflicts.get(spec.name, 0),
            )
        )  # fmt: skip
    deleted = sum(len(ids) for ids in planned.deletes.values())
    station = prepared.station
    photos = KINDS[0]
    others = [kind for kind in KINDS if kind is not photos]
    return MoveResult(
        station.code, station.name, dry_run, tuple(tables), deleted, len(files[photos]),
        copied.get(photos, 0), wrote, sum(len(files[k]) for k in others),
        sum(copied.get(k, 0) for k in others),
    )  # fmt: skip
