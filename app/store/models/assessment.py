"""Worker assessments (社工考核): the station head's scores and comments on one worker's
period; the figures are counted from the records, and stored only once confirmed.

`scores` is JSON: the items as they were when scored (key, label, the scale's top, the
score and a comment each), so changing the items later leaves old assessments readable.
`figures` is empty while the assessment is a draft (the figures are counted afresh) and
holds the figures as they were at confirmation once `status` is confirmed: a confirmed
assessment is what the worker and the agency were shown, and never moves.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, StationOwned, UTCDateTime


class WorkerAssessment(StationOwned, Base):
    __tablename__ = "worker_assessments"
    __table_args__ = (UniqueConstraint("worker_id", "period"),)

    worker_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    period: Mapped[str] = mapped_column(String(8))
    """app/domain/assessment.py `Period.code`: 2026-10, 2026Q3 or 2026."""
    period_first: Mapped[dt.date] = mapped_column(Date)
    period_last: Mapped[dt.date] = mapped_column(Date)
    scores: Mapped[str] = mapped_column(Text, default="[]")
    comment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    figures: Mapped[str | None] = mapped_column(Text)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
