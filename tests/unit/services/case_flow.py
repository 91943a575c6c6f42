"""Helpers that carry a case through its stages, shared by the case, reminder and PDF tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from app.domain.case_rules import Stage
from app.services.cases.service import CaseService
from app.services.cases.types import (
    AssessmentInput,
    ClosureInput,
    EvaluationInput,
    GoalInput,
    GoalResult,
    OpenCaseInput,
    PlanInput,
    ServiceRecordInput,
)
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from tests.consents import consent_to_services
from tests.unit.services.conftest import TODAY, id_number

INTAKE = TODAY - dt.timedelta(days=60)


def new_client(
    db: Database, actor: Actor, name: str = "李秀英", seq: int = 2, *, consent: bool = True
) -> int:
    """A registered client with an ID number (born 1950-03-08) who has signed the service
    consent a case needs (`consent=False`: not yet)."""
    data = ClientInput(name=name, id_number=id_number("19500308", seq), address="梅林村3组")
    client_id = ClientService(db, actor, today=TODAY).create(data).id
    if consent:
        consent_to_services(db, actor, client_id)
    return client_id


def open_case(svc: CaseService, client_id: int, **fields: Any) -> tuple[int, int]:
    """Open a case at intake; returns (case id, version)."""
    default = OpenCaseInput(
        client_id=client_id,
        intake_date=INTAKE,
        source="outreach",
        presenting_problem="独居，腿脚不便，近期多次跌倒，子女在外地务工。",
        risk_level="medium",
    )
    saved = svc.open_case(replace(default, **fields))
    return saved.case_id, saved.version


def carry(worker: CaseService, head: CaseService, case_id: int, until: Stage) -> int:
    """Carry an open case forward until it reaches `until`; returns the case version."""
    detail = worker.get(case_id)
    version = detail.version
    day = INTAKE
    if until.order >= Stage.ASSESSMENT.order and not detail.assessments:
        version = worker.add_assessment(
            case_id,
            version=version,
            data=AssessmentInput(
                assessed_on=day + dt.timedelta(days=2),
                domains={"physical": "行走需扶拐杖", "social_support": "邻里偶尔照看"},
                strengths="性格开朗，愿意配合",
                needs=("防跌倒改造", "定期探访"),
                risk_level="medium",
            ),
        ).version
    if until.order >= Stage.PLAN.order and not detail.plans:
        version = worker.save_plan(
            case_id,
            version=version,
            data=PlanInput(
                overall_goal="降低跌倒风险，建立稳定的邻里支持",
                goals=(
                    GoalInput("完成居家防跌倒改造", "安装扶手", "链接残联资源", "社工", day),
                    GoalInput("每周至少一次探访", "探访记录", "组织志愿者", "志愿者"),
                ),
                review_due=TODAY + dt.timedelta(days=30),
            ),
        ).version
    if until.order >= Stage.INTERVENTION.order:
        version = worker.submit_plan(case_id, version=version).version
        version = head.approve_plan(case_id, version=version, comment="同意").version
        version = worker.add_service_record(
            case_id,
            version=version,
            data=ServiceRecordInput(
                served_on=day + dt.timedelta(days=10),
                mode="home_visit",
                duration_min=60,
                content="入户探访，查看居住环境，确认扶手安装位置。",
            ),
        ).version
    if until.order >= Stage.EVALUATION.order:
        goals = worker.get(case_id).current_plan
        assert goals is not None
        version = worker.add_evaluation(
            case_id,
            version=version,
            data=EvaluationInput(
                evaluated_on=day + dt.timedelta(days=40),
                goals=tuple(GoalResult(g.id, "met", "3", "8") for g in goals.goals),
                change_summary="扶手已安装，三个月内未再跌倒。",
                satisfaction=5,
            ),
        ).version
    if until.order >= Stage.CLOSURE.order:
        follow_up = until is Stage.FOLLOW_UP
        version = worker.submit_closure(
            case_id,
            version=version,
            data=ClosureInput(
                reason="goals_met",
                summary="目标达成，服务对象生活稳定。",
                follow_up_plan="三个月内电话回访两次" if follow_up else "",
                follow_up_until=TODAY + dt.timedelta(days=30) if follow_up else None,
            ),
        ).version
        version = head.approve_closure(case_id, version=version).version
    return version
