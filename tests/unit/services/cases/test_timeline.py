"""The case timeline by 发生日期: a 补录 says when it was typed in and why it is late."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from app.domain.clock import FixedClock
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput, ServiceRecordInput
from app.services.context import Actor
from app.services.history import When
from app.store.engine import Database
from tests.unit.services.case_flow import new_client

TYPED_ON = dt.date(2025, 7, 14)


def test_late_entries_show_both_dates_and_their_reasons(
    db: Database, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    client_id = new_client(db, worker)
    cases = CaseService(db.with_clock(FixedClock(TYPED_ON)), worker)
    opened = cases.open_case(
        OpenCaseInput(
            client_id=client_id, intake_date=dt.date(2025, 6, 30), urgency="urgent",
            presenting_problem="独居，行动不便。", late_reason="接案表上周才交回",
        )
    )  # fmt: skip
    # An urgent case may be served before its plan: the record moves the stage on.
    version = cases.add_service_record(
        opened.case_id,
        version=opened.version,
        data=ServiceRecordInput(
            served_on=dt.date(2025, 7, 1), mode="home_visit", content="入户探访。",
            late_reason="纸质记录补录",
        ),
    ).version  # fmt: skip
    version = cases.pause(
        opened.case_id,
        version=version,
        reason="住院",
        when=When(dt.date(2025, 7, 2), "出院后才补登"),
    ).version
    cases.resume(opened.case_id, version=version, reason="出院")

    timeline = cases.get(opened.case_id).timeline
    seen = [(e.title, e.on, e.entered_on, e.late_reason) for e in timeline]
    assert seen == [
        ("接案", dt.date(2025, 6, 30), TYPED_ON, "接案表上周才交回"),
        ("阶段变更", dt.date(2025, 7, 1), TYPED_ON, "纸质记录补录"),
        ("服务记录·入户探访", dt.date(2025, 7, 1), TYPED_ON, "纸质记录补录"),
        ("暂停", dt.date(2025, 7, 2), TYPED_ON, "出院后才补登"),
        # Typed in on the day it happened: one date, nothing to explain.
        ("恢复", TYPED_ON, None, ""),
    ]
