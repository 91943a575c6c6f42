"""Conflicts: a record both the station and the county changed since the last package.

Nothing of the record is overwritten until a person decides. The list shows both values
of every field both sides changed differently, and names the fields that merge on their
own (merging.py); the decision takes, field by field, the county's or the station's value
(and the station's merged fields), and the record's version moves on. The base stays the
station's row as sent: the station has not seen the decision until its return package.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.domain.audit_text import field_label
from app.domain.errors import InvalidInput, NotFound
from app.domain.name_pinyin import sort_key
from app.services.packages.closed import ClosedMonths, keep, require_grant
from app.services.packages.merging import base_row
from app.services.packages.planning import DELETED
from app.services.packages.refs import Ids
from app.services.packages.tables import decode_row, label, spec_named
from app.services.packages.types import ConflictRow, FieldDiff, MergedField
from app.store.models import PackageBase, PackageConflict, Station

COUNTY, STATION = "county", "station"


def open_conflicts(session: Session, station_id: int | None) -> list[ConflictRow]:
    stmt = (
        select(PackageConflict, Station.code)
        .join(Station, Station.id == PackageConflict.station_id)
        .where(PackageConflict.status == "open")
        .order_by(PackageConflict.id)
    )
    if station_id is not None:
        stmt = stmt.where(PackageConflict.station_id == station_id)
    return [
        ConflictRow(
            c.id,
            code,
            c.entity,
            label(c.entity),
            c.record_uuid,
            c.created_at,
            tuple(
                FieldDiff(f, field_label(f, c.entity.rstrip("s")), shown(a), shown(b))
                for f, a, b in json.loads(c.fields)
            ),
            tuple(
                MergedField(f, field_label(f, c.entity.rstrip("s")), side)
                for f, side in json.loads(c.merged or "[]")
            ),
        )
        for c, code in session.execute(stmt)
    ]


def shown(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def resolve(
    session: Session, conflict_id: int, choices: Mapping[str, str], user_id: int, now: dt.datetime
) -> tuple[int, str]:
    """Apply the choices; returns (station id, table) of the record."""
    conflict = session.get(PackageConflict, conflict_id)
    if conflict is None or conflict.status != "open":
        raise NotFound("这条冲突已经处理过或已被后来的数据包取代。")
    fields = [f for f, _a, _b in json.loads(conflict.fields)]
    missing = [f for f in fields if choices.get(f) not in (COUNTY, STATION)]
    if missing:
        raise InvalidInput(f"请为每一项选择县里或站点的值（还差：{'、'.join(missing)}）。")
    spec = spec_named(conflict.entity)
    t = spec.table
    found = session.execute(select(t).where(t.c.uuid == conflict.record_uuid)).mappings().first()
    if found is None:
        raise NotFound("这条记录在县数据库中已不存在。")
    county = dict(found)
    version = max(county["version"], conflict.station_version) + 1
    watch = ClosedMonths(session, conflict.station_id)
    if DELETED in fields:
        if choices[DELETED] == STATION:
            watch.check(spec.name, conflict.record_uuid, "delete", entity_id=county["id"],
                        old=county)  # fmt: skip
            grant = require_grant(watch.hits, "站点的这条记录", "没有改动")
            keep(session, grant, conflict.station_id, watch.hits)
            session.execute(delete(t).where(t.c.id == county["id"]))
            session.execute(
                delete(PackageBase).where(PackageBase.record_uuid == conflict.record_uuid)
            )
        else:
            _base(session, conflict, county["version"], None)
    else:
        station_row = json.loads(conflict.station_row)
        taken = [f for f in fields if choices[f] == STATION]
        taken += [f for f, side in json.loads(conflict.merged or "[]") if side == STATION]
        values = _station_values(session, spec, station_row, taken)
        watch.check(
            spec.name, conflict.record_uuid, "update", entity_id=county["id"], old=county,
            new={**county, **values}, changed=frozenset(taken),
        )  # fmt: skip
        grant = require_grant(watch.hits, "站点的这条记录", "没有改动")
        keep(session, grant, conflict.station_id, watch.hits)
        session.execute(
            update(t)
            .where(t.c.id == county["id"])
            .values(version=version, updated_at=now, **values)
        )
        _base(session, conflict, version, base_row(spec, station_row))
    conflict.status, conflict.resolved_at, conflict.resolved_by_id = "resolved", now, user_id
    conflict.choices = json.dumps(dict(choices), ensure_ascii=False)
    return conflict.station_id, conflict.entity


def _station_values(
    session: Session, spec: Any, row: dict[str, Any], taken: list[str]
) -> dict[str, Any]:
    plain = [f for f in taken if f not in spec.refs]
    values = decode_row(spec, {f: row[f] for f in plain})
    ids = Ids(session)
    for f in taken:
        target = spec.refs.get(f)
        if target is not None:
            ids.load(target, [row[f]])
            values[f] = ids.of(target, row[f])
            if row[f] and values[f] is None:
                raise NotFound(
                    f"站点的值指向的记录（{target}）在县数据库中不存在，只能保留县里的值。"
                )
    # A name taken from the station brings its sort key along (a Core update sets no key).
    for source in ("name", "display_name"):
        if source in values and "name_sort" in spec.table.c:
            values["name_sort"] = sort_key(values[source])
    return values


def _base(
    session: Session, conflict: PackageConflict, county_version: int, row: str | None
) -> None:
    """The station's version and row as sent, the county's version after the decision."""
    session.execute(delete(PackageBase).where(PackageBase.record_uuid == conflict.record_uuid))
    session.add(
        PackageBase(
            record_uuid=conflict.record_uuid, station_id=conflict.station_id,
            entity=conflict.entity, station_version=conflict.station_version,
            county_version=county_version, base_row=row,
        )
    )  # fmt: skip
