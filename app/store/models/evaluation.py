"""Third-party evaluation (评估): indicator systems, rounds, scores and rectifications (整改).

An indicator system (`evaluation_systems` with its tree of `evaluation_indicators`) is
data: points, bonus and veto items, the scorer of each branch, and the grade thresholds
with their consequences (`grades`, JSON, app/domain/evaluation.py `Grade`). Its
`station_id` is the station that imported it, empty for the county's (read by every
station, as settings without a station are).

A round (`evaluation_rounds`) is one visit of an evaluator to a station under one system;
`evaluation_scores` holds what each scorer gave each indicator; `rectifications` the 整改
items found, with their evidence files (`rectification_files`, copied into the data
folder under random names, as activity photos are).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned, Tracked, UTCDateTime


class EvaluationSystem(Tracked, Base):
    __tablename__ = "evaluation_systems"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    total_points: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    """The declared total of the base indicators (100, 130, 1000…)."""
    bonus_points: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal(0))
    veto_rule: Mapped[str] = mapped_column(String(16), default="zero")
    grades: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of Grade
    source_file: Mapped[str] = mapped_column(String(260), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)


class EvaluationIndicator(Tracked, Base):
    __tablename__ = "evaluation_indicators"

    system_id: Mapped[int] = mapped_column(ForeignKey("evaluation_systems.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("evaluation_indicators.id"))
    level: Mapped[int] = mapped_column(Integer)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(String(400))
    points: Mapped[Decimal] = mapped_column(Numeric(10, 2), default=Decimal(0))
    kind: Mapped[str] = mapped_column(String(8), default="base")
    scorer: Mapped[str | None] = mapped_column(String(16))
    """Empty: the parent's scorer (the third party at the top)."""
    notes: Mapped[str] = mapped_column(Text, default="")
    source_row: Mapped[int | None] = mapped_column(Integer)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"), index=True)


class EvaluationRound(StationOwned, Base):
    __tablename__ = "evaluation_rounds"

    system_id: Mapped[int] = mapped_column(ForeignKey("evaluation_systems.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    agency: Mapped[str] = mapped_column(String(200), default="")
    """第三方评估机构."""
    evaluators: Mapped[str] = mapped_column(String(400), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    """Once finished the scores are final and the grade's consequence is applied."""
    finished_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class EvaluationScore(StationOwned, Base):
    __tablename__ = "evaluation_scores"
    __table_args__ = (UniqueConstraint("round_id", "indicator_id", "scorer"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("evaluation_rounds.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("evaluation_indicators.id"))
    scorer: Mapped[str] = mapped_column(String(16))
    score: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    comment: Mapped[str] = mapped_column(Text, default="")


class Rectification(StationOwned, Base):
    __tablename__ = "rectifications"

    round_id: Mapped[int] = mapped_column(ForeignKey("evaluation_rounds.id"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("evaluation_indicators.id"))
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(64), default="")
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closing_note: Mapped[str] = mapped_column(Text, default="")


class RectificationFile(StationOwned, Base):
    __tablename__ = "rectification_files"

    rectification_id: Mapped[int] = mapped_column(ForeignKey("rectifications.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(80))
    """The copy's random name in the data folder."""
    original_name: Mapped[str] = mapped_column(String(260), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
