"""The stage machine of case work (个案, MZ/T 094-2017) and its vocabularies.

接案 → 预估 → 计划 → 介入 → 评估 → 结案 → 跟进, with the side exits 不接案, 转介 and 暂停.
`check` says whether an action may happen in a state and, when not, names the missing
step in Chinese. Who may do it (role, own case) is `permitted`; the services ask both.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.domain.codes import RiskLevel
from app.domain.errors import AppError
from app.domain.roles import Permission, Role, allows


class NotAllowedNow(AppError):
    """The case is not at a stage where this can be done; the message names what is missing."""


class Stage(enum.StrEnum):
    INTAKE = "intake"
    ASSESSMENT = "assessment"
    PLAN = "plan"
    INTERVENTION = "intervention"
    EVALUATION = "evaluation"
    CLOSURE = "closure"
    FOLLOW_UP = "follow_up"
    DECLINED = "declined"
    REFERRED = "referred"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]

    @property
    def locked(self) -> bool:
        """Closed one way or another: read-only until the station head reopens it."""
        return self in LOCKED_STAGES

    @property
    def order(self) -> int:
        return list(Stage).index(self)


STAGE_LABELS: dict[Stage, str] = {
    Stage.INTAKE: "接案",
    Stage.ASSESSMENT: "预估",
    Stage.PLAN: "计划",
    Stage.INTERVENTION: "介入",
    Stage.EVALUATION: "评估",
    Stage.CLOSURE: "已结案",
    Stage.FOLLOW_UP: "跟进中",
    Stage.DECLINED: "不接案",
    Stage.REFERRED: "已转介",
}
LOCKED_STAGES = frozenset({Stage.CLOSURE, Stage.FOLLOW_UP, Stage.DECLINED, Stage.REFERRED})
WORKING_STAGES = (
    Stage.INTAKE,
    Stage.ASSESSMENT,
    Stage.PLAN,
    Stage.INTERVENTION,
    Stage.EVALUATION,
)


class Urgency(enum.StrEnum):
    URGENT = "urgent"
    PRIORITY = "priority"
    NORMAL = "normal"

    @property
    def label(self) -> str:
        return {"urgent": "紧急", "priority": "优先", "normal": "一般"}[self.value]


class Decision(enum.StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    REFER = "refer"

    @property
    def label(self) -> str:
        return {"accept": "接案", "decline": "不接案", "refer": "转介"}[self.value]


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    SUPERSEDED = "superseded"
    """An approved plan replaced by a later approved revision."""

    @property
    def label(self) -> str:
        return {
            "draft": "草稿",
            "submitted": "待审批",
            "approved": "已批准",
            "returned": "已退回",
            "superseded": "已被新计划替代",
        }[self.value]


class ClosureStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    REOPENED = "reopened"
    """Approved once, then the case was reopened; kept for the history."""

    @property
    def label(self) -> str:
        return {
            "submitted": "待审批",
            "approved": "已批准",
            "returned": "已退回",
            "reopened": "已重新开启",
        }[self.value]


class Attainment(enum.StrEnum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"

    @property
    def label(self) -> str:
        return {"met": "达成", "partly": "部分达成", "not_met": "未达成"}[self.value]


class ReferralStatus(enum.StrEnum):
    SENT = "sent"
    RECEIVED = "received"
    FEEDBACK = "feedback"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            "sent": "已转出",
            "received": "已接收",
            "feedback": "已反馈",
            "rejected": "未接收",
        }[self.value]


ASSESSMENT_DOMAINS: tuple[tuple[str, str], ...] = (
    ("physical", "生理健康"),
    ("emotional", "心理情绪"),
    ("family", "家庭关系"),
    ("economic", "经济"),
    ("housing", "居住安全"),
    ("social_support", "社会支持"),
    ("education_work", "教育就业"),
    ("care", "照护"),
)

# Closure reasons that may end a case before any evaluation: there is no one left to evaluate
# with, the client has chosen to stop, or another agency takes over. Closure-reason codes.
EARLY_EXIT_REASONS = frozenset({"deceased", "moved_away", "client_request", "referred"})

# Days until the next contact is due, by urgency first and then by risk.
CONTACT_INTERVAL_DAYS: dict[str, int] = {
    Urgency.URGENT.value: 1,
    RiskLevel.HIGH.value: 7,
    RiskLevel.MEDIUM.value: 14,
    RiskLevel.LOW.value: 30,
}

# Reminder thresholds (settings keys and defaults); the administrator may change them.
REMINDER_HIGH_RISK_DAYS = "reminders.high_risk_days"
REMINDER_URGENT_DAYS = "reminders.urgent_days"
REMINDER_DEFAULTS: dict[str, int] = {REMINDER_HIGH_RISK_DAYS: 7, REMINDER_URGENT_DAYS: 1}


def contact_interval(risk_level: str, urgency: str) -> int:
    """Days from one contact to the next that the risk and urgency ask for."""
    if urgency == Urgency.URGENT.value:
        return CONTACT_INTERVAL_DAYS[Urgency.URGENT.value]
    return CONTACT_INTERVAL_DAYS.get(risk_level, CONTACT_INTERVAL_DAYS[RiskLevel.LOW.value])


class Action(enum.StrEnum):
    EDIT_INTAKE = "edit_intake"
    DECLINE = "decline"
    REFER_AT_INTAKE = "refer_at_intake"
    ASSESS = "assess"
    SAVE_PLAN = "save_plan"
    SUBMIT_PLAN = "submit_plan"
    APPROVE_PLAN = "approve_plan"
    RETURN_PLAN = "return_plan"
    ADD_RECORD = "add_record"
    ADD_REFERRAL = "add_referral"
    UPDATE_REFERRAL = "update_referral"
    EVALUATE = "evaluate"
    SUBMIT_CLOSURE = "submit_closure"
    APPROVE_CLOSURE = "approve_closure"
    RETURN_CLOSURE = "return_closure"
    FOLLOW_UP = "follow_up"
    PAUSE = "pause"
    RESUME = "resume"
    REASSIGN = "reassign"
    COMMENT = "comment"
    REOPEN = "reopen"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, str] = {
    Action.EDIT_INTAKE: "修改接案信息",
    Action.DECLINE: "不接案",
    Action.REFER_AT_INTAKE: "接案时转介",
    Action.ASSESS: "预估",
    Action.SAVE_PLAN: "保存服务计划",
    Action.SUBMIT_PLAN: "提交计划审批",
    Action.APPROVE_PLAN: "批准计划",
    Action.RETURN_PLAN: "退回计划",
    Action.ADD_RECORD: "添加服务记录",
    Action.ADD_REFERRAL: "转介",
    Action.UPDATE_REFERRAL: "更新转介状态",
    Action.EVALUATE: "评估",
    Action.SUBMIT_CLOSURE: "申请结案",
    Action.APPROVE_CLOSURE: "批准结案",
    Action.RETURN_CLOSURE: "退回结案申请",
    Action.FOLLOW_UP: "添加跟进记录",
    Action.PAUSE: "暂停",
    Action.RESUME: "恢复",
    Action.REASSIGN: "改派社工",
    Action.COMMENT: "督导意见",
    Action.REOPEN: "重新开启",
}

# Actions that change nothing of the case's content, so a paused case still allows them.
_WHILE_PAUSED = frozenset({Action.RESUME, Action.REASSIGN, Action.COMMENT})
# Actions allowed on a locked (closed) case.
_WHILE_LOCKED = frozenset({Action.COMMENT, Action.REOPEN, Action.FOLLOW_UP, Action.UPDATE_REFERRAL})
# Actions only the station head (or the administrator) may take.
HEAD_ACTIONS = frozenset(
    {
        Action.APPROVE_PLAN,
        Action.RETURN_PLAN,
        Action.APPROVE_CLOSURE,
        Action.RETURN_CLOSURE,
        Action.REASSIGN,
        Action.REOPEN,
    }
)


@dataclass(frozen=True)
class CaseState:
    """What the rules need to know about a case."""

    stage: Stage
    paused: bool = False
    urgent: bool = False
    assessments: int = 0
    plan: PlanStatus | None = None
    """The status of the plan being worked on (draft, submitted, returned) or else the latest."""
    has_approved_plan: bool = False
    records: int = 0
    evaluations: int = 0
    closure: ClosureStatus | None = None
    """The status of the latest closure request."""
    closed_by_referral: bool = False
    referrals: int = 0
    """Referrals made from the case; only these have a status to update."""


NO_REFERRAL_MESSAGE = "个案还没有转介记录，没有可以更新的转介状态。"
LOCKED_MESSAGE = "个案已结案，档案已锁定，不能再修改。如需修改，请站长重新开启个案。"


def check(state: CaseState, action: Action, *, closure_reason: str = "") -> None:
    """Raise `NotAllowedNow` naming the missing step when `action` cannot happen now."""
    message = refusal(state, action, closure_reason=closure_reason)
    if message:
        raise NotAllowedNow(message)


def allowed(state: CaseState, action: Action, *, closure_reason: str = "") -> bool:
    return not refusal(state, action, closure_reason=closure_reason)


def refusal(state: CaseState, action: Action, *, closure_reason: str = "") -> str:
    """The Chinese reason why `action` is refused in `state`, or "" when it is allowed."""
    stage = state.stage
    if stage.locked:
        return _refusal_locked(state, action)
    if action is Action.REOPEN:
        return "个案没有结案，不需要重新开启。"
    if action is Action.FOLLOW_UP:
        return "个案还没有批准结案，不能添加跟进记录。跟进在结案之后进行。"
    if state.paused and action not in _WHILE_PAUSED:
        return "个案已暂停，请先恢复个案再继续。"
    return _refusal_working(state, action, closure_reason)


def _refusal_locked(state: CaseState, action: Action) -> str:
    if action not in _WHILE_LOCKED:
        return LOCKED_MESSAGE
    if action is Action.FOLLOW_UP and state.stage is not Stage.FOLLOW_UP:
        return "个案的跟进计划已完成或没有跟进计划，不能再添加跟进记录。"
    if action is Action.UPDATE_REFERRAL and not state.closed_by_referral:
        return LOCKED_MESSAGE
    if action is Action.UPDATE_REFERRAL and state.referrals == 0:
        return NO_REFERRAL_MESSAGE
    return ""


def _refusal_working(state: CaseState, action: Action, closure_reason: str) -> str:
    stage = state.stage
    if action in (Action.DECLINE, Action.REFER_AT_INTAKE) and stage is not Stage.INTAKE:
        return "只有在接案阶段才能决定不接案或转介；之后请走结案或转介流程。"
    if action is Action.UPDATE_REFERRAL and state.referrals == 0:
        return NO_REFERRAL_MESSAGE
    if action is Action.RESUME and not state.paused:
        return "个案没有暂停，不需要恢复。"
    if action is Action.PAUSE and state.paused:
        return "个案已经暂停。"
    if action is Action.SAVE_PLAN:
        if state.assessments == 0:
            return "还没有预估记录，不能制订服务计划。请先完成预估。"
        if state.plan is PlanStatus.SUBMITTED:
            return "服务计划正在等待站长审批，审批前不能修改。"
    if action is Action.SUBMIT_PLAN and state.plan not in (PlanStatus.DRAFT, PlanStatus.RETURNED):
        if state.plan is PlanStatus.SUBMITTED:
            return "服务计划已经提交，正在等待站长审批。"
        return "还没有待提交的服务计划。请先制订服务计划。"
    if (
        action in (Action.APPROVE_PLAN, Action.RETURN_PLAN)
        and state.plan is not PlanStatus.SUBMITTED
    ):
        return "没有等待审批的服务计划。"
    if action is Action.ADD_RECORD:
        return _refusal_record(state)
    if action is Action.EVALUATE and state.records == 0:
        return "还没有服务记录，不能进行评估。请先开展介入服务。"
    if action is Action.SUBMIT_CLOSURE:
        return _refusal_closure(state, closure_reason)
    if (
        action in (Action.APPROVE_CLOSURE, Action.RETURN_CLOSURE)
        and state.closure is not ClosureStatus.SUBMITTED
    ):
        return "没有等待审批的结案申请。"
    return ""


def _refusal_record(state: CaseState) -> str:
    if state.has_approved_plan or state.urgent:
        return ""
    if state.plan is None:
        return (
            "还没有服务计划，不能添加服务记录。请先制订服务计划并报站长批准"
            "（紧急个案可先介入、后补计划）。"
        )
    return "服务计划还没有经站长批准，不能添加服务记录。请先提交计划并等待审批。"


def _refusal_closure(state: CaseState, reason: str) -> str:
    if state.closure is ClosureStatus.SUBMITTED:
        return "结案申请已经提交，正在等待站长审批。"
    if reason in EARLY_EXIT_REASONS:
        return ""
    if state.evaluations == 0:
        return "还没有评估记录，不能申请结案。请先完成评估。"
    return ""


def stage_after(state: CaseState, action: Action, *, follow_up: bool = False) -> Stage:
    """The stage once `action` has been done (it must be allowed)."""
    stage = state.stage
    if action is Action.DECLINE:
        return Stage.DECLINED
    if action is Action.REFER_AT_INTAKE:
        return Stage.REFERRED
    if action is Action.APPROVE_CLOSURE:
        return Stage.FOLLOW_UP if follow_up else Stage.CLOSURE
    if action is Action.FOLLOW_UP:
        return Stage.FOLLOW_UP if follow_up else Stage.CLOSURE
    if action is Action.REOPEN:
        return reopened_stage(state)
    target = _FORWARD.get(action)
    if target is None or not stage.order < target.order <= Stage.EVALUATION.order:
        return stage
    return target


_FORWARD: dict[Action, Stage] = {
    Action.ASSESS: Stage.ASSESSMENT,
    Action.SAVE_PLAN: Stage.PLAN,
    Action.APPROVE_PLAN: Stage.INTERVENTION,
    Action.ADD_RECORD: Stage.INTERVENTION,
    Action.EVALUATE: Stage.EVALUATION,
}


def reopened_stage(state: CaseState) -> Stage:
    """Where a reopened case resumes: the furthest working stage its records support."""
    if state.evaluations:
        return Stage.EVALUATION
    if state.records or state.has_approved_plan:
        return Stage.INTERVENTION
    if state.plan is not None:
        return Stage.PLAN
    if state.assessments:
        return Stage.ASSESSMENT
    return Stage.INTAKE


def permitted(role: Role, action: Action, *, own_case: bool) -> bool:
    """Whether someone of `role` may take `action` on a case (theirs when `own_case`)."""
    if action is Action.COMMENT:
        return allows(role, Permission.WRITE_SUPERVISION)
    if action in HEAD_ACTIONS:
        return allows(role, Permission.APPROVE)
    if allows(role, Permission.EDIT_ANY_CASE):
        return True
    return own_case and allows(role, Permission.EDIT_OWN_CASE)


def available(state: CaseState, role: Role, *, own_case: bool) -> tuple[Action, ...]:
    """The actions the user could take now, for the case page's buttons."""
    return tuple(a for a in Action if permitted(role, a, own_case=own_case) and allowed(state, a))
