"""The monthly report's satisfaction section (满意度): rate, mean score of each item, and
the surveys by kind of service, counted by each survey's 调查日期 (发生日期)."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.satisfaction import (
    OVERALL,
    SURVEY_ITEMS,
    Respondent,
    Subject,
    average,
    is_satisfied,
    rate,
)
from app.exports.report_model import SatisfactionScore, SatisfactionSubject, SatisfactionSummary
from app.store.models import SatisfactionSurvey

from .scope import own


def summary(
    session: Session, station_id: int, first: dt.date, last: dt.date, worker_id: int | None
) -> SatisfactionSummary:
    rows = session.execute(
        select(
            SatisfactionSurvey.case_id,
            SatisfactionSurvey.group_id,
            SatisfactionSurvey.respondent,
            SatisfactionSurvey.scores,
        ).where(
            SatisfactionSurvey.station_id == station_id,
            SatisfactionSurvey.surveyed_on.between(first, last),
            *own(SatisfactionSurvey, worker_id),
        )
    ).all()
    answered: list[tuple[Subject, dict[str, int]]] = []
    counts = dict.fromkeys(Subject, 0)
    for case_id, group_id, respondent, text in rows:
        subject = Subject.CASE if case_id else Subject.GROUP if group_id else Subject.ACTIVITY
        counts[subject] += 1
        if respondent != Respondent.NONE.value:
            answered.append((subject, json.loads(text or "{}")))
    satisfied = sum(1 for _, s in answered if is_satisfied(s.get(OVERALL)))
    means: list[SatisfactionScore] = []
    for item in SURVEY_ITEMS:
        given = [s[item.key] for _, s in answered if item.key in s]
        means.append(SatisfactionScore(item.label, average(sum(given), len(given)), len(given)))
    by_subject = []
    for subject in Subject:
        mine = [s for kind, s in answered if kind is subject]
        happy = sum(1 for s in mine if is_satisfied(s.get(OVERALL)))
        by_subject.append(
            SatisfactionSubject(
                subject.label, counts[subject], len(mine), happy, rate(happy, len(mine))
            )
        )
    return SatisfactionSummary(
        surveys=len(rows),
        answered=len(answered),
        satisfied=satisfied,
        rate=rate(satisfied, len(answered)),
        scores=tuple(means),
        by_subject=tuple(by_subject),
    )
