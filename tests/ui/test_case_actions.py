"""The case page's buttons: under their stage, only what the case allows, explained, by Tab."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.case_actions import ActionGroup
from app.domain.case_rules import Stage
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.context import Actor
from app.store.engine import Database
from app.ui.cases.page import CasesPage
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import chinese_ui
from tests.ui.test_cases_page import make_page, wait_stage
from tests.unit.services.case_flow import TODAY, carry, new_client, open_case

CHINESE = re.compile(r"[\u4e00-\u9fff]")
# What the responsible worker sees in each stage of a typical case, heading by heading
# (printing, beside the case's title, is always there).
WORKER_SEES: dict[Stage, dict[ActionGroup, list[str]]] = {
    Stage.INTAKE: {
        ActionGroup.INTAKE: ["edit_intake", "assess", "decline"],
        ActionGroup.REFERRAL: ["refer_at_intake", "referral"],
        ActionGroup.CASE: ["pause"],
    },
    Stage.ASSESSMENT: {
        ActionGroup.INTAKE: ["edit_intake", "assess"],
        ActionGroup.PLAN: ["plan"],
        ActionGroup.REFERRAL: ["referral"],
        ActionGroup.CASE: ["pause"],
    },
    Stage.INTERVENTION: {
        ActionGroup.INTAKE: ["edit_intake", "assess"],
        ActionGroup.PLAN: ["plan"],
        ActionGroup.SERVICE: ["record"],
        ActionGroup.REFERRAL: ["referral"],
        ActionGroup.CLOSURE: ["evaluate"],
        ActionGroup.CASE: ["pause"],
    },
    Stage.EVALUATION: {
        ActionGroup.INTAKE: ["edit_intake", "assess"],
        ActionGroup.PLAN: ["plan"],
        ActionGroup.SERVICE: ["record"],
        ActionGroup.REFERRAL: ["referral"],
        ActionGroup.CLOSURE: ["evaluate", "closure"],
        ActionGroup.CASE: ["pause"],
    },
    Stage.FOLLOW_UP: {
        ActionGroup.FOLLOW_UP: ["follow_up"],
    },
    Stage.CLOSURE: {},
}


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "xiaozhang", "张社工")


def case_at(db: Database, worker: Actor, admin: Actor, stage: Stage, seq: int = 2) -> int:
    mine = CaseService(db, worker, today=TODAY)
    case_id, _ = open_case(mine, new_client(db, worker, f"李秀英{seq}", seq))
    if stage is not Stage.INTAKE:
        carry(mine, CaseService(db, admin, today=TODAY), case_id, stage)
    return case_id


def shown_page(
    qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner, case_id: int, stage: Stage
) -> CasesPage:
    page = make_page(qtbot, db, actor, tasks)
    page.show_case(case_id)
    wait_stage(qtbot, page, stage)
    return page


def seen(page: CasesPage) -> dict[ActionGroup, list[str]]:
    bar = page.detail.action_bar
    return {
        group: keys
        for group in ActionGroup
        if (keys := [k for k in bar.visible_keys() if bar.group_of(k) is group])
    }


@pytest.mark.parametrize("stage", list(WORKER_SEES))
def test_each_stage_shows_only_what_it_allows_under_its_heading(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner, stage: Stage
) -> None:
    case_id = case_at(db, worker, admin, stage)
    page = shown_page(qtbot, db, worker, tasks, case_id, stage)
    assert seen(page) == WORKER_SEES[stage]
    bar = page.detail.action_bar
    assert bar.print_button.isVisibleTo(page)  # in every stage
    for key in bar.visible_keys():
        assert bar.buttons[key].isVisibleTo(page) and bar.buttons[key].isEnabled(), key
    for group, heading in bar.headings.items():
        assert heading.isVisibleTo(page) is (group in WORKER_SEES[stage]), group


def test_the_head_sees_the_reviews_and_the_reopening(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner
) -> None:
    mine = CaseService(db, worker, today=TODAY)
    case_id = case_at(db, worker, admin, Stage.PLAN)
    mine.submit_plan(case_id, version=mine.get(case_id).version)
    head = shown_page(qtbot, db, admin, tasks, case_id, Stage.PLAN)
    assert seen(head)[ActionGroup.PLAN] == ["review_plan"]
    assert "reassign" in seen(head)[ActionGroup.CASE]
    closed = case_at(db, worker, admin, Stage.CLOSURE, seq=3)
    head.show_case(closed)
    wait_stage(qtbot, head, Stage.CLOSURE)
    assert seen(head) == {ActionGroup.CLOSURE: ["reopen"], ActionGroup.CASE: ["comment"]}


def test_every_button_says_in_chinese_what_it_does_and_when(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner
) -> None:
    with chinese_ui():
        case_id = case_at(db, worker, admin, Stage.INTAKE)
        page = shown_page(qtbot, db, admin, tasks, case_id, Stage.INTAKE)
        bar = page.detail.action_bar
        for key, button in bar.buttons.items():
            tip = button.toolTip()
            assert CHINESE.search(tip) and not re.search(r"[A-Za-z]{3,}", tip.replace("PDF", "")), (
                key,
                tip,
            )
            assert "可用" in tip or "站长" in tip, (key, tip)
            assert CHINESE.search(button.text()), key
        for heading in bar.headings.values():
            assert CHINESE.search(heading.text())


@pytest.mark.parametrize("stage", [Stage.INTAKE, Stage.EVALUATION])
def test_tab_reaches_every_button_shown(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner, stage: Stage
) -> None:
    case_id = case_at(db, worker, admin, stage)
    page = shown_page(qtbot, db, worker, tasks, case_id, stage)
    page.activateWindow()
    bar = page.detail.action_bar
    wanted = bar.visible_keys()
    first = bar.buttons[wanted[0]]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus, timeout=5_000)
    reached = [wanted[0]]
    for _ in wanted[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        reached += [k for k, b in bar.buttons.items() if b is focused]
    assert reached == wanted
