"""Case work (个案, MZ/T 094-2017): intake to follow-up, with every stage's records."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned, UTCDateTime


class CaseCounter(StationOwned, Base):
    """The last case number given per station and year, so numbers are never reused."""

    __tablename__ = "case_counters"
    __table_args__ = (UniqueConstraint("station_id", "year"),)

    year: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Case(StationOwned, Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_station_intake", "station_id", "intake_date"),
        # 待办 and the case lists: one station's cases at a stage, per worker.
        Index("ix_cases_station_stage", "station_id", "stage", "worker_id"),
    )

    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    intake_date: Mapped[dt.date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(32), default="")
    referrer: Mapped[str] = mapped_column(String(100), default="")
    presenting_problem: Mapped[str] = mapped_column(Text, default="")
    risk_level: Mapped[str] = mapped_column(String(8), default="low")
    urgency: Mapped[str] = mapped_column(String(8), default="normal")  # urgent, priority, normal
    decision: Mapped[str] = mapped_column(String(16), default="accept")  # accept, decline, refer
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(String(16), default="intake", index=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    next_contact_date: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    closure_reason: Mapped[str] = mapped_column(String(32), default="")
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", use_alter=True))
    consent_exemption: Mapped[str] = mapped_column(String(16), default="")
    """Why the case opened without the service consent signed (app.domain.consent), or ""."""
    consent_note: Mapped[str] = mapped_column(Text, default="")


class CaseAssessment(StationOwned, Base):
    """预估, repeatable; each round may re-rate the risk with a reason."""

    __tablename__ = "case_assessments"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    round: Mapped[int] = mapped_column(Integer, default=1)
    domains: Mapped[str] = mapped_column(Text, default="{}")  # JSON: domain -> notes
    strengths: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")  # JSON list, ranked
    risk_level: Mapped[str] = mapped_column(String(8), default="low")
    risk_reason: Mapped[str] = mapped_column(Text, default="")
    late_reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was entered late (补录), when the setting asks for one."""


class CasePlan(StationOwned, Base):
    """计划, submitted to and approved (or returned) by the station head."""

    __tablename__ = "case_plans"
    # 待办: what awaits the head's approval in a station.
    __table_args__ = (Index("ix_case_plans_station_status", "station_id", "status"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    overall_goal: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    review_comment: Mapped[str] = mapped_column(Text, default="")
    review_due: Mapped[dt.date | None] = mapped_column(Date)
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    """发生日期 of the approval or return (reviewed_at is when it was entered)."""


class CaseGoal(StationOwned, Base):
    """A specific goal of a plan, and at evaluation its attainment."""

    __tablename__ = "case_goals"

    plan_id: Mapped[int] = mapped_column(ForeignKey("case_plans.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)
    goal: Mapped[str] = mapped_column(Text)
    measures: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(String(100), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    attainment: Mapped[str] = mapped_column(String(16), default="")  # met, partly, not_met
    pre_score: Mapped[str] = mapped_column(String(32), default="")
    post_score: Mapped[str] = mapped_column(String(32), default="")


class ServiceRecord(StationOwned, Base):
    """介入: one contact with the client; what 服务人次 counts."""

    __tablename__ = "service_records"
    __table_args__ = (
        # Covers the reports' counts, sums and splits of a station's month (no table reads).
        Index(
            "ix_service_records_station_served",
            "station_id",
            "served_on",
            "client_id",
            "worker_id",
            "duration_min",
        ),
        # A case's last contact (待办) is the last entry of its slice of this index.
        Index("ix_service_records_case_served", "case_id", "served_on"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    served_on: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    duration_min: Mapped[int] = mapped_column(Integer, default=0)
    mode: Mapped[str] = mapped_column(String(16))
    place: Mapped[str] = mapped_column(String(100), default="")
    people_present: Mapped[str] = mapped_column(String(200), default="")
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("case_goals.id"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id"))
    """The 社工室 where it happened (app/store/models/rooms.py)."""
    content: Mapped[str] = mapped_column(Text, default="")
    analysis: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_contact_date: Mapped[dt.date | None] = mapped_column(Date)
    late_reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was entered late (补录), when the setting asks for one."""


class Referral(StationOwned, Base):
    __tablename__ = "referrals"
    __table_args__ = (Index("ix_referrals_station_sent", "station_id", "sent_on"),)

    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    agency: Mapped[str] = mapped_column(String(100))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    """The directory's partner the agency is, once matched (app/store/models/partners.py)."""
    contact: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_on: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="sent")
    status_on: Mapped[dt.date | None] = mapped_column(Date)
    """发生日期 of the latest status change."""
    feedback: Mapped[str] = mapped_column(Text, default="")
    closes_case: Mapped[bool] = mapped_column(Boolean, default=False)
    late_reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was entered late (补录), when the setting asks for one."""


class CaseEvaluation(StationOwned, Base):
    __tablename__ = "case_evaluations"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    evaluated_on: Mapped[dt.date] = mapped_column(Date)
    change_summary: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    late_reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was entered late (补录), when the setting asks for one."""


class CaseClosure(StationOwned, Base):
    """结案, submitted for approval; an approved closure locks the case."""

    __tablename__ = "case_closures"
    # 待办: what awaits the head's approval in a station.
    __table_args__ = (Index("ix_case_closures_station_status", "station_id", "status"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_plan: Mapped[str] = mapped_column(Text, default="")
    follow_up_until: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="submitted")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    """发生日期 of the approval or return (reviewed_at is when it was entered)."""
    review_comment: Mapped[str] = mapped_column(Text, default="")


class CaseFollowUp(StationOwned, Base):
    __tablename__ = "case_follow_ups"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    contacted_on: Mapped[dt.date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(16), default="")
    result: Mapped[str] = mapped_column(Text, default="")
    plan_done: Mapped[bool] = mapped_column(Boolean, default=False)
    late_reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was entered late (补录), when the setting asks for one."""


class CaseEvent(StationOwned, Base):
    """A change of a case's state: stage, pause/resume, reopen, reassignment, risk re-rating."""

    __tablename__ = "case_events"
    __table_args__ = (
        Index("ix_case_events_station_happened", "station_id", "happened_on", "kind"),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    from_value: Mapped[str] = mapped_column(String(64), default="")
    to_value: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    happened_on: Mapped[dt.date] = mapped_column(Date)
    """发生日期: what reports count by (created_at is when it was entered)."""
    late_reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was entered late (补录), when the setting asks for one."""


class CaseComment(StationOwned, Base):
    """A supervisor's or head's comment on a case."""

    __tablename__ = "case_comments"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
