"""A station's yearly contract targets (设置 → 年度目标), kept as the station's annual
project (`projects.annual_year`, revision 0006): the monthly report's 年度目标 column, the
dashboard's share and the targets report read them here; projects/ manages the rest of a
project. Both work inside the caller's session.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.domain.project_rules import BY_KEY
from app.store.models import Project, ProjectStation, ProjectTarget, Station

from .types import Number


def annual_project(session: Session, station_id: int, year: int) -> Project | None:
    return session.scalar(
        select(Project)
        .join(ProjectStation, ProjectStation.project_id == Project.id)
        .where(Project.annual_year == year, ProjectStation.station_id == station_id)
        .order_by(Project.id)
        .limit(1)
    )


def read(session: Session, station_id: int, year: int) -> dict[str, Number]:
    """Rule (= figure key) → target: whole numbers, or Decimals for hours and yuan."""
    project = annual_project(session, station_id, year)
    if project is None:
        return {}
    rows = session.execute(
        select(ProjectTarget.rule, ProjectTarget.target)
        .where(ProjectTarget.project_id == project.id)
        .order_by(ProjectTarget.sort, ProjectTarget.id)
    ).all()
    return {rule: as_number(rule, value) for rule, value in rows if rule in BY_KEY}


def as_number(rule: str, value: Decimal) -> Number:
    if BY_KEY[rule].decimal:
        return Decimal(value).quantize(Decimal("0.01"))
    return int(value)


def write(
    session: Session, station_id: int, year: int, values: dict[str, Number], user_id: int
) -> int | None:
    """Replace the year's targets (made into the station's annual project if it has none);
    returns the project's id, None when there was none and nothing is to be stored."""
    project = annual_project(session, station_id, year)
    if project is None:
        if not values:
            return None
        station = session.get_one(Station, station_id)
        project = Project(
            code=_free_code(session, f"{station.code}-{year}"),
            name=f"{station.name}{year}年度合同目标",
            starts_on=dt.date(year, 1, 1),
            ends_on=dt.date(year, 12, 31),
            annual_year=year,
            station_id=station_id,
            created_by_id=user_id,
            updated_by_id=user_id,
        )
        session.add(project)
        session.flush()
        session.add(
            ProjectStation(
                project_id=project.id,
                station_id=station_id,
                created_by_id=user_id,
                updated_by_id=user_id,
            )
        )
    session.execute(delete(ProjectTarget).where(ProjectTarget.project_id == project.id))
    order = {key: i for i, key in enumerate(BY_KEY)}
    for rule, value in values.items():
        session.add(
            ProjectTarget(
                project_id=project.id,
                rule=rule,
                target=Decimal(value),
                sort=order[rule],
                created_by_id=user_id,
                updated_by_id=user_id,
            )
        )
    # The targets travel inside their project's row of a data package
    # (app/services/packages/targets.py): the project changes with them.
    project.updated_by_id = user_id
    flag_modified(project, "updated_by_id")
    session.flush()
    return project.id


def _free_code(session: Session, wanted: str) -> str:
    code, n = wanted, 1
    while session.scalar(select(Project.id).where(Project.code == code)) is not None:
        n += 1
        code = f"{wanted}-{n}"
    return code
