"""The demo station's purchased-service project (服务项目), so 项目进度 has something to show.

The project runs a year from the first day of the month seven months back, so it crosses
a new year and is well under way. Each target is set from what the demo's records hold so
far, scaled to the whole year by a per-target factor: most targets are on schedule, a few
are set high enough that the report flags them as behind, as real projects are.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import data
from app.domain import project_rules
from app.domain.roles import Role
from app.services.context import Actor
from app.services.reports import monthly
from app.services.reports.service import add_months
from app.store.models import Project, ProjectStation, ProjectTarget, Station, User

# Rule → (weight, factor): a factor above 1/0.9 leaves the target behind schedule.
PLAN: dict[str, tuple[int, Decimal]] = {
    "cases_new": (15, Decimal("1.0")),
    "service_records": (15, Decimal("1.05")),
    "service_hours": (10, Decimal("1.25")),
    "group_sessions": (10, Decimal("0.9")),
    "group_attendance": (5, Decimal("1.0")),
    "activities": (10, Decimal("0.95")),
    "activity_participants": (5, Decimal("1.0")),
    "visit_households": (10, Decimal("1.3")),
    "volunteer_hours": (5, Decimal("0.9")),
    "supervision_hours": (5, Decimal("1.1")),
    "training_hours": (5, Decimal("1.0")),
    "surveys": (5, Decimal("1.0")),
    "satisfaction_rate": (0, Decimal("1.0")),
}
RATE_TARGET = Decimal(85)
"""满意率 85%: what contracts commonly ask, and a rate is a level, not a total."""
MONTHS_UNDER_WAY = 7


def add_project(session: Session, actor: Actor, today: dt.date) -> int:
    """The actor's station's project with its targets; returns its id."""
    station = session.get_one(Station, actor.station_id)
    starts_on = add_months(today.replace(day=1), -MONTHS_UNDER_WAY)
    ends_on = add_months(starts_on, 12) - dt.timedelta(days=1)
    done = monthly.figures(session, [station.id], starts_on, today)[station.id]
    share = Decimal((today - starts_on).days + 1) / Decimal((ends_on - starts_on).days + 1)
    supervisor = session.scalar(
        select(User.display_name).where(
            User.station_id == station.id, User.role == Role.SUPERVISOR.value
        )
    )
    township = station.name.removesuffix("社工站")
    project = Project(
        code=f"{station.code}-XM{starts_on.year}",
        name=f"{township}社会工作服务项目",
        contract_no=f"{data.COUNTY[:2]}民购〔{starts_on.year}〕{17 + len(township)}号",
        buyer=f"{data.COUNTY}民政局",
        agency=f"{data.COUNTY}阳光社会工作服务中心",
        starts_on=starts_on,
        ends_on=ends_on,
        amount_yuan=Decimal("300000.00"),
        station_id=station.id,
        lead=actor.display_name,
        supervisor=supervisor or "",
        note="示范数据：指标按本站已有记录的进度设定。",
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
    )
    session.add(project)
    session.flush()
    session.add(
        ProjectStation(
            project_id=project.id,
            station_id=station.id,
            created_by_id=actor.user_id,
            updated_by_id=actor.user_id,
        )
    )
    for sort, (key, (weight, factor)) in enumerate(PLAN.items()):
        rule = project_rules.BY_KEY[key]
        session.add(
            ProjectTarget(
                project_id=project.id,
                rule=key,
                target=RATE_TARGET
                if rule.is_rate
                else _round(Decimal(done[rule.figure]) / share * factor),
                weight=Decimal(weight),
                sort=sort,
                created_by_id=actor.user_id,
                updated_by_id=actor.user_id,
            )
        )
    session.flush()
    return project.id


def _round(value: Decimal) -> Decimal:
    """A target as a contract writes it: a round number, at least 1."""
    step = Decimal(10) if value >= 100 else Decimal(1)
    rounded = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return max(rounded, Decimal(1))
