"""The county's indicator systems (评估指标体系, no station) in the return package.

A county that defines the system its evaluators score by sends it to every station, so
a station records its rounds under the county's system rather than typing its own; the
rounds then travel back referring to it by uuid (shared.py). A system is a few hundred
rows at most, so every return package carries all of them; the station takes those it
lacks, under the county's uuids, and leaves those it has: a system is not edited after
it is imported. A station's own system under the same name keeps it, and the county's is
stored with "（县）" after its name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.services.packages.tables import decode_row, encode, spec_named
from app.store.models import EvaluationIndicator, EvaluationSystem

PART = "evaluation_systems.json"
_SYSTEM = ("uuid", "name", "total_points", "bonus_points", "veto_rule", "grades",
           "source_file", "note")  # fmt: skip
_INDICATOR = ("uuid", "level", "sort", "code", "name", "points", "kind", "scorer", "notes",
              "source_row")  # fmt: skip
SUFFIX = "（县）"


def county_systems(session: Session) -> list[dict[str, Any]]:
    """The county's systems, each with its indicators, parents first."""
    out = []
    for system in session.scalars(
        select(EvaluationSystem)
        .where(EvaluationSystem.station_id.is_(None))
        .order_by(EvaluationSystem.id)
    ):
        rows = list(
            session.scalars(
                select(EvaluationIndicator)
                .where(EvaluationIndicator.system_id == system.id)
                .order_by(EvaluationIndicator.level, EvaluationIndicator.id)
            )
        )
        uuids = {i.id: i.uuid for i in rows}
        indicators = [
            {**{f: encode(getattr(i, f)) for f in _INDICATOR},
             "parent": uuids.get(i.parent_id) if i.parent_id else None}
            for i in rows
        ]  # fmt: skip
        out.append({**{f: encode(getattr(system, f)) for f in _SYSTEM}, "indicators": indicators})
    return out


def take(session: Session, systems: list[dict[str, Any]]) -> int:
    """Store the systems the station lacks; returns how many."""
    system_spec, indicator_spec = (
        spec_named("evaluation_systems"),
        spec_named("evaluation_indicators"),
    )
    taken = 0
    for item in systems:
        if session.scalar(select(EvaluationSystem.id).where(EvaluationSystem.uuid == item["uuid"])):
            continue
        values = decode_row(system_spec, {f: item[f] for f in _SYSTEM})
        if session.scalar(
            select(EvaluationSystem.id).where(EvaluationSystem.name == values["name"])
        ):
            values["name"] = values["name"][: 200 - len(SUFFIX)] + SUFFIX
        system_id = session.execute(
            insert(EvaluationSystem)
            .values(station_id=None, **values)
            .returning(EvaluationSystem.id)
        ).scalar_one()
        ids: dict[str, int] = {}
        for row in item["indicators"]:
            values = decode_row(indicator_spec, {f: row[f] for f in _INDICATOR})
            parent = ids.get(row["parent"]) if row["parent"] else None
            ids[row["uuid"]] = session.execute(
                insert(EvaluationIndicator)
                .values(
                    system_id=system_id, parent_id=parent,
                    station_id=None, **values,
                )
                .returning(EvaluationIndicator.id)
            ).scalar_one()  # fmt: skip
        taken += 1
    return taken
