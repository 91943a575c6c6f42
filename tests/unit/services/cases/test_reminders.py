"""待办 on a fixed day: contacts due, silent high-risk cases, approvals, reviews, follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.case_rules import REMINDER_HIGH_RISK_DAYS, Stage
from app.domain.roles import Role
from app.services.cases.reminders import Reminder, ReminderKind, ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import ClosureInput, ServiceRecordInput
from app.services.context import Actor
from app.services.settings.stations import SettingsService
from app.store.engine import Database
from tests.unit.services.case_flow import carry, new_client, open_case
from tests.unit.services.conftest import TODAY


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


@pytest.fixture
def head(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.HEAD, "zhang", "张站长")


def kinds(items: list[Reminder], case_id: int) -> set[ReminderKind]:
    return {r.kind for r in items if r.case_id == case_id}


def test_contact_due_and_silent_high_risk(db: Database, worker: Actor) -> None:
    w = CaseService(db, worker, today=TODAY)
    # Intake 10 days ago at high risk: contact was due after 7 days, and none was made.
    high, _ = open_case(
        w,
        new_client(db, worker, "甲", 51),
        intake_date=TODAY - dt.timedelta(days=10),
        risk_level="high",
    )
    # Intake today at low risk: next contact in 30 days, nothing due.
    calm, _ = open_case(w, new_client(db, worker, "乙", 53), intake_date=TODAY)
    # Urgent, opened yesterday: one day without contact is already too long.
    urgent, _ = open_case(
        w,
        new_client(db, worker, "丙", 55),
        intake_date=TODAY - dt.timedelta(days=1),
        urgency="urgent",
    )
    items = ReminderService(db, worker, today=TODAY).todo()
    assert kinds(items, high) == {ReminderKind.CONTACT_DUE, ReminderKind.NO_CONTACT}
    assert kinds(items, calm) == set()
    assert kinds(items, urgent) == {ReminderKind.CONTACT_DUE, ReminderKind.NO_CONTACT}
    silent = next(r for r in items if r.case_id == high and r.kind is ReminderKind.NO_CONTACT)
    assert silent.text == "高风险个案已10天未联系" and silent.case_no.startswith("JX0426-")
    assert items[0].kind is ReminderKind.NO_CONTACT
    # A low-risk urgent case is watched too, and the label says so.
    late = next(r for r in items if r.case_id == urgent and r.kind is ReminderKind.NO_CONTACT)
    assert late.text == "紧急个案已1天未联系"
    assert "紧急" in ReminderKind.NO_CONTACT.label and "高风险" in ReminderKind.NO_CONTACT.label

    # A contact yesterday silences the high-risk alarm and moves the next contact on.
    detail = w.get(urgent)
    w.add_service_record(
        urgent,
        version=detail.version,
        data=ServiceRecordInput(TODAY, "phone", 10, next_contact_date=TODAY + dt.timedelta(days=2)),
    )
    items = ReminderService(db, worker, today=TODAY).todo()
    assert kinds(items, urgent) == set()


def test_thresholds_come_from_settings(db: Database, worker: Actor, admin: Actor) -> None:
    w = CaseService(db, worker, today=TODAY)
    case_id, _ = open_case(
        w, new_client(db, worker), intake_date=TODAY - dt.timedelta(days=4), risk_level="high"
    )
    service = ReminderService(db, worker, today=TODAY)
    assert ReminderKind.NO_CONTACT not in kinds(service.todo(), case_id)
    SettingsService(db, admin).set(REMINDER_HIGH_RISK_DAYS, 3, station_id=admin.station_id)
    assert service.thresholds().high_risk_days == 3
    assert ReminderKind.NO_CONTACT in kinds(service.todo(), case_id)


def test_head_sees_approvals_and_worker_only_own_cases(
    db: Database,
    worker: Actor,
    head: Actor,
    make_actor: Callable[..., Actor],
) -> None:
    other = make_actor(Role.WORKER, "chen", "陈静")
    w, h = CaseService(db, worker, today=TODAY), CaseService(db, head, today=TODAY)
    plan_case, _ = open_case(w, new_client(db, worker, "甲", 61))
    version = carry(w, h, plan_case, Stage.PLAN)
    w.submit_plan(plan_case, version=version)
    closing, _ = open_case(w, new_client(db, worker, "乙", 63))
    version = carry(w, h, closing, Stage.EVALUATION)
    w.submit_closure(closing, version=version, data=ClosureInput("goals_met", "目标达成"))
    theirs, _ = open_case(
        CaseService(db, other, today=TODAY),
        new_client(db, other, "丙", 65),
        intake_date=TODAY - dt.timedelta(days=40),
    )

    head_items = ReminderService(db, head, today=TODAY).todo()
    assert ReminderKind.PLAN_APPROVAL in kinds(head_items, plan_case)
    assert ReminderKind.CLOSURE_APPROVAL in kinds(head_items, closing)
    assert ReminderKind.CONTACT_DUE in kinds(head_items, theirs)
    mine = ReminderService(db, worker, today=TODAY).todo()
    assert {r.case_id for r in mine} <= {plan_case, closing}
    assert not any(r.kind is ReminderKind.PLAN_APPROVAL for r in mine)
    # A worker cannot look at a colleague's list by passing their id.
    assert ReminderService(db, worker, today=TODAY).todo(worker_id=other.user_id) == mine
    one = ReminderService(db, head, today=TODAY).todo(worker_id=other.user_id)
    assert {r.case_id for r in one} == {theirs}


def test_plan_review_and_follow_up_due(db: Database, worker: Actor, head: Actor) -> None:
    w, h = CaseService(db, worker, today=TODAY), CaseService(db, head, today=TODAY)
    reviewing, _ = open_case(w, new_client(db, worker, "甲", 71))
    carry(w, h, reviewing, Stage.INTERVENTION)
    following, _ = open_case(w, new_client(db, worker, "乙", 73))
    carry(w, h, following, Stage.FOLLOW_UP)
    later = TODAY + dt.timedelta(days=31)
    items = ReminderService(db, worker, today=later).todo()
    assert ReminderKind.PLAN_REVIEW in kinds(items, reviewing)
    assert kinds(items, following) == {ReminderKind.FOLLOW_UP_DUE}
    assert ReminderKind.FOLLOW_UP_DUE not in kinds(
        ReminderService(db, worker, today=TODAY).todo(), following
    )


def test_paused_cases_wait(db: Database, worker: Actor) -> None:
    w = CaseService(db, worker, today=TODAY)
    case_id, version = open_case(
        w, new_client(db, worker), intake_date=TODAY - dt.timedelta(days=20), risk_level="high"
    )
    w.pause(case_id, version=version, reason="住院治疗")
    assert kinds(ReminderService(db, worker, today=TODAY).todo(), case_id) == set()
