"""The case stage machine: every action in every stage, and the messages that name the gap."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.case_rules import (
    WORKING_STAGES,
    Action,
    CaseState,
    ClosureStatus,
    NotAllowedNow,
    PlanStatus,
    Stage,
    allowed,
    available,
    check,
    contact_interval,
    permitted,
    refusal,
    reopened_stage,
    stage_after,
)
from app.domain.roles import Role

A = Action
# A typical case at each stage: the records that stage implies.
TYPICAL: dict[Stage, CaseState] = {
    Stage.INTAKE: CaseState(Stage.INTAKE),
    Stage.ASSESSMENT: CaseState(Stage.ASSESSMENT, assessments=1),
    Stage.PLAN: CaseState(Stage.PLAN, assessments=1, plan=PlanStatus.DRAFT),
    Stage.INTERVENTION: CaseState(
        Stage.INTERVENTION,
        assessments=1,
        plan=PlanStatus.APPROVED,
        has_approved_plan=True,
        records=1,
    ),
    Stage.EVALUATION: CaseState(
        Stage.EVALUATION,
        assessments=1,
        plan=PlanStatus.APPROVED,
        has_approved_plan=True,
        records=1,
        evaluations=1,
    ),
    Stage.CLOSURE: CaseState(Stage.CLOSURE, closure=ClosureStatus.APPROVED, evaluations=1),
    Stage.FOLLOW_UP: CaseState(Stage.FOLLOW_UP, closure=ClosureStatus.APPROVED, evaluations=1),
    Stage.DECLINED: CaseState(Stage.DECLINED),
    Stage.REFERRED: CaseState(Stage.REFERRED, closed_by_referral=True, referrals=1),
}
WORKING = {
    A.EDIT_INTAKE,
    A.ASSESS,
    A.ADD_REFERRAL,
    A.PAUSE,
    A.REASSIGN,
    A.COMMENT,
}
EXPECTED: dict[Stage, set[Action]] = {
    Stage.INTAKE: WORKING | {A.DECLINE, A.REFER_AT_INTAKE},
    Stage.ASSESSMENT: WORKING | {A.SAVE_PLAN},
    Stage.PLAN: WORKING | {A.SAVE_PLAN, A.SUBMIT_PLAN},
    Stage.INTERVENTION: WORKING | {A.SAVE_PLAN, A.ADD_RECORD, A.EVALUATE},
    Stage.EVALUATION: WORKING | {A.SAVE_PLAN, A.ADD_RECORD, A.EVALUATE, A.SUBMIT_CLOSURE},
    Stage.CLOSURE: {A.COMMENT, A.REOPEN},
    Stage.FOLLOW_UP: {A.COMMENT, A.REOPEN, A.FOLLOW_UP},
    Stage.DECLINED: {A.COMMENT, A.REOPEN},
    Stage.REFERRED: {A.COMMENT, A.REOPEN, A.UPDATE_REFERRAL},
}


@pytest.mark.parametrize("stage", [*WORKING_STAGES, Stage.REFERRED])
def test_a_referral_status_needs_a_referral(stage: Stage) -> None:
    without = replace(TYPICAL[stage], referrals=0)
    assert "没有转介记录" in refusal(without, A.UPDATE_REFERRAL)
    assert allowed(replace(TYPICAL[stage], referrals=2), A.UPDATE_REFERRAL)


@pytest.mark.parametrize("stage", list(Stage))
@pytest.mark.parametrize("action", list(Action))
def test_every_action_in_every_stage(stage: Stage, action: Action) -> None:
    state = TYPICAL[stage]
    expected = action in EXPECTED[stage]
    assert allowed(state, action) is expected, refusal(state, action)
    if not expected:
        with pytest.raises(NotAllowedNow) as caught:
            check(state, action)
        assert caught.value.message  # a Chinese sentence, never empty


def test_closure_without_evaluation_names_the_missing_step() -> None:
    with pytest.raises(NotAllowedNow) as caught:
        check(TYPICAL[Stage.INTERVENTION], A.SUBMIT_CLOSURE, closure_reason="goals_met")
    assert caught.value.message == "还没有评估记录，不能申请结案。请先完成评估。"


@pytest.mark.parametrize("reason", ["deceased", "moved_away", "client_request", "referred"])
def test_early_exit_reasons_close_without_evaluation(reason: str) -> None:
    assert allowed(TYPICAL[Stage.ASSESSMENT], A.SUBMIT_CLOSURE, closure_reason=reason)


@pytest.mark.parametrize(
    ("state", "action", "words"),
    [
        (TYPICAL[Stage.INTAKE], A.SAVE_PLAN, "请先完成预估"),
        (TYPICAL[Stage.ASSESSMENT], A.ADD_RECORD, "还没有服务计划"),
        (TYPICAL[Stage.PLAN], A.ADD_RECORD, "请先提交计划并等待审批"),
        (TYPICAL[Stage.PLAN], A.EVALUATE, "请先开展介入服务"),
        (TYPICAL[Stage.PLAN], A.APPROVE_PLAN, "没有等待审批的服务计划"),
        (TYPICAL[Stage.EVALUATION], A.APPROVE_CLOSURE, "没有等待审批的结案申请"),
        (TYPICAL[Stage.ASSESSMENT], A.DECLINE, "只有在接案阶段"),
        (TYPICAL[Stage.CLOSURE], A.ADD_RECORD, "请站长重新开启"),
        (TYPICAL[Stage.CLOSURE], A.FOLLOW_UP, "跟进计划已完成"),
        (TYPICAL[Stage.EVALUATION], A.FOLLOW_UP, "跟进在结案之后进行"),
        (TYPICAL[Stage.EVALUATION], A.REOPEN, "不需要重新开启"),
        (TYPICAL[Stage.EVALUATION], A.RESUME, "没有暂停"),
    ],
)
def test_refusals_say_what_is_missing(state: CaseState, action: Action, words: str) -> None:
    assert words in refusal(state, action)


def test_plan_waiting_for_approval() -> None:
    state = CaseState(Stage.PLAN, assessments=1, plan=PlanStatus.SUBMITTED)
    assert allowed(state, A.APPROVE_PLAN) and allowed(state, A.RETURN_PLAN)
    assert "等待站长审批" in refusal(state, A.SAVE_PLAN)
    assert "已经提交" in refusal(state, A.SUBMIT_PLAN)
    returned = CaseState(Stage.PLAN, assessments=1, plan=PlanStatus.RETURNED)
    assert allowed(returned, A.SAVE_PLAN) and allowed(returned, A.SUBMIT_PLAN)


def test_closure_waiting_for_approval() -> None:
    state = CaseState(
        Stage.EVALUATION,
        assessments=1,
        has_approved_plan=True,
        records=1,
        evaluations=1,
        closure=ClosureStatus.SUBMITTED,
    )
    assert allowed(state, A.APPROVE_CLOSURE) and allowed(state, A.RETURN_CLOSURE)
    assert "正在等待站长审批" in refusal(state, A.SUBMIT_CLOSURE)


def test_urgent_case_may_be_served_before_the_plan() -> None:
    assert allowed(CaseState(Stage.INTAKE, urgent=True), A.ADD_RECORD)
    assert stage_after(CaseState(Stage.INTAKE, urgent=True), A.ADD_RECORD) is Stage.INTERVENTION


def test_paused_case_allows_only_resume_reassign_comment() -> None:
    state = CaseState(Stage.INTERVENTION, paused=True, has_approved_plan=True, assessments=1)
    assert {a for a in Action if allowed(state, a)} == {A.RESUME, A.REASSIGN, A.COMMENT}
    assert "请先恢复个案" in refusal(state, A.ADD_RECORD)


@pytest.mark.parametrize(
    ("stage", "action", "after"),
    [
        (Stage.INTAKE, A.ASSESS, Stage.ASSESSMENT),
        (Stage.INTERVENTION, A.ASSESS, Stage.INTERVENTION),
        (Stage.ASSESSMENT, A.SAVE_PLAN, Stage.PLAN),
        (Stage.PLAN, A.APPROVE_PLAN, Stage.INTERVENTION),
        (Stage.EVALUATION, A.APPROVE_PLAN, Stage.EVALUATION),
        (Stage.INTERVENTION, A.EVALUATE, Stage.EVALUATION),
        (Stage.EVALUATION, A.ADD_RECORD, Stage.EVALUATION),
        (Stage.INTAKE, A.DECLINE, Stage.DECLINED),
        (Stage.INTAKE, A.REFER_AT_INTAKE, Stage.REFERRED),
        (Stage.EVALUATION, A.APPROVE_CLOSURE, Stage.CLOSURE),
        (Stage.PLAN, A.PAUSE, Stage.PLAN),
    ],
)
def test_stage_after(stage: Stage, action: Action, after: Stage) -> None:
    assert stage_after(TYPICAL[stage], action) is after


def test_closure_with_follow_up_and_its_end() -> None:
    state = TYPICAL[Stage.EVALUATION]
    assert stage_after(state, A.APPROVE_CLOSURE, follow_up=True) is Stage.FOLLOW_UP
    assert stage_after(TYPICAL[Stage.FOLLOW_UP], A.FOLLOW_UP, follow_up=True) is Stage.FOLLOW_UP
    assert stage_after(TYPICAL[Stage.FOLLOW_UP], A.FOLLOW_UP, follow_up=False) is Stage.CLOSURE


def test_reopen_resumes_where_the_records_end() -> None:
    assert reopened_stage(CaseState(Stage.DECLINED)) is Stage.INTAKE
    assert reopened_stage(CaseState(Stage.CLOSURE, assessments=2)) is Stage.ASSESSMENT
    assert reopened_stage(CaseState(Stage.CLOSURE, assessments=1, records=3)) is Stage.INTERVENTION
    assert reopened_stage(TYPICAL[Stage.CLOSURE]) is Stage.EVALUATION


def test_who_may_do_what() -> None:
    assert permitted(Role.WORKER, A.ADD_RECORD, own_case=True)
    assert not permitted(Role.WORKER, A.ADD_RECORD, own_case=False)
    assert not permitted(Role.WORKER, A.APPROVE_PLAN, own_case=True)
    assert not permitted(Role.WORKER, A.COMMENT, own_case=True)
    assert permitted(Role.HEAD, A.ADD_RECORD, own_case=False)
    assert permitted(Role.ADMIN, A.REOPEN, own_case=False)
    assert permitted(Role.SUPERVISOR, A.COMMENT, own_case=False)
    assert not permitted(Role.SUPERVISOR, A.ADD_RECORD, own_case=True)
    assert available(TYPICAL[Stage.CLOSURE], Role.WORKER, own_case=True) == ()
    assert available(TYPICAL[Stage.CLOSURE], Role.HEAD, own_case=False) == (A.COMMENT, A.REOPEN)


def test_contact_interval_by_urgency_then_risk() -> None:
    assert contact_interval("low", "urgent") == 1
    assert contact_interval("high", "normal") == 7
    assert contact_interval("medium", "priority") == 14
    assert contact_interval("low", "normal") == 30
