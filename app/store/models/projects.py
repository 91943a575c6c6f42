"""Purchased-service projects (服务项目): the contract, the stations it covers, its targets.

A project belongs to no single station: a county may buy one project for several
stations, so the stations it covers are rows of `project_stations`. A target names a rule
of app/domain/project_rules.py; its result is always counted from the records.

`annual_year` marks the station's yearly contract targets (设置 → 年度目标): one such
project per station and year, which the monthly report, the dashboard and the targets
report read as the year's targets.

`station_id` is the station that manages the project: set for a project of one station
(a head's own, the yearly targets), empty for the county's projects. On the county's
PostgreSQL server a station writes only the projects it manages and reads those that
cover it (app/store/postgres_rls.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, Tracked


class Project(Tracked, Base):
    __tablename__ = "projects"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    contract_no: Mapped[str] = mapped_column(String(64), default="")
    buyer: Mapped[str] = mapped_column(String(200), default="")
    """购买方: the county 民政局 or township government that pays."""
    agency: Mapped[str] = mapped_column(String(200), default="")
    """承接机构: the social work organisation that runs the project."""
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    amount_yuan: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal(0))
    lead: Mapped[str] = mapped_column(String(64), default="")
    supervisor: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    annual_year: Mapped[int | None] = mapped_column(Integer, index=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)
    """The managing station; None for a county project (see the module's note)."""


class ProjectStation(Tracked, Base):
    __tablename__ = "project_stations"
    __table_args__ = (UniqueConstraint("project_id", "station_id"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)


class ProjectTarget(Tracked, Base):
    __tablename__ = "project_targets"
    __table_args__ = (UniqueConstraint("project_id", "rule"),)

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    rule: Mapped[str] = mapped_column(String(32))
    target: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    weight: Mapped[Decimal] = mapped_column(Numeric(6, 2), default=Decimal(0))
    """Share in the project's weighted score; all zero means equal weights."""
    sort: Mapped[int] = mapped_column(Integer, default=0)
