"""The values case work takes and returns."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from app.services.rooms.lookup import AUTO as ROOM_OF_WORKER

# ---- in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenCaseInput:
    """接案. `decision` is accept, decline (reason required) or refer (agency required)."""

    client_id: int
    intake_date: dt.date
    source: str = ""
    referrer: str = ""
    presenting_problem: str = ""
    risk_level: str = "low"
    urgency: str = "normal"
    worker_id: int | None = None
    decision: str = "accept"
    decision_reason: str = ""
    refer_to: str = ""
    refer_contact: str = ""
    visit_id: int | None = None
    """The home visit the case was opened from, if any."""
    late_reason: str = ""
    """Why the intake is entered late (补录), when its date is that far back."""
    consent_exemption: str = ""
    """Why an accepted case opens without the service consent signed (domain.consent), or ""."""
    consent_note: str = ""
    """Who signed for the client, or what the emergency was; required with an exemption."""


@dataclass(frozen=True)
class IntakeInput:
    """The intake details that stay editable while the case is open."""

    intake_date: dt.date
    source: str = ""
    referrer: str = ""
    presenting_problem: str = ""
    urgency: str = "normal"


@dataclass(frozen=True)
class AssessmentInput:
    """预估. `domains` maps a domain code (case_rules.ASSESSMENT_DOMAINS) to notes."""

    assessed_on: dt.date
    domains: dict[str, str] = field(default_factory=dict)
    strengths: str = ""
    needs: tuple[str, ...] = ()
    risk_level: str = "low"
    risk_reason: str = ""
    late_reason: str = ""
    """Why it is entered late (补录), when its date is that far back."""


@dataclass(frozen=True)
class GoalInput:
    goal: str
    measures: str = ""
    actions: str = ""
    who: str = ""
    due_date: dt.date | None = None


@dataclass(frozen=True)
class PlanInput:
    overall_goal: str
    goals: tuple[GoalInput, ...] = ()
    review_due: dt.date | None = None


@dataclass(frozen=True)
class ServiceRecordInput:
    """介入: one contact; `mode` is a service-mode code."""

    served_on: dt.date
    mode: str
    duration_min: int = 0
    start_time: dt.time | None = None
    place: str = ""
    people_present: str = ""
    goal_id: int | None = None
    content: str = ""
    analysis: str = ""
    next_step: str = ""
    next_contact_date: dt.date | None = None
    late_reason: str = ""
    """Why it is entered late (补录), when its date is that far back."""
    room_id: int | None = ROOM_OF_WORKER
    """The 社工室 where it happened; None: none; ROOM_OF_WORKER: the worker's that day."""


@dataclass(frozen=True)
class ReferralInput:
    agency: str
    sent_on: dt.date
    contact: str = ""
    reason: str = ""
    consent_given: bool = False
    closes_case: bool = False
    late_reason: str = ""
    partner_id: int | None = None
    """The directory's partner picked; None: the one named exactly `agency`, if any."""


@dataclass(frozen=True)
class GoalResult:
    goal_id: int
    attainment: str
    pre_score: str = ""
    post_score: str = ""


@dataclass(frozen=True)
class EvaluationInput:
    evaluated_on: dt.date
    goals: tuple[GoalResult, ...] = ()
    change_summary: str = ""
    satisfaction: int | None = None
    late_reason: str = ""
    """Why it is entered late (补录), when its date is that far back."""


@dataclass(frozen=True)
class ClosureInput:
    """结案 request; `reason` is a closure-reason code. A follow-up plan keeps it 跟进中."""

    reason: str
    summary: str = ""
    follow_up_plan: str = ""
    follow_up_until: dt.date | None = None


@dataclass(frozen=True)
class FollowUpInput:
    contacted_on: dt.date
    mode: str = ""
    result: str = ""
    plan_done: bool = False
    next_contact_date: dt.date | None = None
    late_reason: str = ""
    """Why it is entered late (补录), when its date is that far back."""


class CaseSort(enum.StrEnum):
    NEXT_CONTACT = "next_contact"
    CASE_NO = "case_no"
    INTAKE = "intake"
    RISK = "risk"
    CLIENT = "client"
    WORKER = "worker"


@dataclass(frozen=True)
class CaseQuery:
    """What the case list shows. Empty values filter nothing."""

    text: str = ""
    stage: str = ""
    worker_id: int | None = None
    risk_level: str = ""
    urgency: str = ""
    open_only: bool = False
    """Only cases still being worked on (not closed, declined or referred)."""
    sort: CaseSort = CaseSort.NEXT_CONTACT
    descending: bool = False


# ---- out -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseSaved:
    case_id: int
    version: int
    record_id: int | None = None
    """The record just added (assessment, plan, service record…), when there is one."""
    case_no: str = ""


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list; the client's ID number is masked."""

    id: int
    case_no: str
    client_name: str
    client_id_masked: str
    village: str
    worker: str
    stage: str
    stage_label: str
    paused: bool
    risk_level: str
    urgency: str
    intake_date: dt.date
    next_contact_date: dt.date | None


@dataclass(frozen=True)
class AssessmentView:
    id: int
    round: int
    assessed_on: dt.date
    domains: dict[str, str]
    strengths: str
    needs: tuple[str, ...]
    risk_level: str
    risk_reason: str
    author: str
    entered_on: dt.date | None = None
    """The local day it was typed in (录入), when that may differ from its own date."""
    late_reason: str = ""
    """Why it was entered late (补录), when one was asked for."""


@dataclass(frozen=True)
class GoalView:
    id: int
    seq: int
    goal: str
    measures: str
    actions: str
    who: str
    due_date: dt.date | None
    attainment: str
    pre_score: str
    post_score: str


@dataclass(frozen=True)
class PlanView:
    id: int
    version: int
    overall_goal: str
    status: str
    review_due: dt.date | None
    created_on: dt.date
    submitted_at: dt.datetime | None
    reviewed_by: str
    reviewed_at: dt.datetime | None
    review_comment: str
    goals: tuple[GoalView, ...]


@dataclass(frozen=True)
class RecordView:
    id: int
    served_on: dt.date
    start_time: dt.time | None
    duration_min: int
    mode: str
    mode_label: str
    place: str
    people_present: str
    goal_id: int | None
    content: str
    analysis: str
    next_step: str
    next_contact_date: dt.date | None
    worker: str
    entered_on: dt.date | None = None
    """The local day it was typed in (录入), when that may differ from its own date."""
    late_reason: str = ""
    """Why it was entered late (补录), when one was asked for."""


@dataclass(frozen=True)
class ReferralView:
    id: int
    version: int
    agency: str
    contact: str
    reason: str
    consent_given: bool
    sent_on: dt.date
    status: str
    feedback: str
    closes_case: bool
    entered_on: dt.date | None = None
    """The local day it was typed in (录入), when that may differ from its own date."""
    late_reason: str = ""
    """Why it was entered late (补录), when one was asked for."""


@dataclass(frozen=True)
class EvaluationView:
    id: int
    evaluated_on: dt.date
    change_summary: str
    satisfaction: int | None
    author: str
    entered_on: dt.date | None = None
    """The local day it was typed in (录入), when that may differ from its own date."""
    late_reason: str = ""
    """Why it was entered late (补录), when one was asked for."""


@dataclass(frozen=True)
class ClosureView:
    id: int
    reason: str
    reason_label: str
    summary: str
    follow_up_plan: str
    follow_up_until: dt.date | None
    status: str
    submitted_on: dt.date
    reviewed_by: str
    reviewed_at: dt.datetime | None
    review_comment: str


@dataclass(frozen=True)
class FollowUpView:
    id: int
    contacted_on: dt.date
    mode: str
    result: str
    plan_done: bool
    author: str
    entered_on: dt.date | None = None
    """The local day it was typed in (录入), when that may differ from its own date."""
    late_reason: str = ""
    """Why it was entered late (补录), when one was asked for."""


@dataclass(frozen=True)
class EventView:
    id: int
    kind: str
    from_value: str
    to_value: str
    reason: str
    happened_on: dt.date
    author: str
    entered_on: dt.date | None = None
    """The local day it was typed in (录入), when that may differ from its own date."""
    late_reason: str = ""
    """Why it was entered late (补录), when one was asked for."""


@dataclass(frozen=True)
class CommentView:
    id: int
    body: str
    author: str
    written_on: dt.date


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the case's timeline: what happened on which day (发生日期)."""

    on: dt.date
    kind: str
    title: str
    summary: str
    record_id: int
    entered_on: dt.date | None = None
    """The local day it was typed in, when it differs from `on` (a 补录)."""
    late_reason: str = ""


@dataclass(frozen=True)
class CaseDetail:
    """A whole case for its page and its printout; the client's ID number is masked."""

    id: int
    version: int
    case_no: str
    client_id: int
    client_name: str
    client_sex: str
    client_age: int | None
    client_id_masked: str
    client_village: str
    client_address: str
    worker_id: int
    worker: str
    intake_date: dt.date
    source: str
    source_label: str
    referrer: str
    presenting_problem: str
    decision: str
    decision_reason: str
    risk_level: str
    urgency: str
    stage: str
    stage_label: str
    paused: bool
    locked: bool
    next_contact_date: dt.date | None
    closed_on: dt.date | None
    closure_reason: str
    consent_exemption: str
    """Why the case opened without the service consent signed (domain.consent), or ""."""
    consent_note: str
    assessments: tuple[AssessmentView, ...]
    plans: tuple[PlanView, ...]
    records: tuple[RecordView, ...]
    referrals: tuple[ReferralView, ...]
    evaluations: tuple[EvaluationView, ...]
    closures: tuple[ClosureView, ...]
    follow_ups: tuple[FollowUpView, ...]
    events: tuple[EventView, ...]
    comments: tuple[CommentView, ...]
    timeline: tuple[TimelineEntry, ...]
    actions: tuple[str, ...]
    """What the current user may do now (case_rules.Action values)."""
    can_reveal: bool

    @property
    def current_plan(self) -> PlanView | None:
        """The approved plan in force, else the one being worked on."""
        approved = [p for p in self.plans if p.status == "approved"]
        if approved:
            return approved[-1]
        return self.plans[-1] if self.plans else None
