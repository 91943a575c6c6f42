"""The working stages of a case: assessment, plan and its approval, service records,
referrals, evaluation and follow-up after closure."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.case_rules import Action, Attainment, PlanStatus, ReferralStatus
from app.domain.codes import CodeList, RiskLevel
from app.domain.errors import InvalidInput
from app.services import history
from app.services.cases import views as case_views
from app.services.cases.base import CaseServiceBase
from app.services.cases.types import (
    AssessmentInput,
    CaseSaved,
    EvaluationInput,
    FollowUpInput,
    GoalInput,
    PlanInput,
    ReferralInput,
    ServiceRecordInput,
)
from app.services.concurrency import check_version
from app.services.history import NOW, When
from app.services.rooms import lookup as rooms
from app.store.models import (
    Case,
    CaseAssessment,
    CaseClosure,
    CaseEvaluation,
    CaseFollowUp,
    CaseGoal,
    CasePlan,
    Referral,
    ServiceRecord,
)

_DOMAINS = dict(rules.ASSESSMENT_DOMAINS)
_MAX_MINUTES = 24 * 60


class CaseSteps(CaseServiceBase):
    # ---- 预估 -------------------------------------------------------------------------

    def add_assessment(self, case_id: int, *, version: int, data: AssessmentInput) -> CaseSaved:
        """A round of assessment; a changed risk level needs a reason and is kept as history."""
        unknown = [d for d in data.domains if d not in _DOMAINS]
        if unknown:
            raise InvalidInput(f"未知的预估领域：{'、'.join(unknown)}。", field="domains")
        if data.risk_level not in {r.value for r in RiskLevel}:
            raise InvalidInput("风险等级只能是高、中、低。", field="risk_level")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.ASSESS)
            self._record_day(session, case, data.assessed_on, data.late_reason, "预估日期")
            last = session.scalar(
                select(func.max(CaseAssessment.assessed_on)).where(
                    CaseAssessment.case_id == case.id
                )
            )
            # Rounds are numbered in time order, so a round cannot be dated before the last one.
            if last is not None and data.assessed_on < last:
                raise InvalidInput(
                    f"预估日期不能早于上一次预估（{last.isoformat()}）。", field="assessed_on"
                )
            reason = data.risk_reason.strip()
            risk: dict[str, Any] = {}
            if data.risk_level != case.risk_level:
                risk = {"risk_level": {"before": case.risk_level, "after": data.risk_level}}
                if not reason:
                    before, after = (
                        RiskLevel(case.risk_level).label,
                        RiskLevel(data.risk_level).label,
                    )
                    raise InvalidInput(
                        f"风险等级从{before}调整为{after}，请填写调整原因。", field="risk_reason"
                    )
                self._event(
                    session, case, "risk", case.risk_level, data.risk_level, reason,
                    on=data.assessed_on, late_reason=data.late_reason,
                )  # fmt: skip
                self._set_history(
                    session,
                    case,
                    "risk_level",
                    data.risk_level,
                    data.assessed_on,
                    reason,
                    data.late_reason,
                )
                case.risk_level = data.risk_level
                self._pull_next_contact(case, data.assessed_on)
            row = CaseAssessment(
                station_id=case.station_id, case_id=case.id, assessed_on=data.assessed_on,
                round=state.assessments + 1,
                domains=json.dumps({k: v.strip() for k, v in data.domains.items() if v.strip()},
                                   ensure_ascii=False),
                strengths=data.strengths.strip(),
                needs=json.dumps([n.strip() for n in data.needs if n.strip()], ensure_ascii=False),
                risk_level=data.risk_level, risk_reason=reason,
                late_reason=data.late_reason.strip(),
                created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(row)
            session.flush()
            return self._finish(
                session, case, Action.ASSESS, state, row.id, round=row.round,
                on=data.assessed_on, late_reason=data.late_reason, **risk,
            )  # fmt: skip

    def _pull_next_contact(self, case: Case, since: dt.date) -> None:
        """A higher risk or urgency brings the next contact forward, never back."""
        due = since + dt.timedelta(days=rules.contact_interval(case.risk_level, case.urgency))
        if case.next_contact_date is None or due < case.next_contact_date:
            case.next_contact_date = due

    # ---- 计划 -------------------------------------------------------------------------

    def save_plan(
        self, case_id: int, *, version: int, data: PlanInput, when: When = NOW
    ) -> CaseSaved:
        """Save the plan being worked on (draft or returned), or start a new revision;
        `when` dates the move into the plan stage (a plan written on paper earlier)."""
        overall = data.overall_goal.strip()
        if not overall:
            raise InvalidInput("请填写服务计划的总目标。", field="overall_goal")
        goals = [g for g in data.goals if g.goal.strip()]
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.SAVE_PLAN)
            day = self._day(session, case, when, "计划日期")
            plan = self._working_plan(session, case)
            if plan is None:
                plan = CasePlan(
                    station_id=case.station_id, case_id=case.id,
                    status=PlanStatus.DRAFT.value, created_by_id=self._actor.user_id,
                )  # fmt: skip
                session.add(plan)
            plan.overall_goal = overall
            plan.review_due = data.review_due
            plan.updated_by_id = self._actor.user_id
            session.flush()
            self._set_goals(session, plan, goals)
            return self._finish(
                session, case, Action.SAVE_PLAN, state, plan.id, on=day,
                late_reason=when.late_reason,
            )  # fmt: skip

    def _working_plan(self, session: Session, case: Case) -> CasePlan | None:
        return session.scalars(
            select(CasePlan)
            .where(
                CasePlan.case_id == case.id,
                CasePlan.status.in_([PlanStatus.DRAFT.value, PlanStatus.RETURNED.value]),
            )
            .order_by(CasePlan.id.desc())
        ).first()

    def _set_goals(self, session: Session, plan: CasePlan, goals: list[GoalInput]) -> None:
        """Goals are kept by position, so service records that name a goal keep pointing at it."""
        existing = list(
            session.scalars(
                select(CaseGoal).where(CaseGoal.plan_id == plan.id).order_by(CaseGoal.seq)
            )
        )
        for seq, data in enumerate(goals, 1):
            goal = existing[seq - 1] if seq <= len(existing) else None
            if goal is None:
                goal = CaseGoal(
                    station_id=plan.station_id, plan_id=plan.id, seq=seq,
                    created_by_id=self._actor.user_id,
                )  # fmt: skip
                session.add(goal)
            goal.goal, goal.measures = data.goal.strip(), data.measures.strip()
            goal.actions, goal.who, goal.due_date = (
                data.actions.strip(),
                data.who.strip(),
                data.due_date,
            )
            goal.updated_by_id = self._actor.user_id
        for goal in existing[len(goals) :]:
            session.execute(
                update(ServiceRecord).where(ServiceRecord.goal_id == goal.id).values(goal_id=None)
            )
            session.delete(goal)

    def submit_plan(self, case_id: int, *, version: int, when: When = NOW) -> CaseSaved:
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.SUBMIT_PLAN)
            day = self._day(session, case, when, "提交日期")
            plan = self._working_plan(session, case) or self._missing("服务计划")
            goals = session.scalar(select(func.count()).where(CaseGoal.plan_id == plan.id))
            if not goals:
                raise InvalidInput("服务计划至少需要一个具体目标，才能提交审批。", field="goals")
            plan.status = PlanStatus.SUBMITTED.value
            plan.submitted_at = self._db.clock.now()
            plan.updated_by_id = self._actor.user_id
            return self._finish(
                session, case, Action.SUBMIT_PLAN, state, plan.id, on=day,
                late_reason=when.late_reason,
            )  # fmt: skip

    def approve_plan(
        self, case_id: int, *, version: int, comment: str = "", when: When = NOW
    ) -> CaseSaved:
        """The station head approves (on paper, maybe days before it is typed in: `when`);
        an earlier approved plan is superseded by this one."""
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.APPROVE_PLAN)
            day = self._day(session, case, when, "批准日期")
            plan = self._submitted_plan(session, case)
            for old in session.scalars(
                select(CasePlan).where(
                    CasePlan.case_id == case.id, CasePlan.status == PlanStatus.APPROVED.value
                )
            ):
                old.status = PlanStatus.SUPERSEDED.value
                old.updated_by_id = self._actor.user_id
            self._review(plan, PlanStatus.APPROVED.value, comment, day)
            return self._finish(
                session, case, Action.APPROVE_PLAN, state, plan.id, on=day,
                late_reason=when.late_reason,
            )  # fmt: skip

    def return_plan(
        self, case_id: int, *, version: int, comment: str, when: When = NOW
    ) -> CaseSaved:
        if not comment.strip():
            raise InvalidInput("退回时请写明需要修改的地方。", field="comment")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.RETURN_PLAN)
            day = self._day(session, case, when, "退回日期")
            plan = self._submitted_plan(session, case)
            self._review(plan, PlanStatus.RETURNED.value, comment, day)
            return self._finish(session, case, Action.RETURN_PLAN, state, plan.id)

    def _submitted_plan(self, session: Session, case: Case) -> CasePlan:
        return session.scalars(
            select(CasePlan).where(
                CasePlan.case_id == case.id, CasePlan.status == PlanStatus.SUBMITTED.value
            )
        ).first() or self._missing("服务计划")

    # ---- 介入 -------------------------------------------------------------------------

    def add_service_record(
        self, case_id: int, *, version: int, data: ServiceRecordInput
    ) -> CaseSaved:
        """A contact with the client; it sets the case's next contact date."""
        if not 0 <= data.duration_min <= _MAX_MINUTES:
            raise InvalidInput("服务时长应在0到1440分钟之间。", field="duration_min")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.ADD_RECORD)
            self._check_code(session, CodeList.SERVICE_MODE, data.mode, "服务方式", "mode")
            if not data.mode:
                raise InvalidInput("请选择服务方式。", field="mode")
            self._record_day(session, case, data.served_on, data.late_reason, "服务日期")
            if data.next_contact_date is not None and data.next_contact_date < data.served_on:
                raise InvalidInput("下次联系日期不能早于服务日期。", field="next_contact_date")
            if data.goal_id is not None:
                self._check_goal(session, case, data.goal_id)
            record = ServiceRecord(
                station_id=case.station_id, case_id=case.id, client_id=case.client_id,
                worker_id=self._actor.user_id, served_on=data.served_on,
                start_time=data.start_time, duration_min=data.duration_min, mode=data.mode,
                place=data.place.strip(), people_present=data.people_present.strip(),
                goal_id=data.goal_id, content=data.content.strip(),
                analysis=data.analysis.strip(), next_step=data.next_step.strip(),
                next_contact_date=data.next_contact_date, late_reason=data.late_reason.strip(),
                room_id=rooms.resolve(
                    session, case.station_id, self._actor.user_id, data.served_on, data.room_id
                ),
                created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(record)
            session.flush()
            latest = session.scalar(
                select(func.max(ServiceRecord.served_on)).where(ServiceRecord.case_id == case.id)
            )
            # A record typed in late for an earlier day does not move the schedule back.
            if latest == data.served_on:
                case.next_contact_date = data.next_contact_date or data.served_on + dt.timedelta(
                    days=rules.contact_interval(case.risk_level, case.urgency)
                )
            return self._finish(
                session, case, Action.ADD_RECORD, state, record.id, on=data.served_on,
                late_reason=data.late_reason,
            )  # fmt: skip

    def _check_goal(self, session: Session, case: Case, goal_id: int) -> CaseGoal:
        goal = session.get(CaseGoal, goal_id)
        plan = session.get(CasePlan, goal.plan_id) if goal else None
        if goal is None or plan is None or plan.case_id != case.id:
            raise InvalidInput("所选目标不属于本个案的服务计划。", field="goal_id")
        return goal

    # ---- 转介 -------------------------------------------------------------------------

    def add_referral(self, case_id: int, *, version: int, data: ReferralInput) -> CaseSaved:
        """A referral; one that ends the case also files a closure request for the head."""
        if data.closes_case and not data.reason.strip():
            raise InvalidInput("转介结案时请填写转介原因。", field="reason")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.ADD_REFERRAL)
            if data.closes_case:
                rules.check(state, Action.SUBMIT_CLOSURE, closure_reason="referred")
            referral = self._add_referral_row(session, case, data)
            if data.closes_case:
                session.add(
                    CaseClosure(
                        station_id=case.station_id,
                        case_id=case.id,
                        reason="referred",
                        summary=f"转介至{referral.agency}：{referral.reason}",
                        status=rules.ClosureStatus.SUBMITTED.value,
                        submitted_at=self._db.clock.now(),
                        created_by_id=self._actor.user_id,
                        updated_by_id=self._actor.user_id,
                    )
                )
            return self._finish(
                session, case, Action.ADD_REFERRAL, state, referral.id, on=data.sent_on,
                late_reason=data.late_reason,
            )  # fmt: skip

    def update_referral(
        self,
        referral_id: int,
        *,
        version: int,
        status: str,
        feedback: str = "",
        when: When = NOW,
    ) -> CaseSaved:
        """The referral's progress; allowed after closure when the referral closed the case."""
        if status not in {s.value for s in ReferralStatus}:
            raise InvalidInput("转介状态只能是已转出、已接收、已反馈或未接收。", field="status")
        with self._db.write() as session:
            referral = session.get(Referral, referral_id)
            if referral is None or referral.case_id is None:
                self._missing("转介记录")
            case = case_views.load_case(session, self._actor, referral.case_id)
            self._permit(session, case, Action.UPDATE_REFERRAL)
            check_version(referral, version, "转介记录", session)
            state = case_views.state_of(session, case)
            rules.check(state, Action.UPDATE_REFERRAL)
            if status != referral.status:
                referral.status_on = history.effective_day(
                    session, case.station_id, when, self.today, noun="状态变更日期",
                    not_before=referral.status_on or referral.sent_on, after_what="上一次状态变更",
                )  # fmt: skip
            referral.status = status
            referral.feedback = feedback.strip()
            referral.updated_by_id = self._actor.user_id
            session.flush()
            return self._finish(
                session, case, Action.UPDATE_REFERRAL, state, referral.id, status=status
            )

    # ---- 评估 -------------------------------------------------------------------------

    def add_evaluation(self, case_id: int, *, version: int, data: EvaluationInput) -> CaseSaved:
        """Per-goal attainment, the change seen and the client's satisfaction (1–5)."""
        if data.satisfaction is not None and not 1 <= data.satisfaction <= 5:
            raise InvalidInput("满意度应为1到5分。", field="satisfaction")
        attainments = {a.value for a in Attainment}
        if any(g.attainment not in attainments for g in data.goals):
            raise InvalidInput("目标达成情况只能是达成、部分达成或未达成。", field="goals")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.EVALUATE)
            self._record_day(session, case, data.evaluated_on, data.late_reason, "评估日期")
            for result in data.goals:
                goal = self._check_goal(session, case, result.goal_id)
                goal.attainment = result.attainment
                goal.pre_score, goal.post_score = (
                    result.pre_score.strip(),
                    result.post_score.strip(),
                )
                goal.updated_by_id = self._actor.user_id
            row = CaseEvaluation(
                station_id=case.station_id, case_id=case.id, evaluated_on=data.evaluated_on,
                change_summary=data.change_summary.strip(), satisfaction=data.satisfaction,
                late_reason=data.late_reason.strip(),
                created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(row)
            session.flush()
            return self._finish(
                session, case, Action.EVALUATE, state, row.id, on=data.evaluated_on,
                late_reason=data.late_reason,
            )  # fmt: skip

    # ---- 跟进 -------------------------------------------------------------------------

    def add_follow_up(self, case_id: int, *, version: int, data: FollowUpInput) -> CaseSaved:
        """A contact after closure; marking the plan done ends 跟进中."""
        if not data.result.strip():
            raise InvalidInput("请填写跟进结果。", field="result")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.FOLLOW_UP)
            self._record_day(session, case, data.contacted_on, data.late_reason, "跟进日期")
            self._check_code(session, CodeList.SERVICE_MODE, data.mode, "跟进方式", "mode")
            row = CaseFollowUp(
                station_id=case.station_id, case_id=case.id, contacted_on=data.contacted_on,
                mode=data.mode, result=data.result.strip(), plan_done=data.plan_done,
                late_reason=data.late_reason.strip(),
                created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(row)
            session.flush()
            if data.plan_done:
                case.next_contact_date = None
            elif data.next_contact_date is not None:
                case.next_contact_date = data.next_contact_date
            return self._finish(
                session, case, Action.FOLLOW_UP, state, row.id, follow_up=not data.plan_done,
                on=data.contacted_on, late_reason=data.late_reason,
            )  # fmt: skip
