"""补录 through the case page: a closure the head approved on paper, typed in days later."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.case_rules import Stage
from app.domain.clock import FixedClock
from app.domain.roles import Role
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import ClosureInput
from app.services.clients.service import ClientService
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService
from app.store.engine import Database
from app.store.models import CaseClosure, CaseEvent
from app.ui.cases.page import CasesPage
from app.ui.cases.review_dialog import ReviewDialog
from app.ui.tasks import TaskRunner
from tests.ui.items import top_item
from tests.ui.test_cases_page import press, save
from tests.unit.services.case_flow import carry, new_client, open_case
from tests.unit.services.conftest import TODAY

TYPED_ON = TODAY + dt.timedelta(days=14)
SIGNED_ON = TYPED_ON - dt.timedelta(days=10)
REASON = "站长当天已在纸质结案表上签字"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def head(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.HEAD, "zhang", "张站长")


@pytest.fixture
def case_id(
    db: Database,
    admin: Actor,
    head: Actor,
    clock: FixedClock,
    make_actor: Callable[..., Actor],
) -> int:
    """A case whose closure the worker asked for on TODAY; the clock then moves on."""
    clocked = db.with_clock(clock)
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    cases, heads = CaseService(clocked, worker), CaseService(clocked, head)
    opened, _version = open_case(cases, new_client(clocked, worker))
    version = carry(cases, heads, opened, Stage.EVALUATION)
    closure = ClosureInput(reason="goals_met", summary="目标达成，生活稳定。")
    cases.submit_closure(opened, version=version, data=closure)
    clock.set(TYPED_ON)
    # The fixtures let any entry be late; this test is about the rule, so it is back at 7.
    SettingsService(clocked, admin).set_late_reason_days(7)
    return opened


def head_page(
    qtbot: QtBot, db: Database, head: Actor, tasks: TaskRunner, clock: FixedClock
) -> CasesPage:
    clocked = db.with_clock(clock)
    page = CasesPage(
        cases=CaseService(clocked, head),
        reminders=ReminderService(clocked, head),
        printing=CasePrintService(clocked, head),
        clients=ClientService(clocked, head),
        codes=CodeService(clocked, head),
        settings=SettingsService(clocked, head),
        tasks=tasks,
    )
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching and page._choices is not None, timeout=5_000)
    return page


def test_the_head_approves_a_closure_signed_ten_days_ago(
    qtbot: QtBot,
    db: Database,
    head: Actor,
    tasks: TaskRunner,
    clock: FixedClock,
    case_id: int,
) -> None:
    page = head_page(qtbot, db, head, tasks, clock)
    assert page._choices is not None and page._choices.late_reason_days == 7
    page.show_case(case_id)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    dialog = press(qtbot, page, "review_closure")
    assert isinstance(dialog, ReviewDialog)
    effective = dialog.effective
    # Today by default, never later; no reason asked for a step typed in the day it happens.
    assert effective.date.date() == qdate(TYPED_ON)
    assert effective.date.maximumDate() == qdate(TYPED_ON)
    assert not effective.reason.isVisibleTo(dialog)
    effective.date.setDate(qdate(TYPED_ON - dt.timedelta(days=7)))
    assert not effective.reason.isVisibleTo(dialog)
    effective.date.setDate(qdate(SIGNED_ON))
    assert effective.reason.isVisibleTo(dialog)

    # Ten days back without a reason: said at the reason field, nothing saved.
    dialog.approve_button.click()
    qtbot.waitUntil(lambda: bool(dialog.field_error("late_reason")), timeout=5_000)
    assert "补录原因" in dialog.field_error("late_reason")
    assert dialog.isVisible()
    cases = CaseService(db, head)
    assert cases.get(case_id).closed_on is None

    effective.reason.setText(REASON)
    save(qtbot, dialog, dialog.approve_button)
    qtbot.waitUntil(lambda: shown_closed(page), timeout=5_000)
    assert cases.get(case_id).closed_on == SIGNED_ON
    with db.read() as session:
        closing = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id.desc())
        ).first()
        closure = session.scalars(select(CaseClosure).where(CaseClosure.case_id == case_id)).one()
        assert closing is not None
        assert (closing.kind, closing.happened_on, closing.late_reason) == (
            "stage",
            SIGNED_ON,
            REASON,
        )
        assert closing.created_at.astimezone().date() == TYPED_ON
        assert closure.reviewed_on == SIGNED_ON

    # The timeline shows the 发生日期 and the day it was typed in, with the reason.
    timeline = page.detail.timeline
    rows = [top_item(timeline, i) for i in range(timeline.topLevelItemCount())]
    late = [r for r in rows if r.text(0).startswith(SIGNED_ON.isoformat())]
    assert [r.text(0) for r in late] == [
        f"{SIGNED_ON.isoformat()}(entered {TYPED_ON.month}/{TYPED_ON.day})"
    ]
    assert late[0].text(2).endswith(f"Late-entry reason: {REASON}")
    # The closure request was typed in on the day it was made: one date.
    request = [r.text(0) for r in rows if r.text(1).startswith("结案申请")]
    assert request == [TODAY.isoformat()]


def shown_closed(page: CasesPage) -> bool:
    detail = page.detail.detail
    return detail is not None and detail.closed_on is not None
