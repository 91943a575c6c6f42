"""The county's decisions on a station's conflicts, sent back in the return package.

The county sends every decided conflict of the station: which record, each field with
both values and whose was kept, who decided and when, and the record as the decision
left it (references by uuid, as a package carries them). The station takes the county's
values only when it has not changed the record since it sent it; if it has, its newer
change stays and goes in its next package, where the county's three-way merge compares
it with the decision. Either way the station lists the decision (县级裁决) and audits it.
A decision already taken is skipped, so a later return package repeating it changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.audit_text import field_label
from app.domain.name_pinyin import sort_key
from app.services.access import audit
from app.services.context import Actor
from app.services.packages.applying import index_clients
from app.services.packages.closed import ClosedMonths, keep, require_grant
from app.services.packages.conflicts import shown
from app.services.packages.merging import COUNTY, CountyRows
from app.services.packages.refs import Ids
from app.services.packages.tables import Spec, decode_row, label, spec_named
from app.services.packages.types import ENTITY, DecidedField, DecisionRow
from app.store.models import PackageConflict, PackageDecision, User

APPLIED, KEPT, GONE, DELETED, MISSING = "applied", "kept", "gone", "deleted", "missing"
OUTCOME_LABELS = {
    APPLIED: "已按县里的结果更新",
    KEPT: "本站之后又改过，保留本站的修改（随下一个数据包发给县里）",
    GONE: "本站已没有这条记录",
    DELETED: "县里按本站的删除处理",
    MISSING: "县里的结果指向本站没有的记录，没有自动更新，请核对",
}


class _Unresolved(Exception):
    """A value names a record this station does not have."""


def outgoing(session: Session, station_id: int) -> list[dict[str, Any]]:
    """Every decided conflict of the station, with the record as the decision left it."""
    decided = list(
        session.execute(
            select(PackageConflict, User.display_name)
            .outerjoin(User, User.id == PackageConflict.resolved_by_id)
            .where(PackageConflict.station_id == station_id, PackageConflict.status == "resolved")
            .order_by(PackageConflict.id)
        )
    )
    rows: dict[str, dict[str, Any]] = {}
    by_table: dict[str, list[str]] = defaultdict(list)
    for conflict, _name in decided:
        by_table[conflict.entity].append(conflict.record_uuid)
    for name, uuids in by_table.items():
        spec = spec_named(name)
        t = spec.table
        found = [dict(r) for r in session.execute(select(t).where(t.c.uuid.in_(uuids))).mappings()]
        encoder = CountyRows(session, spec, found)
        rows.update({r["uuid"]: encoder.encoded(r) for r in found})
    out = []
    for conflict, name in decided:
        choices = json.loads(conflict.choices or "{}")
        out.append(
            {
                "package_id": conflict.package_id,
                "record_uuid": conflict.record_uuid,
                "entity": conflict.entity,
                "fields": [
                    [f, a, b, choices.get(f, COUNTY)] for f, a, b in json.loads(conflict.fields)
                ],
                "decided_by": name or "",
                "decided_at": conflict.resolved_at.isoformat() if conflict.resolved_at else "",
                "station_version": conflict.station_version,
                "row": rows.get(conflict.record_uuid),
            }
        )
    return out


@dataclass
class Taken:
    decisions: int = 0
    applied: int = 0
    entities: set[str] = field(default_factory=set)


def take(session: Session, actor: Actor, items: list[dict[str, Any]], return_id: str) -> Taken:
    """Record the decisions not seen before and apply the county's values where the station
    has not changed the record since; MonthClosed when that would move a closed month."""
    station_id = actor.station_id
    out = Taken()
    watch = ClosedMonths(session, station_id)
    clients: list[str] = []
    for item in items:
        known = session.scalar(
            select(PackageDecision.id).where(
                PackageDecision.package_id == item["package_id"],
                PackageDecision.record_uuid == item["record_uuid"],
            )
        )
        if known is not None:
            continue
        spec = spec_named(item["entity"])
        outcome = _apply(session, spec, item, watch)
        if outcome == APPLIED:
            out.applied += 1
            out.entities.add(spec.name.rstrip("s"))
            if spec.name == "clients":
                clients.append(item["record_uuid"])
        session.add(
            PackageDecision(
                station_id=station_id, package_id=item["package_id"], entity=spec.name,
                record_uuid=item["record_uuid"],
                fields=json.dumps(item["fields"], ensure_ascii=False),
                decided_by=item["decided_by"][:64], outcome=outcome, return_id=return_id,
                decided_at=dt.datetime.fromisoformat(item["decided_at"]),
            )
        )  # fmt: skip
        audit.record(
            session, actor, "package_decision_received", entity=ENTITY, table=spec.name,
            record_uuid=item["record_uuid"], fields=[f[0] for f in item["fields"]],
            kept={f[0]: f[3] for f in item["fields"]}, decided_by=item["decided_by"],
            here=outcome,
        )  # fmt: skip
        out.decisions += 1
    grant = require_grant(watch.hits, "县里的裁决", "回执包没有导入")
    keep(session, grant, station_id, watch.hits)
    index_clients(session, clients)
    return out


def _apply(session: Session, spec: Spec, item: dict[str, Any], watch: ClosedMonths) -> str:
    row = item["row"]
    if row is None:
        return DELETED
    t = spec.table
    found = session.execute(select(t).where(t.c.uuid == item["record_uuid"])).mappings().first()
    if found is None:
        return GONE
    local = dict(found)
    if local["version"] != item["station_version"]:
        return KEPT
    mine = CountyRows(session, spec, [local]).encoded(local)
    moved = [f for f in spec.data_columns() if mine.get(f) != row.get(f)]
    try:
        values = _values(session, spec, row, moved)
    except _Unresolved:
        return MISSING
    watch.check(
        spec.name, item["record_uuid"], "update", entity_id=local["id"], old=local,
        new={**local, **values}, changed=frozenset(moved),
    )  # fmt: skip
    values["version"] = row["version"]
    values["updated_at"] = dt.datetime.fromisoformat(row["updated_at"])
    session.execute(update(t).where(t.c.id == local["id"]).values(values))
    return APPLIED


def _values(session: Session, spec: Spec, row: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """The typed local values of `fields` of a row as a package carries it."""
    indirect = {p.column: p for p in spec.indirect()}
    plain = [f for f in fields if f not in spec.refs and f not in indirect]
    values = decode_row(spec, {f: row[f] for f in plain})
    ids = Ids(session)
    for f in fields:
        target = spec.refs.get(f)
        poly = indirect.get(f)
        if poly is not None:
            target = poly.target(row[poly.kind])
        if target is None:
            if poly is not None:
                values[f] = row[f]
            continue
        ids.load(target, [row[f]])
        found = ids.of(target, row[f])
        if row[f] and found is None:
            raise _Unresolved(f)
        values[f] = poly.stored(found) if poly is not None else found
    for source in ("name", "display_name"):
        if source in values and "name_sort" in spec.table.c:
            values["name_sort"] = sort_key(values[source])
    return values


def listed(session: Session, station_id: int) -> list[DecisionRow]:
    """The county's decisions this station took, newest first."""
    stmt = (
        select(PackageDecision)
        .where(PackageDecision.station_id == station_id)
        .order_by(PackageDecision.id.desc())
    )
    return [
        DecisionRow(
            d.entity,
            label(d.entity),
            d.record_uuid,
            tuple(
                DecidedField(field_label(f, d.entity.rstrip("s")), shown(a), shown(b), side)
                for f, a, b, side in json.loads(d.fields)
            ),
            d.decided_by,
            d.decided_at,
            d.outcome,
            OUTCOME_LABELS.get(d.outcome, d.outcome),
        )
        for d in session.scalars(stmt)
    ]
