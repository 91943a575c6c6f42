"""Dated history (valid from / valid to) and closed months (月结).

`dated_values` keeps the values that change over time and that reports must read as they
were on a day: a client's risk level, village and household, a case's worker and risk
level. One row per period: `valid_from` is the first day the value holds (the change's
发生日期), `valid_to` the first day it no longer holds (empty: it still holds). The
current value also sits on the record itself (`clients.risk_level`…), for lists and forms;
`app/services/history.py` keeps the two in step.

`month_closes` stores the figures of a closed month as they were when the station head
closed it; `month_corrections` lists every later change whose effective date falls in a
closed month (what 更正说明 and the diff show).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned, UTCDateTime


class DatedValue(StationOwned, Base):
    __tablename__ = "dated_values"
    __table_args__ = (
        Index("ix_dated_values_lookup", "subject", "field", "subject_id", "valid_from"),
    )

    subject: Mapped[str] = mapped_column(String(16))
    """client or case"""
    subject_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(32))
    """risk_level, village_id, household_id (client); worker_id, risk_level (case)"""
    value: Mapped[str] = mapped_column(String(64), default="")
    """The value as text; empty for none (no village, no household)."""
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    late_reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was entered late (补录), when the setting asks for one."""


class MonthClose(StationOwned, Base):
    """A month closed by the station head (月结); a re-closing supersedes the earlier one."""

    __tablename__ = "month_closes"

    month: Mapped[dt.date] = mapped_column(Date, index=True)
    """The first day of the month."""
    figures: Mapped[str] = mapped_column(Text)
    """The whole monthly report as JSON (app/services/reports/stored.py)."""
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class MonthCorrection(StationOwned, Base):
    """A record added, changed or removed after its month was closed (更正)."""

    __tablename__ = "month_corrections"

    month: Mapped[dt.date] = mapped_column(Date, index=True)
    entity: Mapped[str] = mapped_column(String(32))
    """The table of the record (service_records, case_events…)."""
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(8))
    """insert, update or delete"""
    effective_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    closed_id: Mapped[int] = mapped_column(ForeignKey("month_closes.id"))
    """The closing in force when the correction was made."""
