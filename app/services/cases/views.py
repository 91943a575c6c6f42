"""Reading cases: the list, the state the rules need, and the whole case with its timeline."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import case as sql_case
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.case_rules import ClosureStatus, PlanStatus, Stage
from app.domain.codes import CodeList, RiskLevel
from app.domain.errors import NotFound
from app.domain.idnumber import age_on
from app.domain.masking import mask_id
from app.domain.roles import Permission, Role
from app.services.cases import timeline as case_timeline
from app.services.cases.types import (
    AssessmentView,
    CaseDetail,
    CaseQuery,
    CaseRow,
    CaseSort,
    ClosureView,
    CommentView,
    EvaluationView,
    EventView,
    FollowUpView,
    GoalView,
    PlanView,
    RecordView,
    ReferralView,
)
from app.services.context import Actor
from app.services.settings.codes import code_labels
from app.store import search
from app.store.models import (
    Case,
    CaseAssessment,
    CaseClosure,
    CaseComment,
    CaseEvaluation,
    CaseEvent,
    CaseFollowUp,
    CaseGoal,
    CasePlan,
    Client,
    Referral,
    ServiceRecord,
    User,
    Village,
)

_WORKING = [s.value for s in rules.WORKING_STAGES]


def load_case(session: Session, actor: Actor, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.station_id != actor.station_id:
        raise NotFound("找不到该个案，可能已被删除或不属于本站。")
    return case


def owns(actor: Actor, case: Case) -> bool:
    return case.worker_id == actor.user_id


def can_reveal(actor: Actor, case: Case) -> bool:
    """Full ID numbers: heads and admins, and the worker responsible for the case."""
    if actor.can(Permission.REVEAL_ANY):
        return True
    return actor.role is Role.WORKER and owns(actor, case)


def _count(session: Session, model: Any, case_id: int) -> int:
    return session.scalar(select(func.count()).where(model.case_id == case_id)) or 0


def state_of(session: Session, case: Case) -> rules.CaseState:
    plans = list(
        session.scalars(
            select(CasePlan.status).where(CasePlan.case_id == case.id).order_by(CasePlan.id)
        )
    )
    working = [PlanStatus(s) for s in plans if s in ("draft", "submitted", "returned")]
    approved = PlanStatus.APPROVED.value in plans
    plan = working[-1] if working else (PlanStatus.APPROVED if approved else None)
    closure = session.scalar(
        select(CaseClosure.status)
        .where(CaseClosure.case_id == case.id)
        .order_by(CaseClosure.id.desc())
        .limit(1)
    )
    return rules.CaseState(
        stage=Stage(case.stage),
        paused=case.paused,
        urgent=case.urgency == rules.Urgency.URGENT.value,
        assessments=_count(session, CaseAssessment, case.id),
        plan=plan,
        has_approved_plan=approved,
        records=_count(session, ServiceRecord, case.id),
        evaluations=_count(session, CaseEvaluation, case.id),
        closure=ClosureStatus(closure) if closure else None,
        closed_by_referral=case.stage == Stage.REFERRED.value or case.closure_reason == "referred",
        referrals=_count(session, Referral, case.id),
    )


# ---- the list --------------------------------------------------------------------------


def search_ids(session: Session, actor: Actor, query: CaseQuery) -> list[int]:
    stmt = (
        select(Case.id)
        .join(Client, Client.id == Case.client_id)
        .where(Case.station_id == actor.station_id)
    )
    if query.stage:
        stmt = stmt.where(Case.stage == query.stage)
    if query.open_only:
        stmt = stmt.where(Case.stage.in_(_WORKING))
    if query.worker_id is not None:
        stmt = stmt.where(Case.worker_id == query.worker_id)
    if query.risk_level:
        stmt = stmt.where(Case.risk_level == query.risk_level)
    if query.urgency:
        stmt = stmt.where(Case.urgency == query.urgency)
    text = query.text.strip()
    if text:
        # Parts of an ID number only for who may see any full one (see app.domain.masking).
        by_client = search.matching(
            session, text, id_parts=actor.can(Permission.REVEAL_ANY), station_id=actor.station_id
        )
        by_number = Case.case_no.contains(text.upper(), autoescape=True)
        stmt = stmt.where(or_(by_number, by_client) if by_client is not None else by_number)
    return list(session.scalars(_ordered(stmt, query)))


def _ordered(stmt: Any, query: CaseQuery) -> Any:
    def direction(col: Any) -> Any:
        return col.desc() if query.descending else col.asc()

    if query.sort is CaseSort.CASE_NO:
        return stmt.order_by(direction(Case.case_no))
    if query.sort is CaseSort.INTAKE:
        return stmt.order_by(direction(Case.intake_date), direction(Case.id))
    if query.sort is CaseSort.RISK:
        rank = sql_case(
            (Case.risk_level == RiskLevel.HIGH.value, 0),
            (Case.risk_level == RiskLevel.MEDIUM.value, 1),
            else_=2,
        )
        return stmt.order_by(direction(rank), Case.next_contact_date.asc().nulls_last(), Case.id)
    if query.sort is CaseSort.CLIENT:
        return stmt.order_by(direction(Client.name_sort), Case.id)
    if query.sort is CaseSort.WORKER:
        worker = select(User.name_sort).where(User.id == Case.worker_id).scalar_subquery()
        return stmt.order_by(direction(worker), Case.id)
    # Cases still being worked on first, the most pressing contact first.
    working = sql_case((Case.stage.in_(_WORKING), 0), else_=1)
    contact = Case.next_contact_date.desc() if query.descending else Case.next_contact_date.asc()
    return stmt.order_by(working, contact.nulls_last(), Case.id.desc())


def rows(session: Session, actor: Actor, ids: Sequence[int]) -> list[CaseRow]:
    if not ids:
        return []
    stmt = (
        select(Case, Client.name, Client.id_number, Village.name, User.display_name)
        .join(Client, Client.id == Case.client_id)
        .outerjoin(Village, Village.id == Client.village_id)
        .outerjoin(User, User.id == Case.worker_id)
        .where(Case.id.in_(ids), Case.station_id == actor.station_id)
    )
    found = {row[0].id: row for row in session.execute(stmt)}
    result = []
    for cid in ids:
        if cid not in found:
            continue
        c, name, id_number, village, worker = found[cid]
        result.append(
            CaseRow(
                id=c.id,
                case_no=c.case_no,
                client_name=name,
                client_id_masked=mask_id(id_number),
                village=village or "",
                worker=worker or "",
                stage=c.stage,
                stage_label=Stage(c.stage).label,
                paused=c.paused,
                risk_level=c.risk_level,
                urgency=c.urgency,
                intake_date=c.intake_date,
                next_contact_date=c.next_contact_date,
            )
        )
    return result


# ---- one case --------------------------------------------------------------------------


def detail(session: Session, actor: Actor, case: Case, today: dt.date) -> CaseDetail:
    client = session.get_one(Client, case.client_id)
    village = session.get(Village, client.village_id) if client.village_id else None
    names = dict(
        session.execute(
            select(User.id, User.display_name).where(User.station_id == case.station_id)
        ).all()
    )

    def who(user_id: int | None) -> str:
        return names.get(user_id, "") if user_id is not None else ""

    modes = code_labels(session, CodeList.SERVICE_MODE)
    reasons = code_labels(session, CodeList.CLOSURE_REASON)
    sources = code_labels(session, CodeList.CASE_SOURCE)

    def of(model: Any, order: Any) -> list[Any]:
        return list(
            session.scalars(select(model).where(model.case_id == case.id).order_by(order, model.id))
        )

    assessments = tuple(
        AssessmentView(
            a.id,
            a.round,
            a.assessed_on,
            json.loads(a.domains or "{}"),
            a.strengths,
            tuple(json.loads(a.needs or "[]")),
            a.risk_level,
            a.risk_reason,
            who(a.created_by_id),
            case_timeline.local_day(a.created_at),
            a.late_reason,
        )
        for a in of(CaseAssessment, CaseAssessment.assessed_on)
    )
    plans = tuple(_plan_view(session, p, who) for p in of(CasePlan, CasePlan.created_at))
    records = tuple(
        RecordView(
            r.id,
            r.served_on,
            r.start_time,
            r.duration_min,
            r.mode,
            modes.get(r.mode, r.mode),
            r.place,
            r.people_present,
            r.goal_id,
            r.content,
            r.analysis,
            r.next_step,
            r.next_contact_date,
            who(r.worker_id),
            case_timeline.local_day(r.created_at),
            r.late_reason,
        )
        for r in of(ServiceRecord, ServiceRecord.served_on)
    )
    referrals = tuple(
        ReferralView(
            r.id,
            r.version,
            r.agency,
            r.contact,
            r.reason,
            r.consent_given,
            r.sent_on,
            r.status,
            r.feedback,
            r.closes_case,
            case_timeline.local_day(r.created_at),
            r.late_reason,
        )
        for r in of(Referral, Referral.sent_on)
    )
    evaluations = tuple(
        EvaluationView(
            e.id,
            e.evaluated_on,
            e.change_summary,
            e.satisfaction,
            who(e.created_by_id),
            case_timeline.local_day(e.created_at),
            e.late_reason,
        )
        for e in of(CaseEvaluation, CaseEvaluation.evaluated_on)
    )
    closures = tuple(
        ClosureView(
            c.id,
            c.reason,
            reasons.get(c.reason, c.reason),
            c.summary,
            c.follow_up_plan,
            c.follow_up_until,
            c.status,
            (c.submitted_at or c.created_at).date(),
            who(c.reviewed_by_id),
            c.reviewed_at,
            c.review_comment,
        )
        for c in of(CaseClosure, CaseClosure.created_at)
    )
    follow_ups = tuple(
        FollowUpView(
            f.id,
            f.contacted_on,
            f.mode,
            f.result,
            f.plan_done,
            who(f.created_by_id),
            case_timeline.local_day(f.created_at),
            f.late_reason,
        )
        for f in of(CaseFollowUp, CaseFollowUp.contacted_on)
    )
    events = tuple(
        EventView(
            e.id,
            e.kind,
            e.from_value,
            e.to_value,
            e.reason,
            e.happened_on,
            who(e.created_by_id),
            case_timeline.local_day(e.created_at),
            e.late_reason,
        )
        for e in of(CaseEvent, CaseEvent.happened_on)
    )
    comments = tuple(
        CommentView(c.id, c.body, who(c.author_id), c.created_at.date())
        for c in of(CaseComment, CaseComment.created_at)
    )
    state = state_of(session, case)
    own = owns(actor, case)
    return CaseDetail(
        id=case.id,
        version=case.version,
        case_no=case.case_no,
        client_id=client.id,
        client_name=client.name,
        client_sex=client.sex,
        client_age=age_on(client.birth_date, today) if client.birth_date else None,
        client_id_masked=mask_id(client.id_number),
        client_village=village.name if village else "",
        client_address=client.address,
        worker_id=case.worker_id,
        worker=who(case.worker_id),
        intake_date=case.intake_date,
        source=case.source,
        source_label=sources.get(case.source, case.source),
        referrer=case.referrer,
        presenting_problem=case.presenting_problem,
        decision=case.decision,
        decision_reason=case.decision_reason,
        risk_level=case.risk_level,
        urgency=case.urgency,
        stage=case.stage,
        stage_label=Stage(case.stage).label,
        paused=case.paused,
        locked=Stage(case.stage).locked,
        next_contact_date=case.next_contact_date,
        closed_on=case.closed_on,
        closure_reason=case.closure_reason,
        consent_exemption=case.consent_exemption,
        consent_note=case.consent_note,
        assessments=assessments,
        plans=plans,
        records=records,
        referrals=referrals,
        evaluations=evaluations,
        closures=closures,
        follow_ups=follow_ups,
        events=events,
        comments=comments,
        timeline=case_timeline.timeline(
            assessments,
            plans,
            records,
            referrals,
            evaluations,
            closures,
            follow_ups,
            events,
            comments,
        ),
        actions=tuple(a.value for a in rules.available(state, actor.role, own_case=own)),
        can_reveal=can_reveal(actor, case),
    )


def _plan_view(session: Session, p: CasePlan, who: Any) -> PlanView:
    goals = tuple(
        GoalView(
            g.id,
            g.seq,
            g.goal,
            g.measures,
            g.actions,
            g.who,
            g.due_date,
            g.attainment,
            g.pre_score,
            g.post_score,
        )
        for g in session.scalars(
            select(CaseGoal).where(CaseGoal.plan_id == p.id).order_by(CaseGoal.seq, CaseGoal.id)
        )
    )
    return PlanView(
        p.id, p.version, p.overall_goal, p.status, p.review_due, p.created_at.date(),
        p.submitted_at, who(p.reviewed_by_id), p.reviewed_at, p.review_comment, goals,
    )  # fmt: skip
