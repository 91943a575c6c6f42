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

from app.store.base import Base, StationOwned, Tracked


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


class ProjectDocument(StationOwned, Base):
    """A file attached to a project (合同, 项目计划, 制度…): copied into the data folder under
    a random name, as activity photos are; the name it came with is kept for the pack.

    It belongs to the station that attached it, so on the county's server a station sees
    the documents it attached (the station policy, app/store/postgres_rls.py).
    """

    __tablename__ = "project_documents"

    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(16))
    """A key of app/domain/project_documents.DOCUMENT_TYPES."""
    dated: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(80))
    original_name: Mapped[str] = mapped_column(String(255), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
