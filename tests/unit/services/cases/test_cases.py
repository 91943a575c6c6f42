"""Case work through the service: the whole journey, numbering, permissions, locking."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.case_rules import NotAllowedNow, Stage
from app.domain.errors import (
    ConflictError,
    DuplicateRecord,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from app.domain.roles import Role
from app.services.access.auth import actor_for
from app.services.cases.service import CaseService
from app.services.cases.types import (
    AssessmentInput,
    CaseQuery,
    ClosureInput,
    EvaluationInput,
    FollowUpInput,
    GoalInput,
    IntakeInput,
    OpenCaseInput,
    PlanInput,
    ReferralInput,
    ServiceRecordInput,
)
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Case, CaseEvent, Station, User
from tests.unit.services.case_flow import INTAKE, carry, new_client, open_case
from tests.unit.services.conftest import TODAY, audit_actions


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


@pytest.fixture
def head(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.HEAD, "zhang", "张站长")


def svc(db: Database, actor: Actor) -> CaseService:
    return CaseService(db, actor, today=TODAY)


def record(day: dt.date, **fields: Any) -> ServiceRecordInput:
    default = ServiceRecordInput(served_on=day, mode="phone", duration_min=15, content="电话问候")
    return replace(default, **fields)


def test_a_case_from_intake_to_follow_up(db: Database, worker: Actor, head: Actor) -> None:
    w, h = svc(db, worker), svc(db, head)
    case_id, version = open_case(w, new_client(db, worker))
    assert w.get(case_id).stage == Stage.INTAKE
    version = carry(w, h, case_id, Stage.FOLLOW_UP)
    detail = w.get(case_id)
    assert detail.stage == Stage.FOLLOW_UP and detail.stage_label == "跟进中"
    assert detail.locked and detail.closed_on == TODAY
    assert detail.next_contact_date == TODAY + dt.timedelta(days=30)
    assert detail.plans[0].status == "approved" and detail.plans[0].reviewed_by == "张站长"
    assert [g.attainment for g in detail.plans[0].goals] == ["met", "met"]

    # Follow-ups are the one thing a closed case still takes; marking the plan done ends 跟进中.
    version = w.add_follow_up(
        case_id, version=version, data=FollowUpInput(TODAY, "phone", "生活稳定，扶手使用良好")
    ).version
    assert w.get(case_id).stage == Stage.FOLLOW_UP
    w.add_follow_up(
        case_id, version=version, data=FollowUpInput(TODAY, "phone", "回访完毕", plan_done=True)
    )
    detail = w.get(case_id)
    assert detail.stage == Stage.CLOSURE and detail.stage_label == "已结案"
    assert detail.next_contact_date is None
    stages = [e.to_value for e in detail.events if e.kind in ("open", "stage")]
    assert stages == [
        "intake", "assessment", "plan", "intervention", "evaluation", "follow_up", "closure"
    ]  # fmt: skip
    days = [t.on for t in detail.timeline]
    assert days == sorted(days)
    kinds = {t.kind for t in detail.timeline}
    assert {"assessment", "plan", "record", "evaluation", "closure", "follow_up"} <= kinds
    actions = audit_actions(db, entity="case", entity_id=case_id)
    assert actions[0] == "open_case"
    assert {"approve_plan", "add_record", "approve_closure", "follow_up"} <= set(actions)


def test_numbers_run_per_station_and_year(db: Database, worker: Actor) -> None:
    w = svc(db, worker)
    numbers = []
    for i, day in enumerate([dt.date(2024, 12, 30), dt.date(2025, 1, 2), dt.date(2025, 1, 3)]):
        client = new_client(db, worker, f"对象{i}", seq=10 + i)
        numbers.append(w.open_case(_intake(client, day)).case_no)
    assert numbers == ["JX0426-2024-0001", "JX0426-2025-0001", "JX0426-2025-0002"]
    # A second station counts from 1 again with its own code.
    with db.write() as session:
        station = Station(code="JX0427", name="东山镇社工站")
        session.add(station)
        session.flush()
        user = User(
            station_id=station.id,
            login="dong",
            display_name="东山社工",
            role="worker",
            password_hash="x",
        )
        session.add(user)
        session.flush()
        dong = actor_for(session, user)
    client = new_client(db, dong, "东山对象", seq=20)
    assert (
        svc(db, dong).open_case(_intake(client, dt.date(2025, 2, 1))).case_no == "JX0427-2025-0001"
    )
    assert (
        w.open_case(_intake(new_client(db, worker, "再一位", 19), TODAY)).case_no
        == "JX0426-2025-0003"
    )


def test_declined_and_referred_numbers_are_not_reused(db: Database, worker: Actor) -> None:
    w = svc(db, worker)
    client = new_client(db, worker, "甲", 21)
    first = w.open_case(_intake(client, INTAKE, decision="decline", decision_reason="不在服务范围"))
    second = w.open_case(_intake(new_client(db, worker, "乙", 22), INTAKE))
    assert first.case_no.endswith("-0001") and second.case_no.endswith("-0002")
    assert w.get(first.case_id).stage == Stage.DECLINED
    with pytest.raises(InvalidInput, match="原因"):
        w.open_case(_intake(new_client(db, worker, "丙", 23), INTAKE, decision="decline"))
    third = w.open_case(_intake(new_client(db, worker, "丁", 24), INTAKE))
    assert third.case_no.endswith("-0003")


def _intake(client_id: int, day: dt.date, **fields: Any) -> OpenCaseInput:
    default = OpenCaseInput(client_id=client_id, intake_date=day, presenting_problem="生活困难")
    return replace(default, **fields)


def _open_many(
    path: Path, actor: Actor, client_ids: list[int], out: list[str], errors: list[BaseException]
) -> None:
    database = Database.open(path)
    try:
        service = CaseService(database, actor, today=TODAY)
        for cid in client_ids:
            out.append(service.open_case(_intake(cid, INTAKE)).case_no)
    except BaseException as exc:  # handed to the main thread to fail the test
        errors.append(exc)
    finally:
        database.dispose()


def test_numbers_stay_unique_and_gapless_under_concurrent_creation(
    db: Database, db_path: Path, worker: Actor
) -> None:
    threads_n, per_thread = 6, 8
    clients = [
        new_client(db, worker, f"并发{i}", seq=100 + i) for i in range(threads_n * per_thread)
    ]
    numbers: list[str] = []
    errors: list[BaseException] = []
    threads = [
        threading.Thread(
            target=_open_many,
            args=(db_path, worker, clients[i * per_thread : (i + 1) * per_thread], numbers, errors),
        )
        for i in range(threads_n)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(numbers) == len(set(numbers)) == threads_n * per_thread
    expected = {f"JX0426-{INTAKE.year}-{n:04d}" for n in range(1, threads_n * per_thread + 1)}
    assert set(numbers) == expected
    with db.read() as session:
        assert set(session.scalars(select(Case.case_no))) == expected


def test_a_client_has_one_open_case(db: Database, worker: Actor) -> None:
    w = svc(db, worker)
    client = new_client(db, worker)
    case_id, _ = open_case(w, client)
    with pytest.raises(DuplicateRecord) as caught:
        open_case(w, client)
    assert caught.value.existing_id == case_id


def test_stage_rules_name_the_missing_step(db: Database, worker: Actor, head: Actor) -> None:
    w, h = svc(db, worker), svc(db, head)
    case_id, version = open_case(w, new_client(db, worker))
    with pytest.raises(NotAllowedNow, match="请先完成预估"):
        w.save_plan(case_id, version=version, data=_plan())
    with pytest.raises(NotAllowedNow, match="还没有服务计划"):
        w.add_service_record(case_id, version=version, data=record(INTAKE))
    version = carry(w, h, case_id, Stage.PLAN)
    with pytest.raises(NotAllowedNow, match="没有经站长批准"):
        w.add_service_record(case_id, version=version, data=record(INTAKE))
    with pytest.raises(NotAllowedNow, match="还没有服务记录"):
        w.add_evaluation(case_id, version=version, data=_evaluation())
    with pytest.raises(NotAllowedNow, match="还没有评估记录，不能申请结案。请先完成评估。"):
        w.submit_closure(case_id, version=version, data=ClosureInput("goals_met", "小结"))
    # A client who moved away can be closed without an evaluation.
    version = w.submit_closure(
        case_id, version=version, data=ClosureInput("moved_away", "已迁出")
    ).version
    with pytest.raises(NotAllowedNow, match="正在等待站长审批"):
        w.submit_closure(case_id, version=version, data=ClosureInput("moved_away", "再次"))


def test_urgent_case_may_be_served_before_its_plan(db: Database, worker: Actor) -> None:
    w = svc(db, worker)
    case_id, version = open_case(w, new_client(db, worker), urgency="urgent")
    assert w.get(case_id).next_contact_date == INTAKE + dt.timedelta(days=1)
    day = INTAKE + dt.timedelta(days=3)
    w.add_service_record(
        case_id, version=version, data=record(day, next_contact_date=day + dt.timedelta(days=2))
    )
    detail = w.get(case_id)
    assert detail.stage == Stage.INTERVENTION
    assert detail.next_contact_date == day + dt.timedelta(days=2)


def test_risk_rerating_needs_a_reason_and_is_kept(db: Database, worker: Actor) -> None:
    w = svc(db, worker)
    case_id, version = open_case(w, new_client(db, worker))
    data = AssessmentInput(assessed_on=INTAKE + dt.timedelta(days=1), risk_level="high")
    with pytest.raises(InvalidInput, match="从中调整为高"):
        w.add_assessment(case_id, version=version, data=data)
    version = w.add_assessment(
        case_id,
        version=version,
        data=AssessmentInput(
            INTAKE + dt.timedelta(days=1), risk_level="high", risk_reason="再次跌倒"
        ),
    ).version
    w.add_assessment(
        case_id,
        version=version,
        data=AssessmentInput(INTAKE + dt.timedelta(days=5), risk_level="high"),
    )
    detail = w.get(case_id)
    assert [a.round for a in detail.assessments] == [1, 2]
    assert detail.risk_level == "high"
    assert [(e.from_value, e.to_value, e.reason) for e in detail.events if e.kind == "risk"] == [
        ("medium", "high", "再次跌倒")
    ]
    # High risk brings the next contact forward to a week after the assessment.
    assert detail.next_contact_date == INTAKE + dt.timedelta(days=8)


def test_plan_return_and_resubmission(db: Database, worker: Actor, head: Actor) -> None:
    w, h = svc(db, worker), svc(db, head)
    case_id, _ = open_case(w, new_client(db, worker))
    version = carry(w, h, case_id, Stage.PLAN)
    version = w.submit_plan(case_id, version=version).version
    with pytest.raises(NotAllowedNow, match="等待站长审批"):
        w.save_plan(case_id, version=version, data=_plan())
    with pytest.raises(InvalidInput, match="写明"):
        h.return_plan(case_id, version=version, comment=" ")
    version = h.return_plan(case_id, version=version, comment="目标请写得更具体").version
    version = w.save_plan(case_id, version=version, data=_plan("每周探访两次")).version
    version = w.submit_plan(case_id, version=version).version
    h.approve_plan(case_id, version=version)
    plans = w.get(case_id).plans
    assert len(plans) == 1 and plans[0].status == "approved"
    assert plans[0].overall_goal == "每周探访两次"
    assert plans[0].review_comment == ""


def test_permissions_per_role(
    db: Database, worker: Actor, head: Actor, make_actor: Callable[..., Actor]
) -> None:
    other = make_actor(Role.WORKER, "chen", "陈静")
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    w = svc(db, worker)
    case_id, version = open_case(w, new_client(db, worker))
    with pytest.raises(PermissionDenied, match="李伟负责的个案"):
        svc(db, other).add_assessment(
            case_id, version=version, data=AssessmentInput(INTAKE, risk_level="medium")
        )
    assert svc(db, other).get(case_id).actions == ()
    with pytest.raises(PermissionDenied):
        svc(db, supervisor).pause(case_id, version=version, reason="x")
    with pytest.raises(PermissionDenied, match="只有站长"):
        w.reassign(case_id, version=version, worker_id=other.user_id)
    with pytest.raises(PermissionDenied, match="只有督导、站长"):
        w.add_comment(case_id, body="自己评论")
    with pytest.raises(PermissionDenied, match="只有站长可以把个案"):
        open_case(w, new_client(db, worker, "王五", 31), worker_id=other.user_id)
    with pytest.raises(PermissionDenied):
        open_case(svc(db, supervisor), new_client(db, worker, "赵六", 33))
    svc(db, supervisor).add_comment(case_id, body="注意家属沟通")
    sup_view = svc(db, supervisor).get(case_id)
    assert sup_view.actions == ("comment",) and not sup_view.can_reveal
    assert "*" in sup_view.client_id_masked
    with pytest.raises(PermissionDenied):
        svc(db, supervisor).reveal_id_number(case_id)
    assert len(w.reveal_id_number(case_id)) == 18
    assert "reveal" in audit_actions(db, entity="client")
    # The head edits any case and reassigns it; the old worker is then read-only.
    version = (
        svc(db, head)
        .reassign(case_id, version=version, worker_id=other.user_id, reason="调岗")
        .version
    )
    assert svc(db, other).get(case_id).worker == "陈静"
    with pytest.raises(PermissionDenied):
        w.pause(case_id, version=version, reason="x")
    svc(db, other).pause(case_id, version=version, reason="住院")
    events = [(e.kind, e.from_value, e.to_value) for e in w.get(case_id).events]
    assert ("reassign", "李伟", "陈静") in events and ("pause", "", "") in events
    assert "reassign" in audit_actions(db, entity="case", entity_id=case_id)


def test_closed_case_is_locked_until_the_head_reopens_it(
    db: Database, worker: Actor, head: Actor
) -> None:
    w, h = svc(db, worker), svc(db, head)
    case_id, _ = open_case(w, new_client(db, worker))
    version = carry(w, h, case_id, Stage.CLOSURE)
    locked = "档案已锁定"
    with pytest.raises(NotAllowedNow, match=locked):
        w.add_service_record(case_id, version=version, data=record(TODAY))
    with pytest.raises(NotAllowedNow, match=locked):
        h.update_intake(case_id, version=version, data=IntakeInput(INTAKE, presenting_problem="改"))
    with pytest.raises(NotAllowedNow, match="跟进计划已完成或没有跟进计划"):
        w.add_follow_up(case_id, version=version, data=FollowUpInput(TODAY, result="回访"))
    with pytest.raises(PermissionDenied):
        w.reopen(case_id, version=version, reason="新问题")
    with pytest.raises(InvalidInput):
        h.reopen(case_id, version=version, reason="")
    version = h.reopen(case_id, version=version, reason="服务对象再次跌倒").version
    detail = w.get(case_id)
    assert detail.stage == Stage.EVALUATION and not detail.locked and detail.closed_on is None
    assert [c.status for c in detail.closures] == ["reopened"]
    assert ("reopen", "服务对象再次跌倒") in [(e.kind, e.reason) for e in detail.events]
    assert "reopen" in audit_actions(db, entity="case", entity_id=case_id)
    w.add_service_record(case_id, version=version, data=record(TODAY))


def test_optimistic_lock_refuses_a_stale_save(db: Database, worker: Actor, head: Actor) -> None:
    w, h = svc(db, worker), svc(db, head)
    case_id, version = open_case(w, new_client(db, worker))
    h.pause(case_id, version=version, reason="外出务工")
    with pytest.raises(ConflictError, match="张站长"):
        w.add_assessment(
            case_id, version=version, data=AssessmentInput(INTAKE, risk_level="medium")
        )
    assert len(w.get(case_id).assessments) == 0


def test_referral_closes_the_case_through_the_head(
    db: Database, worker: Actor, head: Actor
) -> None:
    w, h = svc(db, worker), svc(db, head)
    case_id, _ = open_case(w, new_client(db, worker))
    version = carry(w, h, case_id, Stage.ASSESSMENT)
    data = ReferralInput(
        "县残联",
        INTAKE + dt.timedelta(days=5),
        reason="需要辅具适配",
        consent_given=True,
        closes_case=True,
    )
    version = w.add_referral(case_id, version=version, data=data).version
    detail = w.get(case_id)
    assert detail.closures[0].reason == "referred" and detail.closures[0].status == "submitted"
    version = h.approve_closure(case_id, version=version).version
    referral = w.get(case_id).referrals[0]
    # Feedback from the agency still arrives after the case is closed.
    w.update_referral(
        referral.id, version=referral.version, status="feedback", feedback="已适配轮椅"
    )
    detail = w.get(case_id)
    assert detail.stage == Stage.CLOSURE and detail.referrals[0].status == "feedback"


def test_refer_at_intake(db: Database, worker: Actor) -> None:
    w = svc(db, worker)
    case_id, version = open_case(w, new_client(db, worker))
    w.refer(case_id, version=version, data=ReferralInput("镇卫生院", INTAKE, reason="需医疗救治"))
    detail = w.get(case_id)
    assert detail.stage == Stage.REFERRED and detail.decision == "refer"
    assert detail.referrals[0].closes_case


def test_list_filters_and_search(db: Database, worker: Actor, head: Actor) -> None:
    w = svc(db, worker)
    first, _ = open_case(w, new_client(db, worker, "张桂兰", 41), risk_level="high")
    second, _ = open_case(w, new_client(db, worker, "刘建国", 43), urgency="urgent")
    third, _ = open_case(svc(db, head), new_client(db, head, "张三", 45))
    assert set(w.search_ids(CaseQuery())) == {first, second, third}
    assert set(w.search_ids(CaseQuery(text="张"))) == {first, third}
    assert w.search_ids(CaseQuery(text="桂兰")) == [first]
    number = w.get(second).case_no
    assert w.search_ids(CaseQuery(text=number.lower())) == [second]
    assert w.search_ids(CaseQuery(risk_level="high")) == [first]
    assert w.search_ids(CaseQuery(urgency="urgent")) == [second]
    assert set(w.search_ids(CaseQuery(worker_id=worker.user_id))) == {first, second}
    assert w.search_ids(CaseQuery(stage="declined")) == []
    # Default order: most pressing next contact first (urgent: one day after intake).
    assert w.search_ids(CaseQuery())[0] == second
    rows = w.rows([third, 999, first])
    assert [r.id for r in rows] == [third, first]
    assert (
        rows[0].client_name == "张三"
        and rows[0].stage_label == "接案"
        and "*" in rows[0].client_id_masked
    )


def test_missing_case_is_not_found(db: Database, worker: Actor) -> None:
    with pytest.raises(NotFound):
        svc(db, worker).get(12345)


def test_stage_events_match_stage(db: Database, worker: Actor, head: Actor) -> None:
    w, h = svc(db, worker), svc(db, head)
    case_id, _ = open_case(w, new_client(db, worker))
    carry(w, h, case_id, Stage.EVALUATION)
    with db.read() as session:
        last = session.scalars(
            select(CaseEvent.to_value)
            .where(CaseEvent.case_id == case_id, CaseEvent.kind == "stage")
            .order_by(CaseEvent.id)
        ).all()[-1]
    assert last == w.get(case_id).stage == "evaluation"


def _plan(goal: str = "降低跌倒风险") -> PlanInput:
    return PlanInput(goal, goals=(GoalInput("安装扶手"),))


def _evaluation() -> EvaluationInput:
    return EvaluationInput(INTAKE + dt.timedelta(days=30), satisfaction=4)
