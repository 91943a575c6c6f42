"""Per-service satisfaction surveys (满意度调查): record, list and delete.

Any role that serves clients records them (`EDIT_CLIENTS`); a survey is dated by its
发生日期, not before its subject's end (the case's closure, the group's last session, the
activity), and counts in the monthly report of that month (a closed month's lock guards it).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.domain.errors import NotFound
from app.domain.roles import Permission
from app.domain.satisfaction import OVERALL, Respondent, Subject, checked_scores
from app.services import history
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.models import SatisfactionSurvey, User

from . import subjects
from .types import ImportResult, SubjectState, SurveyInput, SurveyView

ENTITY = "satisfaction_survey"


@logs_refusals(ENTITY)
class SurveyService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def today(self) -> dt.date:
        return self._db.clock.today()

    @property
    def can_record(self) -> bool:
        return self._actor.can(Permission.EDIT_CLIENTS)

    def state(self, subject: Subject, subject_id: int) -> SubjectState:
        """Whether a survey of it may be recorded, and the surveys it has."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            found = subjects.find(session, self._actor.station_id, subject, subject_id)
            rows = session.scalars(
                select(SatisfactionSurvey)
                .where(_column(subject) == subject_id)
                .order_by(SatisfactionSurvey.surveyed_on, SatisfactionSurvey.id)
            ).all()
            views = tuple(_view(session, r, subject, subject_id, found.label) for r in rows)
        return SubjectState(not found.why_not, found.why_not, found.earliest, views)

    def record(self, data: SurveyInput) -> Changes:
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.write() as session:
            survey = add(session, self._actor, data, today=self._db.clock.today())
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=survey.id,
                subject=data.subject.value, subject_id=data.subject_id,
                respondent=data.respondent.value,
            )  # fmt: skip
        return Changes.of(ENTITY, data.subject.value, ids=(survey.id,))

    def write_template(self, path: Path) -> Path:
        """The sheet to fill in (满意度调查导入模板)."""
        from .survey_import import write_template

        return write_template(path)

    def import_sheet(self, path: Path) -> ImportResult:
        """All rows of a filled-in template, or none (each bad row listed)."""
        from .survey_import import import_file

        self._actor.require(Permission.EDIT_CLIENTS)
        return import_file(self._db, self._actor, path)

    def delete(self, survey_id: int) -> Changes:
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.write() as session:
            survey = session.get(SatisfactionSurvey, survey_id)
            if survey is None or survey.station_id != self._actor.station_id:
                raise NotFound("这份满意度调查不存在或已被删除。")
            session.delete(survey)
            audit.record(session, self._actor, "delete", entity=ENTITY, entity_id=survey_id)
        return Changes.of(ENTITY, ids=(survey_id,))


def add(
    session: Session, actor: Actor, data: SurveyInput, *, today: dt.date, late_ok: bool = False
) -> SatisfactionSurvey:
    """Check and add one survey in `session` (the import adds many in one transaction).

    `late_ok`: an imported sheet is a 补录 by nature; its rows need no reason each.
    """
    found = subjects.checked(session, actor.station_id, data.subject, data.subject_id)
    when = data.when
    if late_ok and not when.late_reason:
        when = history.When(when.on, "从表格导入")
    day = history.effective_day(
        session, actor.station_id, when, today, not_before=found.earliest,
        after_what="结案、小组最后一节或活动的日期", noun="调查日期",
    )  # fmt: skip
    scores = checked_scores(data.respondent, data.scores, data.reason)
    survey = SatisfactionSurvey(
        station_id=actor.station_id,
        created_by_id=actor.user_id,
        updated_by_id=actor.user_id,
        surveyed_on=day,
        respondent=data.respondent.value,
        scores=json.dumps(scores, sort_keys=True),
        overall=scores.get(OVERALL),
        reason=data.reason.strip() if data.respondent is Respondent.NONE else "",
        note=data.note.strip(),
        **{_column(data.subject).key: data.subject_id},
    )
    session.add(survey)
    session.flush()
    return survey


def _column(subject: Subject) -> InstrumentedAttribute[int | None]:
    return {
        Subject.CASE: SatisfactionSurvey.case_id,
        Subject.GROUP: SatisfactionSurvey.group_id,
        Subject.ACTIVITY: SatisfactionSurvey.activity_id,
    }[subject]


def _view(
    session: Session, row: SatisfactionSurvey, subject: Subject, subject_id: int, label: str
) -> SurveyView:
    author = session.get(User, row.created_by_id) if row.created_by_id else None
    return SurveyView(
        id=row.id,
        subject=subject,
        subject_id=subject_id,
        subject_label=label,
        surveyed_on=row.surveyed_on,
        respondent=Respondent(row.respondent),
        scores=json.loads(row.scores or "{}"),
        overall=row.overall,
        reason=row.reason,
        note=row.note,
        recorded_by=author.display_name if author else "",
    )
