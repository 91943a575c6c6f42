"""Before the county plans a package: rows it already holds as its own, and clashes.

An indicator system, its indicators or a partner may be the county's (no station), and a
station that received them carries them back with the rows that refer to them: a uuid
the county holds under no station (or another station's) is the same row, so the
package's copy is dropped and the references find the county's. A row new to the county
whose unique name or code another of the county's rows already has would make the whole
import fail on the database's constraint: it is refused here, saying which and why. And
a station's link to its project (`project_stations`) that the county already has under
another uuid (the county typed the station's yearly targets) is the same link.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.packages.refs import chunks, table
from app.services.packages.tables import SHARED
from app.services.packages.types import PackageRefused

_UNIQUE = {
    "evaluation_systems": (
        "name",
        "评估指标体系「{value}」在县数据库中已有另一个同名的体系，没有导入任何内容。"
        "请在县里或站里为其中一个改名（或在站里改用县里的体系）后重新导出。",
    ),
    "projects": (
        "code",
        "项目编号 {value} 在县数据库中已被另一个项目使用，没有导入任何内容。"
        "请县里与站点核对项目编号后处理。",
    ),
}


def settle(
    session: Session, station_id: int, tables: dict[str, list[dict[str, Any]]], deleted: list[Any]
) -> tuple[dict[str, list[dict[str, Any]]], list[Any]]:
    """The package's tables and deletions as the planner should see them."""
    out = dict(tables)
    held: set[str] = set()
    for name in SHARED:
        rows = out.get(name)
        if not rows:
            continue
        owners = _owners(session, name, [r["uuid"] for r in rows])
        theirs = {u for u, owner in owners.items() if owner != station_id}
        held |= theirs
        out[name] = [r for r in rows if r["uuid"] not in theirs]
    for name, (column, message) in _UNIQUE.items():
        _refuse_clashes(session, station_id, name, column, message, out.get(name, []))
    if out.get("project_stations"):
        out["project_stations"] = _new_links(session, station_id, out)
    return out, [d for d in deleted if d["uuid"] not in held]


def _owners(session: Session, name: str, uuids: list[str]) -> dict[str, int | None]:
    t = table(name)
    found: dict[str, int | None] = {}
    for part in chunks(uuids):
        stmt = select(t.c.uuid, t.c.station_id).where(t.c.uuid.in_(part))
        found.update({uuid: owner for uuid, owner in session.execute(stmt)})
    return found


def _refuse_clashes(
    session: Session,
    station_id: int,
    name: str,
    column: str,
    message: str,
    rows: list[dict[str, Any]],
) -> None:
    if not rows:
        return
    t = table(name)
    known = set(_owners(session, name, [r["uuid"] for r in rows]))
    for row in rows:
        if row["uuid"] in known:
            continue
        other = session.execute(
            select(t.c.uuid, t.c.station_id).where(t.c[column] == row[column])
        ).first()
        # The station's own (a project typed at the county) is taken over by the planner.
        if other is not None and not (name == "projects" and other.station_id == station_id):
            raise PackageRefused(message.format(value=row[column]))


def _new_links(
    session: Session, station_id: int, tables: dict[str, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The package's project links, less those the county has under other uuids."""
    links = tables["project_stations"]
    projects = table("projects")
    codes = {p["uuid"]: p["code"] for p in tables.get("projects", [])}
    wanted = {link["project_id"] for link in links}
    stmt = select(projects.c.uuid, projects.c.id).where(projects.c.uuid.in_(list(wanted)))
    county: dict[str, int] = {uuid: row_id for uuid, row_id in session.execute(stmt)}
    for uuid in wanted - set(county):
        if uuid in codes:
            found = session.scalar(
                select(projects.c.id).where(
                    projects.c.code == codes[uuid], projects.c.station_id == station_id
                )
            )
            if found is not None:
                county[uuid] = found
    t = table("project_stations")
    known = set(_owners(session, "project_stations", [link["uuid"] for link in links]))
    linked = _linked(session, t, station_id, county.values())
    return [
        link
        for link in links
        if link["uuid"] in known or county.get(link["project_id"]) not in linked
    ]


def _linked(session: Session, t: Any, station_id: int, project_ids: Iterable[int]) -> set[int]:
    ids = list(project_ids)
    if not ids:
        return set()
    return set(
        session.scalars(
            select(t.c.project_id).where(t.c.station_id == station_id, t.c.project_id.in_(ids))
        )
    )
