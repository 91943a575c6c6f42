"""The demo station's worker assessments (社工考核) of last quarter, so 考核 has something
to show: every social worker scored as a draft, the first one confirmed with the figures
stored as the head would have confirmed them."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy.orm import Session

from app.domain import assessment as rules
from app.exports.assessment_model import figures_json
from app.services.assessment import figures as counting
from app.services.assessment import scheme as schemes
from app.services.context import Actor
from app.services.staff.training_hours import read_targets
from app.store.models import WorkerAssessment

COMMENTS = (
    "本季度个案跟进及时，档案记录完整，能主动与村委沟通资源。下季度请加强小组工作的策划。",
    "服务态度好，老人认可度高；补录偏多，请当天录入服务记录。",
    "能独立完成个案评估，团队协作积极；建议参加一次个案督导，提升介入计划的针对性。",
)
ITEM_COMMENTS = {"records": "个别记录补录，注意及时录入。", "attitude": "服务对象反馈好。"}


def add_assessments(session: Session, actor: Actor, today: dt.date) -> int:
    """Last quarter's assessments of the actor's station; returns how many were added."""
    period = rules.period_of(rules.QUARTER, today).previous()
    scheme = schemes.read(session, actor.station_id)
    targets = read_targets(session, actor.station_id, today)
    workers = counting.station_workers(session, actor.station_id)
    for index, worker in enumerate(workers):
        scores = [
            {"key": item.key, "label": item.label,
             "score": max(1, scheme.scale - (index + n) % 3), "scale": scheme.scale,
             "comment": ITEM_COMMENTS.get(item.key, "") if (index + n) % 2 == 0 else ""}
            for n, item in enumerate(scheme.items)
        ]  # fmt: skip
        row = WorkerAssessment(
            station_id=actor.station_id, worker_id=worker.id, period=period.code,
            period_first=period.first, period_last=period.last,
            scores=json.dumps(scores, ensure_ascii=False),
            comment=COMMENTS[index % len(COMMENTS)], status=rules.DRAFT,
            created_by_id=actor.user_id, updated_by_id=actor.user_id,
        )  # fmt: skip
        if index == 0:
            scope = counting.Scope(
                actor.station_id, worker, period.first, period.last, scheme.late_days, targets
            )
            row.figures = figures_json(counting.compute(session, scope))
            row.status = rules.CONFIRMED
            row.confirmed_at = dt.datetime.combine(
                period.last + dt.timedelta(days=5), dt.time(10)
            ).astimezone(dt.UTC)
            row.confirmed_by_id = actor.user_id
        session.add(row)
    session.flush()
    return len(workers)
