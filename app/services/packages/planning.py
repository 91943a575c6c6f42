"""The county's side, first half: what a station's package would do, written nowhere.

Each row of the package is new (its uuid unknown here), changed (the station changed it
and the county did not since the last package), merged (both changed it, different
fields: merged.py), unchanged (sent before), or a conflict (both changed a field to
different values: a person decides those fields). A row the county already holds
under another uuid (a village the county typed when it added the station) is taken
over when its natural key matches. Deletions follow the same rule.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.packages import targets
from app.services.packages.closed import ClosedHit, ClosedMonths, corrected_in
from app.services.packages.merging import CountyRows, three_way, two_way
from app.services.packages.refs import chunks, table
from app.services.packages.tables import Spec, decode_row, encode, spec_named, station_specs
from app.services.packages.types import Counts, PackageRefused
from app.store.models import PackageBase

FOREIGN_ROW = (
    "数据包中的记录在县数据库中属于另一个站点，可能是数据包被改动或发错了站点，没有导入任何内容。"
)
UNKNOWN_TABLE = "数据包中有本程序不认识的数据（{name}），请先升级本程序。"
DELETED = "（整条记录）"


@dataclass(frozen=True)
class Change:
    row: dict[str, Any]
    """The station's row as the package has it."""
    county_id: int
    new_version: int
    adopt: bool = False
    """Taken over by natural key: the county row gets the station's uuid."""
    fields: tuple[str, ...] | None = None
    """Only these fields are taken (a merge); None: the whole row."""


@dataclass(frozen=True)
class Conflict:
    spec: Spec
    row: dict[str, Any] | None
    """The station's row; None when the station deleted the record."""
    record_uuid: str
    county: dict[str, Any]
    county_version: int
    fields: list[tuple[str, Any, Any]]
    merged: list[tuple[str, str]] = field(default_factory=list)
    """(field, side) of what merges without a person, taken with the decision."""


@dataclass
class Plan:
    station_id: int
    new: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    changed: dict[str, list[Change]] = field(default_factory=lambda: defaultdict(list))
    bases: list[tuple[str, dict[str, Any], int]] = field(default_factory=list)
    """(entity, station row, county version) to record for rows that change nothing."""
    conflicts: list[Conflict] = field(default_factory=list)
    deletes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    closed: list[ClosedHit] = field(default_factory=list)
    """Rows that would move a figure of a month the county holds as closed (月结)."""
    target_sets: list[dict[str, Any]] = field(default_factory=list)
    """Project rows whose target set the county takes although no field of theirs moved:
    the station changed only the targets, and the county has not touched the project."""

    def count(self, name: str, kind: str) -> None:
        self.counts[name][kind] += 1

    def total(self) -> Counts:
        sums: dict[str, int] = defaultdict(int)
        for per in self.counts.values():
            for kind, n in per.items():
                sums[kind] += n
        return Counts(**sums)

    def per_table(self) -> dict[str, Counts]:
        return {name: Counts(**per) for name, per in self.counts.items()}


def plan(session: Session, station_id: int, tables: dict[str, Any], deleted: list[Any]) -> Plan:
    out = Plan(station_id)
    known = {spec.name for spec in station_specs()}
    for name in list(tables) + [d["entity"] for d in deleted]:
        if name not in known:
            raise PackageRefused(UNKNOWN_TABLE.format(name=name))
    watch = ClosedMonths(session, station_id, corrected_in(tables))
    for spec in station_specs():
        rows = tables.get(spec.name) or []
        if rows:
            _plan_rows(session, out, spec, rows, watch)
    by_table: dict[str, list[str]] = defaultdict(list)
    for gone in deleted:
        by_table[gone["entity"]].append(gone["uuid"])
    for name, uuids in by_table.items():
        _plan_deletes(session, out, spec_named(name), uuids, watch)
    out.closed = watch.hits
    return out


def _existing(session: Session, spec: Spec, uuids: list[str]) -> dict[str, dict[str, Any]]:
    t = spec.table
    found: dict[str, dict[str, Any]] = {}
    for part in chunks(uuids):
        for r in session.execute(select(t).where(t.c.uuid.in_(part))).mappings():
            found[r["uuid"]] = dict(r)
    return found


def _bases(session: Session, uuids: list[str]) -> dict[str, PackageBase]:
    found: dict[str, PackageBase] = {}
    for part in chunks(uuids):
        for b in session.scalars(select(PackageBase).where(PackageBase.record_uuid.in_(part))):
            found[b.record_uuid] = b
    return found


def _natural(
    session: Session, spec: Spec, station_id: int, row: dict[str, Any]
) -> dict[str, Any] | None:
    t = spec.table
    stmt = select(t).where(*(t.c[c] == row[c] for c in spec.natural))
    if spec.name != "users":  # a login is unique in the whole database
        stmt = stmt.where(t.c.station_id == station_id)
    found = session.execute(stmt).mappings().first()
    return dict(found) if found is not None else None


def _plan_rows(
    session: Session, out: Plan, spec: Spec, rows: list[dict[str, Any]], watch: ClosedMonths
) -> None:
    uuids = [r["uuid"] for r in rows]
    existing = _existing(session, spec, uuids)
    bases = _bases(session, uuids)
    # Only the rows sent again unchanged need no comparing (a resent or whole package).
    compared = [
        existing[r["uuid"]]
        for r in rows
        if r["uuid"] in existing
        and (r["uuid"] not in bases or r["version"] > bases[r["uuid"]].station_version)
    ]
    encoder = CountyRows(session, spec, compared)
    for row in rows:
        county = existing.get(row["uuid"])
        if county is None and spec.natural:
            county = _natural(session, spec, out.station_id, row)
            if county is not None:
                if county["station_id"] != out.station_id:
                    login = row.get("login", "")
                    raise PackageRefused(
                        f"用户名 {login} 在县数据库中已属于另一个站点，数据包没有导入。"
                        "请在县里或站里改用另一个用户名后重新导出。"
                    )
                if _base_of(session, county["uuid"]) is None:
                    version = max(county["version"] + 1, row["version"])
                    out.changed[spec.name].append(Change(row, county["id"], version, adopt=True))
                    out.count(spec.name, "changed")
                    continue
                county = None  # synced under another uuid: the station's row is another one
        if county is None:
            out.new[spec.name].append(row)
            out.count(spec.name, "new")
            if watch.watches(spec.name):
                watch.check(spec.name, row["uuid"], "insert", new=decode_row(spec, row))
            continue
        if county["station_id"] != out.station_id:
            raise PackageRefused(FOREIGN_ROW)
        base = bases.get(row["uuid"])
        if base is not None and row["version"] <= base.station_version:
            out.count(spec.name, "unchanged")
            continue
        if base is not None and county["version"] == base.county_version and targets.KEY in row:
            out.target_sets.append(row)
        mine = encoder.encoded(county)
        if base is not None and base.base_row is not None:
            _plan_merge(out, spec, county, mine, row, json.loads(base.base_row), watch)
        elif base is not None and county["version"] == base.county_version:
            version = max(county["version"] + 1, row["version"])
            out.changed[spec.name].append(Change(row, county["id"], version))
            out.count(spec.name, "changed")
            moved = frozenset(f for f, _c, _s in two_way(spec, mine, row))
            _watch_update(watch, spec, county, row, moved)
        else:
            _conflict_or_same(out, spec, county, row, two_way(spec, mine, row))


def _plan_merge(
    out: Plan,
    spec: Spec,
    county: dict[str, Any],
    mine: dict[str, Any],
    row: dict[str, Any],
    base: dict[str, Any],
    watch: ClosedMonths,
) -> None:
    merge = three_way(spec, base, mine, row)
    if merge.conflicts:
        _conflict_or_same(out, spec, county, row, list(merge.conflicts), merge.merged())
        return
    if not merge.taken:
        # Nothing of the station's is new to the county: only the base moves on.
        out.bases.append((spec.name, row, county["version"]))
        out.count(spec.name, "unchanged")
        return
    version = max(county["version"] + 1, row["version"])
    out.changed[spec.name].append(Change(row, county["id"], version, fields=merge.taken))
    # Merged: the county's own changes to other fields stay beside the station's.
    out.count(spec.name, "merged" if merge.kept else "changed")
    _watch_update(watch, spec, county, row, frozenset(merge.taken))


def _watch_update(
    watch: ClosedMonths,
    spec: Spec,
    county: dict[str, Any],
    row: dict[str, Any],
    moved: frozenset[str],
) -> None:
    if watch.watches(spec.name):
        new = {**county, **decode_row(spec, {f: row[f] for f in moved})}
        watch.check(
            spec.name, row["uuid"], "update", entity_id=county["id"], old=county, new=new,
            changed=moved,
        )  # fmt: skip


def _conflict_or_same(
    out: Plan,
    spec: Spec,
    county: dict[str, Any],
    row: dict[str, Any],
    fields: list[tuple[str, Any, Any]],
    merged: list[tuple[str, str]] | None = None,
) -> None:
    if fields:
        out.conflicts.append(
            Conflict(spec, row, row["uuid"], county, county["version"], fields, merged or [])
        )
        out.count(spec.name, "conflicts")
    else:
        out.bases.append((spec.name, row, county["version"]))
        out.count(spec.name, "unchanged")


def _base_of(session: Session, uuid: str) -> PackageBase | None:
    return session.scalar(select(PackageBase).where(PackageBase.record_uuid == uuid))


def _plan_deletes(
    session: Session, out: Plan, spec: Spec, uuids: list[str], watch: ClosedMonths
) -> None:
    existing = _existing(session, spec, uuids)
    bases = _bases(session, uuids)
    for uuid in uuids:
        county = existing.get(uuid)
        if county is None:
            continue
        if county["station_id"] != out.station_id:
            raise PackageRefused(FOREIGN_ROW)
        base = bases.get(uuid)
        if base is None or county["version"] == base.county_version:
            out.deletes[spec.name].append(county["id"])
            out.count(spec.name, "deleted")
            watch.check(spec.name, uuid, "delete", entity_id=county["id"], old=county)
        else:
            fields = [(DELETED, "保留（县里修改过）", "删除")]
            out.conflicts.append(Conflict(spec, None, uuid, county, county["version"], fields))
            out.count(spec.name, "conflicts")


def differing(
    session: Session, spec: Spec, county: dict[str, Any], row: dict[str, Any]
) -> list[tuple[str, Any, Any]]:
    """(field, county value, station value) of each data column that differs."""
    out = []
    for name in spec.data_columns():
        mine = encode(county[name])
        target = spec.refs.get(name)
        local = county[name]
        for poly in spec.indirect():
            if name == poly.column:
                target, local = poly.target(county[poly.kind]), poly.local_id(county)
        if target is not None and local is not None:
            t = table(target)
            mine = session.scalar(select(t.c.uuid).where(t.c.id == local))
        if mine != row.get(name):
            out.append((name, mine, row.get(name)))
    return out
