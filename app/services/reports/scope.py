"""Whose work a report counts: the whole station, or one social worker's own (a worker's
reports show their own work only, as the roles table says).

`own(model, worker_id)` gives the extra conditions that keep a model's rows to that
worker's: their cases and what hangs off them, the records they made, the groups they
facilitate, the supervision and training they took part in.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import aliased

from app.services import history
from app.store.models import (
    Activity,
    Case,
    CaseEvent,
    Group,
    GroupFacilitator,
    GroupSession,
    Referral,
    Resource,
    SatisfactionSurvey,
    ServiceRecord,
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    Visit,
    VolunteerService,
)


def own(model: Any, worker_id: int | None, day: Any = None) -> list[ColumnElement[bool]]:
    """A case is the worker's while they are responsible for it (dated history): a case on
    `day` (its intake date when none is given), a case event or referral on its own date."""
    if worker_id is None:
        return []
    me = str(worker_id)
    cases = select(Case.id).where(Case.worker_id == worker_id)
    groups = select(GroupFacilitator.group_id).where(GroupFacilitator.user_id == worker_id)
    if model is Case:
        on = Case.intake_date if day is None else day
        return [history.in_force("case", "worker_id", Case.id, on, Case.worker_id) == me]
    if model in (ServiceRecord, Activity, Visit):
        return [model.worker_id == worker_id]
    if model in (CaseEvent, Referral):
        on = CaseEvent.happened_on if model is CaseEvent else Referral.sent_on
        # An alias: the outer query may join cases itself.
        its = aliased(Case)
        current = select(its.worker_id).where(its.id == model.case_id).scalar_subquery()
        return [history.in_force("case", "worker_id", model.case_id, on, current) == me]
    if model is Group:
        return [Group.id.in_(groups)]
    if model is GroupSession:
        return [GroupSession.group_id.in_(groups)]
    if model is VolunteerService:
        activities = select(Activity.id).where(Activity.worker_id == worker_id)
        sessions = select(GroupSession.id).where(GroupSession.group_id.in_(groups))
        return [
            or_(
                VolunteerService.case_id.in_(cases),
                VolunteerService.activity_id.in_(activities),
                VolunteerService.session_id.in_(sessions),
            )
        ]
    if model is SatisfactionSurvey:
        activities = select(Activity.id).where(Activity.worker_id == worker_id)
        return [
            or_(
                SatisfactionSurvey.case_id.in_(cases),
                SatisfactionSurvey.group_id.in_(groups),
                SatisfactionSurvey.activity_id.in_(activities),
            )
        ]
    if model is Resource:
        return [Resource.created_by_id == worker_id]
    if model is Supervision:
        taken = select(SupervisionSupervisee.supervision_id).where(
            SupervisionSupervisee.user_id == worker_id
        )
        return [Supervision.id.in_(taken)]
    if model is Training:
        taken = select(TrainingParticipant.training_id).where(
            TrainingParticipant.user_id == worker_id
        )
        return [Training.id.in_(taken)]
    raise ValueError(f"no worker scope for {model!r}")
