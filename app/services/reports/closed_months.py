"""Closed months (月结) as the reports read them: the closing in force, its stored report
with the 已月结 stamp, and the corrections (更正) made to closed months.

Shared by ReportService (a closed month's report is the stored one) and MonthCloseService
(closing, the diff); each function works inside the caller's session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.base import Base
from app.store.models import Case, DatedValue, MonthClose, MonthCorrection, User

from . import splits, stored
from .types import ClosedStamp, CorrectionNote, MonthlyReport, Split

ACTIONS = {"insert": "新增", "update": "修改", "delete": "删除"}

RECORDS = {
    "service_records": "服务记录",
    "case_events": "个案进程",
    "cases": "个案",
    "dated_values": "历史值",
    "client_categories": "服务对象类别",
    "referrals": "转介",
    "activities": "社区活动",
    "visits": "走访",
    "group_sessions": "小组节次",
    "groups": "小组",
    "supervisions": "督导",
    "trainings": "培训",
    "volunteer_services": "志愿服务",
    "resources": "资源链接",
    "satisfaction_surveys": "满意度调查",
}
"""What each watched table (app/store/month_lock.py) holds, as 更正说明 names it."""

_HISTORY_FIELDS = {
    "risk_level": "风险等级",
    "worker_id": "负责社工",
    "village_id": "所在村居",
    "household_id": "家庭",
}


def current(session: Session, station_id: int, month: dt.date) -> MonthClose | None:
    """The closing in force for the station's month (None: the month is open)."""
    return session.scalar(
        select(MonthClose).where(
            MonthClose.station_id == station_id,
            MonthClose.month == month,
            MonthClose.superseded_at.is_(None),
        )
    )


def stamp(session: Session, closing: MonthClose) -> ClosedStamp:
    name = session.scalar(select(User.display_name).where(User.id == closing.created_by_id))
    at = closing.created_at.astimezone().replace(tzinfo=None, microsecond=0)
    return ClosedStamp(closed_by=name or "", closed_at=at, note=closing.note)


def since(session: Session, closing: MonthClose) -> list[MonthCorrection]:
    """The corrections made to the month while this closing was in force."""
    return list(
        session.scalars(
            select(MonthCorrection)
            .where(MonthCorrection.closed_id == closing.id)
            .order_by(MonthCorrection.id)
        )
    )


def count_since(session: Session, closing: MonthClose) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(MonthCorrection)
            .where(MonthCorrection.closed_id == closing.id)
        )
        or 0
    )


def stored_report(session: Session, closing: MonthClose) -> MonthlyReport:
    """The report as it was closed, stamped 已月结 and with the corrections counted since."""
    report = stored.loads(closing.figures)
    return dataclasses.replace(
        report,
        splits=_with_room_placeholder(session, closing.station_id, report.splits),
        closed=stamp(session, closing),
        corrected_since_close=count_since(session, closing),
    )


def _with_room_placeholder(
    session: Session, station_id: int, kept: tuple[Split, ...]
) -> tuple[Split, ...]:
    """A month closed before the 社工室 breakdown existed says so, rather than leaving it
    out silently or counting it now (a closed month is never recomputed)."""
    if any(s.title == splits.ROOM_TITLE for s in kept) or not splits.has_rooms(session, station_id):
        return kept
    at = next((i + 1 for i, s in enumerate(kept) if s.title == "按社工"), len(kept))
    return (*kept[:at], splits.room_placeholder(), *kept[at:])


def entered_in(session: Session, station_id: int, month: dt.date) -> list[MonthCorrection]:
    """Corrections entered during `month` (local dates) to earlier months of the station."""
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    start, end = (_local_midnight(day) for day in (month, following))
    return list(
        session.scalars(
            select(MonthCorrection)
            .where(
                MonthCorrection.station_id == station_id,
                MonthCorrection.created_at >= start,
                MonthCorrection.created_at < end,
                MonthCorrection.month < month,
            )
            .order_by(MonthCorrection.month, MonthCorrection.id)
        )
    )


def notes(session: Session, corrections: list[MonthCorrection]) -> tuple[CorrectionNote, ...]:
    """更正说明 lines: which month, which record, what was done, why, who, entered when."""
    users = _names(session, {c.created_by_id for c in corrections if c.created_by_id})
    return tuple(
        CorrectionNote(
            month=c.month,
            record=describe(session, c),
            what=ACTIONS.get(c.action, c.action),
            reason=c.reason,
            by=users.get(c.created_by_id or 0, ""),
            entered_on=c.created_at.astimezone().date(),
        )
        for c in corrections
    )


def describe(session: Session, correction: MonthCorrection) -> str:
    """ "服务记录 #12（个案 2026-0003，2026-10-20）": enough to find the record again."""
    kind = RECORDS.get(correction.entity, correction.entity)
    details = []
    case_no = _case_no(session, correction)
    if case_no:
        details.append(f"个案 {case_no}")
    field = _history_field(session, correction)
    if field:
        details.append(field)
    details.append(correction.effective_on.isoformat())
    return f"{kind} #{correction.entity_id}（{'，'.join(details)}）"


def _case_no(session: Session, correction: MonthCorrection) -> str:
    model = _model(correction.entity)
    if model is None:
        return ""
    if correction.entity == "cases":
        case_id: int | None = correction.entity_id
    elif hasattr(model, "case_id"):
        row = session.get(model, correction.entity_id)
        case_id = getattr(row, "case_id", None) if row is not None else None
    else:
        return ""
    if case_id is None:
        return ""
    return session.scalar(select(Case.case_no).where(Case.id == case_id)) or ""


def _history_field(session: Session, correction: MonthCorrection) -> str:
    if correction.entity != "dated_values":
        return ""
    row = session.get(DatedValue, correction.entity_id)
    return _HISTORY_FIELDS.get(row.field, row.field) if row is not None else ""


def _model(table: str) -> type[Any] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            return mapper.class_
    return None


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all())


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone(dt.UTC)
