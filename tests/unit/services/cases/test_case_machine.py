"""Random case actions through the service, with the invariants checked after every step.

Never two plans or two closures awaiting approval; a closed case does not change except
through reopening, follow-up, referral feedback and comments; the counts the case shows
are the records that were added; the stage is always a known one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from app.domain.case_rules import NotAllowedNow, Stage
from app.domain.errors import AppError, ConflictError, PermissionDenied
from app.services.access.auth import actor_for
from app.services.cases.service import CaseService
from app.services.cases.types import (
    AssessmentInput,
    CaseDetail,
    ClosureInput,
    EvaluationInput,
    FollowUpInput,
    GoalInput,
    GoalResult,
    IntakeInput,
    PlanInput,
    ReferralInput,
    ServiceRecordInput,
)
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.setup import SetupService
from app.store.engine import Database
from app.store.models import User
from tests.conftest import allow_late_entries
from tests.consents import consent_to_services
from tests.unit.services.case_flow import INTAKE, open_case
from tests.unit.services.conftest import TODAY

_WORLD: tuple[Database, Actor, Actor, Actor] | None = None


def world() -> tuple[Database, Actor, Actor, Actor]:
    """One database for every example (each example opens its own case): worker, head, other."""
    global _WORLD
    if _WORLD is None:
        db = Database.open(Path(tempfile.mkdtemp()) / "machine.sqlite3")
        setup = SetupService(db)
        setup.prepare()
        admin = setup.initialise(
            station_name="梅林镇社工站",
            station_code="JX0426",
            villages=["梅林村"],
            admin_login="admin",
            admin_display_name="王站长",
            password="admin-pass-1",
        )
        allow_late_entries(db)
        actors = []
        with db.write() as session:
            for login, role in (("w1", "worker"), ("h1", "head"), ("w2", "worker")):
                user = User(
                    station_id=admin.station_id,
                    login=login,
                    display_name=login,
                    role=role,
                    password_hash="x",
                )
                session.add(user)
                session.flush()
                actors.append(actor_for(session, user))
        _WORLD = (db, actors[0], actors[1], actors[2])
    return _WORLD


_SEQ = itertools.count(1)
REASONS = st.sampled_from(["goals_met", "client_request", "deceased", "other"])
DAYS = st.integers(min_value=0, max_value=(TODAY - INTAKE).days)


def _content(d: CaseDetail) -> tuple[object, ...]:
    """What a closed case must keep: its records, plans, evaluations, stage and worker."""
    return (
        d.stage,
        d.worker_id,
        d.risk_level,
        d.urgency,
        d.paused,
        d.presenting_problem,
        len(d.assessments),
        tuple((p.status, len(p.goals)) for p in d.plans),
        len(d.records),
        len(d.evaluations),
        tuple(c.status for c in d.closures),
        len(d.referrals),
    )


class CaseMachine(RuleBasedStateMachine):
    @initialize(urgent=st.booleans())
    def open(self, urgent: bool) -> None:
        self.db, worker, head, self.other = world()
        self.w = CaseService(self.db, worker, today=TODAY)
        self.h = CaseService(self.db, head, today=TODAY)
        # Clients without ID numbers, so examples never run out of distinct ones.
        client = (
            ClientService(self.db, worker, today=TODAY).create(ClientInput(f"对象{next(_SEQ)}")).id
        )
        consent_to_services(self.db, worker, client)
        self.case_id, _ = open_case(self.w, client, urgency="urgent" if urgent else "normal")
        self.counts = {"records": 0, "assessments": 0, "evaluations": 0, "follow_ups": 0}
        self.before: CaseDetail = self.w.get(self.case_id)

    def _do(self, service: CaseService, call: str, *, exempt: bool = False, **kw: object) -> bool:
        """Run one action on the freshly loaded case; returns whether it went through."""
        before = service.get(self.case_id)
        try:
            getattr(service, call)(self.case_id, version=before.version, **kw)
        except AppError:
            after = self.w.get(self.case_id)
            assert after.version == before.version and _content(after) == _content(before)
            return False
        if before.locked and not exempt:
            raise AssertionError(f"{call} went through on a closed case")
        return True

    def _day(self, offset: int) -> dt.date:
        return INTAKE + dt.timedelta(days=offset)

    @rule(day=DAYS, high=st.booleans())
    def assess(self, day: int, high: bool) -> None:
        risk = "high" if high else self.w.get(self.case_id).risk_level
        data = AssessmentInput(
            self._day(day), {"family": "关系紧张"}, risk_level=risk, risk_reason="复评"
        )
        if self._do(self.w, "add_assessment", data=data):
            self.counts["assessments"] += 1

    @rule(goals=st.integers(min_value=0, max_value=3))
    def save_plan(self, goals: int) -> None:
        data = PlanInput("改善生活状况", tuple(GoalInput(f"目标{i}") for i in range(goals)))
        self._do(self.w, "save_plan", data=data)

    @rule()
    def submit_plan(self) -> None:
        self._do(self.w, "submit_plan")

    @rule(approve=st.booleans())
    def review_plan(self, approve: bool) -> None:
        if approve:
            self._do(self.h, "approve_plan", comment="同意")
        else:
            self._do(self.h, "return_plan", comment="请补充")

    @rule(day=DAYS)
    def add_record(self, day: int) -> None:
        before = self.w.get(self.case_id)
        data = ServiceRecordInput(self._day(day), "phone", 20, content="电话联系")
        if self._do(self.w, "add_service_record", data=data):
            self.counts["records"] += 1
            approved = any(p.status in ("approved", "superseded") for p in before.plans)
            assert approved or before.urgency == "urgent"

    @rule(satisfaction=st.integers(min_value=1, max_value=5))
    def evaluate(self, satisfaction: int) -> None:
        plan = self.w.get(self.case_id).current_plan
        goals = tuple(GoalResult(g.id, "partly") for g in plan.goals) if plan else ()
        data = EvaluationInput(TODAY, goals, "有改善", satisfaction)
        if self._do(self.w, "add_evaluation", data=data):
            self.counts["evaluations"] += 1

    @rule(reason=REASONS, follow=st.booleans())
    def submit_closure(self, reason: str, follow: bool) -> None:
        before = self.w.get(self.case_id)
        data = ClosureInput(reason, "小结", "电话回访" if follow else "")
        if self._do(self.w, "submit_closure", data=data) and reason not in (
            "client_request",
            "deceased",
        ):
            assert before.evaluations, "a closure went in without an evaluation"

    @rule(approve=st.booleans())
    def review_closure(self, approve: bool) -> None:
        if approve:
            self._do(self.h, "approve_closure")
        else:
            self._do(self.h, "return_closure", comment="请补充评估")

    @rule(done=st.booleans())
    def follow_up(self, done: bool) -> None:
        if self._do(
            self.w, "add_follow_up", exempt=True, data=FollowUpInput(TODAY, "phone", "稳定", done)
        ):
            self.counts["follow_ups"] += 1

    @rule()
    def refer_and_close(self) -> None:
        data = ReferralInput("县残联", TODAY, reason="辅具", closes_case=True)
        self._do(self.w, "add_referral", data=data)

    @rule(pause=st.booleans())
    def pause_or_resume(self, pause: bool) -> None:
        self._do(self.w, "pause" if pause else "resume", reason="原因")

    @rule()
    def decline(self) -> None:
        self._do(self.w, "decline", reason="不在服务范围")

    @rule()
    def edit_intake(self) -> None:
        self._do(self.w, "update_intake", data=IntakeInput(INTAKE, presenting_problem="新情况"))

    @rule()
    def reopen(self) -> None:
        self._do(self.h, "reopen", exempt=True, reason="再次求助")

    @rule()
    def reassign_there_and_back(self) -> None:
        detail = self.w.get(self.case_id)
        if self._do(self.h, "reassign", worker_id=self.other.user_id):
            back = self.h.get(self.case_id)
            self.h.reassign(self.case_id, version=back.version, worker_id=detail.worker_id)

    @rule()
    def stale_save_is_refused(self) -> None:
        detail = self.w.get(self.case_id)
        try:
            self.w.pause(self.case_id, version=detail.version - 1, reason="旧版本")
        except (ConflictError, NotAllowedNow, PermissionDenied):
            pass
        else:
            raise AssertionError("a save from an older version went through")
        assert self.w.get(self.case_id).version == detail.version

    @invariant()
    def consistent(self) -> None:
        if not hasattr(self, "case_id"):
            return
        d = self.w.get(self.case_id)
        assert d.stage in {s.value for s in Stage}
        assert sum(p.status == "submitted" for p in d.plans) <= 1
        assert sum(c.status == "submitted" for c in d.closures) <= 1
        assert sum(p.status == "approved" for p in d.plans) <= 1
        assert (len(d.records), len(d.assessments), len(d.evaluations), len(d.follow_ups)) == (
            self.counts["records"],
            self.counts["assessments"],
            self.counts["evaluations"],
            self.counts["follow_ups"],
        )
        assert [a.round for a in d.assessments] == list(range(1, len(d.assessments) + 1))
        assert d.locked == (d.closed_on is not None)
        if d.stage in ("closure", "follow_up"):
            assert any(c.status == "approved" for c in d.closures)
        assert len(d.timeline) >= len(d.records) + len(d.assessments)


CaseMachine.TestCase.settings = settings(
    max_examples=20,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestCaseMachine = CaseMachine.TestCase
