"""The county's side, second half: write a planned package in the caller's transaction.

Core statements, not the ORM: the rows arrive with their own versions and times, and a
closed month (月结) of the station was closed on the station, whose corrections travel
in the package as rows of their own. Parents go in before children; a reference that
points forward along a cycle (a household's head client) is filled in at the end.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.services.packages import targets
from app.services.packages.attachments import Folders, check_files, write_files
from app.services.packages.merging import base_row
from app.services.packages.planning import Conflict, Plan
from app.services.packages.refs import Ids, chunks, table
from app.services.packages.tables import Spec, decode_row, spec_named, station_specs
from app.services.packages.types import PackageRefused
from app.store import search
from app.store.models import Client, PackageBase, PackageConflict, Village

BATCH = 5_000
MISSING_REF = (
    "数据包引用了县数据库中没有的记录（{table}），可能缺少前面的数据包或数据包不完整，"
    "没有导入任何内容。"
)


def apply(
    session: Session, plan: Plan, *, package_id: str, files: dict[str, bytes], folders: Folders
) -> None:
    taken = _taken(plan)
    check_files(taken, files)
    ids = Ids(session)
    _load_refs(ids, plan)
    deferred: list[tuple[Spec, str, str, str]] = []
    for spec in station_specs():
        new = plan.new.get(spec.name, [])
        changed = plan.changed.get(spec.name, [])
        if new:
            _insert(session, spec, plan.station_id, new, ids, deferred)
        for change in changed:
            values = _values(spec, plan.station_id, change.row, ids, None)
            values["version"] = change.new_version
            if not change.adopt:
                values.pop("uuid")
            if change.fields is not None:
                values = _merged_values(spec, values, change.fields)
            session.execute(
                update(spec.table).where(spec.table.c.id == change.county_id).values(values)
            )
            if change.adopt:
                ids.add(spec.name, {change.row["uuid"]: change.county_id})
    for spec, row_uuid, column, target_uuid in deferred:
        target = ids.of(spec.refs[column], target_uuid)
        if target is None:
            raise PackageRefused(MISSING_REF.format(table=spec.refs[column]))
        session.execute(
            update(spec.table).where(spec.table.c.uuid == row_uuid).values({column: target})
        )
    targets.take(session, plan)
    _deletes(session, plan)
    _record_bases(session, plan)
    _record_conflicts(session, plan, package_id)
    _index_clients(session, plan)
    write_files(taken, files, folders)


def _taken(plan: Plan) -> dict[str, list[dict[str, Any]]]:
    """The station's rows the county writes, new or changed."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for name, rows in plan.new.items():
        out[name] += rows
    for name, changes in plan.changed.items():
        out[name] += [c.row for c in changes]
    return out


def _merged_values(spec: Spec, values: dict[str, Any], taken: tuple[str, ...]) -> dict[str, Any]:
    """Of a merged row, only the fields taken from the station, and the stamps that follow
    them: the county's own changes to the other fields stay."""
    keep = {*taken, "version", "updated_at", "updated_by_id"}
    if {"name", "display_name"} & set(taken):
        keep.add("name_sort")
    return {k: v for k, v in values.items() if k in keep and k in spec.table.c}


def _load_refs(ids: Ids, plan: Plan) -> None:
    wanted: dict[str, set[str]] = defaultdict(set)
    for spec in station_specs():
        rows = plan.new.get(spec.name, []) + [c.row for c in plan.changed.get(spec.name, [])]
        for row in rows:
            for column, target in spec.refs.items():
                if row.get(column):
                    wanted[target].add(row[column])
            for poly in spec.indirect():
                named = poly.target(row[poly.kind])
                if named is not None and row.get(poly.column):
                    wanted[named].add(row[poly.column])
    for target, uuids in wanted.items():
        ids.load(target, uuids)


def _values(
    spec: Spec,
    station_id: int,
    row: dict[str, Any],
    ids: Ids,
    deferred: list[tuple[Spec, str, str, str]] | None,
) -> dict[str, Any]:
    refs = set(spec.refs) | {p.column for p in spec.indirect() if p.target(row[p.kind])}
    values = decode_row(spec, row, skip=refs)
    values["station_id"] = station_id
    for column, target in spec.refs.items():
        values[column] = _resolve(spec, column, target, row, ids, deferred)
    for poly in spec.indirect():
        target_name = poly.target(row[poly.kind])
        if target_name is not None:
            # A record named only in passing (a work-log entry's source) may be gone: no error.
            values[poly.column] = poly.stored(ids.of(target_name, row[poly.column]))
    return values


def _resolve(
    spec: Spec,
    column: str,
    target: str,
    row: dict[str, Any],
    ids: Ids,
    deferred: list[tuple[Spec, str, str, str]] | None,
) -> int | None:
    wanted = row.get(column)
    if not wanted:
        return None
    found = ids.of(target, wanted)
    if found is not None:
        return found
    if deferred is not None and spec.table.c[column].nullable:
        deferred.append((spec, row["uuid"], column, wanted))
        return None
    raise PackageRefused(MISSING_REF.format(table=target))


def _insert(
    session: Session,
    spec: Spec,
    station_id: int,
    rows: list[dict[str, Any]],
    ids: Ids,
    deferred: list[tuple[Spec, str, str, str]],
) -> None:
    values = [_values(spec, station_id, row, ids, deferred) for row in rows]
    for part in chunks(values, BATCH):
        session.execute(insert(spec.table), list(part))
    ids.load_station(spec.name, station_id)


def _deletes(session: Session, plan: Plan) -> None:
    for spec in reversed(station_specs()):
        gone = plan.deletes.get(spec.name, [])
        for part in chunks(gone):
            if spec.name == "clients":
                for client_id in part:
                    search.remove_client(session, client_id)
            uuids = list(
                session.scalars(select(spec.table.c.uuid).where(spec.table.c.id.in_(part)))
            )
            session.execute(delete(PackageBase).where(PackageBase.record_uuid.in_(uuids)))
            session.execute(delete(spec.table).where(spec.table.c.id.in_(part)))


def _record_bases(session: Session, plan: Plan) -> None:
    entries: list[tuple[str, dict[str, Any], int]] = list(plan.bases)
    for name, changes in plan.changed.items():
        entries += [(name, c.row, c.new_version) for c in changes]
    # New rows have no base yet; the others replace theirs.
    for part in chunks([e[1]["uuid"] for e in entries]):
        session.execute(delete(PackageBase).where(PackageBase.record_uuid.in_(part)))
    for name, rows in plan.new.items():
        entries += [(name, r, r["version"]) for r in rows]
    specs = {name: spec_named(name) for name in {e[0] for e in entries}}
    rows = [
        {"record_uuid": r["uuid"], "station_id": plan.station_id, "entity": name,
         "station_version": r["version"], "county_version": cv,
         "base_row": base_row(specs[name], r)}
        for name, r, cv in entries
    ]  # fmt: skip
    bases = table("package_bases")
    for chunk in chunks(rows, BATCH):
        session.execute(insert(bases), list(chunk))


def _record_conflicts(session: Session, plan: Plan, package_id: str) -> None:
    if not plan.conflicts:
        return
    uuids = [c.record_uuid for c in plan.conflicts]
    session.execute(
        update(PackageConflict)
        .where(PackageConflict.record_uuid.in_(uuids), PackageConflict.status == "open")
        .values(status="superseded")
    )
    session.execute(
        insert(PackageConflict), [_conflict_row(plan, c, package_id) for c in plan.conflicts]
    )


def _conflict_row(plan: Plan, c: Conflict, package_id: str) -> dict[str, Any]:
    return {
        "station_id": plan.station_id,
        "package_id": package_id,
        "entity": c.spec.name,
        "record_uuid": c.record_uuid,
        "fields": json.dumps(c.fields, ensure_ascii=False),
        "station_row": json.dumps(c.row, ensure_ascii=False),
        "station_version": c.row["version"] if c.row is not None else 0,
        "county_version": c.county_version,
        "status": "open",
        "choices": "{}",
        "merged": json.dumps(c.merged, ensure_ascii=False),
    }


def _index_clients(session: Session, plan: Plan) -> None:
    """Keep the search index in step with the clients the package brought or changed."""
    uuids = [r["uuid"] for r in plan.new.get("clients", [])]
    uuids += [c.row["uuid"] for c in plan.changed.get("clients", [])]
    index_clients(session, uuids)


def index_clients(session: Session, uuids: list[str]) -> None:
    """Index the named clients again, as their rows now stand."""
    for part in chunks(uuids):
        stmt = (
            select(Client.id, Client.name, Client.id_number, Client.phone, Village.name)
            .outerjoin(Village, Village.id == Client.village_id)
            .where(Client.uuid.in_(part))
        )
        search.index_clients(
            session,
            [
                (cid, name, idno, phone or "", village or "")
                for cid, name, idno, phone, village in session.execute(stmt)
            ],
        )
