"""A project's targets travel inside its row of the package, as one set.

A target (`project_targets`) has no station of its own: it is a term of its project's
contract, and the yearly targets (设置 → 年度目标) are rewritten as a whole, so its rows
come and go without a trace a package could carry. The station's project row therefore
holds its whole set (`targets`: rule, target, weight, sort), and whenever the county
takes the project row (new, or changed by the station only) it takes the set too, and so
it does when the station changed only the set and the county has not touched the project
since (planning's `target_sets`: no field of the row moved, so no merge sees it): a
rule the station dropped goes, the others are written by rule. When the project is a
conflict the county's set stays with the county's row until a person decides. Writing
a target at the station touches its project (app/services/reports/annual_targets.py),
so the set travels whenever it changes.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.services.packages.refs import chunks
from app.services.packages.tables import encode
from app.store.models import Project, ProjectTarget

if TYPE_CHECKING:  # planning imports the exporter, which imports this module
    from app.services.packages.planning import Plan

KEY = "targets"
_FIELDS = ("rule", "target", "weight", "sort")


def attach(session: Session, projects: list[dict[str, Any]], ids: dict[str, int]) -> None:
    """Put each project's targets into its package row (`ids`: project uuid → local id)."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    wanted = [ids[p["uuid"]] for p in projects]
    for part in chunks(wanted):
        stmt = (
            select(ProjectTarget)
            .where(ProjectTarget.project_id.in_(part))
            .order_by(ProjectTarget.sort, ProjectTarget.id)
        )
        for t in session.scalars(stmt):
            found[t.project_id].append(
                {"uuid": t.uuid, **{f: encode(getattr(t, f)) for f in _FIELDS}}
            )
    for project in projects:
        project[KEY] = found.get(ids[project["uuid"]], [])


def take(session: Session, plan: Plan) -> None:
    """Replace the targets of every project row the county took from the package."""
    rows = plan.new.get("projects", []) + [c.row for c in plan.changed.get("projects", [])]
    rows += plan.target_sets
    rows = [r for r in rows if KEY in r]
    if not rows:
        return
    stmt = select(Project.uuid, Project.id).where(Project.uuid.in_([r["uuid"] for r in rows]))
    ids = {uuid: row_id for uuid, row_id in session.execute(stmt)}
    for row in rows:
        _replace(session, ids[row["uuid"]], row[KEY])


def _replace(session: Session, project_id: int, targets: list[dict[str, Any]]) -> None:
    have = {
        t.rule: t
        for t in session.scalars(
            select(ProjectTarget).where(ProjectTarget.project_id == project_id)
        )
    }
    wanted = {t["rule"]: t for t in targets}
    gone = [t.id for rule, t in have.items() if rule not in wanted]
    if gone:
        session.execute(delete(ProjectTarget).where(ProjectTarget.id.in_(gone)))
    for rule, item in wanted.items():
        values = {
            "target": Decimal(item["target"]),
            "weight": Decimal(item["weight"]),
            "sort": int(item["sort"]),
        }
        mine = have.get(rule)
        if mine is None:
            session.execute(
                insert(ProjectTarget).values(
                    project_id=project_id, rule=rule, uuid=item["uuid"], **values
                )
            )
        elif any(getattr(mine, k) != v for k, v in values.items()):
            session.execute(
                update(ProjectTarget)
                .where(ProjectTarget.id == mine.id)
                .values(version=mine.version + 1, **values)
            )
