"""Satisfaction (满意度): per-service surveys and the station's interview rounds (回访).

Scores are JSON text ({item key: 1–5}, app/domain/satisfaction.py holds the items), so
the item list is data; the overall score also has a column of its own, which the
monthly report counts in SQL. A survey names exactly one of a case, a group or an
activity (the service checks it); it is dated by `surveyed_on` (发生日期).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned


class SatisfactionSurvey(StationOwned, Base):
    __tablename__ = "satisfaction_surveys"
    __table_args__ = (Index("ix_satisfaction_surveys_station_on", "station_id", "surveyed_on"),)

    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"), index=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id"), index=True)
    surveyed_on: Mapped[dt.date] = mapped_column(Date)
    respondent: Mapped[str] = mapped_column(String(16))
    """client, family, participant, or none (无法回答, with `reason`)."""
    scores: Mapped[str] = mapped_column(Text, default="{}")
    overall: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class InterviewRound(StationOwned, Base):
    """A round of phone and on-site interviews over a sample of the registry."""

    __tablename__ = "interview_rounds"

    name: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    phone_size: Mapped[int] = mapped_column(Integer, default=0)
    onsite_size: Mapped[int] = mapped_column(Integer, default=0)
    seed: Mapped[int] = mapped_column(Integer)
    finished_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class InterviewSample(StationOwned, Base):
    """One person of a round's sample, and their answers once asked."""

    __tablename__ = "interview_samples"
    __table_args__ = (UniqueConstraint("round_id", "client_id"),)

    round_id: Mapped[int] = mapped_column(ForeignKey("interview_rounds.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    mode: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    stratum: Mapped[str] = mapped_column(String(100), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="pending")
    asked_on: Mapped[dt.date | None] = mapped_column(Date)
    awareness: Mapped[str] = mapped_column(Text, default="{}")
    aware: Mapped[bool | None] = mapped_column(Boolean)
    scores: Mapped[str] = mapped_column(Text, default="{}")
    overall: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
