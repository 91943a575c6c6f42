"""The case page's headings: every action stands under one, in the order of the stages."""

from __future__ import annotations

from app.domain.case_actions import ACTION_GROUPS, GROUP_LABELS, ActionGroup
from app.domain.case_rules import Action, CaseState, Stage, available
from app.domain.roles import Role


def test_every_action_has_a_heading_with_a_chinese_label() -> None:
    assert set(ACTION_GROUPS) == set(Action)
    assert set(GROUP_LABELS) == set(ActionGroup)
    assert [g.label for g in ActionGroup][:6] == [
        "接案/预估",
        "计划",
        "服务",
        "转介",
        "结案/评估",
        "跟进",
    ]


def test_a_new_case_offers_intake_referral_and_case_actions_only() -> None:
    offered = available(CaseState(Stage.INTAKE), Role.WORKER, own_case=True)
    assert {ACTION_GROUPS[a] for a in offered} == {
        ActionGroup.INTAKE,
        ActionGroup.REFERRAL,
        ActionGroup.CASE,
    }


def test_a_closed_case_offers_only_its_reopening_and_comments() -> None:
    offered = available(CaseState(Stage.CLOSURE), Role.HEAD, own_case=False)
    assert {a: ACTION_GROUPS[a] for a in offered} == {
        Action.REOPEN: ActionGroup.CLOSURE,
        Action.COMMENT: ActionGroup.CASE,
    }
