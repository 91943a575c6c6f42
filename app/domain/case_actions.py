"""The case page's actions grouped by the stage of the work they belong to.

Which actions a case allows now is `case_rules.available`; this only says under which
heading each one is shown, in the order of the stages (接案/预估 → 计划 → 服务 → 转介 →
结案/评估 → 跟进), with the actions that belong to no one stage last.
"""

from __future__ import annotations

import enum

from app.domain.case_rules import Action


class ActionGroup(enum.StrEnum):
    INTAKE = "intake"
    PLAN = "plan"
    SERVICE = "service"
    REFERRAL = "referral"
    CLOSURE = "closure"
    FOLLOW_UP = "follow_up"
    CASE = "case"

    @property
    def label(self) -> str:
        return GROUP_LABELS[self]


GROUP_LABELS: dict[ActionGroup, str] = {
    ActionGroup.INTAKE: "接案/预估",
    ActionGroup.PLAN: "计划",
    ActionGroup.SERVICE: "服务",
    ActionGroup.REFERRAL: "转介",
    ActionGroup.CLOSURE: "结案/评估",
    ActionGroup.FOLLOW_UP: "跟进",
    ActionGroup.CASE: "个案管理",
}

ACTION_GROUPS: dict[Action, ActionGroup] = {
    Action.EDIT_INTAKE: ActionGroup.INTAKE,
    Action.DECLINE: ActionGroup.INTAKE,
    Action.ASSESS: ActionGroup.INTAKE,
    Action.SAVE_PLAN: ActionGroup.PLAN,
    Action.SUBMIT_PLAN: ActionGroup.PLAN,
    Action.APPROVE_PLAN: ActionGroup.PLAN,
    Action.RETURN_PLAN: ActionGroup.PLAN,
    Action.ADD_RECORD: ActionGroup.SERVICE,
    Action.REFER_AT_INTAKE: ActionGroup.REFERRAL,
    Action.ADD_REFERRAL: ActionGroup.REFERRAL,
    Action.UPDATE_REFERRAL: ActionGroup.REFERRAL,
    Action.EVALUATE: ActionGroup.CLOSURE,
    Action.SUBMIT_CLOSURE: ActionGroup.CLOSURE,
    Action.APPROVE_CLOSURE: ActionGroup.CLOSURE,
    Action.RETURN_CLOSURE: ActionGroup.CLOSURE,
    Action.REOPEN: ActionGroup.CLOSURE,
    Action.FOLLOW_UP: ActionGroup.FOLLOW_UP,
    Action.PAUSE: ActionGroup.CASE,
    Action.RESUME: ActionGroup.CASE,
    Action.REASSIGN: ActionGroup.CASE,
    Action.COMMENT: ActionGroup.CASE,
}
