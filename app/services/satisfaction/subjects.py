"""What a survey is about: a closed case, an ended group (at its last session) or an
activity, of the actor's station; when a survey of it may be dated from; its label."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.case_rules import Stage
from app.domain.errors import InvalidInput, NotFound
from app.domain.satisfaction import Subject
from app.store.models import Activity, Case, Group, GroupSession

CLOSED = (Stage.CLOSURE.value, Stage.FOLLOW_UP.value)
"""结案 and 跟进中: a case that was served to its end (不接案/已转介 were not)."""


@dataclass(frozen=True)
class Found:
    label: str
    earliest: dt.date | None
    why_not: str
    """Empty when a survey may be recorded now."""


def find(session: Session, station_id: int, subject: Subject, subject_id: int) -> Found:
    if subject is Subject.CASE:
        return _case(session, station_id, subject_id)
    if subject is Subject.GROUP:
        return _group(session, station_id, subject_id)
    return _activity(session, station_id, subject_id)


def checked(session: Session, station_id: int, subject: Subject, subject_id: int) -> Found:
    found = find(session, station_id, subject, subject_id)
    if found.why_not:
        raise InvalidInput(found.why_not, field="subject")
    return found


def _case(session: Session, station_id: int, case_id: int) -> Found:
    case = session.get(Case, case_id)
    if case is None or case.station_id != station_id:
        raise NotFound("这个个案不存在或已被删除。")
    if case.stage not in CLOSED:
        return Found(case.case_no, None, "个案结案后才能做满意度调查。")
    return Found(case.case_no, case.closed_on, "")


def _group(session: Session, station_id: int, group_id: int) -> Found:
    group = session.get(Group, group_id)
    if group is None or group.station_id != station_id:
        raise NotFound("这个小组不存在或已被删除。")
    last = session.scalar(
        select(func.max(GroupSession.held_on)).where(GroupSession.group_id == group_id)
    )
    if last is None:
        return Found(group.name, None, "小组还没有开展活动，最后一节结束后才能做满意度调查。")
    return Found(group.name, last, "")


def _activity(session: Session, station_id: int, activity_id: int) -> Found:
    activity = session.get(Activity, activity_id)
    if activity is None or activity.station_id != station_id:
        raise NotFound("这场社区活动不存在或已被删除。")
    return Found(f"{activity.title}（{activity.held_on:%Y-%m-%d}）", activity.held_on, "")
