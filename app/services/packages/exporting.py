"""A station's side: the rows changed since a moment, ready for the package."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.packages import targets
from app.services.packages.attachments import Folders, gather_files
from app.services.packages.refs import Uuids
from app.services.packages.tables import Spec, encode, owned, station_specs
from app.store.models import DeletedRow

PHOTOS = "activity_photos"


@dataclass
class Gathered:
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    deleted: list[dict[str, str]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    missing_files: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def gather(
    session: Session,
    station_id: int,
    since: dt.datetime | None,
    folders: Folders,
    *,
    read_files: bool = True,
) -> Gathered:
    """Every row of the station created or changed at or after `since` (None: all).

    At or after: a row stamped in the very moment of the previous package is sent
    again rather than lost; the county takes a row it already has as unchanged.
    Without `read_files` the files (photos, documents, evidence) are not read: a move
    checks and copies them itself, one at a time, rather than holding them in memory.
    """
    out = Gathered()
    raw: dict[str, list[dict[str, Any]]] = {}
    wanted: dict[str, set[int]] = defaultdict(set)
    for spec in station_specs():
        t = spec.table
        stmt = select(t).where(owned(spec, station_id)).order_by(t.c.id)
        if since is not None:
            stmt = stmt.where(t.c.updated_at >= since)
        rows = [dict(r) for r in session.execute(stmt).mappings()]
        if not rows:
            continue
        raw[spec.name] = rows
        for column, target in spec.refs.items():
            wanted[target].update(r[column] for r in rows if r[column] is not None)
        for poly in spec.indirect():
            for r in rows:
                named, row_id = poly.target(r[poly.kind]), poly.local_id(r)
                if named is not None and row_id is not None:
                    wanted[named].add(row_id)
    uuids = Uuids(session)
    for target, ids in wanted.items():
        uuids.load(target, ids)
    for spec in station_specs():
        if spec.name in raw:
            out.tables[spec.name] = [encoded(spec, r, uuids) for r in raw[spec.name]]
    if "projects" in out.tables:
        targets.attach(
            session, out.tables["projects"], {r["uuid"]: r["id"] for r in raw["projects"]}
        )
    tomb = select(DeletedRow.entity, DeletedRow.record_uuid).where(
        DeletedRow.station_id == station_id
    )
    if since is not None:
        tomb = tomb.where(DeletedRow.deleted_at >= since)
    out.deleted = [
        {"entity": e, "uuid": u} for e, u in session.execute(tomb.order_by(DeletedRow.id))
    ]
    if read_files:
        out.files, out.missing_files = gather_files(out.tables, folders)
    return out


def encoded(spec: Spec, row: Mapping[str, Any], uuids: Uuids) -> dict[str, Any]:
    """A row as a package carries it: JSON values, references by uuid."""
    out = {name: encode(row[name]) for name in spec.columns}
    for column, target in spec.refs.items():
        out[column] = uuids.of(target, row[column])
    for poly in spec.indirect():
        named = poly.target(row[poly.kind])
        if named is not None:
            out[poly.column] = uuids.of(named, poly.local_id(row)) or poly.empty
    return out
