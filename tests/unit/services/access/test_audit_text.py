"""What the audit log shows for a real case's steps: Chinese throughout, no codes."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.domain.roles import Role
from app.services.access.audit import AuditService
from app.services.cases.service import CaseService
from app.services.cases.types import AssessmentInput
from app.services.context import Actor
from app.store.engine import Database
from tests.unit.services.case_flow import INTAKE, new_client, open_case
from tests.unit.services.conftest import TODAY

# Stage, decision, risk and role codes as the services write them.
CODES = re.compile(r"\b(intake|assessment|accept|decline|low|medium|high|worker|head)\b")


def test_a_case_reads_as_chinese_in_the_log(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    other = make_actor(Role.WORKER, "wangfang", "王芳")
    cases, head = CaseService(db, worker, today=TODAY), CaseService(db, admin, today=TODAY)
    case_id, version = open_case(cases, new_client(db, worker), risk_level="medium")
    version = cases.add_assessment(
        case_id, version=version,
        data=AssessmentInput(assessed_on=INTAKE, domains={"physical": "跌倒"}, risk_level="high",
                             risk_reason="近期两次跌倒"),
    ).version  # fmt: skip
    head.reassign(case_id, version=version, worker_id=other.user_id, reason="调岗")
    rows = AuditService(db, admin).recent(entity="case", entity_id=case_id)
    texts = {row.action: row.text for row in rows}
    assert "接案决定：接案" in texts["open_case"]
    assert "风险等级：中 → 高" in texts["assess"] and "阶段：预估" in texts["assess"]
    assert "负责社工：李伟 → 王芳" in texts["reassign"]
    for row in AuditService(db, admin).recent():
        assert not CODES.search(row.text), row.text
        assert "{" not in row.text and '"' not in row.text, row.text
